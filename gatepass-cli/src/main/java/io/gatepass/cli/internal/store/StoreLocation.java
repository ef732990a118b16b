package io.gatepass.cli.internal.store;

import io.gatepass.store.BlobStore;
import io.gatepass.store.Store;
import io.gatepass.store.StoreException;
import io.gatepass.store.Stores;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a store is, as {@code gatepass store} commands take it: a data directory (the embedded store, package bytes
 * under its {@code blobs/}) or a PostgreSQL JDBC URL (package bytes in the database).
 *
 * @param dataDir the embedded store's directory, or null
 * @param jdbcUrl the PostgreSQL URL, or null
 */
record StoreLocation(Path dataDir, String jdbcUrl) {
    static final String MASTER_KEY_FILE = "master.key";

    static StoreLocation parse(String text) {
        String value = text.strip();
        if (value.startsWith("jdbc:postgresql:")) {
            return new StoreLocation(null, value);
        }
        if (value.startsWith("jdbc:")) {
            throw new IllegalArgumentException("Give the embedded store as its data directory, or PostgreSQL as"
                    + " jdbc:postgresql://host:5432/db?user=...");
        }
        return new StoreLocation(Path.of(value).toAbsolutePath().normalize(), null);
    }

    boolean embedded() {
        return dataDir != null;
    }

    /** The master key file of an embedded store's data directory, or null for PostgreSQL. */
    Path masterKeyFile() {
        return embedded() ? dataDir.resolve(MASTER_KEY_FILE) : null;
    }

    /** Opens (and migrates) the store; for the embedded one, the directory must hold a store unless {@code create}. */
    Store open(boolean create) {
        if (embedded() && !create && !Files.exists(dataDir.resolve(Stores.H2_FILE_NAME + ".mv.db"))) {
            throw new IllegalArgumentException("No Gatepass store in " + dataDir + " (no " + Stores.H2_FILE_NAME
                    + ".mv.db)");
        }
        try {
            return Stores.open(jdbcUrl, dataDir);
        } catch (StoreException e) {
            String why = String.valueOf(e.getMessage()) + " " + (e.getCause() == null ? "" : e.getCause().getMessage());
            if (embedded() && (why.contains("already in use") || why.contains("locked"))) { // H2's file lock
                throw new IllegalStateException("The store in " + dataDir + " is in use; stop the server running"
                        + " on it first", e);
            }
            throw e;
        }
    }

    BlobStore blobs(Store store) {
        return Stores.blobs(store, dataDir);
    }

    @Override
    public String toString() {
        if (embedded()) {
            return dataDir.toString();
        }
        // never the parameters (they may hold a password) nor credentials before the host
        String shown = jdbcUrl.replaceFirst("\\?.*$", "").replaceFirst("//[^/@]*@", "//");
        return "PostgreSQL " + shown;
    }
}
