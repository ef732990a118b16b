package io.gatepass.server.it;

/** The package endpoints on the embedded H2 store, blobs as files under the data dir. */
class PackageEndpointH2Test extends PackageEndpointContract {
    @Override
    String storeUrl() {
        return null;
    }
}
