package io.gatepass.store.internal.jdbc;

import io.gatepass.store.BlobPins;
import io.gatepass.store.BlobStore;
import io.gatepass.store.DuplicateEntityException;
import io.gatepass.store.StoreException;
import io.gatepass.store.internal.blob.DigestingSpool;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Blobs in the database: {@code package_blobs} (one row per blob, key = SHA-256) and {@code package_blob_chunks}
 * (the bytes in {@value #CHUNK_BYTES}-byte chunks). A put first spools the stream to a temporary file (computing the
 * digests), then writes the chunks and, last, the blob row in one transaction, so a blob is visible only once whole.
 * Reading fetches one chunk at a time, so neither side holds a whole blob in memory.
 */
final class JdbcBlobStore implements BlobStore {
    /** Under H2's 1,000,000-byte limit for a VARBINARY value. */
    static final int CHUNK_BYTES = 512 * 1024;
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"), "gatepass-blobs");

    private final Jdbc jdbc;
    private final BlobPins pins;

    JdbcBlobStore(Jdbc jdbc, BlobPins pins) {
        this.jdbc = jdbc;
        this.pins = pins;
    }

    @Override
    public StoredBlob put(InputStream content) {
        Path part = DigestingSpool.tempFile(TMP);
        try {
            StoredBlob blob = DigestingSpool.spool(content, part);
            pins.pin(blob.key()); // before looking: a blob pinned is not removed (see BlobPins)
            if (size(blob.key()).isPresent()) {
                return blob;
            }
            try {
                jdbc.inTransaction("store package bytes", tx -> {
                    try (InputStream in = Files.newInputStream(part)) {
                        int index = 0;
                        byte[] chunk;
                        while ((chunk = in.readNBytes(CHUNK_BYTES)).length > 0) {
                            tx.update("INSERT INTO package_blob_chunks (blob_key, chunk_index, data) VALUES (?, ?, ?)",
                                    blob.key(), index++, chunk);
                        }
                    } catch (IOException e) {
                        throw new StoreException("Cannot read spooled package bytes: " + e.getMessage(), e);
                    }
                    tx.update("INSERT INTO package_blobs (blob_key, size_bytes, md5, sha1, sha512) VALUES"
                            + " (?, ?, ?, ?, ?)", blob.key(), blob.size(), blob.md5(), blob.sha1(), blob.sha512());
                    return null;
                });
            } catch (DuplicateEntityException race) {
                // Someone stored the same bytes at the same time; theirs are complete once their row is there.
                if (size(blob.key()).isEmpty()) {
                    throw race;
                }
            }
            return blob;
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the temporary directory is the system's
            }
        }
    }

    @Override
    public Optional<InputStream> open(String key) {
        Optional<Long> size = size(key);
        return size.map(total -> new ChunkStream(key, total));
    }

    @Override
    public Optional<Long> size(String key) {
        if (!KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        return jdbc.one("read the size of package bytes", "SELECT size_bytes FROM package_blobs WHERE blob_key = ?",
                row -> row.getLong("size_bytes"), key);
    }

    /** Inside a blob release ({@link JdbcPackageStore#releaseBlob}) part of its transaction, under the pin row. */
    @Override
    public boolean delete(String key) {
        return jdbc.inTransaction("delete package bytes", tx -> {
            int rows = tx.update("DELETE FROM package_blobs WHERE blob_key = ?", key);
            tx.update("DELETE FROM package_blob_chunks WHERE blob_key = ?", key);
            return rows > 0;
        });
    }

    /** Reads a blob chunk by chunk, one query per chunk. */
    private final class ChunkStream extends InputStream {
        private final String key;
        private final long total;
        private int nextChunk;
        private byte[] chunk = new byte[0];
        private int at;
        private long delivered;

        ChunkStream(String key, long total) {
            this.key = key;
            this.total = total;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (at == chunk.length) {
                if (delivered >= total) {
                    return -1;
                }
                int index = nextChunk++;
                try {
                    chunk = jdbc.one("read package bytes", "SELECT data FROM package_blob_chunks WHERE blob_key = ?"
                            + " AND chunk_index = ?", row -> row.getBytes("data"), key, index).orElseThrow(() ->
                            new IOException("package bytes are missing chunk " + index));
                } catch (StoreException e) {
                    throw new IOException(e.getMessage(), e);
                }
                at = 0;
                if (chunk.length == 0) {
                    return -1;
                }
            }
            int n = Math.min(length, chunk.length - at);
            System.arraycopy(chunk, at, buffer, offset, n);
            at += n;
            delivered += n;
            return n;
        }
    }
}
