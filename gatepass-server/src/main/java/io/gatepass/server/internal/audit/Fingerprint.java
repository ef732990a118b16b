package io.gatepass.server.internal.audit;

import io.gatepass.core.token.TokenVerifier;

/**
 * How the audit log names a token: {@code sha256:} and the first 8 hex characters of the token's SHA-256, exactly as
 * the SDK websocket's refusal log, the package endpoint's debug log and the agent name it, so one token can be
 * followed across all of them. Tokens carry a 128-bit MAC, so the prefix cannot be turned back into a token; it
 * is short enough that it does not identify a token beyond doubt either, which is all a log needs.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(String token) {
        return "sha256:" + TokenVerifier.fingerprint(token);
    }
}
