package io.gatepass.server.internal.endpoints.packages.upstream;

import io.gatepass.server.testing.FakePublicRegistry;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A public registry (a real one on a free loopback port) that sends more than the limits, with or without a
 * Content-Length, or a Content-Length its body does not keep: each answer is refused (502) while it streams, the
 * registry sees its connection closed long before it could send everything, nothing is left in the spool, and the
 * next proper answer is read as usual.
 */
class RemoteRegistryLimitsTest {
    private static final long LIMIT = 64 * 1024;
    /** What a flooding registry would send if nobody stopped it: far beyond the limit and any socket buffer. */
    private static final long FLOOD = 512L * 1024 * 1024;

    private FakePublicRegistry registry;
    private RemoteRegistry remote;
    @TempDir
    Path spool;

    @BeforeEach
    void start() {
        registry = FakePublicRegistry.start();
        remote = new RemoteRegistry(Duration.ofSeconds(5), Duration.ofSeconds(60), LIMIT);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private URI url(String path) {
        return URI.create(registry.url() + path);
    }

    @Test
    void metadataWithoutContentLength_isCutOffAtTheLimit() throws Exception {
        FakePublicRegistry.Flood flood = registry.flood("/endless", -1, FLOOD);

        assertRefusedAndCutOff(flood, () -> remote.fetch(url("/endless"), "application/json"));
        assertNextDocumentIsRead();
    }

    @Test
    void metadataDeclaredTooLarge_isRefusedBeforeItsBody() throws Exception {
        FakePublicRegistry.Flood flood = registry.flood("/huge", FLOOD, FLOOD);

        assertRefusedAndCutOff(flood, () -> remote.fetch(url("/huge"), "application/json"));
        assertNextDocumentIsRead();
    }

    @Test
    void metadataShorterThanItsContentLength_isRefused() throws Exception {
        FakePublicRegistry.Flood flood = registry.flood("/short", 4000, 1000);

        assertThatThrownBy(() -> remote.fetch(url("/short"), "application/json"))
                .isInstanceOfSatisfying(UpstreamUnavailable.class, e -> assertThat(e.status()).isEqualTo(502));
        assertThat(flood.awaitEnd()).isEqualTo(1000);
        assertNextDocumentIsRead();
    }

    @Test
    void metadataAtTheLimit_isRead() {
        byte[] exactly = new byte[(int) LIMIT];
        registry.put("/exact", "application/json", exactly);

        assertThat(remote.fetch(url("/exact"), "application/json")).hasValueSatisfying(body ->
                assertThat(body).hasSize((int) LIMIT));
    }

    @Test
    void assetWithoutContentLength_isCutOffAtTheLimit_andNothingIsLeftOnDisk() throws Exception {
        FakePublicRegistry.Flood flood = registry.flood("/endless.tgz", -1, FLOOD);

        assertRefusedAndCutOff(flood, () -> remote.download(url("/endless.tgz"), spool, LIMIT, "SHA-256"));
        assertThat(spooled()).isEmpty();
        assertNextAssetIsDownloaded();
    }

    @Test
    void assetDeclaredTooLarge_isRefusedBeforeItsBody_andNothingIsLeftOnDisk() throws Exception {
        FakePublicRegistry.Flood flood = registry.flood("/huge.tgz", FLOOD, FLOOD);

        assertRefusedAndCutOff(flood, () -> remote.download(url("/huge.tgz"), spool, LIMIT, "SHA-256"));
        assertThat(spooled()).isEmpty();
        assertNextAssetIsDownloaded();
    }

    @Test
    void assetShorterThanItsContentLength_isRefused_andNothingIsLeftOnDisk() throws Exception {
        FakePublicRegistry.Flood flood = registry.flood("/short.tgz", 40_000, 10_000);

        assertThatThrownBy(() -> remote.download(url("/short.tgz"), spool, LIMIT, "SHA-256"))
                .isInstanceOfSatisfying(UpstreamUnavailable.class, e -> assertThat(e.status()).isEqualTo(502));
        assertThat(flood.awaitEnd()).isEqualTo(10_000);
        assertThat(spooled()).isEmpty();
        assertNextAssetIsDownloaded();
    }

    @Test
    void aMissingAsset_isEmpty_andNothingIsLeftOnDisk() throws IOException {
        assertThat(remote.download(url("/nothing.tgz"), spool, LIMIT, "SHA-256")).isEmpty();
        assertThat(spooled()).isEmpty();
    }

    /**
     * The call fails as an unavailable registry (502) naming the limit, and the connection is closed on the registry
     * before it has sent all it would.
     */
    private static void assertRefusedAndCutOff(FakePublicRegistry.Flood flood, ThrowingCallable call)
            throws InterruptedException {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(UpstreamUnavailable.class, e -> assertThat(e.status()).isEqualTo(502))
                .hasMessageContaining("larger than the limit of " + LIMIT + " bytes");
        assertThat(flood.awaitEnd()).isLessThan(FLOOD);
        assertThat(flood.cutOff()).as("the connection was closed on the registry").isTrue();
    }

    private void assertNextDocumentIsRead() {
        byte[] doc = "{\"name\":\"fine\"}".getBytes(StandardCharsets.UTF_8);
        registry.put("/fine", "application/json", doc);
        assertThat(remote.fetch(url("/fine"), "application/json")).hasValue(doc);
    }

    private void assertNextAssetIsDownloaded() throws Exception {
        byte[] bytes = new byte[(int) LIMIT];
        new java.util.Random(7).nextBytes(bytes);
        registry.put("/fine.tgz", "application/octet-stream", bytes);

        Optional<Download> download = remote.download(url("/fine.tgz"), spool, LIMIT, "SHA-256", "SHA-1");

        assertThat(download).isPresent();
        try {
            assertThat(Files.readAllBytes(download.get().file())).isEqualTo(bytes);
            assertThat(download.get().size()).isEqualTo(LIMIT);
            assertThat(download.get().digest("SHA-256")).isEqualTo(hex("SHA-256", bytes));
            assertThat(download.get().digest("SHA-1")).isEqualTo(hex("SHA-1", bytes));
        } finally {
            Files.delete(download.get().file());
        }
    }

    private Stream<Path> spooledStream() throws IOException {
        return Files.exists(spool) ? Files.list(spool) : Stream.empty();
    }

    private java.util.List<Path> spooled() throws IOException {
        try (Stream<Path> files = spooledStream()) {
            return files.toList();
        }
    }

    private static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }
}
