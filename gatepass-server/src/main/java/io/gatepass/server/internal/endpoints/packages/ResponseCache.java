package io.gatepass.server.internal.endpoints.packages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered read responses (an npm packument per package and {@code Accept} variant) kept for a short time, so a hot
 * package is answered from memory without store reads or rendering. Bounded three ways: each entry lives at most
 * {@code ttl} (so another node's publish shows within it), at most {@code maxEntries} entries and {@code maxBytes}
 * body bytes are kept (when either would be exceeded the cache is emptied: cheap, and rare at the sizes used).
 *
 * <p>A write on this node calls {@link #invalidate} after it committed, so its result is visible at once. A reader
 * that rendered from the store before that commit cannot leave its stale copy behind: it takes the
 * {@link #generation()} before reading, and {@link #put} refuses (or takes back) an entry whose generation a write
 * has since passed.
 *
 * @param <K> what identifies a response (e.g. package key and variant)
 */
public final class ResponseCache<K> {
    private record Entry(PackageResponse response, Instant until, long bytes) {
    }

    private final Map<K, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final long maxBytes;

    public ResponseCache(Clock clock, Duration ttl, int maxEntries, long maxBytes) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /** The cached response, if one is younger than the TTL. Never blocks. */
    public Optional<PackageResponse> find(K key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.until())) {
            remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.response());
    }

    /** Take before reading what a response is rendered from; hand to {@link #put}. */
    public long generation() {
        return generation.get();
    }

    /**
     * Keeps a response (only a body in memory; never a blob) unless a write happened since {@code readGeneration},
     * or the body alone is larger than the byte bound.
     */
    public void put(K key, PackageResponse response, long readGeneration) {
        if (response.bytes() == null || response.bytes().length > maxBytes) {
            return;
        }
        long size = response.bytes().length;
        if (generation.get() != readGeneration) {
            return;
        }
        if (entries.size() >= maxEntries || bytes.get() + size > maxBytes) {
            clear();
        }
        Entry entry = new Entry(response, clock.instant().plus(ttl), size);
        Entry previous = entries.put(key, entry);
        bytes.addAndGet(size - (previous == null ? 0 : previous.bytes()));
        if (generation.get() != readGeneration) { // a write committed while we stored: take ours back
            remove(key, entry);
        }
    }

    /** After a write to what {@code keys} name committed on this node: they are rendered again on the next read. */
    @SafeVarargs
    public final void invalidate(K... keys) {
        generation.incrementAndGet();
        for (K key : keys) {
            Entry removed = entries.remove(key);
            if (removed != null) {
                bytes.addAndGet(-removed.bytes());
            }
        }
    }

    /** How many responses are kept (for tests). */
    public int size() {
        return entries.size();
    }

    /** The body bytes kept (for tests). */
    public long bytes() {
        return bytes.get();
    }

    private void remove(K key, Entry entry) {
        if (entries.remove(key, entry)) {
            bytes.addAndGet(-entry.bytes());
        }
    }

    private void clear() {
        entries.keySet().forEach(key -> {
            Entry removed = entries.remove(key);
            if (removed != null) {
                bytes.addAndGet(-removed.bytes());
            }
        });
    }
}
