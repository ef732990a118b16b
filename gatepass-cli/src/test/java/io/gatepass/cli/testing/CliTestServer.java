package io.gatepass.cli.testing;

import io.gatepass.server.GatepassServer;
import io.gatepass.server.config.ServerConfig;

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
        return new CliTestServer(GatepassServer.start(new ServerConfig(0, "127.0.0.1", dataDir, null, REGION, "text",
                ServerConfig.DEFAULT_MAX_BODY_BYTES, null, new ServerConfig.Bootstrap(ACCOUNT, ADMIN_ID, ADMIN_SECRET))));
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
