package io.gatepass.server.it;

/** The Maven repository on the embedded H2 file store. */
class MavenRepositoryH2Test extends MavenRepositoryContract {
    @Override
    String storeUrl() {
        return null;
    }
}
