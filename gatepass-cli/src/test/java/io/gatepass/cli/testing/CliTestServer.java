package io.gatepass.cli.testing;

import io.gatepass.server.GatepassServer;
import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.testing.TestCertificate;

import java.nio.file.Path;

/**
 * A real Gatepass server on a free loopback port for command-line tests, with a known administrator key. One per test
 * class: start it in {@code @BeforeAll} with a {@code @TempDir} and close it in {@code @AfterAll}.
 */
public final class CliTestServer implements AutoCloseable {

    public static final String ACCOUNT = "111122223333";
    public static final String ADMIN_ID = "AKIAGATEPASSCLITEST1";
    public static final String ADMIN_SECRET = "cliTestSecretcliTestSecretcliTestSecret0";
    public static final String REGION = "us-east-1";

    private final GatepassServer server;

    private CliTestServer(GatepassServer server) {
        this.server = server;
    }

    public static CliTestServer start(Path dataDir) {
        TestCertificate.seed(dataDir);
        return new CliTestServer(GatepassServer.start(new ServerConfig(0, "127.0.0.1", dataDir, null, REGION, "text",
                ServerConfig.DEFAULT_MAX_BODY_BYTES, null, new ServerConfig.Bootstrap(ACCOUNT, ADMIN_ID, ADMIN_SECRET))));
    }

    /** A server on the store at {@code storeUrl} (e.g. PostgreSQL), with {@code dataDir} for its master key. */
    public static CliTestServer start(Path dataDir, String storeUrl) {
        TestCertificate.seed(dataDir);
        return new CliTestServer(GatepassServer.start(new ServerConfig(0, "127.0.0.1", dataDir, storeUrl, REGION,
                "text", ServerConfig.DEFAULT_MAX_BODY_BYTES, null,
                new ServerConfig.Bootstrap(ACCOUNT, ADMIN_ID, ADMIN_SECRET))));
    }

    /** A server that takes request bodies up to {@code maxBodyBytes}, e.g. to publish package assets of megabytes. */
    public static CliTestServer start(Path dataDir, int maxBodyBytes) {
        TestCertificate.seed(dataDir);
        return new CliTestServer(GatepassServer.start(new ServerConfig(0, "127.0.0.1", dataDir, null, REGION, "text",
                maxBodyBytes, null, new ServerConfig.Bootstrap(ACCOUNT, ADMIN_ID, ADMIN_SECRET))));
    }

    /**
     * A server on a given port (0 for a free one) with its own compute token lifetime and clock, e.g. to watch tokens
     * being renewed, or to start a server again on the data dir and port of one that was closed.
     */
    public static CliTestServer start(Path dataDir, int port, java.time.Duration computeTokenTtl,
                                      java.time.Clock clock) {
        TestCertificate.seed(dataDir);
        return new CliTestServer(GatepassServer.start(new ServerConfig(port, "127.0.0.1", dataDir, null, REGION,
                "text", ServerConfig.DEFAULT_MAX_BODY_BYTES, null, new ServerConfig.Bootstrap(ACCOUNT, ADMIN_ID,
                ADMIN_SECRET), computeTokenTtl, null), clock));
    }

    /** e.g. http://127.0.0.1:41234 */
    public String endpoint() {
        return server.endpoint();
    }

    public GatepassServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
