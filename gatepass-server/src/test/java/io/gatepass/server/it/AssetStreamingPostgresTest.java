package io.gatepass.server.it;

import io.gatepass.store.testing.TestDatabase;

/** Streaming assets on PostgreSQL, blobs in the database (512 KiB chunks), in a schema of its own. */
class AssetStreamingPostgresTest extends AssetStreamingContract {
    @Override
    String storeUrl() {
        return TestDatabase.POSTGRESQL.freshUrl();
    }
}
