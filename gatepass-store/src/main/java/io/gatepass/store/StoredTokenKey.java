package io.gatepass.store;

import java.time.Instant;

/**
 * A token signing key as stored: its secret encrypted with the master key (never decrypted by the store), when it
 * stops signing ({@code retireAfterOrNull}, unused so far) and when the cluster agreed it may sign
 * ({@code signsFromOrNull}, null until every live node has loaded it). {@code toString} never shows the secret.
 */
public record StoredTokenKey(String keyId, String encryptedSecret, Instant createdAt, Instant retireAfterOrNull,
                             Instant signsFromOrNull) {
    public StoredTokenKey(String keyId, String encryptedSecret, Instant createdAt, Instant retireAfterOrNull) {
        this(keyId, encryptedSecret, createdAt, retireAfterOrNull, null);
    }

    @Override
    public String toString() {
        return "StoredTokenKey[" + keyId + ", created=" + createdAt + ", retireAfter=" + retireAfterOrNull
                + ", signsFrom=" + signsFromOrNull + "]";
    }
}
