package io.gatepass.server.it;

import io.gatepass.store.testing.TestDatabase;

/** The identity API on PostgreSQL, in a schema of its own. */
class IdentityApiPostgresTest extends IdentityApiContract {
    @Override
    String storeUrl() {
        return TestDatabase.POSTGRESQL.freshUrl();
    }
}
