package io.gatepass.core.token;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A concurrent map of at most {@code capacity} entries, each with an expiry: for remembering work already done on a
 * token until the token expires. When it is full, an insert first drops the expired entries and, if that frees
 * nothing, forgets everything (the entries are only a shortcut: losing them costs work, never correctness).
 */
final class BoundedMemory<K, V> {
    private record Entry<V>(V value, Instant expiry) {
    }

    private final int capacity;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

    BoundedMemory(int capacity) {
        this.capacity = capacity;
    }

    /** The value, or null if absent (an expired entry may still be returned: callers check expiry themselves). */
    V get(K key) {
        Entry<V> entry = entries.get(key);
        return entry == null ? null : entry.value();
    }

    void put(K key, V value, Instant expiry, Instant now) {
        if (entries.size() >= capacity) {
            entries.values().removeIf(e -> !now.isBefore(e.expiry()));
            if (entries.size() >= capacity) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, expiry));
    }

    int size() {
        return entries.size();
    }
}
