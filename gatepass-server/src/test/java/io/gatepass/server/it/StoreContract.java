package io.gatepass.server.it;

import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A contract that every store keeps (a subclass per store: H2, PostgreSQL): one real server for the class, started
 * on the store the subclass names before the contract's own set-up and closed after it, and unique names for what
 * each case creates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContract {
    private static final AtomicInteger NAMES = new AtomicInteger();

    TestServer server;
    Path dataDir;

    /** The JDBC URL of a fresh, empty database, or null for the embedded H2 file store. */
    abstract String storeUrl();

    /** Starts the server on {@link #storeUrl()} in {@code dataDir}; a contract that needs more of it overrides this. */
    TestServer start(Path dataDir) {
        return TestServer.start(storeUrl(), dataDir);
    }

    @BeforeAll
    final void startServer(@TempDir Path dataDir) {
        this.dataDir = dataDir;
        server = start(dataDir);
    }

    @AfterAll
    final void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }
}
