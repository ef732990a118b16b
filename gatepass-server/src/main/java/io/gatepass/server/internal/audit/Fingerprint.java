package io.gatepass.server.internal.audit;

import io.gatepass.core.token.TokenVerifier;

/**
 * How the audit log names a token: {@code sha256:} and the first 8 hex characters of the token's SHA-256, exactly as
 * the SDK websocket's refusal log, the package endpoint's debug log and the agent name it, so one token can be
 * followed across all of them. Tokens carry a 128-bit MAC, so the prefix cannot be turned back into a token; it
 * is short enough that it does not identify a token beyond doubt either, which is all a log needs.
 *
 * <p>The fingerprints of recently named tokens are kept with those very {@code String} objects, in a small table by
 * identity hash: a minting authority hands out the same token object to the repeated calls for one token (its memory
 * of minted tokens), so their audit lines reuse one digest. Another object, even with the same text, is hashed again.
 */
public final class Fingerprint {
    /** A token (compared by identity only) and its fingerprint. */
    private record Named(String token, String fingerprint) {
        @Override
        public String toString() {
            return "Named[" + fingerprint + "]";
        }
    }

    /** Recently named tokens by identity hash; racing threads at worst hash a token again (entries are immutable). */
    private static final Named[] RECENT = new Named[256];

    private Fingerprint() {
    }

    public static String of(String token) {
        int slot = System.identityHashCode(token) & (RECENT.length - 1);
        Named seen = RECENT[slot];
        if (seen != null && seen.token == token && token != null) {
            return seen.fingerprint;
        }
        String fingerprint = "sha256:" + TokenVerifier.fingerprint(token);
        RECENT[slot] = new Named(token, fingerprint);
        return fingerprint;
    }
}
