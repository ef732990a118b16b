package io.gatepass.store.internal.cache;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Store reads kept for a short time: each value for at most {@code ttl} (what another node's write may take to be
 * seen here), and none past a write on this node ({@link #invalidateAll()}, called after every write). A value is
 * tagged with the write generation seen before it was read, so a read that raced a write is never served after it.
 * Absent results ({@code Optional.empty()}) are kept only where asked ({@link #getKeepingAbsent}): otherwise what
 * another node has just created (a session, a compute) is found at once.
 */
final class ReadCache {
    private record Entry(Object value, long generation, long untilNanos) {
    }

    private final ConcurrentHashMap<Object, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;

    ReadCache(long ttlNanos, int maxEntries, LongSupplier nanoTime) {
        this.ttlNanos = ttlNanos;
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    <T> T get(Object key, Supplier<T> load) {
        return get(key, load, false);
    }

    /** As {@link #get}, keeping an absent result too (for what is usually absent, e.g. a domain's policy). */
    <T> T getKeepingAbsent(Object key, Supplier<T> load) {
        return get(key, load, true);
    }

    @SuppressWarnings("unchecked")
    private <T> T get(Object key, Supplier<T> load, boolean keepAbsent) {
        long seen = generation.get();
        long now = nanoTime.getAsLong();
        Entry entry = entries.get(key);
        if (entry != null && entry.generation == seen && now - entry.untilNanos < 0) {
            return (T) entry.value;
        }
        T value = load.get();
        if (value != null && (keepAbsent || !(value instanceof Optional<?> optional && optional.isEmpty()))) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry(value, seen, now + ttlNanos));
        }
        return value;
    }

    /** Forgets everything read so far; call after a write has committed (or failed). */
    void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** Runs a write, then forgets every cached read, whether the write succeeded or not. */
    <T> T write(Supplier<T> write) {
        try {
            return write.get();
        } finally {
            invalidateAll();
        }
    }

    void write(Runnable write) {
        try {
            write.run();
        } finally {
            invalidateAll();
        }
    }
}
