package io.gatepass.server.it;

/** Streaming assets on the embedded H2 store, blobs as files under the data dir. */
class AssetStreamingH2Test extends AssetStreamingContract {
    @Override
    String storeUrl() {
        return null;
    }
}
