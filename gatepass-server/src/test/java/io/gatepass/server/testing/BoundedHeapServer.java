package io.gatepass.server.testing;

import io.gatepass.server.config.ServerConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test server in a JVM of its own with a small heap ({@code -Xmx}), so a test can show that the server never holds
 * a large body whole: with a heap smaller than the asset, buffering it would fail with an OutOfMemoryError. The child
 * prints {@code GATEPASS-READY <endpoint>} once listening and stops when its standard input closes.
 */
public final class BoundedHeapServer implements AutoCloseable {
    private static final String READY = "GATEPASS-READY ";

    private final Process process;
    private final String endpoint;

    private BoundedHeapServer(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /**
     * @param heapMegabytes the child's -Xmx
     * @param storeUrl      null for H2 with file blobs, or a JDBC URL
     */
    public static BoundedHeapServer start(int heapMegabytes, Path dataDir, String storeUrl, long maxAssetBytes)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx" + heapMegabytes + "m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), BoundedHeapServer.class.getName(), dataDir.toString(),
                Long.toString(maxAssetBytes)));
        if (storeUrl != null) {
            command.add(storeUrl);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        StringBuilder output = new StringBuilder();
        InputStream out = process.getInputStream();
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = out.read()) >= 0) {
            if (c != '\n') {
                line.append((char) c);
                continue;
            }
            if (line.toString().startsWith(READY)) {
                String endpoint = line.substring(READY.length()).trim();
                Thread drain = new Thread(() -> drain(out), "bounded-heap-server-output");
                drain.setDaemon(true);
                drain.start();
                return new BoundedHeapServer(process, endpoint);
            }
            output.append(line).append('\n');
            line.setLength(0);
        }
        throw new IllegalStateException("the bounded-heap server did not start:\n" + output);
    }

    public String endpoint() {
        return endpoint;
    }

    /** Whether the child is still running (it exits at once on an OutOfMemoryError). */
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static void drain(InputStream out) {
        try {
            out.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the child is gone
        }
    }

    /** The child's main: starts the server, says where, and runs until standard input closes. */
    public static void main(String[] args) throws IOException {
        Path dataDir = Path.of(args[0]);
        ServerConfig config = TestServer.config(args.length > 2 ? args[2] : null, dataDir,
                ServerConfig.DEFAULT_MAX_BODY_BYTES).withMaxAssetBytes(Long.parseLong(args[1]));
        try (TestServer server = TestServer.start(config)) {
            System.out.println(READY + server.endpoint());
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        System.exit(0);
    }
}
