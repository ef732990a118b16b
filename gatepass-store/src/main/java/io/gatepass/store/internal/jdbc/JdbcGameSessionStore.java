package io.gatepass.store.internal.jdbc;

import io.gatepass.core.gamelift.FleetUsage;
import io.gatepass.core.gamelift.GameSession;
import io.gatepass.core.gamelift.PlayerSession;
import io.gatepass.store.GameSessionStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Game sessions in table {@code gamelift_game_sessions}. The process a live game session occupies is kept in
 * {@code live_process}, unique per fleet, and cleared when it stops being live.
 */
final class JdbcGameSessionStore implements GameSessionStore {
    private static final String COLUMNS = "game_session_id, account_id, fleet_id, location_name, compute_name,"
            + " process_id, live_process, session_name, creator_id, maximum_players, status, status_reason,"
            + " creation_policy, protection_policy, game_properties, game_session_data, matchmaker_data, ip_address,"
            + " dns_name, port, idempotency_token, created_at, terminated_at";
    static final String HELD = "('" + PlayerSession.RESERVED + "', '" + PlayerSession.ACTIVE + "')";
    private static final String LIVE = "('" + GameSession.ACTIVATING + "', '" + GameSession.ACTIVE + "', '"
            + GameSession.TERMINATING + "')";
    private static final String SELECT = "SELECT " + COLUMNS + ", (SELECT COUNT(*) FROM gamelift_player_sessions p"
            + " WHERE p.game_session_id = g.game_session_id AND p.status IN " + HELD + ") AS player_count"
            + " FROM gamelift_game_sessions g";

    private final Jdbc jdbc;

    JdbcGameSessionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(GameSession s) {
        jdbc.update("create game session " + s.gameSessionId(),
                "INSERT INTO gamelift_game_sessions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.gameSessionId(), s.accountId(), s.fleetId(), s.location(), s.computeName(), s.processId(),
                s.isLive() ? liveKey(s.computeName(), s.processId()) : null, s.name(), s.creatorId(),
                s.maximumPlayerSessionCount(), s.status(), s.statusReason(), s.playerSessionCreationPolicy(),
                s.protectionPolicy(), s.gamePropertiesJson(), s.gameSessionData(), s.matchmakerData(), s.ipAddress(),
                s.dnsName(), s.port(), s.idempotencyToken(), s.createdAt(), Jdbc.timestamp(s.terminatedAt()));
    }

    static String liveKey(String computeName, String processId) {
        return computeName + "/" + processId;
    }

    @Override
    public Optional<GameSession> find(String gameSessionId) {
        return jdbc.one("read game session", SELECT + " WHERE g.game_session_id = ?", JdbcGameSessionStore::map,
                gameSessionId);
    }

    @Override
    public Optional<GameSession> findLive(String fleetId, String computeName, String processId) {
        return jdbc.one("read the game session of a process", SELECT + " WHERE g.fleet_id = ? AND g.live_process = ?",
                JdbcGameSessionStore::map, fleetId, liveKey(computeName, processId));
    }

    @Override
    public Map<String, GameSession> findLiveOnCompute(String fleetId, String computeName) {
        // The prefix match lets the (fleet_id, live_process) index find them; the compute name keeps out a compute
        // whose name continues after a '/' (compute "a" and compute "a/b" share the prefix "a/").
        String prefix = liveKey(computeName, "").replace("!", "!!").replace("%", "!%").replace("_", "!_");
        List<GameSession> live = jdbc.list("read the game sessions of compute " + computeName, SELECT
                        + " WHERE g.fleet_id = ? AND g.live_process LIKE ? ESCAPE '!' AND g.compute_name = ?",
                JdbcGameSessionStore::map, fleetId, prefix + "%", computeName);
        Map<String, GameSession> byProcess = new HashMap<>();
        live.forEach(session -> byProcess.put(session.processId(), session));
        return byProcess;
    }

    @Override
    public Set<String> busyProcesses(String fleetId) {
        return new HashSet<>(jdbc.list("list busy processes of fleet " + fleetId,
                "SELECT live_process FROM gamelift_game_sessions WHERE fleet_id = ? AND live_process IS NOT NULL",
                row -> row.getString(1), fleetId));
    }

    @Override
    public List<GameSession> list(String fleetId, String locationOrNull, String statusOrNull,
                                  String afterGameSessionId, int limit) {
        StringBuilder where = new StringBuilder(SELECT + " WHERE g.fleet_id = ?");
        List<Object> params = new ArrayList<>(List.of(fleetId));
        if (locationOrNull != null) {
            where.append(" AND g.location_name = ?");
            params.add(locationOrNull);
        }
        if (statusOrNull != null) {
            where.append(" AND g.status = ?");
            params.add(statusOrNull);
        }
        Names.Query query = Names.page(where.toString(), "g.game_session_id", afterGameSessionId, limit,
                params.toArray());
        return jdbc.list("list game sessions of fleet " + fleetId, query.sql(), JdbcGameSessionStore::map,
                query.params());
    }

