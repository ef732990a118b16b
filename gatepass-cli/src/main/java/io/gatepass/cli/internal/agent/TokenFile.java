package io.gatepass.cli.internal.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The file game servers read the current compute auth token from. Each token is written to a temporary file that is
 * private (mode 0600) before the token goes in, then moved over the old file atomically: a reader sees the old token
 * or the new one, never a partial file, and nobody else can read either.
 */
public final class TokenFile {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path path;

    public TokenFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    public Path path() {
        return path;
    }

    /** Replaces the file's content with the token (no line break). */
    public void write(AuthToken token) {
        Path directory = path.getParent();
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile(directory, "." + path.getFileName(), ".tmp", ownerOnly())
                    : Files.createTempFile(directory, "." + path.getFileName(), ".tmp");
            Files.writeString(temp, token.token(), StandardCharsets.US_ASCII);
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot write the token file " + path, e);
        }
    }

    /** Removes the file, once the token in it is no longer valid. */
    public void delete() {
        deleteQuietly(path);
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // Best effort: a stale file holds a token the server refuses.
            }
        }
    }
}
