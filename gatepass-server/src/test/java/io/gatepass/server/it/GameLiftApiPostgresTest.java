package io.gatepass.server.it;

import io.gatepass.store.testing.TestDatabase;

/** GameLift Anywhere on PostgreSQL, in a schema of its own. */
class GameLiftApiPostgresTest extends GameLiftApiContract {
    @Override
    String storeUrl() {
        return TestDatabase.POSTGRESQL.freshUrl();
    }
}
