package io.gatepass.store.internal.blob;

import io.gatepass.store.BlobPins;
import io.gatepass.store.BlobStore;
import io.gatepass.store.StoreException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Blobs as files under one directory: {@code <dir>/ab/cd/<sha256>} for the blob whose SHA-256 is {@code abcd...}.
 * A put spools to {@code <dir>/tmp/}, fsyncs the file, renames it atomically into place and fsyncs the directory, so a
 * blob is either complete or absent after a crash; leftovers in {@code tmp/} are removed at start.
 */
public final class FileBlobStore implements BlobStore {
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path tmp;
    private final BlobPins pins;

    /** A store whose blobs no package store refers to (see {@link BlobPins#NONE}). */
    public FileBlobStore(Path root) {
        this(root, BlobPins.NONE);
    }

    /** @param pins where a put records its upload in flight before it looks whether the bytes are there already */
    public FileBlobStore(Path root, BlobPins pins) {
        this.pins = pins;
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve("tmp");
        try {
            Files.createDirectories(tmp);
            try (var leftovers = Files.list(tmp)) {
                for (Path leftover : leftovers.toList()) {
                    Files.deleteIfExists(leftover);
                }
            }
        } catch (IOException e) {
            throw new StoreException("Cannot prepare the blob directory " + this.root + ": " + e.getMessage(), e);
        }
    }

    @Override
    public StoredBlob put(InputStream content) {
        Path part = DigestingSpool.tempFile(tmp);
        try {
            StoredBlob blob = DigestingSpool.spool(content, part);
            pins.pin(blob.key()); // before looking: a blob pinned is not removed (see BlobPins)
            Path target = path(blob.key());
            Files.createDirectories(target.getParent());
            if (Files.exists(target) && Files.size(target) == blob.size()) {
                return blob; // the same bytes are there already
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(target.getParent());
            return blob;
        } catch (IOException e) {
            throw new StoreException("Cannot store package bytes: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // a leftover in tmp/ is removed at the next start
            }
        }
    }

    @Override
    public Optional<InputStream> open(String key) {
        if (!KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(path(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("Cannot read package bytes: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Long> size(String key) {
        if (!KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.size(path(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("Cannot read package bytes: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean delete(String key) {
        if (!KEY.matcher(key).matches()) {
            return false;
        }
        try {
            return Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new StoreException("Cannot delete package bytes: " + e.getMessage(), e);
        }
    }

    private Path path(String key) {
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }

    /** Makes a rename durable; not every file system lets a directory be opened, which is then left as is. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort
        }
    }
}
