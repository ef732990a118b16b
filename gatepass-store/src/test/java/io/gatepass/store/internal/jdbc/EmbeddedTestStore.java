package io.gatepass.store.internal.jdbc;

import io.gatepass.store.Stores;

import java.nio.file.Path;

/** The embedded H2 database in a test's data directory, at the URL and file the server uses for it. */
final class EmbeddedTestStore {
    private EmbeddedTestStore() {
    }

    /** The database's URL, with the settings {@code Stores} opens it with. */
    static String url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve(Stores.H2_FILE_NAME)
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /** The database's file. */
    static Path file(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve(Stores.H2_FILE_NAME + EmbeddedCompaction.FILE_SUFFIX);
    }

    /** The store on it, compacted while it runs as {@code settings} say. */
    static JdbcStore open(Path dataDir, OnlineCompaction.Settings settings) {
        return JdbcStore.openEmbedded(url(dataDir), file(dataDir), settings);
    }
}
