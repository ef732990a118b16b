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
}
