package io.gatepass.server.it;

import io.gatepass.store.testing.TestDatabase;

/** The package endpoints on PostgreSQL, blobs in the database, in a schema of its own. */
class PackageEndpointPostgresTest extends PackageEndpointContract {
    @Override
    String storeUrl() {
        return TestDatabase.POSTGRESQL.freshUrl();
    }
}
