package io.gatepass.server.it;

/** The package read APIs on the embedded H2 store, blobs as files. */
class PackageApiH2Test extends PackageApiContract {
    @Override
    String storeUrl() {
        return null;
    }
}
