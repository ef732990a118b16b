package io.gatepass.store;

import io.gatepass.store.internal.blob.FileBlobStore;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BlobStoreTest {
    private static final long SEED = 20261206L;

    /** Sizes around the database chunk size (512 KiB) and the spool buffer. */
    private static final int[] SIZES = {0, 1, 65_536, 524_287, 524_288, 524_289, 1_300_000};

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void databaseBlobs_whenPutThenOpened_returnTheSameBytesAndDigests(TestDatabase db) throws Exception {
        try (Store store = db.open()) {
            roundTrips(store.databaseBlobs());
        }
    }

    @Test
    void fileBlobs_whenPutThenOpened_returnTheSameBytesAndDigests(@TempDir Path dir) throws Exception {
        roundTrips(new FileBlobStore(dir.resolve("blobs")));
        try (var leftovers = Files.list(dir.resolve("blobs").resolve("tmp"))) {
            assertThat(leftovers).as("no temporary files left").isEmpty();
        }
    }

    @Test
    void fileBlobs_whenRestarted_removeHalfWrittenUploads(@TempDir Path dir) throws Exception {
        new FileBlobStore(dir);
        Files.writeString(dir.resolve("tmp").resolve("upload-crashed.part"), "half");

        new FileBlobStore(dir);

        try (var leftovers = Files.list(dir.resolve("tmp"))) {
            assertThat(leftovers).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void databaseBlobs_whenMissing_areEmptyAndDeleteSaysSo(TestDatabase db) {
        try (Store store = db.open()) {
            BlobStore blobs = store.databaseBlobs();
            String key = blobs.put(new ByteArrayInputStream(new byte[]{1, 2, 3})).key();

            assertThat(blobs.open("f".repeat(64))).isEmpty();
            assertThat(blobs.size("not-a-key")).isEmpty();
            assertThat(blobs.delete(key)).isTrue();
            assertThat(blobs.delete(key)).isFalse();
            assertThat(blobs.open(key)).isEmpty();
        }
    }

    private static void roundTrips(BlobStore blobs) throws Exception {
        Random random = new Random(SEED);
        for (int size : SIZES) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);

            BlobStore.StoredBlob stored = blobs.put(new ByteArrayInputStream(bytes));
            BlobStore.StoredBlob again = blobs.put(new ByteArrayInputStream(bytes));

            assertThat(stored).as("size %d", size).isEqualTo(again);
            assertThat(stored.size()).isEqualTo(size);
            assertThat(stored.key()).isEqualTo(hex("SHA-256", bytes)).isEqualTo(stored.sha256());
            assertThat(stored.md5()).isEqualTo(hex("MD5", bytes));
            assertThat(stored.sha1()).isEqualTo(hex("SHA-1", bytes));
            assertThat(stored.sha512()).isEqualTo(hex("SHA-512", bytes));
            assertThat(blobs.size(stored.key())).contains((long) size);
            try (InputStream in = blobs.open(stored.key()).orElseThrow()) {
                assertThat(in.readAllBytes()).as("seed %d size %d", SEED, size).isEqualTo(bytes);
            }
        }
    }

    private static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }
}
