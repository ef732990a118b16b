package io.gatepass.server.internal.api.gatepass;

import java.time.Instant;
import java.util.List;

/** Inputs and outputs of Gatepass's own API (JSON members in camelCase, timestamps in epoch seconds). */
public final class GatepassShapes {
    private GatepassShapes() {
    }

    /** @param ring compute, repository or all (the default) */
    public record RotateTokenKeysInput(String ring) {
    }

    /**
     * One key, never its secret.
     *
     * @param state         signing, verifying (newer than the signer: published, not yet signing) or retiring (older:
     *                      verifies the tokens it signed until {@code verifiesUntil})
     * @param verifiesUntil null for the newest key
     */
    public record TokenKey(String keyId, String state, Instant createdAt, Instant signsFrom, Instant verifiesUntil) {
    }

    /** A ring: its name on the command line (compute, repository), its purpose, its keys oldest first. */
    public record TokenKeyRing(String ring, String purpose, List<TokenKey> keys) {
    }

    public record ListTokenKeysOutput(List<TokenKeyRing> rings) {
    }

    /** A key a rotation added, and when it signs at the latest (once every live node has loaded it, sooner). */
    public record RotatedKey(String ring, String keyId, Instant createdAt, Instant signsAtLatest) {
    }

    public record RotateTokenKeysOutput(List<RotatedKey> rotated, List<TokenKeyRing> rings) {
    }
}
