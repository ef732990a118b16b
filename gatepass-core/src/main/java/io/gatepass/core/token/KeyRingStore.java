package io.gatepass.core.token;

import java.util.List;

/**
 * Where the signing keys of a {@link KeyRing} live; implemented by the store module, which keeps each secret encrypted
 * at rest. Keys are grouped by a purpose string (for example {@link ComputeAuthTokens#KEY_PURPOSE}), so each kind of
 * token has its own keys.
 *
 * <p>Keys are added, marked ready to sign, and removed once retired. Several server nodes may share one store and add
 * keys at the same moment; the {@link KeyRing} rules make every added key usable, so the store needs no locking beyond
 * a unique {@code (purpose, keyId)}.
 */
public interface KeyRingStore {
    /**
     * Every key stored for the purpose, in any order, with its secret decrypted; an empty list if there is none.
     * Keys that no longer verify may be returned too (the ring ignores them) or left out.
     */
    List<SigningKey> load(String purpose);

    /**
     * Stores a new key durably before returning, so that other nodes' next {@link #load} sees it. Must throw (any
     * runtime exception) rather than overwrite if the purpose already has a key with the same id.
     */
    void add(String purpose, SigningKey key);

    /**
     * Records that the key may sign from {@code at} on (every live node has loaded it); does nothing if it already
     * has such a time or is gone.
     */
    void markSigning(String purpose, String keyId, java.time.Instant at);

    /** Removes a retired key; does nothing if it is gone already. */
    void remove(String purpose, String keyId);
}
