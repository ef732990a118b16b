package io.gatepass.server.internal.auth.sigv4;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Derived SigV4 signing keys ({@code HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")}),
 * cached by the SHA-256 of the secret and the credential scope, so that the secret itself is never kept. Bounded: when
 * full, about a quarter of the entries, in no particular order, make room (keys are per day, so yesterday's go
 * soon enough). Thread-safe.
 */
final class SigningKeyCache {
    private final int capacity;
    private final ConcurrentHashMap<Key, byte[]> keys;

    /** @param capacity the most keys kept; 0 to derive every time */
    SigningKeyCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        this.capacity = capacity;
        this.keys = new ConcurrentHashMap<>(Math.min(capacity, 1024));
    }

    /** The signing key; the returned array is shared and must not be modified. */
    byte[] signingKey(Crypto crypto, String secret, CredentialScope scope) {
        byte[] secretBytes = ("AWS4" + secret).getBytes(StandardCharsets.UTF_8);
        try {
            if (capacity == 0) {
                return derive(crypto, secretBytes, scope);
            }
            ByteBuffer digest = ByteBuffer.wrap(crypto.sha256(secretBytes));
            Key key = new Key(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong(), scope);
            byte[] signingKey = keys.get(key);
            if (signingKey == null) {
                signingKey = derive(crypto, secretBytes, scope);
                if (keys.size() >= capacity) {
                    evict();
                }
                keys.put(key, signingKey);
            }
            return signingKey;
        } finally {
            Arrays.fill(secretBytes, (byte) 0);
        }
    }

    int size() {
        return keys.size();
    }

    private void evict() {
        int target = capacity - Math.max(1, capacity / 4);
        Iterator<Key> it = keys.keySet().iterator();
        while (keys.size() > target && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    private static byte[] derive(Crypto crypto, byte[] secretBytes, CredentialScope scope) {
        byte[] dateKey = crypto.hmac(secretBytes, scope.date());
        byte[] regionKey = crypto.hmac(dateKey, scope.region());
        byte[] serviceKey = crypto.hmac(regionKey, scope.service());
        return crypto.hmac(serviceKey, "aws4_request");
    }

    /** SHA-256 of "AWS4" + secret, and the scope. */
    private record Key(long h0, long h1, long h2, long h3, CredentialScope scope) {
    }
}
