package io.gatepass.core.token;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The SHA-256 digest {@link TokenVerifier#fingerprint} uses, one per thread ({@code digest} leaves it reset). */
final class FingerprintDigest {
    static final ThreadLocal<MessageDigest> PER_THREAD = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    });

    private FingerprintDigest() {
    }
}
