package io.gatepass.server.it;

import io.gatepass.store.testing.TestDatabase;

/** CodeArtifact on PostgreSQL, in a schema of its own. */
class CodeArtifactApiPostgresTest extends CodeArtifactApiContract {
    @Override
    String storeUrl() {
        return TestDatabase.POSTGRESQL.freshUrl();
    }
}
