package io.gatepass.store;

import java.time.Instant;
import java.util.List;

/**
 * Game server processes connected over the SDK websocket, keyed by fleet id, compute name and process id. A
 * process's row goes with its compute (deregistered, or its fleet deleted).
 */
public interface ServerProcessStore {
    /**
     * Records a process that became ready, replacing any row of the same key.
     *
     * @throws ReferenceViolationException if the compute is not registered (any more)
     */
    void save(ServerProcessRecord process);

    /** @return false if no such process */
    boolean update(String fleetId, String computeName, String processId, String status, Instant lastHeartbeat);

    /** @return false if no such process */
    boolean remove(String fleetId, String computeName, String processId);

    /** The fleet's processes, ordered by compute name and process id (code point order). */
    List<ServerProcessRecord> list(String fleetId);

    /** The compute's processes, ordered by process id (code point order). */
    List<ServerProcessRecord> list(String fleetId, String computeName);

    /** Removes every process of the node (when it starts: its connections are gone); returns how many. */
    int removeNode(String nodeId);

    /**
     * The processes whose last heartbeat is older than {@code heartbeatBefore}, whichever node recorded them: the rows
     * a node left behind when it never came back under its id (a replaced container, another port).
     */
    List<ServerProcessRecord> silentSince(Instant heartbeatBefore);
}
