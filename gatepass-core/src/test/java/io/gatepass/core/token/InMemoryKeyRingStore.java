package io.gatepass.core.token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link KeyRingStore} in a map, refusing duplicate ids as the real one must. */
class InMemoryKeyRingStore implements KeyRingStore {
    private final Map<String, List<SigningKey>> keys = new HashMap<>();

    @Override
    public synchronized List<SigningKey> load(String purpose) {
        return List.copyOf(keys.getOrDefault(purpose, List.of()));
    }

    @Override
    public synchronized void add(String purpose, SigningKey key) {
        List<SigningKey> list = keys.computeIfAbsent(purpose, p -> new ArrayList<>());
        if (list.stream().anyMatch(k -> k.keyId().equals(key.keyId()))) {
            throw new IllegalStateException("duplicate key id");
        }
        list.add(key);
    }

    @Override
    public synchronized void markSigning(String purpose, String keyId, java.time.Instant at) {
        List<SigningKey> list = keys.getOrDefault(purpose, new ArrayList<>());
        list.replaceAll(k -> k.keyId().equals(keyId) && k.signsFromOrNull() == null
                ? new SigningKey(k.keyId(), k.secret(), k.createdAt(), at) : k);
    }

    @Override
    public synchronized void remove(String purpose, String keyId) {
        keys.getOrDefault(purpose, new ArrayList<>()).removeIf(k -> k.keyId().equals(keyId));
    }
}
