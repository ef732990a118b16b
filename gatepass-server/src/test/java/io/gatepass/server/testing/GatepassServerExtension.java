package io.gatepass.server.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A real Gatepass server for a test class: started before its first test on a free loopback port, with the embedded
 * store in a data directory of its own and {@link TestServer}'s known administrator; closed, and its data directory
 * deleted, after its last test. Register it on a static field and reach the server through {@link #server()}:
 * <pre>
 * &#64;RegisterExtension
 * static final GatepassServerExtension GATEPASS = new GatepassServerExtension();
 * </pre>
 * A class whose server needs more (a body limit, fake server processes) names how to start it in its data directory:
 * {@code new GatepassServerExtension(dir -> TestServer.start(null, dir, BODY_LIMIT))}. Shared with gatepass-cli's
 * tests through gatepass-server's test-jar.
 */
public final class GatepassServerExtension implements BeforeAllCallback, AfterAllCallback {
    private final Function<Path, TestServer> start;
    private Path dataDir;
    private TestServer server;

    public GatepassServerExtension() {
        this(dir -> TestServer.start(null, dir));
    }

    public GatepassServerExtension(Function<Path, TestServer> start) {
        this.start = start;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("gatepass-test");
        server = start.apply(dataDir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            server = null;
            deleteRecursively(dataDir);
        }
    }

    /** The running server; only between the class's first and last test. */
    public TestServer server() {
        if (server == null) {
            throw new IllegalStateException("no server: register the extension on a static field");
        }
        return server;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
