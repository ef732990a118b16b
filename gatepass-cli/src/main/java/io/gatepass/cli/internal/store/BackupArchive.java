package io.gatepass.cli.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** A backup file: the files of an embedded store's data directory in one zip, readable only by its owner. */
final class BackupArchive {
    private BackupArchive() {
    }

    /** Zips every file under {@code dir} into a new file {@code zip} (0600); refuses to overwrite. */
    static void write(Path dir, Path zip) throws IOException {
        if (Files.exists(zip)) {
            throw new FileAlreadyExistsException(zip + " exists; give a new file for the backup");
        }
        Files.createFile(zip, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream file = Files.newOutputStream(zip, StandardOpenOption.TRUNCATE_EXISTING);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (Path path : files) {
                out.putNextEntry(new ZipEntry(dir.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
    }

    /** Unpacks a backup into {@code dir}; entries that would land outside it are refused. */
    static void read(Path zip, Path dir) throws IOException {
        Files.createDirectories(dir);
        boolean any = false;
        try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("Not a Gatepass backup: entry " + entry.getName() + " leaves its folder");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
                any = true;
            }
        }
        if (!any || !Files.exists(dir.resolve(io.gatepass.store.Stores.H2_FILE_NAME + ".mv.db"))) {
            throw new IOException("Not a Gatepass backup: " + zip + " holds no store");
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
