package io.gatepass.server.it;

/** GameLift Anywhere on the embedded H2 file store. */
class GameLiftApiH2Test extends GameLiftApiContract {
    @Override
    String storeUrl() {
        return null;
    }
}
