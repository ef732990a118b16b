package io.gatepass.server.internal.tokens;

/** Rotation under load on one node with its embedded store. */
class KeyRotationUnderLoadH2Test extends KeyRotationUnderLoadContract {
    @Override
    String storeUrl() {
        return null;
    }

    @Override
    int nodes() {
        return 1;
    }
}
