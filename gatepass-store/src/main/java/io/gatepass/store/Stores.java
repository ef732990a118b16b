package io.gatepass.store;

import io.gatepass.store.internal.jdbc.JdbcStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the {@link Store}: the embedded H2 database by default, or the database a JDBC URL names. */
public final class Stores {
    /** File name (without H2's {@code .mv.db} suffix) of the embedded database inside the data directory. */
    public static final String H2_FILE_NAME = "gatepass";

    private Stores() {
    }

    /**
     * Connects, brings the schema up to date (Flyway; safe when several nodes start at once against one PostgreSQL)
     * and returns the store. The caller closes it. A new embedded store starts as a copy of the empty store made at
     * build time, already at the newest schema version, when that copy was made by the H2 on the class path.
     *
     * <p>Instants are kept to the microsecond (what {@code Clock.systemUTC()} gives on JDK 17); finer digits are
     * dropped on write, so what a read returns is the value truncated to microseconds.
     *
     * @param jdbcUrlOrNull null or blank: an embedded H2 file database {@code <dataDir>/gatepass.mv.db} (the directory
     *                      is created); {@code jdbc:postgresql:...}: PostgreSQL (several nodes may share it);
     *                      {@code jdbc:h2:...}: that H2 database as given (tests use {@code jdbc:h2:mem:...})
     * @param dataDir       where the embedded database lives; ignored (and may be null) when a URL is given
     * @throws IllegalArgumentException if the URL is for an unsupported database
     * @throws StoreException           if the database cannot be created, reached or migrated
     */
    public static Store open(String jdbcUrlOrNull, Path dataDir) {
        if (jdbcUrlOrNull == null || jdbcUrlOrNull.isBlank()) {
            String url = embeddedUrl(dataDir);
            return JdbcStore.openEmbedded(url, embeddedFile(dataDir));
        }
        return JdbcStore.open(jdbcUrlOrNull.strip());
    }

    /**
     * Where the store keeps package bytes: chunks in the database on PostgreSQL (so that every node serves every
     * package), files under {@code <dataDir>/blobs/} otherwise.
     */
    public static BlobStore blobs(Store store, Path dataDir, java.time.Clock clock) {
        return store.kind().equals("postgresql") ? store.databaseBlobs()
                : new io.gatepass.store.internal.blob.FileBlobStore(dataDir.resolve("blobs"), BlobPins.of(store.packages(),
                clock));
    }

    /**
     * How this node hears of the other nodes' changes to {@code store} (as {@link Stores#open} returned it) and tells
     * them of its own: {@code NOTIFY}/{@code LISTEN} on PostgreSQL, this node only otherwise. The caller closes it (a
     * {@link io.gatepass.store.internal.cache.CachingStore} given it does).
     */
    public static io.gatepass.store.internal.cache.Invalidations invalidations(Store store) {
        return store instanceof JdbcStore jdbc ? jdbc.openInvalidations()
                : io.gatepass.store.internal.cache.Invalidations.local();
    }

    /** {@link #blobs(Store, Path, java.time.Clock)} on the system clock. */
    public static BlobStore blobs(Store store, Path dataDir) {
        return blobs(store, dataDir, java.time.Clock.systemUTC());
    }

    /** The embedded database's file in {@code dataDir}. */
    static Path embeddedFile(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve(H2_FILE_NAME + io.gatepass.store.internal.jdbc.EmbeddedCompaction
                .FILE_SUFFIX);
    }

    /**
     * The URL of the embedded database in {@code dataDir}, which is created if missing. Commits are written to the
     * file before they return ({@code WRITE_DELAY=0}), so a killed process loses nothing it acknowledged; the store's
     * {@code close()} closes the database, not a JVM shutdown hook ({@code DB_CLOSE_ON_EXIT=FALSE}). H2's retention
     * time stays at its 45 s: with 1 s (and chunks rewritten while writes arrive) the kill -9 tests lost acknowledged
     * writes (issue 13, docs/operations.md). A new store is a copy of the empty one the build made with these same
     * settings (H2 keeps {@code WRITE_DELAY} in the file; {@code StoreTemplateBuild}): change them in both.
     */
    static String embeddedUrl(Path dataDir) {
        if (dataDir == null) {
            throw new IllegalArgumentException("A data directory is needed for the embedded H2 store");
        }
        Path dir = dataDir.toAbsolutePath().normalize();
        if (dir.toString().contains(";")) {
            throw new IllegalArgumentException("The data directory path must not contain ';': " + dir);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("Cannot create the data directory " + dir, e);
        }
        return "jdbc:h2:file:" + dir.resolve(H2_FILE_NAME) + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }
}
