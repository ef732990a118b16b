package io.gatepass.store;

import java.time.Instant;
import java.util.List;

/**
 * Signing keys of the token key rings, one ring per {@code purpose} (such as {@code "gamelift-compute"}). Shared by
 * every node, so that any node verifies a token another node minted. Key ids are unique per purpose.
 *
 * <p>Also what the nodes of a cluster tell each other about the rings: which newest key each node has loaded
 * ({@link #heartbeat}), and which node rotates a ring when a rotation is due ({@link #claimRotation}).
 */
public interface TokenKeyStore {
    /** The purpose's keys, oldest first (by creation time, then the order they were added); empty if none. */
    List<StoredTokenKey> load(String purpose);

    /** @throws DuplicateEntityException if the purpose has a key of that id */
    void add(String purpose, StoredTokenKey key);

    /** Sets the key's signs-from time unless it has one already; does nothing for a key that is gone. */
    void markSigning(String purpose, String keyId, Instant at);

    /** Deletes a key; does nothing if it is gone. */
    void remove(String purpose, String keyId);

    /** Records that node {@code nodeId} has loaded the purpose's ring up to key {@code newestKeyId}, at {@code at}. */
    void heartbeat(String purpose, String nodeId, String newestKeyId, Instant at);

    /** The nodes whose last heartbeat for the purpose is at or after {@code since}. */
    List<NodeHeartbeat> nodesSince(String purpose, Instant since);

    /** Deletes every heartbeat of the node (it is shutting down). */
    void forgetNode(String nodeId);

    /** Deletes heartbeats older than {@code before} (nodes long gone). */
    void forgetNodesBefore(Instant before);

    /**
     * Claims the rotation of the purpose's ring that is due at {@code dueAt}: true for exactly one caller across all
     * nodes (the one that should add the key), false for every other.
     */
    boolean claimRotation(String purpose, Instant dueAt, String nodeId);

    /** Deletes claims of rotations due before {@code before}. */
    void forgetRotationsBefore(Instant before);

    /** One node's last heartbeat for a key ring. */
    record NodeHeartbeat(String nodeId, String newestKeyId, Instant seenAt) {
    }
}
