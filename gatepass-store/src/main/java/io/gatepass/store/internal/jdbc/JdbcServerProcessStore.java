package io.gatepass.store.internal.jdbc;

import io.gatepass.store.ServerProcessRecord;
import io.gatepass.store.ServerProcessStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Processes in table {@code gamelift_server_processes}; a foreign key ties each to its compute. */
final class JdbcServerProcessStore implements ServerProcessStore {
    private static final String COLUMNS = "fleet_id, compute_name, process_id, account_id, location_name, status,"
            + " port, node_id, sdk_version, sdk_language, activated_at, last_heartbeat";
    private static final String KEY = " WHERE fleet_id = ? AND compute_name = ? AND process_id = ?";

    private final Jdbc jdbc;

    JdbcServerProcessStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(ServerProcessRecord p) {
        jdbc.inTransaction("record process " + p.processId() + " of compute " + p.computeName(), tx -> {
            tx.update("DELETE FROM gamelift_server_processes" + KEY, p.fleetId(), p.computeName(), p.processId());
            tx.update("INSERT INTO gamelift_server_processes (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?)", p.fleetId(), p.computeName(), p.processId(), p.accountId(), p.location(),
                    p.status(), p.port(), p.nodeId(), p.sdkVersion(), p.sdkLanguage(), p.activatedAt(),
                    p.lastHeartbeat());
            return null;
        });
    }

    @Override
    public boolean update(String fleetId, String computeName, String processId, String status,
                          Instant lastHeartbeat) {
        return jdbc.update("update process " + processId,
                "UPDATE gamelift_server_processes SET status = ?, last_heartbeat = ?" + KEY, status, lastHeartbeat,
                fleetId, computeName, processId) > 0;
    }

    @Override
    public boolean remove(String fleetId, String computeName, String processId) {
        return jdbc.update("remove process " + processId, "DELETE FROM gamelift_server_processes" + KEY, fleetId,
                computeName, processId) > 0;
    }

    @Override
    public List<ServerProcessRecord> list(String fleetId) {
        return jdbc.list("list processes of fleet " + fleetId, "SELECT " + COLUMNS
                        + " FROM gamelift_server_processes WHERE fleet_id = ? ORDER BY compute_name, process_id",
                JdbcServerProcessStore::map, fleetId);
    }

    @Override
    public List<ServerProcessRecord> list(String fleetId, String computeName) {
        return jdbc.list("list processes of compute " + computeName + " in fleet " + fleetId, "SELECT " + COLUMNS
                        + " FROM gamelift_server_processes WHERE fleet_id = ? AND compute_name = ?"
                        + " ORDER BY process_id",
                JdbcServerProcessStore::map, fleetId, computeName);
    }

    @Override
    public int removeNode(String nodeId) {
        return jdbc.update("remove processes of node " + nodeId,
                "DELETE FROM gamelift_server_processes WHERE node_id = ?", nodeId);
    }

    @Override
    public List<ServerProcessRecord> silentSince(Instant heartbeatBefore) {
        return jdbc.list("list processes silent since " + heartbeatBefore, "SELECT " + COLUMNS
                        + " FROM gamelift_server_processes WHERE last_heartbeat < ?"
                        + " ORDER BY fleet_id, compute_name, process_id",
                JdbcServerProcessStore::map, heartbeatBefore);
    }

    private static ServerProcessRecord map(ResultSet row) throws SQLException {
        String version = row.getString("sdk_version");
        return new ServerProcessRecord(row.getString("fleet_id"), row.getString("compute_name"),
                row.getString("process_id"), row.getString("account_id"), row.getString("location_name"),
                row.getString("status"), row.getInt("port"), row.getString("node_id"), version,
                row.getString("sdk_language"), Jdbc.instant(row, "activated_at"),
                Jdbc.instant(row, "last_heartbeat"));
    }
}
