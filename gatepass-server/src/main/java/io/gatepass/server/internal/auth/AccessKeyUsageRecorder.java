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
 */
public final class AccessKeyUsageRecorder {
    /** How often noted uses are written to the store. */
    public static final Duration PERIOD = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(AccessKeyUsageRecorder.class);

    private final ConcurrentHashMap<String, AccessKeyUsage> pending = new ConcurrentHashMap<>();
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
        if (pending.isEmpty()) {
            return;
        }
        List<AccessKeyUsage> batch = new ArrayList<>(pending.values());
        try {
            store.recordLastUsed(batch);
        } catch (RuntimeException e) {
            LOG.warn("cannot record the last use of {} access keys (kept for the next attempt): {}", batch.size(),
                    e.toString());
            return;
        }
        // a key used again while writing keeps its newer entry for the next flush
        for (AccessKeyUsage written : batch) {
            pending.remove(written.accessKeyId(), written);
        }
    }
}
