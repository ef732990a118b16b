package io.gatepass.server;

import io.gatepass.core.codeartifact.Domain;
import io.gatepass.core.codeartifact.PackageChanges;
import io.gatepass.core.internal.crypto.MasterKey;
import io.gatepass.core.internal.crypto.SecretCipher;
import io.gatepass.core.id.IdGenerator;
import io.gatepass.core.token.ComputeAuthTokens;
import io.gatepass.core.token.ComputeRegistrations.Registration;
import io.gatepass.core.token.RepositoryTokenSubject;
import io.gatepass.core.token.RepositoryTokens;
import io.gatepass.core.token.TokenAuthority;
import io.gatepass.core.token.TokenVerifier;
import io.gatepass.server.internal.api.OperationTable;
import io.gatepass.server.internal.audit.ApiAudit;
import io.gatepass.server.internal.audit.AuditLog;
import io.gatepass.server.internal.audit.AuditLogFile;
import io.gatepass.server.internal.audit.AuditWriter;
import io.gatepass.server.internal.audit.PackageAudit;
import io.gatepass.server.internal.audit.SdkAudit;
import io.gatepass.server.internal.api.gamelift.GameLiftService;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactService;
import io.gatepass.server.internal.tokens.Jwks;
import io.gatepass.server.internal.tokens.KeyRingMaintenance;
import io.gatepass.server.internal.tokens.ReloadingKeyRing;
import io.gatepass.server.internal.tokens.StoredKeyRing;
import io.gatepass.server.internal.api.iam.IamErrors;
import io.gatepass.server.internal.api.iam.IamService;
import io.gatepass.server.internal.api.sts.StsService;
import io.gatepass.server.internal.auth.Authorizer;
import io.gatepass.server.internal.auth.AccessKeyUsageRecorder;
import io.gatepass.server.internal.auth.CredentialResolver;
import io.gatepass.server.internal.auth.PolicyDocuments;
import io.gatepass.server.internal.auth.SigV4Authenticator;
import io.gatepass.server.internal.bootstrap.AdminBootstrap;
import io.gatepass.server.internal.bootstrap.DataDirectory;
import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.internal.endpoints.sdk.ComputeTokenRefresher;
import io.gatepass.server.internal.endpoints.sdk.StsFleetRoleCredentials;
import io.gatepass.server.internal.endpoints.sdk.StoredProcessRecords;
import io.gatepass.server.internal.endpoints.sdk.SdkActions;
import io.gatepass.server.internal.endpoints.agent.AgentActions;
import io.gatepass.server.internal.endpoints.agent.AgentWebSocketRoute;
import io.gatepass.server.internal.endpoints.agent.ComputeAgents;
import io.gatepass.server.internal.endpoints.sdk.SdkHandshake;
import io.gatepass.server.internal.endpoints.sdk.SdkSettings;
import io.gatepass.server.internal.endpoints.sdk.SdkWebSocketRoute;
import io.gatepass.server.internal.endpoints.sdk.ServerProcessRegistry;
import io.gatepass.server.internal.auth.sigv4.SdkQuerySignature;
import io.gatepass.server.internal.gamelift.GameSessionEvents;
import io.gatepass.server.internal.gamelift.RuntimeConfigurations;
import io.gatepass.server.internal.gamelift.ServerProcesses;
import io.gatepass.server.internal.http.ApiPipeline;
import io.gatepass.server.internal.http.ApiUploads;
import io.gatepass.server.internal.endpoints.packages.FormatContext;
import io.gatepass.server.internal.endpoints.packages.PackageEndpoint;
import io.gatepass.server.internal.endpoints.packages.upstream.ExternalConnections;
import io.gatepass.server.internal.endpoints.packages.upstream.Upstreams;
import io.gatepass.server.internal.endpoints.packages.PackageFormats;
import io.gatepass.server.internal.endpoints.packages.PackageInvalidations;
import io.gatepass.server.internal.endpoints.packages.RepositoryPermissions;
import io.gatepass.server.internal.http.ConnectionGuard;
import io.gatepass.server.internal.http.HttpFrontDoor;
import io.gatepass.server.internal.http.PackageFrontDoor;
import io.gatepass.store.BlobStore;
import io.gatepass.store.internal.blob.BlobCollector;
import io.gatepass.server.internal.http.ProtocolSelector;
import io.gatepass.server.internal.identity.KeyIssuer;
import io.gatepass.server.internal.ops.OpsEndpoints;
import io.gatepass.server.internal.api.gatepass.GatepassService;
import io.gatepass.server.internal.ops.Retention;
import io.gatepass.server.internal.ops.RequestMetrics;
import io.gatepass.server.internal.protocol.InputLimits;
import io.gatepass.server.internal.protocol.WireMappers;
import io.gatepass.server.internal.protocol.cbor.RpcV2CborCodec;
import io.gatepass.server.internal.protocol.json.AwsJsonCodec;
import io.gatepass.server.internal.protocol.query.QueryCodec;
import io.gatepass.server.internal.protocol.rest.RestJsonCodec;
import io.gatepass.server.internal.protocol.rest.RestRoutes;
import io.gatepass.server.internal.throttling.Throttle;
import io.gatepass.server.internal.tls.Hosts;
import io.gatepass.server.internal.tls.ListenerKeys;
import io.gatepass.server.internal.tls.ServerCertificate;
import io.gatepass.store.Store;
import io.gatepass.store.Stores;
import io.gatepass.store.internal.cache.CachingStore;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The composition root: opens the store, bootstraps the administrator, wires services to protocols, and listens.
 * {@link #close()} stops accepting connections, lets in-flight requests finish, and closes the store.
 */
public final class GatepassServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatepassServer.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
    /** How long a shutdown waits for connected game servers to answer TerminateProcess with ProcessEnding. */
    private static final Duration PROCESS_ENDING_PATIENCE = Duration.ofSeconds(5);
    /** How often blobs released while an upload of the same bytes was in flight are looked at again. */
    private static final Duration BLOB_SWEEP_PERIOD = Duration.ofMinutes(10);
    /** How long a failed start waits for Vert.x (its listeners) to close before it closes the store. */
    private static final Duration FAILED_START_CLOSE = Duration.ofSeconds(10);
    /** How often files that appeared in the data dir are made owner-only. */
    private static final Duration DATA_DIR_TIGHTEN_PERIOD = Duration.ofMinutes(1);

    private final Vertx vertx;
    private final HttpServer http;
    /** The TLS listener (https, wss), or null when TLS is off. */
    private final HttpServer https;
    private final ServerCertificate certificate;
    private final Store store;
    private final ServerConfig config;
    private final AdminBootstrap.Outcome bootstrap;
    private final TokenAuthority<Registration, ComputeAuthTokens> computeTokenVerifier;
    private final TokenVerifier<RepositoryTokenSubject> repositoryTokenVerifier;
    private ServerProcessRegistry serverProcesses;
    private ComputeAgents computeAgents;
    private GameSessionEvents gameSessionEvents;
    /** The audit log's writer, or null when the audit log is off. */
    private AuditWriter auditWriter;
    private OperationTable operations;
    private RestRoutes restRoutes;
    private KeyRingMaintenance keyRingMaintenance;
    private AccessKeyUsageRecorder keyUsage;

    private GatepassServer(Vertx vertx, HttpServer http, HttpServer https, ServerCertificate certificate,
                           Store store, ServerConfig config,
                           AdminBootstrap.Outcome bootstrap,
                           TokenAuthority<Registration, ComputeAuthTokens> computeTokenVerifier,
                           TokenVerifier<RepositoryTokenSubject> repositoryTokenVerifier) {
        this.vertx = vertx;
        this.http = http;
        this.https = https;
        this.certificate = certificate;
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
        return start(config, clock, null, null);
    }

    /**
     * With another time for which a node trusts what it read from the store ({@link CachingStore#TTL}, 1 s, in
     * production): tests of cross-node invalidation make it long, so that only word from the other nodes explains a
     * change seen sooner.
     */
    public static GatepassServer start(ServerConfig config, Clock clock, Duration cacheTtl) {
        return start(config, clock, null, null, cacheTtl);
    }

    /** With a stand-in for the game sessions' side of the SDK websocket (tests of the websocket). */
    public static GatepassServer start(ServerConfig config, Clock clock, GameSessionEvents gameSessionEvents) {
        return start(config, clock, gameSessionEvents, null);
    }

    /** With stand-in game server processes that game sessions are placed on (tests of the control plane). */
    public static GatepassServer start(ServerConfig config, Clock clock, ServerProcesses processes) {
        return start(config, clock, null, processes);
    }

    private static GatepassServer start(ServerConfig config, Clock clock, GameSessionEvents eventsStandIn,
                                        ServerProcesses processesStandIn) {
        return start(config, clock, eventsStandIn, processesStandIn, CachingStore.TTL);
    }

    private static GatepassServer start(ServerConfig config, Clock clock, GameSessionEvents eventsStandIn,
                                        ServerProcesses processesStandIn, Duration cacheTtl) {
        DataDirectory.prepare(config.dataDir()); // 0700, before anything is written into it
        MasterKey masterKey;
        try {
            masterKey = MasterKey.load(config.masterKey(), config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key in " + config.dataDir(), e);
        }
        String advertisedHost = Hosts.advertised(config.advertisedHost(), config.bind());
        // A first start's self-signed certificate (EC P-256; ~150 ms of a cold JVM's CPU, most of it class loading) is
        // made on a thread of its own while the store opens; it is awaited before anything uses it, and a failure
        // stops the start as before.
        CompletableFuture<ServerCertificate> pendingCertificate = !config.tls().enabled()
                ? CompletableFuture.completedFuture(null)
                : config.tls().certificateChain() != null
                ? CompletableFuture.completedFuture(ServerCertificate.configured(config.tls().certificateChain(),
                config.tls().privateKey()))
                // validity is judged by the clients' clocks, so it follows real time, not an injected clock
                : CompletableFuture.supplyAsync(() -> ServerCertificate.selfSigned(config.dataDir(),
                Hosts.certificateNames(advertisedHost, config.bind()), advertisedHost, Clock.systemUTC()),
                startThread("gatepass-tls-certificate"));
        // the listener's key manager from those files, on that thread as well (a configured certificate's: here)
        CompletableFuture<KeyCertOptions> pendingListenerKeys = pendingCertificate.thenApply(
                certificate -> certificate == null ? null : ListenerKeys.of(certificate));
        // Vert.x (its event loops, worker pool and the classes behind them) starts beside the store too; it is closed
        // again if the start fails
        CompletableFuture<Vertx> pendingVertx = CompletableFuture.supplyAsync(
                () -> Vertx.vertx(new VertxOptions().setWorkerPoolSize(32)), startThread("gatepass-vertx-start"));
        Store uncached;
        try {
            uncached = Stores.open(config.store(), config.dataDir());
        } catch (RuntimeException e) {
            awaitQuietly(pendingListenerKeys); // no certificate files half-written behind a failed start
            closeQuietly(pendingVertx);
            throw e;
        }
        // what every signed request reads (keys, policies, computes, domains) from memory: ≤ 1 s across nodes. The
        // package endpoints keep short-lived caches of their own and so read the store itself (no 1 s on top of 1 s).
        // Each change is published once committed; other nodes' changes are heard (NOTIFY/LISTEN on PostgreSQL),
        // so they show here as soon as word arrives, the TTL being the safety net (docs/operations.md).
        io.gatepass.store.internal.cache.Invalidations invalidations;
        Store store;
        try {
            invalidations = Stores.invalidations(uncached);
            store = new CachingStore(uncached, cacheTtl, System::nanoTime, invalidations);
        } catch (RuntimeException e) { // e.g. PostgreSQL's LISTEN connection refused
            closeQuietly(pendingVertx);
            uncached.close();
            throw e;
        }
        AuditWriter auditWriter = null;
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
            ComputeAuthTokens computeKind = new ComputeAuthTokens(id -> store.computes().findByRegistrationId(id)
                    .map(c -> new Registration(c.fleetId(), c.computeName(), c.registrationId())),
                    config.computeTokenTtl());
            ReloadingKeyRing computeRing = new ReloadingKeyRing(keyRings, computeKind, clock);
            TokenAuthority<Registration, ComputeAuthTokens> computeTokens =
                    new TokenAuthority<>(computeKind, computeRing, clock);
            // its verifier serves the package endpoints; domains are looked up uncached
            RepositoryTokens repositoryKind = new RepositoryTokens((owner, name) -> uncached.domains()
                    .find(owner, name).map(Domain::createdTime));
            ReloadingKeyRing repositoryRing = new ReloadingKeyRing(keyRings, repositoryKind, clock);
            TokenAuthority<RepositoryTokenSubject, RepositoryTokens> repositoryTokens =
                    new TokenAuthority<>(repositoryKind, repositoryRing, clock);
            AtomicReference<String> websocketBase = new AtomicReference<>();
            AtomicReference<String> publicUrl = new AtomicReference<>(config.publicUrl() == null ? null
                    : config.publicUrl().replaceAll("/+$", ""));
            // Game sessions are placed on processes connected over the SDK websocket, and those processes report
            // back to the game sessions: each side reaches the other through the seam in server/gamelift.
            AtomicReference<GameSessionEvents> sessionEvents = new AtomicReference<>();
            auditWriter = AuditLogFile.open(config.audit(), config.dataDir(), clock);
            AuditLog auditLog = auditWriter == null ? AuditLog.OFF : auditWriter;
            SdkAudit sdkAudit = new SdkAudit(auditLog, clock);
            SdkSettings sdkSettings = SdkSettings.DEFAULTS;
            // The agents on the computes (endpoints/agent) hear what the SDK websocket sees of their processes.
            ComputeTokenRefresher tokenRefresher = new ComputeTokenRefresher(store, computeTokens, clock, sdkAudit);
            ComputeAgents computeAgents = new ComputeAgents(clock, tokenRefresher, sdkSettings.refreshBefore(),
                    sdkSettings.refreshRetry());
            ServerProcessRegistry serverProcesses = new ServerProcessRegistry(clock, sdkSettings,
                    sessionEvents::get, tokenRefresher,
                    new StoredProcessRecords(store.serverProcesses(), nodeId(config)), () -> computeAgents);
            GameSessionEvents gameSessions = GameLiftService.register(operations, store, authorizer,
                    config.region(), computeTokens, websocketBase::get,
                    processesStandIn != null ? processesStandIn : serverProcesses, clock, ids);
            sessionEvents.set(eventsStandIn != null ? eventsStandIn : gameSessions);
            BlobStore blobs = Stores.blobs(store, config.dataDir(), clock);
            // what the package APIs change, the package endpoints' caches hear of
            PackageChanges.Fanout packageChanges = new PackageChanges.Fanout();
            PackageInvalidations.connect(packageChanges, invalidations);
            CodeArtifactService.register(operations, store, authorizer, config.region(),
                    repositoryTokens, publicUrl::get, blobs, packageChanges, ids);
            GatepassService.register(operations, authorizer, config.region(), java.util.Map.of(
                    "compute", computeRing, "repository", repositoryRing), store, sdkSettings.heartbeatTimeout());
            RestRoutes restRoutes = RestRoutes.of(operations);

            WireMappers mappers = new WireMappers(config.limits().maxNestingDepth());
            ProtocolSelector protocols = new ProtocolSelector(
                    new QueryCodec(mappers, List.of("sts", "iam")),
                    new AwsJsonCodec(mappers),
                    new RpcV2CborCodec(mappers),
                    new RestJsonCodec(mappers, restRoutes));
            RequestMetrics metrics = new RequestMetrics();
            CredentialResolver credentialResolver = new CredentialResolver(store, issuer, clock);
            AccessKeyUsageRecorder keyUsage = new AccessKeyUsageRecorder(store.accessKeys(), clock);
            SigV4Authenticator authenticator = new SigV4Authenticator(credentialResolver,
                    config.region(), operations.services().stream().map(s -> s.signingName()).toList(), clock,
                    keyUsage);
            Throttle throttle = new Throttle(config.throttling(), clock, (service, operation) -> metrics.count(
                    "gatepass.requests.throttled", "Requests refused by throttling, by service and operation",
                    "service", service, "operation", operation));
            if (auditWriter != null) {
                metrics.gauge("gatepass.audit.dropped.lines", "Audit log lines dropped because the writer fell behind",
                        auditWriter::dropped);
            }
            ApiPipeline pipeline = new ApiPipeline(protocols, authenticator, operations, ids, clock, metrics,
                    new ApiAudit(auditLog, config.audit().reads()), throttle,
                    new InputLimits(config.limits().maxNestingDepth(), config.limits().maxListLength()));

            ServerCertificate certificate = await(pendingCertificate);
            Vertx vertx = await(pendingVertx);
            // The GameLift server SDK websocket (endpoints/sdk).
            // one handshake for both websockets: the compute auth token and the refusals
            SdkHandshake computeHandshake = new SdkHandshake(computeTokens, store,
                    new SdkQuerySignature(config.region(), clock), credentialResolver, authorizer);
            SdkWebSocketRoute sdkWebSocket = new SdkWebSocketRoute(vertx, computeHandshake,
                    serverProcesses,
                    new SdkActions(serverProcesses, sessionEvents::get,
                            () -> certificate == null ? null : certificate.certificateChain().toAbsolutePath().toString(),
                            sdkAudit.fleetRoleCredentials(
                                    new StsFleetRoleCredentials(store, issuer, policies, clock))),
                    refusal -> metrics.count("gatepass.sdk.handshake.refusals",
                            "GameLift SDK websocket handshakes refused, by reason", "reason", refusal.tag()),
                    auditLog, clock);
            // The Amazon GameLift Agent's websocket (endpoints/agent): the compute's GameLiftAgentEndpoint.
            AgentWebSocketRoute agentWebSocket = new AgentWebSocketRoute(vertx, computeHandshake, computeAgents,
                    new AgentActions(computeAgents, serverProcesses, new RuntimeConfigurations(store.fleets()),
                            (account, fleetId) -> store.fleets().find(account, fleetId)
                                    .map(GameLiftService::instanceRoleArn),
                            sdkAudit.fleetRoleCredentials(
                                    new StsFleetRoleCredentials(store, issuer, policies, clock))),
                    refusal -> metrics.count("gatepass.agent.handshake.refusals",
                            "GameLift agent websocket handshakes refused, by reason", "reason", refusal.tag()),
                    auditLog, clock);
            metrics.gauge("gatepass.agent.computes.connected", "Computes with a GameLift agent connected",
                    computeAgents::connectedCount);
            metrics.gauge("gatepass.sdk.processes.active", "Game server processes connected and activated",
                    serverProcesses::activeCount);
            RepositoryPermissions repositoryPermissions = new RepositoryPermissions(
                    new Authorizer(uncached.policies(), policies), uncached, clock, cacheTtl);
            PackageEndpoint packageEndpoint = new PackageEndpoint(
                    PackageFormats.standard(new FormatContext(clock, config.maxAssetBytes(), packageChanges, ids)),
                    repositoryTokens,
                    repositoryPermissions, uncached,
                    blobs,
                    publicUrl::get, config.region(), clock, throttle, cacheTtl,
                    // upstream repositories and external connections (endpoints/packages/upstream)
                    new Upstreams(uncached, blobs, new ExternalConnections(config.externalConnections()),
                            new io.gatepass.server.internal.endpoints.packages.upstream.RemoteRegistry(
                                    config.upstreamTimeouts().connect(), config.upstreamTimeouts().request()), clock,
                            config.dataDir().resolve("tmp").resolve("uploads"), config.maxAssetBytes(),
                            packageChanges, ids,
                            PackageFrontDoor.FORMAT_WORKERS - Upstreams.WORKERS_KEPT_FROM_REGISTRIES));
            // a change to what they checked (a deleted domain, a policy), here or on another node: check again
            invalidations.listen(io.gatepass.store.internal.cache.Invalidations.STORE, everything -> {
                packageEndpoint.forgetAll();
                repositoryPermissions.forgetAll();
            });
            metrics.gauge("gatepass.store.invalidations.listening", "1 while this node hears of other nodes' changes"
                    + " (always on the embedded store), 0 while it relies on its caches' 1 s time-to-live",
                    () -> invalidations.listening() ? 1 : 0);
            PackageFrontDoor packageDoor = new PackageFrontDoor(vertx, packageEndpoint, blobs,
                    config.dataDir().resolve("tmp").resolve("uploads"), config.maxAssetBytes(),
                    new PackageAudit(auditLog, clock, config.region(),
                            () -> metrics.count("gatepass.packages.token.refusals",
                                    "Repository tokens refused (401) by the package endpoints")));
            // API bodies that are a streaming blob (PublishPackageVersion) are spooled beside the package uploads
            ApiUploads apiUploads = new ApiUploads(vertx, pipeline, restRoutes,
                    config.dataDir().resolve("tmp").resolve("uploads"), config.maxAssetBytes());
            HttpFrontDoor frontDoor = new HttpFrontDoor(vertx, pipeline,
                    new OpsEndpoints(store, metrics, version(), new Jwks(repositoryRing, clock)),
                    config.maxBodyBytes(),
                    List.of(sdkWebSocket, agentWebSocket), packageDoor, apiUploads, config.limits(),
                    new ConnectionGuard(vertx, config.limits()),
                    io.gatepass.server.internal.endpoints.console.ConsoleRoute.fromClassPath());
            HttpServerOptions httpOptions = listenerOptions(config.limits());
            HttpServer http = vertx.createHttpServer(httpOptions)
                    .connectionHandler(frontDoor.connectionGuard())
                    .invalidRequestHandler(frontDoor::invalid)
                    .requestHandler(frontDoor)
                    .listen(config.port(), config.bind())
                    .await();
            HttpServer https = null;
            if (certificate != null) {
                // the same front door: every API and the SDK websocket are served over TLS as well
                https = vertx.createHttpServer(tlsOptions(httpOptions, await(pendingListenerKeys)))
                        .connectionHandler(frontDoor.connectionGuard())
                        .invalidRequestHandler(frontDoor::invalid)
                        .requestHandler(frontDoor)
                        .listen(config.tls().port(), config.bind())
                        .await();
            }
            Retention retention = new Retention(store, clock);
            vertx.setPeriodic(Retention.PERIOD.toMillis(), id -> vertx.executeBlocking(retention::sweep, false));
            BlobCollector blobCollector = new BlobCollector(store.packages(), blobs);
            vertx.setPeriodic(BLOB_SWEEP_PERIOD.toMillis(), id -> vertx.executeBlocking(() ->
                    blobCollector.sweep(clock.instant()), false));
            // reload the rings, report the newest key this node has loaded, and rotate, activate and purge keys
            KeyRingMaintenance keyRingMaintenance = new KeyRingMaintenance(
                    List.of(computeRing, repositoryRing), store.tokenKeys(),
                    nodeId(config) + "/" + ids.requestId().substring(0, 8), config.tokenKeys().rotationOrNull(),
                    config.tokenKeys().reloadPeriod(), clock);
            keyRingMaintenance.tick();
            vertx.setPeriodic(config.tokenKeys().reloadPeriod().toMillis(), id -> vertx.executeBlocking(() -> {
                keyRingMaintenance.tick();
                return null;
            }, false));
            // files others create in the data dir (H2's own) are made owner-only too
            DataDirectory.tighten(config.dataDir());
            vertx.setPeriodic(DATA_DIR_TIGHTEN_PERIOD.toMillis(), id -> vertx.executeBlocking(() -> {
                DataDirectory.tighten(config.dataDir());
                return null;
            }, false));
            vertx.setPeriodic(sdkSettings.checkPeriod().toMillis(), id -> vertx.executeBlocking(() -> {
                serverProcesses.check();
                computeAgents.check();
                return null;
            }, false));
            // last-used records of access keys: noted in memory per request, written in a batch once a minute
            vertx.setPeriodic(AccessKeyUsageRecorder.PERIOD.toMillis(), id -> vertx.executeBlocking(() -> {
                keyUsage.flush();
                return null;
            }, false));
            GatepassServer server = new GatepassServer(vertx, http, https, certificate, store, config, bootstrap,
                    computeTokens, repositoryTokens);
            server.keyUsage = keyUsage;
            websocketBase.set(https != null
                    ? "wss://" + Hosts.inUrl(advertisedHost) + ":" + https.actualPort()
                    : "ws://" + Hosts.inUrl(advertisedHost) + ":" + http.actualPort());
            server.serverProcesses = serverProcesses;
            server.computeAgents = computeAgents;
            server.auditWriter = auditWriter;
            server.gameSessionEvents = sessionEvents.get();
            server.operations = operations;
            server.restRoutes = restRoutes;
            server.keyRingMaintenance = keyRingMaintenance;
            publicUrl.compareAndSet(null, server.endpoint());
            LOG.info("listening on {}:{} (store {}, region {}, account {})", config.bind(), http.actualPort(),
                    store.kind(), config.region(), bootstrap.accountId());
            LOG.info("throttling: {}", config.throttling());
            if (https != null) {
                LOG.info("listening with TLS on {}:{} (certificate {}, advertised host {})", config.bind(),
                        https.actualPort(), certificate.certificateChain(), advertisedHost);
            }
            return server;
        } catch (RuntimeException e) {
            closeQuietly(pendingVertx); // its listeners with it
            if (auditWriter != null) {
                auditWriter.close();
            }
            store.close();
            throw e;
        }
    }

    /** Runs a start's task on a daemon thread of its own, named {@code name}. */
    private static java.util.concurrent.Executor startThread(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        };
    }

    /**
     * Closes Vert.x once it has started, if it did, and waits (up to {@link #FAILED_START_CLOSE}) until its listeners
     * are closed: a failed start closes the store next, which no request may still reach, and a caller that retries
     * on the same port finds it free.
     */
    private static void closeQuietly(CompletableFuture<Vertx> pendingVertx) {
        try {
            pendingVertx.thenCompose(vertx -> vertx.close().toCompletionStage())
                    .get(FAILED_START_CLOSE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // Vert.x did not start or did not close in time: the start's own failure is the one reported
        }
    }

    /** What a start's task made, with the exception the work threw (not wrapped in a CompletionException). */
    private static <T> T await(CompletableFuture<T> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void awaitQuietly(CompletableFuture<?> pending) {
        try {
            pending.join();
        } catch (RuntimeException ignored) {
            // the store's failure is the one reported
        }
    }

    public int port() {
        return http.actualPort();
    }

    /** The URL clients pass as {@code --endpoint-url}. */
    public String endpoint() {
        return "http://" + localHost() + ":" + port();
    }

    /** The TLS listener's port, or -1 when TLS is off. */
    public int tlsPort() {
        return https == null ? -1 : https.actualPort();
    }

    /** The https URL of the TLS listener on this machine (same host as {@link #endpoint()}), or null when off. */
    public String tlsEndpoint() {
        return https == null ? null : "https://" + localHost() + ":" + tlsPort();
    }

    /** The PEM certificate (chain) the TLS listener presents, or null when TLS is off. */
    public Path tlsCertificatePath() {
        return certificate == null ? null : certificate.certificateChain();
    }

    private String localHost() {
        String host = config.bind().equals("0.0.0.0") || config.bind().equals("::") ? "127.0.0.1" : config.bind();
        return Hosts.inUrl(host);
    }

    public AdminBootstrap.Outcome bootstrap() {
        return bootstrap;
    }

    /**
     * Answers which fleet and compute a compute auth token belongs to, or why it is refused (also as presented for a
     * claimed fleet and compute: {@link ComputeAuthTokens#presentedAs}).
     */
    public TokenAuthority<Registration, ComputeAuthTokens> computeTokenVerifier() {
        return computeTokenVerifier;
    }

    /** Where connected game servers report on their game and player sessions. */
    public GameSessionEvents gameSessionEvents() {
        return gameSessionEvents;
    }

    /** Answers who holds a CodeArtifact authorization token and for which domain, or why it is refused. */
    public TokenVerifier<RepositoryTokenSubject> repositoryTokenVerifier() {
        return repositoryTokenVerifier;
    }

    public Store store() {
        return store;
    }

    /** The Amazon GameLift Agents connected over the agent websocket, one per compute. */
    public ComputeAgents computeAgents() {
        return computeAgents;
    }

    /** The game server processes connected over the SDK websocket (the control plane's {@code ServerProcesses}). */
    public ServerProcessRegistry serverProcesses() {
        return serverProcesses;
    }

    /** Every operation served, as registered (read-only once started; the fuzz tests derive their requests from it). */
    public OperationTable operations() {
        return operations;
    }

    /**
     * Writes the access key uses noted since the last flush now, as the once-a-minute flush would (for tests and
     * tools that must not wait for it).
     */
    public void flushAccessKeyUsage() {
        keyUsage.flush();
    }

    /** The restJson routes of the operations that have one. */
    public RestRoutes restRoutes() {
        return restRoutes;
    }

    @Override
    public void close() {
        // Game servers are told to terminate and given a moment to call ProcessEnding and hang up themselves.
        if (!serverProcesses.terminateAll(PROCESS_ENDING_PATIENCE)) {
            LOG.warn("game server processes still connected {} s after TerminateProcess; closing their connections",
                    PROCESS_ENDING_PATIENCE.toSeconds());
        }
        var drained = https == null ? http.shutdown(DRAIN_TIMEOUT)
                : io.vertx.core.Future.join(http.shutdown(DRAIN_TIMEOUT), https.shutdown(DRAIN_TIMEOUT));
        try {
            drained.await();
        } catch (RuntimeException e) {
            LOG.warn("HTTP server did not shut down cleanly: {}", e.toString());
        }
        try {
            vertx.close().await();
        } finally {
            if (keyUsage != null) {
                keyUsage.flush(); // the uses noted since the last periodic flush
            }
            if (keyRingMaintenance != null) {
                keyRingMaintenance.leave(); // new keys need not wait for this node's heartbeat to age out
            }
            if (auditWriter != null) {
                auditWriter.close();
            }
            store.close();
        }
    }

    /**
     * The plain listener: no compression; Vert.x's idle timeout at the header read timeout, for connections that
     * send nothing before the front door sees them (the {@code ConnectionGuard} then puts the {@code IdleLimit}, at
     * the idle timeout and cheaper per request, in its place); and Netty's own head limits a little above ours, so that
     * the front door answers most oversized heads itself and Netty's answers ({@link HttpFrontDoor#invalid}) are the
     * backstop. Websocket compression is not offered either: none of our websocket clients asks for it (the GameLift
     * C++ server SDK's websocketpp and the agent's java.net.http send no Sec-WebSocket-Extensions), a client that does
     * ask gets an uncompressed websocket (RFC 7692: the server may decline), and without it Vert.x leaves out the
     * handler that would otherwise look at every request and response of every HTTP/1.x connection for an upgrade.
     */
    private static HttpServerOptions listenerOptions(io.gatepass.server.config.Limits limits) {
        HttpServerOptions options = new HttpServerOptions().setCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false)
                .setPerMessageWebSocketCompressionSupported(false)
                .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, limits.headerReadTimeout().toMillis()))
                .setIdleTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
                .setMaxInitialLineLength(limits.maxQueryBytes() + 8192)
                .setMaxHeaderSize(limits.maxHeaderBytes() + 1024);
        options.getInitialSettings().setMaxHeaderListSize(limits.maxHeaderBytes() + 1024L);
        return options;
    }

    /** The plain listener's options plus TLS 1.2 and 1.3 with the JDK's cipher suites (the GameLift C++ server SDK
     * speaks TLS 1.2 with OpenSSL's default suites: ECDHE-ECDSA-AES256-GCM-SHA384 with the self-signed EC
     * certificate, ECDHE-RSA-AES256-GCM-SHA384 with an RSA one). */
    private static HttpServerOptions tlsOptions(HttpServerOptions plain, KeyCertOptions listenerKeys) {
        return new HttpServerOptions(plain)
                .setSsl(true)
                .setKeyCertOptions(listenerKeys)
                .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"));
    }

    /** This node's name in the store's records of connected processes: host and port, stable across restarts. */
    private static String nodeId(ServerConfig config) {
        return config.nodeHost() + ":" + config.port();
    }

    private static String version() {
        String version = GatepassServer.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
