package io.gatepass.core.token;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One HMAC-SHA256 key of a {@link KeyRing}: a short public id that tokens carry, a 32-byte secret and the time it was
 * created (which decides when it starts signing and when it retires, see {@link KeyRing}).
 *
 * <p>The secret is copied in and out, so the record stays immutable; {@link #toString()} never shows it.
 *
 * @param keyId     five characters of {@code [A-Za-z0-9]}, unique within a key ring's purpose
 * @param secret    exactly 32 bytes
 * @param createdAt when the key was made
 * @param signsFromOrNull when the cluster agreed that every node has loaded the key, so it may sign from then on
 *                        (see {@link KeyRing}); null until then
 */
public record SigningKey(String keyId, byte[] secret, Instant createdAt, Instant signsFromOrNull) {
    /** Length of every key id. */
    public static final int KEY_ID_LENGTH = 5;
    /** Length of every secret, in bytes. */
    public static final int SECRET_BYTES = 32;

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9]{" + KEY_ID_LENGTH + "}");

    public SigningKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("a key id is " + KEY_ID_LENGTH + " characters of [A-Za-z0-9]");
        }
        if (secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("a signing secret is " + SECRET_BYTES + " bytes");
        }
        secret = secret.clone();
    }

    /** A key no node has yet declared ready to sign. */
    public SigningKey(String keyId, byte[] secret, Instant createdAt) {
        this(keyId, secret, createdAt, null);
    }

    /** A copy of the secret. */
    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningKey that
                && keyId.equals(that.keyId)
                && createdAt.equals(that.createdAt)
                && Objects.equals(signsFromOrNull, that.signsFromOrNull)
                && MessageDigest.isEqual(secret, that.secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, createdAt);
    }

    @Override
    public String toString() {
        return "SigningKey[keyId=" + keyId + ", createdAt=" + createdAt + ", signsFrom=" + signsFromOrNull + ", secret=<redacted>]";
    }
}
