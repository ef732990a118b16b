package io.gatepass.server.internal.endpoints.packages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A bounded cache whose entries live at most a fixed time (and never past their own deadline), by an injected clock.
 * When full it is emptied (cheap, and rare at the sizes used); a value recomputed twice by racing threads is harmless
 * here because computing is idempotent. {@link #clear} forgets everything, and a value computed from what was read
 * before a clear is not kept after it.
 */
final class ShortLivedCache<K, V> {
    private record Entry<V>(V value, Instant until) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;

    ShortLivedCache(Clock clock, Duration ttl, int maxEntries) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    /** The cached value if it is still fresh, else null; never computes (and so never blocks). */
    V peek(K key) {
        Entry<V> entry = entries.get(key);
        return entry != null && clock.instant().isBefore(entry.until()) ? entry.value() : null;
    }

    /**
     * The cached value, or {@code compute}'s (cached unless {@code deadline} says it is already due).
     *
     * @param deadline the latest instant a computed value may be used (e.g. a token's expiry); null for none
     */
    V get(K key, Function<K, V> compute, Function<V, Instant> deadline) {
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry != null && now.isBefore(entry.until())) {
            return entry.value();
        }
        long seen = generation.get();
        V value = compute.apply(key);
        Instant until = now.plus(ttl);
        Instant own = deadline == null || value == null ? null : deadline.apply(value);
        if (own != null && own.isBefore(until)) {
            until = own;
        }
        if (value != null && now.isBefore(until)) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            Entry<V> put = new Entry<>(value, until);
            entries.put(key, put);
            if (generation.get() != seen) { // cleared while computing: what was read may be stale
                entries.remove(key, put);
            }
        }
        return value;
    }

    /** Forgets every value (what they were computed from changed); values being computed now are not kept. */
    void clear() {
        generation.incrementAndGet();
        entries.clear();
    }
}
