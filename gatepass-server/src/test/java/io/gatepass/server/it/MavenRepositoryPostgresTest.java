package io.gatepass.server.it;

import io.gatepass.store.testing.TestDatabase;

/** The Maven repository on PostgreSQL, in a schema of its own. */
class MavenRepositoryPostgresTest extends MavenRepositoryContract {
    @Override
    String storeUrl() {
        return TestDatabase.POSTGRESQL.freshUrl();
    }
}
