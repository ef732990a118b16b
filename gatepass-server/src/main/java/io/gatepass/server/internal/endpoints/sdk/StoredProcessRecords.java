package io.gatepass.server.internal.endpoints.sdk;

import io.gatepass.server.internal.gamelift.ServerProcess;
import io.gatepass.store.ServerProcessRecord;
import io.gatepass.store.ServerProcessStore;
import io.gatepass.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Records processes in the store ({@code gamelift_server_processes}) under this node's id, so other nodes see them.
 * A failed write is logged and does not disturb the process: the connection on this node is what counts.
 */
public final class StoredProcessRecords implements ProcessRecords {
    private static final Logger LOG = LoggerFactory.getLogger(StoredProcessRecords.class);

    private final ServerProcessStore store;
    private final String nodeId;

    /** Removes what this node recorded before it (re)started: those connections are gone. */
    public StoredProcessRecords(ServerProcessStore store, String nodeId) {
        this.store = store;
        this.nodeId = nodeId;
        int stale = store.removeNode(nodeId);
        if (stale > 0) {
            LOG.info("Removed {} server processes node {} recorded before it restarted", stale, nodeId);
        }
    }

    @Override
    public void activated(ServerProcess p, String sdkVersion, String sdkLanguage) {
        write(() -> store.save(new ServerProcessRecord(p.fleetId(), p.computeName(), p.processId(), p.accountId(),
                p.location(), "ACTIVE", p.port(), nodeId, cut(sdkVersion, 64), cut(sdkLanguage, 32),
                p.activatedAt(), p.activatedAt())), p);
    }

    @Override
    public void heartbeat(ServerProcess p, boolean healthy, Instant at) {
        write(() -> store.update(p.fleetId(), p.computeName(), p.processId(), healthy ? "ACTIVE" : "UNHEALTHY", at),
                p);
    }

    @Override
    public void ended(ServerProcess p) {
        write(() -> store.remove(p.fleetId(), p.computeName(), p.processId()), p);
    }

    private static void write(Runnable write, ServerProcess p) {
        try {
            write.run();
        } catch (StoreException e) {
            LOG.warn("Could not record server process {} of compute {} in fleet {}: {}", p.processId(),
                    p.computeName(), p.fleetId(), e.getMessage());
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
