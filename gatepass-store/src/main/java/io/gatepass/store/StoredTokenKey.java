package io.gatepass.store;

import java.time.Instant;

/**
 * A token signing key as stored: its secret encrypted with the master key (never decrypted by the store), and when
 * it stops signing ({@code retireAfterOrNull}, null while it is the current key or until decided). {@code toString}
 * never shows the secret.
 */
public record StoredTokenKey(String keyId, String encryptedSecret, Instant createdAt, Instant retireAfterOrNull) {
    @Override
    public String toString() {
        return "StoredTokenKey[" + keyId + ", created=" + createdAt + ", retireAfter=" + retireAfterOrNull + "]";
    }
}
