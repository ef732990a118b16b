package io.gatepass.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Package bytes, content-addressed: a blob's key is the lower-case hex SHA-256 of its bytes, so storing the same
 * bytes twice stores them once. {@link #put} computes MD5, SHA-1, SHA-256 and SHA-512 in one pass and returns only
 * after the bytes are durable (fsynced file, or committed rows), so metadata committed afterwards never names bytes
 * that a crash could lose.
 *
 * <p>Two implementations: files under {@code <data-dir>/blobs/} (the embedded store's default) and chunks in the
 * database ({@code package_blob_chunks}), used with PostgreSQL so any node serves any package. Failures are
 * {@link StoreException}s.
 */
public interface BlobStore {

    /**
     * A stored blob.
     *
     * @param key    where it is: the SHA-256 of the bytes, 64 lower-case hex digits
     * @param size   bytes
     * @param md5    hex
     * @param sha1   hex
     * @param sha256 hex (equals the key)
     * @param sha512 hex
     */
    record StoredBlob(String key, long size, String md5, String sha1, String sha256, String sha512) {
    }

    /** Reads a stream to its end and stores it; the caller closes the stream. */
    StoredBlob put(InputStream content);

    /** Stores a file's bytes (an upload the front door spooled to disk); the file is left as it is. */
    default StoredBlob put(Path file) {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return put(in);
        } catch (IOException e) {
            throw new StoreException("Cannot read the upload " + file.getFileName(), e);
        }
    }

    /** The blob's bytes from the start; the caller closes the stream. Empty if there is no such blob. */
    Optional<InputStream> open(String key);

    /** The blob's size in bytes; empty if there is no such blob. */
    Optional<Long> size(String key);

    /**
     * Removes a blob. Callers check first that no asset refers to it ({@link PackageStore#isBlobReferenced}).
     *
     * @return whether it existed
     */
    boolean delete(String key);
}
