package io.gatepass.server.internal.tokens;

import io.gatepass.core.internal.crypto.SecretCipher;
import io.gatepass.core.token.KeyRingStore;
import io.gatepass.core.token.SigningKey;
import io.gatepass.store.StoredTokenKey;
import io.gatepass.store.TokenKeyStore;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Token signing keys in the store, their secrets encrypted under the master key (bound to purpose and key id). */
public final class StoredKeyRing implements KeyRingStore {
    private final TokenKeyStore keys;
    private final SecretCipher cipher;

    public StoredKeyRing(TokenKeyStore keys, SecretCipher cipher) {
        this.keys = keys;
        this.cipher = cipher;
    }

    /** The store's keys table itself, with the cluster's heartbeats and rotation claims. */
    public TokenKeyStore keys() {
        return keys;
    }

    @Override
    public List<SigningKey> load(String purpose) {
        return keys.load(purpose).stream().map(k -> new SigningKey(k.keyId(),
                Base64.getDecoder().decode(cipher.decrypt(k.encryptedSecret(), context(purpose, k.keyId()))),
                k.createdAt(), k.signsFromOrNull())).toList();
    }

    @Override
    public void add(String purpose, SigningKey key) {
        String sealed = cipher.encrypt(Base64.getEncoder().encodeToString(key.secret()), context(purpose, key.keyId()));
        keys.add(purpose, new StoredTokenKey(key.keyId(), sealed, key.createdAt(), null, key.signsFromOrNull()));
    }

    @Override
    public void markSigning(String purpose, String keyId, Instant at) {
        keys.markSigning(purpose, keyId, at);
    }

    @Override
    public void remove(String purpose, String keyId) {
        keys.remove(purpose, keyId);
    }

    private static String context(String purpose, String keyId) {
        return purpose + "/" + keyId;
    }
}
