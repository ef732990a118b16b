package io.gatepass.server.testing;

import io.gatepass.server.GatepassServer;
import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.internal.gamelift.ServerProcesses;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** A real Gatepass server on a free loopback port, with a known administrator, and clients for it. */
public final class TestServer implements AutoCloseable {
    public static final String ACCOUNT = "123456789012";
    public static final String ADMIN_ID = "AKIAIOSFODNN7EXAMPLE";
    public static final String ADMIN_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public static final String REGION = "us-east-1";

    private final GatepassServer server;
    private final MutableClock clock;
    private final HttpClient http = PlainHttp.client();

    private TestServer(GatepassServer server, MutableClock clock) {
        this.server = server;
        this.clock = clock;
    }

    /** @param storeUrl null for the embedded H2 file store in {@code dataDir}, or a JDBC URL */
    public static TestServer start(String storeUrl, Path dataDir) {
        TestCertificate.seed(dataDir);
        MutableClock clock = new MutableClock();
        return new TestServer(GatepassServer.start(config(storeUrl, dataDir, ServerConfig.DEFAULT_MAX_BODY_BYTES),
                clock), clock);
    }

    /** With a fake of the game sessions' side of the SDK websocket. */
    public static TestServer start(String storeUrl, Path dataDir,
                                   io.gatepass.server.internal.gamelift.GameSessionEvents gameSessionEvents) {
        TestCertificate.seed(dataDir);
        MutableClock clock = new MutableClock();
        return new TestServer(GatepassServer.start(config(storeUrl, dataDir, ServerConfig.DEFAULT_MAX_BODY_BYTES),
                clock, gameSessionEvents), clock);
    }

    /** With game server processes the test controls (e.g. {@link FakeServerProcesses}). */
    public static TestServer start(String storeUrl, Path dataDir, ServerProcesses processes) {
        TestCertificate.seed(dataDir);
        MutableClock clock = new MutableClock();
        return new TestServer(GatepassServer.start(config(storeUrl, dataDir, ServerConfig.DEFAULT_MAX_BODY_BYTES),
                clock, processes), clock);
    }

    public static TestServer start(String storeUrl, Path dataDir, int maxBodyBytes) {
        TestCertificate.seed(dataDir);
        MutableClock clock = new MutableClock();
        return new TestServer(GatepassServer.start(config(storeUrl, dataDir, maxBodyBytes), clock), clock);
    }

    /** A server with a configuration of the test's own (e.g. another TLS setup); see {@link #config}. */
    public static TestServer start(ServerConfig config) {
        if (config.tls().enabled() && config.tls().certificateChain() == null) {
            TestCertificate.seed(config.dataDir());
        }
        MutableClock clock = new MutableClock();
        return new TestServer(GatepassServer.start(config, clock), clock);
    }

    /**
     * A server with a configuration of the test's own that trusts what it read from the store for {@code cacheTtl}
     * (1 s in production), e.g. long, so that only word from the other nodes explains a change seen sooner.
     */
    public static TestServer start(ServerConfig config, java.time.Duration cacheTtl) {
        if (config.tls().enabled() && config.tls().certificateChain() == null) {
            TestCertificate.seed(config.dataDir());
        }
        MutableClock clock = new MutableClock();
        return new TestServer(GatepassServer.start(config, clock, cacheTtl), clock);
    }

    public static ServerConfig config(String storeUrl, Path dataDir, int maxBodyBytes) {
        return new ServerConfig(0, "127.0.0.1", dataDir, storeUrl, REGION, "text", maxBodyBytes, null,
                new ServerConfig.Bootstrap(ACCOUNT, ADMIN_ID, ADMIN_SECRET));
    }

    public GatepassServer server() {
        return server;
    }

    public MutableClock clock() {
        return clock;
    }

    public URI endpoint() {
        return URI.create(server.endpoint());
    }

    public static AwsCredentials admin() {
        return AwsBasicCredentials.create(ADMIN_ID, ADMIN_SECRET);
    }

    public static AwsCredentials of(Credentials temporary) {
        return AwsSessionCredentials.create(temporary.accessKeyId(), temporary.secretAccessKey(),
                temporary.sessionToken());
    }

    public StsClient sts(AwsCredentials credentials) {
        return configure(StsClient.builder(), credentials).build();
    }

    public IamClient iam(AwsCredentials credentials) {
        return configure(IamClient.builder(), credentials).build();
    }

    public GameLiftClient gameLift(AwsCredentials credentials) {
        return configure(GameLiftClient.builder(), credentials).build();
    }

    public CodeartifactClient codeArtifact(AwsCredentials credentials) {
        return configure(CodeartifactClient.builder(), credentials).build();
    }

    /**
     * Signs a request with the SDK's own signer at the given clock (e.g. the server's, when a test moved it) and
     * sends it. {@code path} may carry a query string.
     */
    public HttpResponse<byte[]> signed(AwsCredentials credentials, String service, String path,
                                       Map<String, String> headers, byte[] body, Clock signingClock)
            throws Exception {
        SdkHttpRequest.Builder builder = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(endpoint().resolve(path));
        headers.forEach(builder::putHeader);
        AwsCredentialsIdentity identity = credentials instanceof AwsSessionCredentials session
                ? AwsSessionCredentialsIdentity.create(session.accessKeyId(), session.secretAccessKey(),
                session.sessionToken())
                : AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey());
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(identity).request(builder.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, signingClock));
        HttpRequest.Builder out = HttpRequest.newBuilder(endpoint().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.request().headers().forEach((name, values) -> {
            if (!List.of("host", "content-length").contains(name.toLowerCase())) {
                values.forEach(v -> out.header(name, v));
            }
        });
        return http.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Points an SDK client at this server: its region, the given credentials, no retries, a bounded call time. */
    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder,
                                                                                        AwsCredentials credentials) {
        return builder.endpointOverride(endpoint()).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())
                        .apiCallTimeout(java.time.Duration.ofSeconds(30)));
    }

    /** Sends a request as is (no signature). */
    public HttpResponse<String> send(String method, String pathAndQuery, Map<String, String> headers, byte[] body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint().resolve(pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs a form-encoded query-protocol request with the SDK's own signer at the given clock, and sends it. */
    public HttpResponse<String> signedQuery(AwsCredentials credentials, String service, String form, Clock signingClock)
            throws Exception {
        HttpResponse<byte[]> response = signed(credentials, service, "/",
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                form.getBytes(StandardCharsets.UTF_8), signingClock);
        return new TextResponse(response);
    }

    @Override
    public void close() {
        server.close();
    }
}
