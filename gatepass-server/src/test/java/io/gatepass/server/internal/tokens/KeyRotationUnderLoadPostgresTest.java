package io.gatepass.server.internal.tokens;

import io.gatepass.store.testing.TestDatabase;

/** Rotation under load on three nodes sharing one PostgreSQL store (a schema of its own). */
class KeyRotationUnderLoadPostgresTest extends KeyRotationUnderLoadContract {
    @Override
    String storeUrl() {
        return TestDatabase.POSTGRESQL.freshUrl();
    }

    @Override
    int nodes() {
        return 3;
    }
}
