package io.gatepass.server;

import io.gatepass.core.crypto.MasterKey;
import io.gatepass.core.crypto.SecretCipher;
import io.gatepass.core.id.IdGenerator;
import io.gatepass.core.token.RepositoryTokenVerifier;
import io.gatepass.core.token.TokenVerifier;
import io.gatepass.server.api.OperationTable;
import io.gatepass.server.api.gamelift.GameLiftService;
import io.gatepass.server.api.codeartifact.CodeArtifactService;
import io.gatepass.server.tokens.ComputeTokenAuthority;
import io.gatepass.server.tokens.RepositoryTokenAuthority;
import io.gatepass.server.tokens.StoredKeyRing;
import io.gatepass.server.api.iam.IamErrors;
import io.gatepass.server.api.iam.IamService;
import io.gatepass.server.api.sts.StsService;
import io.gatepass.server.auth.Authorizer;
import io.gatepass.server.auth.CredentialResolver;
import io.gatepass.server.auth.PolicyDocuments;
import io.gatepass.server.auth.SigV4Authenticator;
import io.gatepass.server.bootstrap.AdminBootstrap;
import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.http.ApiPipeline;
import io.gatepass.server.endpoints.packages.FormatContext;
import io.gatepass.server.endpoints.packages.PackageEndpoint;
import io.gatepass.server.endpoints.packages.PackageFormats;
import io.gatepass.server.endpoints.packages.RepositoryPermissions;
import io.gatepass.server.http.HttpFrontDoor;
import io.gatepass.server.http.PackageFrontDoor;
import io.gatepass.store.BlobStore;
import io.gatepass.store.blob.FileBlobStore;
import io.gatepass.server.http.ProtocolSelector;
import io.gatepass.server.identity.KeyIssuer;
import io.gatepass.server.ops.OpsEndpoints;
import io.gatepass.server.ops.RequestMetrics;
import io.gatepass.server.protocol.WireMappers;
import io.gatepass.server.protocol.cbor.RpcV2CborCodec;
import io.gatepass.server.protocol.json.AwsJsonCodec;
import io.gatepass.server.protocol.query.QueryCodec;
import io.gatepass.server.protocol.rest.RestJsonCodec;
import io.gatepass.server.protocol.rest.RestRoutes;
import io.gatepass.store.Store;
import io.gatepass.store.Stores;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The composition root: opens the store, bootstraps the administrator, wires services to protocols, and listens.
 * {@link #close()} stops accepting connections, lets in-flight requests finish, and closes the store.
 */
public final class GatepassServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatepassServer.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
    /** Expired temporary credentials are kept a day (so that their errors say "expired"), then removed. */
    private static final Duration SESSION_RETENTION = Duration.ofDays(1);
    private static final Duration SESSION_CLEANUP_PERIOD = Duration.ofHours(1);
    /** How soon a node sees a token signing key that another node added. */
    private static final Duration KEY_RING_RELOAD_PERIOD = Duration.ofMinutes(1);

    private final Vertx vertx;
    private final HttpServer http;
    private final Store store;
    private final ServerConfig config;
    private final AdminBootstrap.Outcome bootstrap;
    private final TokenVerifier computeTokenVerifier;
    private final RepositoryTokenVerifier repositoryTokenVerifier;

    private GatepassServer(Vertx vertx, HttpServer http, Store store, ServerConfig config,
                           AdminBootstrap.Outcome bootstrap, TokenVerifier computeTokenVerifier,
                           RepositoryTokenVerifier repositoryTokenVerifier) {
        this.vertx = vertx;
        this.http = http;
        this.store = store;
        this.config = config;
        this.bootstrap = bootstrap;
        this.computeTokenVerifier = computeTokenVerifier;
        this.repositoryTokenVerifier = repositoryTokenVerifier;
    }

    public static GatepassServer start(ServerConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static GatepassServer start(ServerConfig config, Clock clock) {
        MasterKey masterKey;
        try {
            masterKey = MasterKey.load(config.masterKey(), config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key in " + config.dataDir(), e);
        }
        Store store = Stores.open(config.store(), config.dataDir());
        try {
            IdGenerator ids = IdGenerator.secure();
            SecretCipher cipher = new SecretCipher(masterKey);
            KeyIssuer issuer = new KeyIssuer(store, cipher, ids);
            AdminBootstrap.Outcome bootstrap = new AdminBootstrap(store, issuer, ids).run(config, clock.instant());

            PolicyDocuments policies = new PolicyDocuments(IamErrors.MALFORMED_POLICY_DOCUMENT);
            Authorizer authorizer = new Authorizer(store.policies(), policies);
            OperationTable operations = new OperationTable();
            StsService.register(operations, store, issuer, authorizer);
            IamService.register(operations, store, ids, issuer, authorizer, policies);
            StoredKeyRing keyRings = new StoredKeyRing(store.tokenKeys(), cipher);
            ComputeTokenAuthority computeTokens = new ComputeTokenAuthority(keyRings, store.computes(),
                    config.computeTokenTtl(), clock);
            RepositoryTokenAuthority repositoryTokens = new RepositoryTokenAuthority(keyRings, store.domains(), clock);
            AtomicReference<String> websocketBase = new AtomicReference<>();
            AtomicReference<String> publicUrl = new AtomicReference<>(config.publicUrl() == null ? null
                    : config.publicUrl().replaceAll("/+$", ""));
            GameLiftService.register(operations, store, authorizer, config.region(), computeTokens,
                    websocketBase::get);
            RestRoutes restRoutes = new RestRoutes();
            CodeArtifactService.register(operations, restRoutes, store, authorizer, config.region(),
                    repositoryTokens, publicUrl::get);

            WireMappers mappers = new WireMappers();
            ProtocolSelector protocols = new ProtocolSelector(
                    new QueryCodec(mappers, List.of("sts", "iam")),
                    new AwsJsonCodec(mappers),
                    new RpcV2CborCodec(mappers),
                    new RestJsonCodec(mappers, restRoutes));
            RequestMetrics metrics = new RequestMetrics();
            SigV4Authenticator authenticator = new SigV4Authenticator(new CredentialResolver(store, issuer, clock),
                    config.region(), operations.services().stream().map(s -> s.signingName()).toList(), clock);
            ApiPipeline pipeline = new ApiPipeline(protocols, authenticator, operations, ids, clock, metrics);

            Vertx vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(32));
            BlobStore blobs = store.kind().equals("postgresql") ? store.databaseBlobs()
                    : new FileBlobStore(config.dataDir().resolve("blobs"));
            PackageEndpoint packageEndpoint = new PackageEndpoint(
                    PackageFormats.standard(new FormatContext(clock, config.maxAssetBytes())),
                    repositoryTokens.verifier(), new RepositoryPermissions(authorizer, store, clock), store, blobs,
                    publicUrl::get, config.region(), clock);
            PackageFrontDoor packageDoor = new PackageFrontDoor(vertx, packageEndpoint, blobs,
                    config.dataDir().resolve("tmp").resolve("uploads"), config.maxAssetBytes());
            HttpFrontDoor frontDoor = new HttpFrontDoor(vertx, pipeline,
                    new OpsEndpoints(store, metrics, version()), config.maxBodyBytes(), packageDoor);
            HttpServer http = vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(false))
                    .requestHandler(frontDoor)
                    .listen(config.port(), config.bind())
                    .await();
            vertx.setPeriodic(SESSION_CLEANUP_PERIOD.toMillis(), id -> vertx.executeBlocking(() ->
                    store.sessions().deleteExpiredBefore(clock.instant().minus(SESSION_RETENTION)), false));
            vertx.setPeriodic(KEY_RING_RELOAD_PERIOD.toMillis(), id -> vertx.executeBlocking(() -> {
                computeTokens.keyRing().reload();
                repositoryTokens.keyRing().reload();
                return null;
            }, false));
            GatepassServer server = new GatepassServer(vertx, http, store, config, bootstrap,
                    computeTokens.verifier(), repositoryTokens.verifier());
            websocketBase.set(server.endpoint().replaceFirst("^http", "ws"));
            publicUrl.compareAndSet(null, server.endpoint());
            LOG.info("listening on {}:{} (store {}, region {}, account {})", config.bind(), http.actualPort(),
                    store.kind(), config.region(), bootstrap.accountId());
            return server;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public int port() {
        return http.actualPort();
    }

    /** The URL clients pass as {@code --endpoint-url}. */
    public String endpoint() {
        String host = config.bind().equals("0.0.0.0") || config.bind().equals("::") ? "127.0.0.1" : config.bind();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port();
    }

    public AdminBootstrap.Outcome bootstrap() {
        return bootstrap;
    }

    /** Answers which fleet and compute a compute auth token belongs to, or why it is refused. */
    public TokenVerifier computeTokenVerifier() {
        return computeTokenVerifier;
    }

    /** Answers who holds a CodeArtifact authorization token and for which domain, or why it is refused. */
    public RepositoryTokenVerifier repositoryTokenVerifier() {
        return repositoryTokenVerifier;
    }

    public Store store() {
        return store;
    }

    @Override
    public void close() {
        try {
            http.shutdown(DRAIN_TIMEOUT).await();
        } catch (RuntimeException e) {
            LOG.warn("HTTP server did not shut down cleanly: {}", e.toString());
        }
        try {
            vertx.close().await();
        } finally {
            store.close();
        }
    }

    private static String version() {
        String version = GatepassServer.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
