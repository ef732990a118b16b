package io.gatepass.server.it;

/** The identity API on the embedded H2 file store (the default a user gets). */
class IdentityApiH2Test extends IdentityApiContract {
    @Override
    String storeUrl() {
        return null;
    }
}
