package io.gatepass.store.internal.blob;

import io.gatepass.store.BlobStore.StoredBlob;
import io.gatepass.store.StoreException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Copies a stream to a file while computing MD5, SHA-1, SHA-256 and SHA-512 in the same pass, then forces the file to
 * disk. What both blob stores do first with every upload.
 */
public final class DigestingSpool {
    private static final int BUFFER = 64 * 1024;

    private DigestingSpool() {
    }

    /**
     * Writes {@code content} to {@code target} (created, or truncated), fsyncs it, and returns the blob it holds.
     *
     * @throws StoreException if reading or writing fails
     */
    public static StoredBlob spool(InputStream content, Path target) {
        MessageDigest md5 = digest("MD5");
        MessageDigest sha1 = digest("SHA-1");
        MessageDigest sha256 = digest("SHA-256");
        MessageDigest sha512 = digest("SHA-512");
        long size = 0;
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = content.read(buffer)) > 0) {
                md5.update(buffer, 0, n);
                sha1.update(buffer, 0, n);
                sha256.update(buffer, 0, n);
                sha512.update(buffer, 0, n);
                out.write(buffer, 0, n);
                size += n;
            }
            out.flush();
            channel.force(true);
        } catch (IOException e) {
            throw new StoreException("Cannot store package bytes: " + e.getMessage(), e);
        }
        HexFormat hex = HexFormat.of();
        String key = hex.formatHex(sha256.digest());
        return new StoredBlob(key, size, hex.formatHex(md5.digest()), hex.formatHex(sha1.digest()), key,
                hex.formatHex(sha512.digest()));
    }

    /** A new empty temporary file in {@code dir} (created if missing). */
    public static Path tempFile(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.createTempFile(dir, "upload-", ".part");
        } catch (IOException e) {
            throw new StoreException("Cannot create a temporary file in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }
}
