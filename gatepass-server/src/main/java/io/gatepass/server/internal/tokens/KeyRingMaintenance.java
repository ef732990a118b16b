package io.gatepass.server.internal.tokens;

import io.gatepass.core.token.KeyRing;
import io.gatepass.core.token.SigningKey;
import io.gatepass.store.TokenKeyStore;
import io.gatepass.store.TokenKeyStore.NodeHeartbeat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What each node does for its key rings every reload period ({@link #tick}), so that keys rotate across a cluster
 * without a failed request:
 * <ol>
 *   <li><b>Reload</b> the ring and <b>report</b> in the store the newest key this node has loaded (a heartbeat).</li>
 *   <li>If the newest key does not sign yet and every <b>live</b> node (heartbeat within {@link #liveWindow}) reports
 *       it, <b>mark it signing</b> from now. A node that stopped beating is left out after the live window; a node that
 *       beats but lags only delays this until the ring's own bound ({@link KeyRing#ACTIVATION_DELAY} after creation).</li>
 *   <li>If a <b>rotation</b> is due (the newest key is older than the rotation period), <b>claim</b> it in the store:
 *       the one node whose claim succeeds adds the new key, so one node rotates per period.</li>
 *   <li><b>Purge</b> keys that no longer verify (every token they signed has expired), heartbeats of nodes gone for a
 *       day and claims of past rotations, so the tables stay small.</li>
 * </ol>
 * The reload period must be well under {@link KeyRing#ACTIVATION_DELAY}: a node that has not yet seen that a new key
 * signs keeps signing with the old one for up to one period, which the ring's grace covers.
 */
public final class KeyRingMaintenance {
    private static final Logger LOG = LoggerFactory.getLogger(KeyRingMaintenance.class);
    private static final Duration FORGET_NODES_AFTER = Duration.ofDays(1);

    private final List<ReloadingKeyRing> rings;
    private final TokenKeyStore keys;
    private final String nodeId;
    private final Duration rotationPeriod; // null: off
    private final Duration liveWindow;
    private final Clock clock;

    /**
     * @param rotationPeriodOrNull how old the newest key may get before a new one is added; null for no automatic
     *                             rotation
     * @param reloadPeriod         how often {@link #tick} runs; a node silent for three periods counts as gone
     */
    public KeyRingMaintenance(List<ReloadingKeyRing> rings, TokenKeyStore keys, String nodeId,
                              Duration rotationPeriodOrNull, Duration reloadPeriod, Clock clock) {
        this.rings = List.copyOf(rings);
        this.keys = Objects.requireNonNull(keys, "keys");
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.rotationPeriod = rotationPeriodOrNull;
        this.liveWindow = reloadPeriod.multipliedBy(3);
        this.clock = clock;
        if (reloadPeriod.compareTo(KeyRing.ACTIVATION_DELAY) >= 0) {
            throw new IllegalArgumentException("the key ring reload period must be shorter than "
                    + KeyRing.ACTIVATION_DELAY);
        }
    }

    /** One round for every ring; a failure in one ring is logged and leaves the others' round done. */
    public void tick() {
        for (ReloadingKeyRing ring : rings) {
            try {
                tick(ring);
            } catch (RuntimeException e) {
                LOG.warn("{} key ring maintenance failed: {}", ring.purpose(), e.toString());
            }
        }
        Instant now = clock.instant();
        keys.forgetNodesBefore(now.minus(FORGET_NODES_AFTER));
    }

    /** Withdraws this node's heartbeats, at a clean shutdown: the cluster need not wait for it to load new keys. */
    public void leave() {
        try {
            keys.forgetNode(nodeId);
        } catch (RuntimeException e) {
            LOG.warn("could not withdraw this node's key ring heartbeats: {}", e.toString());
        }
    }

    private void tick(ReloadingKeyRing ring) {
        String purpose = ring.purpose();
        ring.reload();
        Instant now = clock.instant();
        KeyRing current = ring.get();
        SigningKey newest = current.newest();
        keys.heartbeat(purpose, nodeId, newest.keyId(), now);

        if (!current.newestSigns(now) && everyLiveNodeHas(purpose, current, now)) {
            keys.markSigning(purpose, newest.keyId(), now);
            LOG.info("Every live node has loaded {} key {}: it signs from now", purpose, newest.keyId());
            ring.reload();
        }

        if (rotationPeriod != null) {
            Instant due = newest.createdAt().plus(rotationPeriod);
            if (!now.isBefore(due) && keys.claimRotation(purpose, due, nodeId)) {
                ring.rotate();
                LOG.info("Rotated the {} key ring (due at {})", purpose, due);
            }
            keys.forgetRotationsBefore(newest.createdAt());
        }

        for (String retired : ring.get().retired(now)) {
            ring.store().remove(purpose, retired);
            LOG.info("Removed retired {} key {}: every token it signed has expired", purpose, retired);
        }
    }

    /** True if every node that beat within the live window reports the newest key (or a newer one it saw first). */
    private boolean everyLiveNodeHas(String purpose, KeyRing ring, Instant now) {
        List<String> ids = ring.keyIds();
        Set<String> older = new HashSet<>(ids.subList(0, ids.size() - 1));
        List<NodeHeartbeat> live = keys.nodesSince(purpose, now.minus(liveWindow));
        return live.stream().noneMatch(node -> older.contains(node.newestKeyId()));
    }
}
