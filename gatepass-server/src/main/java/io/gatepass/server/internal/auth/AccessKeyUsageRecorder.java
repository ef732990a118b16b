package io.gatepass.server.internal.auth;

import io.gatepass.store.AccessKeyStore;
import io.gatepass.store.AccessKeyUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notes the last use of each long-term access key in memory and writes the uses to the store in batches.
 *
 * <p>{@link #note} runs on the request path for every authenticated request: one map read, and a map write
 * (overwriting the key's previous entry) only when the key's pending use is from an earlier second or another service
 * or region, so a busy key costs no allocation or contended write per request; no store access. {@link #flush}
 * (every {@link #PERIOD} on a worker thread, and at a clean stop) writes what was noted since the last flush, one
 * statement per key in one transaction. So GetAccessKeyLastUsed shows a use within about a minute; a crash loses at
 * most the last minute's uses. Callers note long-term keys only (IAM reports the last use of those alone).
 *
 * <p>A flush leaves a written use in memory (remembering that it was written) until its key has been unused for
 * {@link #FORGET_AFTER}: had it removed it, the next request of a key in steady use would find no entry about once a
 * {@link #PERIOD} — a branch the JIT, which compiles the request path without a branch it never saw taken, would
 * answer by throwing away and recompiling the compiled authentication path (docs/benchmarks.md, eighth pass).
 */
public final class AccessKeyUsageRecorder {
    /** How often noted uses are written to the store. */
    public static final Duration PERIOD = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(AccessKeyUsageRecorder.class);

    /** How long a key's written use stays in memory after its last use. */
    static final Duration FORGET_AFTER = PERIOD.multipliedBy(5);

    /** The latest use noted of each key used in the last {@link #FORGET_AFTER} or so. */
    private final ConcurrentHashMap<String, AccessKeyUsage> pending = new ConcurrentHashMap<>();
    /** The use of each key last written to the store (the very object noted), touched by {@link #flush} only. */
    private final ConcurrentHashMap<String, AccessKeyUsage> written = new ConcurrentHashMap<>();
    private final AccessKeyStore store;
    private final Clock clock;

    public AccessKeyUsageRecorder(AccessKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Notes that the long-term key {@code accessKeyId} signed a request for {@code service} in {@code region}, now. */
    public void note(String accessKeyId, String service, String region) {
        long now = clock.millis();
        AccessKeyUsage previous = pending.get(accessKeyId);
        if (previous != null && previous.date().getEpochSecond() == Math.floorDiv(now, 1000)
                && previous.serviceName().equals(service) && previous.region().equals(region)) {
            return; // already noted this second
        }
        pending.put(accessKeyId, new AccessKeyUsage(accessKeyId, Instant.ofEpochMilli(now), service, region));
    }

    /** Writes the uses noted since the last flush; those that cannot be written are kept for the next one. */
    public synchronized void flush() {
        List<AccessKeyUsage> batch = new ArrayList<>();
        for (AccessKeyUsage usage : pending.values()) {
            if (written.get(usage.accessKeyId()) != usage) {
                batch.add(usage);
            }
        }
        if (!batch.isEmpty()) {
            try {
                store.recordLastUsed(batch);
            } catch (RuntimeException e) {
                LOG.warn("cannot record the last use of {} access keys (kept for the next attempt): {}", batch.size(),
                        e.toString());
                return;
            }
            // a key used again while writing has a newer entry, written by the next flush
            for (AccessKeyUsage usage : batch) {
                written.put(usage.accessKeyId(), usage);
            }
        }
        forgetIdleKeys();
    }

    /** How many keys' uses are held in memory (for tests). */
    int keysInMemory() {
        return pending.size();
    }

    /** Drops the written uses of keys unused for {@link #FORGET_AFTER}: memory for the keys in use only. */
    private void forgetIdleKeys() {
        Instant idleBefore = Instant.ofEpochMilli(clock.millis()).minus(FORGET_AFTER);
        written.values().removeIf(usage -> {
            if (!usage.date().isBefore(idleBefore)) {
                return false;
            }
            pending.remove(usage.accessKeyId(), usage); // unless used again meanwhile
            return true;
        });
    }
}
