package io.gatepass.server.it;

/** The package write APIs on the embedded H2 store, blobs as files under the data dir. */
class PackageWriteApiH2Test extends PackageWriteApiContract {
    @Override
    String storeUrl() {
        return null;
    }
}