    @Override
    public boolean changeStatus(String gameSessionId, Set<String> expected, String newStatus, String statusReason,
                                Instant at) {
        boolean live = GameSession.LIVE.contains(newStatus);
        return jdbc.inTransaction("change the status of game session " + gameSessionId, tx -> {
            StringBuilder sql = new StringBuilder("UPDATE gamelift_game_sessions SET status = ?");
            List<Object> params = new ArrayList<>(List.of(newStatus));
            if (statusReason != null) {
                sql.append(", status_reason = ?");
                params.add(statusReason);
            }
            if (!live) {
                sql.append(", live_process = NULL, terminated_at = ?");
                params.add(at);
            }
            sql.append(" WHERE game_session_id = ? AND status IN (")
                    .append(String.join(", ", expected.stream().map(s -> "?").toList())).append(")");
            params.add(gameSessionId);
            params.addAll(expected);
            if (tx.update(sql.toString(), params.toArray()) != 1) {
                return false;
            }
            if (!live) {
                tx.update("UPDATE gamelift_player_sessions SET status = ?, terminated_at = ?"
                                + " WHERE game_session_id = ? AND status IN " + HELD,
                        PlayerSession.COMPLETED, at, gameSessionId);
            }
            return true;
        });
    }

    @Override
    public boolean update(GameSession u) {
        return jdbc.update("update game session " + u.gameSessionId(),
                "UPDATE gamelift_game_sessions SET session_name = ?, maximum_players = ?, creation_policy = ?,"
                        + " protection_policy = ?, game_properties = ? WHERE game_session_id = ? AND status IN "
                        + LIVE,
                u.name(), u.maximumPlayerSessionCount(), u.playerSessionCreationPolicy(), u.protectionPolicy(),
                u.gamePropertiesJson(), u.gameSessionId()) == 1;
    }

    @Override
    public int deleteTerminatedBefore(Instant terminatedBefore) {
        return jdbc.update("delete game sessions that ended before " + terminatedBefore,
                "DELETE FROM gamelift_game_sessions WHERE terminated_at < ?", terminatedBefore);
    }

    @Override
    public int expireActivations(String fleetId, Instant createdBefore, Instant now) {
        return jdbc.update("expire activations in fleet " + fleetId,
                "UPDATE gamelift_game_sessions SET status = ?, live_process = NULL, terminated_at = ?"
                        + " WHERE fleet_id = ? AND status = ? AND created_at < ?",
                GameSession.ERROR, now, fleetId, GameSession.ACTIVATING, createdBefore);
    }

    @Override
    public boolean delete(String gameSessionId, String expectedStatus) {
        return jdbc.update("delete game session " + gameSessionId,
                "DELETE FROM gamelift_game_sessions WHERE game_session_id = ? AND status = ?", gameSessionId,
                expectedStatus) == 1;
    }

    @Override
    public FleetUsage usage(String fleetId) {
        return jdbc.one("read the usage of fleet " + fleetId,
                "SELECT COUNT(*), COALESCE(SUM(maximum_players), 0), (SELECT COUNT(*) FROM gamelift_player_sessions p"
                        + " JOIN gamelift_game_sessions a ON a.game_session_id = p.game_session_id"
                        + " WHERE a.fleet_id = ? AND a.status = ? AND p.status IN " + HELD + ")"
                        + " FROM gamelift_game_sessions WHERE fleet_id = ? AND status = ?",
                row -> new FleetUsage(row.getInt(1), row.getInt(3), row.getInt(2)),
                fleetId, GameSession.ACTIVE, fleetId, GameSession.ACTIVE).orElse(new FleetUsage(0, 0, 0));
    }

    private static GameSession map(ResultSet row) throws SQLException {
        return new GameSession(row.getString("account_id"), row.getString("game_session_id"),
                row.getString("fleet_id"), row.getString("location_name"), row.getString("compute_name"),
                row.getString("process_id"), row.getString("session_name"), row.getString("creator_id"),
                row.getInt("maximum_players"), row.getInt("player_count"), row.getString("status"),
                row.getString("status_reason"), row.getString("creation_policy"), row.getString("protection_policy"),
                row.getString("game_properties"), row.getString("game_session_data"),
                row.getString("matchmaker_data"), row.getString("ip_address"), row.getString("dns_name"),
                row.getInt("port"), row.getString("idempotency_token"), Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "terminated_at"));
    }
}
