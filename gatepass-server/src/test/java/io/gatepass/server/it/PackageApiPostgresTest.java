package io.gatepass.server.it;

import io.gatepass.store.testing.TestDatabase;

/** The package read APIs on PostgreSQL, blobs in the database, in a schema of its own. */
class PackageApiPostgresTest extends PackageApiContract {
    @Override
    String storeUrl() {
        return TestDatabase.POSTGRESQL.freshUrl();
    }
}
