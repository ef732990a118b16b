package io.gatepass.server.internal.audit;

import io.gatepass.core.token.TokenVerifier;

/**
 * How the audit log names a token: {@code sha256:} and the first 8 hex characters of the token's SHA-256, exactly as
 * the SDK websocket's refusal log, the package endpoint's debug log and the agent name it, so one token can be
 * followed across all of them. Tokens carry a 128-bit MAC, so the prefix cannot be turned back into a token; it
 * is short enough that it does not identify a token beyond doubt either, which is all a log needs.
 *
 * <p>The fingerprint of the last token named is kept with that very {@code String} object: a minting authority hands
 * out the same token object to the repeated calls of one second (its memory of minted tokens), so their audit lines
 * reuse one digest. Another object, even with the same text, is hashed again.
 */
public final class Fingerprint {
    /** The last token fingerprinted (compared by identity only) and its fingerprint. */
    private record Last(String token, String fingerprint) {
        @Override
        public String toString() {
            return "Last[" + fingerprint + "]";
        }
    }

    private static volatile Last last = new Last(null, null);

    private Fingerprint() {
    }

    public static String of(String token) {
        Last seen = last;
        if (seen.token == token && token != null) {
            return seen.fingerprint;
        }
        String fingerprint = "sha256:" + TokenVerifier.fingerprint(token);
        last = new Last(token, fingerprint);
        return fingerprint;
    }
}
