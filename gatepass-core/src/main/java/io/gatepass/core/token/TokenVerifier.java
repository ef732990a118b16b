package io.gatepass.core.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Answers which registered compute a compute auth token belongs to, or why it is refused; for the endpoints game
 * servers and the agent connect to. {@link ComputeAuthTokens} is the implementation.
 */
@FunctionalInterface
public interface TokenVerifier {
    /** Checks the token's format, key, registration, signature and expiry, in that order. Never throws for bad input. */
    Verification verify(String token);

    /**
     * A short, non-reversible name for a token, fit for logs and metrics: the first 8 hex characters of its SHA-256.
     * Tokens themselves are never logged.
     */
    static String fingerprint(String token) {
        Objects.requireNonNull(token, "token");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
