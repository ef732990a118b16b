package io.gatepass.core.token;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Answers what a token of one kind was issued for, or why it is refused: for the endpoints game servers and the agent
 * connect to ({@code S} a compute's {@link ComputeRegistrations.Registration}) and the package endpoints ({@code S} a
 * {@link RepositoryTokenSubject}). {@link TokenAuthority} is the implementation.
 */
@FunctionalInterface
public interface TokenVerifier<S> {
    /** Checks the token's format, key, signature, expiry and subject (see {@link Verification.Reason}). Never throws
     * for bad input; a failure of the lookup of the subject propagates. */
    Verification<S> verify(String token);

    /**
     * A short, non-reversible name for a token, fit for logs and metrics: the first 8 hex characters of its SHA-256.
     * Tokens themselves are never logged.
     */
    static String fingerprint(String token) {
        Objects.requireNonNull(token, "token");
        // one digest per thread: a token mint's audit line names its token, and MessageDigest.getInstance looks the
        // algorithm up among the providers each time
        byte[] hash = FingerprintDigest.PER_THREAD.get().digest(token.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, 4);
    }
}

