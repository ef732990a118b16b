package io.gatepass.server.internal.auth.sigv4;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Derived SigV4 signing keys ({@code HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")}),
 * one per access key id and credential scope. An entry is used only for the secret it was derived from: checked first
 * by identity (the very {@code String} object the secret source handed out before, held weakly so that the cache never
 * keeps a secret alive), which costs no hashing; a different object is compared by the SHA-256 of the secret (kept
 * instead of the secret), and a rotated secret derives a new key. Bounded: when full, about a quarter of the entries,
 * in no particular order, make room (keys are per day, so yesterday's go soon enough). Thread-safe.
 */
final class SigningKeyCache {
    private final int capacity;
    private final ConcurrentHashMap<Key, Entry> keys;
    /** Keys derived so far (for tests: a hit derives none). */
    private final LongAdder derivations = new LongAdder();

    /** @param capacity the most keys kept; 0 to derive every time */
    SigningKeyCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        this.capacity = capacity;
        this.keys = new ConcurrentHashMap<>(Math.min(capacity, 1024));
    }

    /**
     * The signing key of {@code secret} for {@code scope}; the returned array is shared and must not be modified.
     *
     * @param accessKeyId the key id the secret belongs to (an entry is keyed by it, and used only for that secret)
     */
    byte[] signingKey(Crypto crypto, String accessKeyId, String secret, CredentialScope scope) {
        if (capacity == 0) {
            derivations.increment();
            return derive(crypto, secret, scope);
        }
        Key key = new Key(accessKeyId, scope);
        Entry entry = keys.get(key);
        if (entry != null && entry.secret.get() == secret) {
            return entry.signingKey;
        }
        byte[] digest = secretDigest(crypto, secret);
        if (entry != null && MessageDigest.isEqual(entry.secretSha256, digest)) {
            // the same secret in another object (decrypted again): remember this one
            keys.replace(key, entry, new Entry(new WeakReference<>(secret), digest, entry.signingKey));
            return entry.signingKey;
        }
        derivations.increment();
        byte[] signingKey = derive(crypto, secret, scope);
        if (entry == null && keys.size() >= capacity) {
            evict();
        }
        keys.put(key, new Entry(new WeakReference<>(secret), digest, signingKey));
        return signingKey;
    }

    int size() {
        return keys.size();
    }

    long derivations() {
        return derivations.sum();
    }

    private void evict() {
        int target = capacity - Math.max(1, capacity / 4);
        Iterator<Key> it = keys.keySet().iterator();
        while (keys.size() > target && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    private static byte[] secretDigest(Crypto crypto, String secret) {
        byte[] secretBytes = secret.getBytes(StandardCharsets.UTF_8);
        try {
            return crypto.sha256(secretBytes);
        } finally {
            Arrays.fill(secretBytes, (byte) 0);
        }
    }

    /** The signing key of {@code secret} for {@code scope}, derived without any cache. */
    static byte[] derive(Crypto crypto, String secret, CredentialScope scope) {
        byte[] secretBytes = ("AWS4" + secret).getBytes(StandardCharsets.UTF_8);
        try {
            byte[] dateKey = crypto.hmac(secretBytes, scope.date());
            byte[] regionKey = crypto.hmac(dateKey, scope.region());
            byte[] serviceKey = crypto.hmac(regionKey, scope.service());
            return crypto.hmac(serviceKey, "aws4_request");
        } finally {
            Arrays.fill(secretBytes, (byte) 0);
        }
    }

    /**
     * An access key id and a credential scope. Equality is written out: the generated one is method-handle code the
     * JIT compiler inlines into every request's compiled path (see CredentialScope).
     */
    private record Key(String accessKeyId, CredentialScope scope) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && accessKeyId.equals(key.accessKeyId) && scope.equals(key.scope);
        }

        @Override
        public int hashCode() {
            return 31 * accessKeyId.hashCode() + scope.hashCode();
        }
    }

    /**
     * A signing key and the secret it was derived from: the very object, weakly, and its SHA-256.
     */
    private record Entry(WeakReference<String> secret, byte[] secretSha256, byte[] signingKey) {
        @Override
        public String toString() {
            return "Entry";
        }
    }
}
