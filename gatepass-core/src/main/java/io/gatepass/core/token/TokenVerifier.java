package io.gatepass.core.token;

import java.nio.charset.StandardCharsets;
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
     * Checks a token presented for the compute {@code fleetId}/{@code computeName} claims to be, signature first: a
     * token that is not that compute's is refused as {@link Verification.Reason#BAD_SIGNATURE} before anything is
     * looked up, so a refusal takes the same time whether or not the registration it names exists. Then expiry, then
     * whether the registration is still live. Never throws for bad input.
     */
    default Verification verify(String token, String fleetId, String computeName) {
        Verification verification = verify(token);
        if (verification instanceof Verification.Valid valid && (!valid.registration().fleetId().equals(fleetId)
                || !valid.registration().computeName().equals(computeName))) {
            return new Verification.Refused(Verification.Reason.BAD_SIGNATURE);
        }
        return verification;
    }

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

