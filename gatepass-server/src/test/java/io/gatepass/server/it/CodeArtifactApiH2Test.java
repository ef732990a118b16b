package io.gatepass.server.it;

/** CodeArtifact on the embedded H2 file store. */
class CodeArtifactApiH2Test extends CodeArtifactApiContract {
    @Override
    String storeUrl() {
        return null;
    }
}
