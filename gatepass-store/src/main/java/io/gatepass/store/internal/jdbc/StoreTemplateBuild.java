package io.gatepass.store.internal.jdbc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Makes the {@link StoreTemplate} at build time (gatepass-store's {@code process-classes} phase, pom.xml): a new H2
 * file database brought to {@link Migrations#LATEST_VERSION} by {@link EmptySchemaMigration}, exactly as a first start
 * without a template would, then compacted and closed. Not used at run time.
 *
 * <p>Usage: {@code StoreTemplateBuild <classes directory>}; writes {@link StoreTemplate#DATABASE} and
 * {@link StoreTemplate#MANIFEST} under it. The scripts are read from the class path, which must be that directory's.
 */
final class StoreTemplateBuild {
    private StoreTemplateBuild() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: StoreTemplateBuild <classes directory>");
        }
        Path classes = Path.of(args[0]);
        List<EmptySchemaMigration.Script> scripts = EmptySchemaMigration.scripts(StoreTemplateBuild.class
                .getClassLoader());
        if (scripts.isEmpty()) {
            throw new IllegalStateException("db/migration is not what EmptySchemaMigration applies; no template");
        }
        Path work = Files.createTempDirectory("gatepass-store-template");
        try {
            Path database = make(work);
            Path target = classes.resolve(StoreTemplate.DATABASE);
            Files.createDirectories(target.getParent());
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
                Files.copy(database, out);
            }
            try (OutputStream out = Files.newOutputStream(classes.resolve(StoreTemplate.MANIFEST))) {
                StoreTemplate.Manifest.current(scripts).write(out);
            }
            System.out.printf("Empty store template: %d bytes (%d compressed), schema version %s, H2 %s%n",
                    Files.size(database), Files.size(target), Migrations.LATEST_VERSION,
                    org.h2.engine.Constants.FULL_VERSION);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /**
     * The empty store in {@code directory}: created under the name and with the URL settings of
     * {@code Stores.embeddedUrl} (H2 keeps {@code WRITE_DELAY} in the file), migrated, then {@code SHUTDOWN COMPACT}
     * so that only live pages are shipped.
     */
    private static Path make(Path directory) throws SQLException {
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve(io.gatepass.store.Stores.H2_FILE_NAME)
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        try (Connection keepOpen = DriverManager.getConnection(url)) {
            if (!EmptySchemaMigration.apply(new EmbeddedOpenings(url), Dialect.H2)) {
                throw new IllegalStateException("EmptySchemaMigration did not apply to a new database");
            }
            try (Statement statement = keepOpen.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            }
        }
        return directory.resolve(io.gatepass.store.Stores.H2_FILE_NAME + EmbeddedCompaction.FILE_SUFFIX);
    }
}
