package io.gatepass.cli.internal.agent;

import io.gatepass.core.token.TokenVerifier;

import java.time.Instant;

/** A compute auth token and when it expires; {@link #toString()} shows a fingerprint, never the token. */
public record AuthToken(String token, Instant expiry) {

    /** The first 8 hex characters of the token's SHA-256: safe for logs, status and metrics. */
    public String fingerprint() {
        return TokenVerifier.fingerprint(token);
    }

    public boolean validAt(Instant now) {
        return now.isBefore(expiry);
    }

    @Override
    public String toString() {
        return "AuthToken[sha256:" + fingerprint() + ", expiry=" + expiry + "]";
    }
}
