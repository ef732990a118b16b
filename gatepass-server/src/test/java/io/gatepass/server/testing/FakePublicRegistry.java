package io.gatepass.server.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small public registry on a free loopback port (the JDK's HttpServer) standing in for npmjs, PyPI or Maven Central
 * behind an external connection: it serves the documents and files a test puts, counts every request per path, and
 * can be stopped to play a registry that went away.
 */
public final class FakePublicRegistry implements AutoCloseable {
    private record Document(String contentType, byte[] body) {
    }

    private final HttpServer server;
    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, Stall> stalls = new ConcurrentHashMap<>();

    /**
     * A path whose requests are held, unanswered, until {@link #release()}: a registry that is slow to answer.
     * {@link #awaitArrival()} returns once a request for it has arrived (and is being held).
     */
    public static final class Stall {
        private final java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
        private final AtomicInteger held = new AtomicInteger();

        /** Waits (at most a minute, then fails) until a request for the path is being held. */
        public void awaitArrival() throws InterruptedException {
            if (!arrived.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new AssertionError("no request for the stalled path arrived within a minute");
            }
        }

        /** How many requests for the path have been held so far. */
        public int held() {
            return held.get();
        }

        /** Lets the held requests (and every later one) be answered. */
        public void release() {
            released.countDown();
        }

        private void hold() {
            held.incrementAndGet();
            arrived.countDown();
            try {
                // bounded so that a test that forgets to release cannot hang the registry's threads for ever
                released.await(120, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private FakePublicRegistry(HttpServer server) {
        this.server = server;
    }

    public static FakePublicRegistry start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakePublicRegistry registry = new FakePublicRegistry(server);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getRawPath();
                registry.hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                Stall stall = registry.stalls.get(path);
                if (stall != null) {
                    stall.hold();
                }
                Document document = registry.documents.get(path);
                try (exchange) {
                    if (document == null) {
                        byte[] body = "{\"error\":\"Not found\"}".getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(404, body.length);
                        exchange.getResponseBody().write(body);
                        return;
                    }
                    exchange.getResponseHeaders().set("Content-Type", document.contentType());
                    exchange.sendResponseHeaders(200, document.body().length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(document.body());
                    }
                }
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            return registry;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, no trailing '/'. */
    public String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    public void put(String path, String contentType, byte[] body) {
        documents.put(path, new Document(contentType, body));
    }

    /** Holds every request for {@code path} (exactly, raw) until the returned stall is released. */
    public Stall stall(String path) {
        Stall stall = new Stall();
        stalls.put(path, stall);
        return stall;
    }

    /** Answers {@code path} at once again (releasing what is held). */
    public void unstall(String path) {
        Stall stall = stalls.remove(path);
        if (stall != null) {
            stall.release();
        }
    }

    /** How many requests asked for {@code path}. */
    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    /**
     * Serves an unscoped npm package as registry.npmjs.org does: the packument at {@code /<name>} (versions with
     * dist.tarball, shasum and integrity, time, dist-tags latest → the last version) and each tarball at
     * {@code /<name>/-/<name>-<version>.tgz}.
     *
     * @param tarballs version → .tgz bytes, in publication order
     */
    public void npmPackage(String name, Map<String, byte[]> tarballs) {
        StringBuilder versions = new StringBuilder();
        StringBuilder time = new StringBuilder("\"created\":\"2020-01-01T00:00:00.000Z\"");
        String latest = null;
        int day = 1;
        for (Map.Entry<String, byte[]> entry : tarballs.entrySet()) {
            String version = entry.getKey();
            String path = "/" + name + "/-/" + name + "-" + version + ".tgz";
            put(path, "application/octet-stream", entry.getValue());
            if (!versions.isEmpty()) {
                versions.append(',');
            }
            versions.append('"').append(version).append("\":{\"name\":\"").append(name).append("\",\"version\":\"")
                    .append(version).append("\",\"main\":\"index.js\",\"dist\":{\"tarball\":\"").append(url())
                    .append(path).append("\",\"shasum\":\"").append(hex(digest("SHA-1", entry.getValue())))
                    .append("\",\"integrity\":\"sha512-").append(Base64.getEncoder().encodeToString(
                            digest("SHA-512", entry.getValue()))).append("\"}}");
            time.append(",\"").append(version).append("\":\"2020-01-").append(String.format("%02d", day++))
                    .append("T00:00:00.000Z\"");
            latest = version;
        }
        String packument = "{\"_id\":\"" + name + "\",\"name\":\"" + name + "\",\"dist-tags\":{\"latest\":\""
                + latest + "\"},\"versions\":{" + versions + "},\"time\":{" + time + "}}";
        put("/" + name, "application/json", packument.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Serves a PyPI project as pypi.org does, as a PEP 691 JSON page at {@code /simple/<project>/} linking each file
     * at {@code /files/<filename>} with its SHA-256.
     *
     * @param files file name → bytes
     */
    public void pypiProject(String normalizedName, Map<String, byte[]> files) {
        StringBuilder list = new StringBuilder();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            put("/files/" + file.getKey(), "application/octet-stream", file.getValue());
            if (!list.isEmpty()) {
                list.append(',');
            }
            list.append("{\"filename\":\"").append(file.getKey()).append("\",\"url\":\"").append(url())
                    .append("/files/").append(file.getKey()).append("\",\"hashes\":{\"sha256\":\"")
                    .append(hex(digest("SHA-256", file.getValue()))).append("\"},\"requires-python\":\">=3.8\","
                            + "\"size\":").append(file.getValue().length)
                    .append(",\"upload-time\":\"2020-01-01T00:00:00.000000Z\",\"yanked\":false}");
        }
        String page = "{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"" + normalizedName + "\",\"files\":[" + list
                + "]}";
        put("/simple/" + normalizedName + "/", "application/vnd.pypi.simple.v1+json",
                page.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An npm tarball (package/package.json and package/index.js), made with the system's tar.
     */
    public static byte[] npmTarball(Path work, String name, String version, String code) throws Exception {
        Path dir = Files.createDirectories(work.resolve("tgz-" + name + "-" + version).resolve("package"));
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"" + name + "\",\"version\":\"" + version
                + "\",\"main\":\"index.js\"}");
        Files.writeString(dir.resolve("index.js"), code + "\n");
        Path tgz = dir.getParent().resolve("out.tgz");
        ToolRun tar = ToolRun.run(dir.getParent(), Map.of(), 60, List.of("tar", "czf", tgz.toString(), "package"));
        if (tar.exitCode() != 0) {
            throw new IllegalStateException(tar.output());
        }
        return Files.readAllBytes(tgz);
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Stops serving: the registry is gone (connections are refused). */
    @Override
    public void close() {
        stalls.values().forEach(Stall::release);
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
