package io.gatepass.server.internal.endpoints.packages.pypi;

import io.gatepass.store.BlobStore;
import io.gatepass.store.Store;
import io.gatepass.store.testing.TestDatabase;

import java.nio.file.Path;

/** The PyPI format as several nodes run it: PostgreSQL, blobs in the database (skipped where none is reachable). */
class PypiFormatPostgresTest extends PypiFormatContract {
    @Override
    Store openStore() {
        return TestDatabase.POSTGRESQL.open();
    }

    @Override
    BlobStore blobStore(Store store, Path dir) {
        return store.databaseBlobs();
    }
}
