package io.gatepass.server.it;

import io.gatepass.store.testing.TestDatabase;

/** The package write APIs on PostgreSQL, blobs in the database, in a schema of its own. */
class PackageWriteApiPostgresTest extends PackageWriteApiContract {
    @Override
    String storeUrl() {
        return TestDatabase.POSTGRESQL.freshUrl();
    }
}
