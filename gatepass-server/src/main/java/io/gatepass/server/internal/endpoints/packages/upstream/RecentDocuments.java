package io.gatepass.server.internal.endpoints.packages.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Public metadata documents (an npm packument, a PyPI simple page, a maven-metadata.xml) as a registry answered them
 * moments ago, by URL and {@code Accept}: the requests of one install (a packument, then the version's tarball, which
 * needs the packument again) and of many clients at once fetch a document once per {@code ttl} instead of once each.
 * An answer that the registry has nothing there is kept too; a failure is not. Bounded three ways, like the formats'
 * {@code ResponseCache}: each entry lives at most {@code ttl} (so a change at the registry shows within it), and when
 * {@code maxEntries} or {@code maxBytes} would be exceeded the cache is emptied (cheap, and rare at the sizes used).
 */
final class RecentDocuments {
    /** How long a document is served without asking the registry again: as long as the formats' own caches. */
    static final Duration TTL = Duration.ofSeconds(1);
    static final int MAX_ENTRIES = 2_000;
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private record Entry(Optional<byte[]> body, Instant until, long bytes) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final long maxBytes;

    RecentDocuments(Clock clock, Duration ttl, int maxEntries, long maxBytes) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /** The registry's answer for {@code key} if it is younger than the TTL (empty body: it had nothing there). */
    Optional<Optional<byte[]>> find(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.until())) {
            remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.body());
    }

    /**
     * Keeps the registry's answer, fetched at {@code fetchedAt}, unless it alone is larger than the byte bound. The
     * body is shared, never copied: its readers must not change it.
     */
    void put(String key, Optional<byte[]> body, Instant fetchedAt) {
        long size = body.map(b -> (long) b.length).orElse(0L);
        if (size > maxBytes) {
            return;
        }
        if (entries.size() >= maxEntries || bytes.get() + size > maxBytes) {
            clear();
        }
        Entry entry = new Entry(body, fetchedAt.plus(ttl), size);
        Entry previous = entries.put(key, entry);
        bytes.addAndGet(size - (previous == null ? 0 : previous.bytes()));
    }

    /** How many documents are kept (for tests). */
    int size() {
        return entries.size();
    }

    /** The bytes kept (for tests). */
    long bytes() {
        return bytes.get();
    }

    private void remove(String key, Entry entry) {
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
