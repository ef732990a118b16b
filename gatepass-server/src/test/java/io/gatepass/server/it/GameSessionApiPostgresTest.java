package io.gatepass.server.it;

import io.gatepass.store.testing.TestDatabase;

/** Game sessions and player sessions on PostgreSQL, in a schema of its own. */
class GameSessionApiPostgresTest extends GameSessionApiContract {
    @Override
    String storeUrl() {
        return TestDatabase.POSTGRESQL.freshUrl();
    }
}
