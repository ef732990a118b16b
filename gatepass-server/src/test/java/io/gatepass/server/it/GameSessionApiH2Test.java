package io.gatepass.server.it;

/** Game sessions and player sessions on the embedded H2 file store. */
class GameSessionApiH2Test extends GameSessionApiContract {
    @Override
    String storeUrl() {
        return null;
    }
}
