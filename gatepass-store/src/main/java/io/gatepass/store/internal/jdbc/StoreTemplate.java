package io.gatepass.store.internal.jdbc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * The first start of an embedded store without running a single script: the build made an H2 database with
 * {@link EmptySchemaMigration} (the schema at {@link Migrations#LATEST_VERSION} and Flyway's history, nothing else: no
 * account, no key) and put it in this jar ({@link StoreTemplateBuild}); a new store is a copy of it, which H2 then
 * opens as it would on a restart. Creating the schema costs a cold JVM about 0.5 s of H2 parsing and executing DDL;
 * copying some kilobytes costs a few milliseconds.
 *
 * <p>The copy is used only when it is certainly what the migration would make here: made by this very H2 version
 * (whose file format it is), at this schema version, from these very scripts (names and Flyway checksums). Otherwise
 * (a build without the template, as in an IDE, an H2 upgrade on the class path, an edited script) nothing is copied
 * and the store is migrated as before. The copy appears whole or not at all: written to a temporary file (owner-only
 * from the start, like everything in the data dir), forced to disk, then hard-linked to the database's name, which
 * fails if that name exists (a second process starting on the same data dir at once then opens the other's copy, and
 * H2's file lock decides as it always did); the temporary name is removed right after the link. A process killed
 * part-way leaves a {@code *.template.tmp} file beside the database, which nothing reads and the next start removes.
 * Flyway's history in a copy says the scripts were installed when the
 * build ran, by the same (empty) H2 user a first start uses.
 */
final class StoreTemplate {
    private static final Logger LOG = LoggerFactory.getLogger(StoreTemplate.class);
    /** The database, gzip-compressed (the stream's CRC-32 and length catch a damaged resource). */
    static final String DATABASE = "io/gatepass/store/internal/jdbc/empty-store.mv.db.gz";
    /** What the database was made with ({@link Manifest}). */
    static final String MANIFEST = "io/gatepass/store/internal/jdbc/empty-store.properties";

    /** What a template was made with; it fits a running store only if everything is equal. */
    record Manifest(String h2Version, String schemaVersion, String scripts) {
        /** The manifest of a database made here and now: this H2, this schema version, these scripts. */
        static Manifest current(List<EmptySchemaMigration.Script> scripts) {
            return new Manifest(org.h2.engine.Constants.FULL_VERSION, Migrations.LATEST_VERSION,
                    scripts.stream().map(s -> s.fileName() + "=" + EmptySchemaMigration.checksum(s.text()))
                            .collect(Collectors.joining(",")));
        }

        static Manifest read(InputStream in) throws IOException {
            Properties properties = new Properties();
            properties.load(in);
            return new Manifest(properties.getProperty("h2"), properties.getProperty("schema"),
                    properties.getProperty("scripts"));
        }

        void write(OutputStream out) throws IOException {
            Properties properties = new Properties();
            properties.setProperty("h2", h2Version);
            properties.setProperty("schema", schemaVersion);
            properties.setProperty("scripts", scripts);
            properties.store(out, "The empty embedded store in empty-store.mv.db.gz (StoreTemplateBuild)");
        }
    }

    private StoreTemplate() {
    }

    /** {@link #copyIfAbsent(Path, ClassLoader)} with this jar's template. */
    static boolean copyIfAbsent(Path file) {
        return copyIfAbsent(file, StoreTemplate.class.getClassLoader());
    }

    /**
     * Puts the empty store at {@code file} (H2's {@code <name>.mv.db}) if there is no file there and {@code loader}
     * holds a template that fits; never fails the caller: anything unexpected leaves {@code file} absent (or as another
     * process made it) with a log line, and the migration runs as without a template.
     *
     * @return whether the template was copied to {@code file}
     */
    static boolean copyIfAbsent(Path file, ClassLoader loader) {
        deleteLeftovers(file);
        if (Files.exists(file)) {
            return false;
        }
        long start = System.nanoTime();
        Manifest manifest;
        try (InputStream in = loader.getResourceAsStream(MANIFEST)) {
            if (in == null) {
                LOG.debug("No empty store template on the class path; the schema is migrated");
                return false;
            }
            manifest = Manifest.read(in);
        } catch (IOException e) {
            LOG.info("Empty store template not readable ({}); the schema is migrated", e.toString());
            return false;
        }
        List<EmptySchemaMigration.Script> scripts = EmptySchemaMigration.scripts(loader);
        if (scripts.isEmpty() || !manifest.equals(Manifest.current(scripts))) {
            LOG.info("Empty store template not made by H2 {} from these scripts (it was made by H2 {} at schema version"
                    + " {}); the schema is migrated", org.h2.engine.Constants.FULL_VERSION, manifest.h2Version(),
                    manifest.schemaVersion());
            return false;
        }
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory, file.getFileName() + ".", ".template.tmp", ownerOnly());
            if (!write(loader, temporary)) {
                return false;
            }
            try {
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                return false;
            }
            // at once: until it is gone, the temporary name is a second name of the live database, not a copy
            deleteQuietly(temporary);
            temporary = null;
            forceDirectory(directory); // the new name (and the removed one) survive a power cut too
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // e.g. a file system without hard links; the temporary file was not linked, so nothing else changed
            LOG.info("Empty store template not copied to {} ({}); the schema is migrated", file, e.toString());
            return false;
        } finally {
            deleteQuietly(temporary);
        }
        LOG.info("Created the store from its empty template at schema version {} ({} ms)", manifest.schemaVersion(),
                (System.nanoTime() - start) / 1_000_000);
        return true;
    }

    /** Writes the template's database to {@code target} and forces it to disk; false if the resource is missing. */
    private static boolean write(ClassLoader loader, Path target) throws IOException {
        try (InputStream resource = loader.getResourceAsStream(DATABASE)) {
            if (resource == null) {
                LOG.info("Empty store template without its database; the schema is migrated");
                return false;
            }
            try (InputStream database = new GZIPInputStream(resource, 16 * 1024);
                 FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE)) {
                database.transferTo(Channels.newOutputStream(out)); // GZIPInputStream checks the CRC-32 at the end
                out.force(true);
            }
        }
        return true;
    }

    private static FileAttribute<?>[] ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    /** fsync of the directory (Linux, macOS); where a directory cannot be opened for it, the rename is left to the OS. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("Could not force the directory {} to disk", directory, e);
        }
    }

    /**
     * Removes temporary files a copy killed part-way left beside {@code file}: one killed between the link and the
     * delete would otherwise stay a second name of the live database (and keep a frozen copy of it after the first
     * compaction replaces the file), in every backup of the data dir.
     */
    private static void deleteLeftovers(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            return;
        }
        try (var leftovers = Files.newDirectoryStream(directory, file.getFileName() + ".*.template.tmp")) {
            for (Path leftover : leftovers) {
                deleteQuietly(leftover);
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            LOG.debug("Could not look for leftover template copies beside {}", file, e);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debug("Could not delete {}", path, e);
        }
    }
}
