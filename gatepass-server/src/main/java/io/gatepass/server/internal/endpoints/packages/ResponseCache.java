package io.gatepass.server.internal.endpoints.packages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

/**
 * Answers kept for a short time, so a hot one is served from memory: rendered read responses (an npm packument per
 * package and {@code Accept} variant, {@link #ofResponses}) and public metadata documents as a registry answered them.
 * Bounded three ways: each entry lives at most {@code ttl} (so another node's publish, or a change at the registry,
 * shows within it), at most {@code maxEntries} entries and {@code maxBytes} body bytes are kept (when either would be
 * exceeded the cache is emptied: cheap, and rare at the sizes used).
 *
 * <p>A write on this node calls {@link #invalidate} after it committed, so its result is visible at once. A reader
 * that rendered from the store before that commit cannot leave its stale copy behind: it takes the
 * {@link #generation()} before reading, and {@link #put} refuses (or takes back) an entry whose generation a write
 * has since passed.
 *
 * @param <K> what identifies an answer (e.g. package key and variant)
 * @param <V> the answer kept; its bytes are shared, never copied: readers must not change them
 */
public final class ResponseCache<K, V> {
    private record Entry<V>(V value, Instant until, long bytes) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final long maxBytes;
    private final ToLongFunction<V> sizeOf;

    /**
     * @param sizeOf the body bytes an answer holds in memory, or a negative number for one that is never kept
     */
    public ResponseCache(Clock clock, Duration ttl, int maxEntries, long maxBytes, ToLongFunction<V> sizeOf) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.sizeOf = sizeOf;
    }

    /** Rendered responses: only a body in memory is kept, never a blob. */
    public static <K> ResponseCache<K, PackageResponse> ofResponses(Clock clock, Duration ttl, int maxEntries,
                                                                   long maxBytes) {
        return new ResponseCache<>(clock, ttl, maxEntries, maxBytes,
                response -> response.bytes() == null ? -1 : response.bytes().length);
    }

    /** The kept answer, if one is younger than the TTL. Never blocks. */
    public Optional<V> find(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.until())) {
            remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** Take before reading what an answer is rendered from; hand to {@link #put}. */
    public long generation() {
        return generation.get();
    }

    /** Keeps an answer made now (see {@link #put(Object, Object, Instant, long)}). */
    public void put(K key, V value, long readGeneration) {
        put(key, value, clock.instant(), readGeneration);
    }

    /**
     * Keeps an answer, its TTL counted from {@code since} (e.g. when it was asked of a registry), unless a write
     * happened since {@code readGeneration}, it is never kept, or it alone is larger than the byte bound.
     */
    public void put(K key, V value, Instant since, long readGeneration) {
        long size = sizeOf.applyAsLong(value);
        if (size < 0 || size > maxBytes || generation.get() != readGeneration) {
            return;
        }
        if (entries.size() >= maxEntries || bytes.get() + size > maxBytes) {
            clear();
        }
        Entry<V> entry = new Entry<>(value, since.plus(ttl), size);
        Entry<V> previous = entries.put(key, entry);
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
            Entry<V> removed = entries.remove(key);
            if (removed != null) {
                bytes.addAndGet(-removed.bytes());
            }
        }
    }

    /** How many answers are kept (for tests). */
    public int size() {
        return entries.size();
    }

    /** The body bytes kept (for tests). */
    public long bytes() {
        return bytes.get();
    }

    private void remove(K key, Entry<V> entry) {
        if (entries.remove(key, entry)) {
            bytes.addAndGet(-entry.bytes());
        }
    }

    private void clear() {
        entries.keySet().forEach(key -> {
            Entry<V> removed = entries.remove(key);
            if (removed != null) {
                bytes.addAndGet(-removed.bytes());
            }
        });
    }
}
