package io.gatepass.server.internal.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Keeps the data dir private to its owner, whatever the umask: the directory and every directory in it 0700, every
 * file 0600 (the database, keys, certificates, credentials, blobs). Files that others create there (H2 makes its own)
 * are tightened by {@link #tighten} at start and again periodically. Symbolic links are left alone.
 */
public final class DataDirectory {
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataDirectory() {
    }

    /** Creates the directory if missing, then tightens it and everything in it. */
    public static void prepare(Path dataDir) {
        try {
            if (!Files.isDirectory(dataDir) && posix()) {
                Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } else {
                Files.createDirectories(dataDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data dir " + dataDir, e);
        }
        tighten(dataDir);
    }

    /** Sets 0700 on every directory and 0600 on every file under {@code dataDir} whose mode is wider. */
    public static void tighten(Path dataDir) {
        if (!posix() || !Files.isDirectory(dataDir)) {
            return;
        }
        try {
            Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    restrict(dir, DIRECTORY);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (attributes.isRegularFile()) {
                        restrict(file, FILE);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // removed meanwhile (a temporary file): nothing to tighten
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the permissions in the data dir " + dataDir, e);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> mode) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(mode)) {
                Files.setPosixFilePermissions(path, mode);
            }
        } catch (java.nio.file.NoSuchFileException removedMeanwhile) {
            // a temporary file that is gone already
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
