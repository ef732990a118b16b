package io.gatepass.store.internal.jdbc;

import io.gatepass.core.gamelift.GameSession;
import io.gatepass.core.gamelift.PlayerSession;
import io.gatepass.store.PlayerSessionStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Player sessions in table {@code gamelift_player_sessions}. {@link #create} locks the game session's row
 * ({@code SELECT ... FOR UPDATE}), so concurrent reservations on any node count the same slots.
 */
final class JdbcPlayerSessionStore implements PlayerSessionStore {
    private static final String COLUMNS = "player_session_id, game_session_id, account_id, fleet_id, player_id,"
            + " player_data, status, created_at, terminated_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM gamelift_player_sessions";

    private final Jdbc jdbc;

    JdbcPlayerSessionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    private record Slot(String status, String policy, int maximum) {
    }

    @Override
    public Admission create(List<PlayerSession> sessions, Instant expireReservedBefore) {
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("no player sessions to create");
        }
        String gameSessionId = sessions.get(0).gameSessionId();
        for (PlayerSession s : sessions) {
            if (!s.gameSessionId().equals(gameSessionId)) {
                throw new IllegalArgumentException("player sessions of several game sessions");
            }
        }
        return jdbc.inTransaction("create player sessions in game session " + gameSessionId, tx -> {
            Optional<Slot> slot = tx.one("SELECT status, creation_policy, maximum_players FROM gamelift_game_sessions"
                            + " WHERE game_session_id = ? FOR UPDATE",
                    row -> new Slot(row.getString(1), row.getString(2), row.getInt(3)), gameSessionId);
            if (slot.isEmpty()) {
                return Admission.NO_GAME_SESSION;
            }
            if (!GameSession.ACTIVE.equals(slot.get().status())) {
                return Admission.NOT_ACTIVE;
            }
            if (GameSession.DENY_ALL.equals(slot.get().policy())) {
                return Admission.DENY_ALL;
            }
            Instant now = sessions.get(0).createdAt();
            tx.update("UPDATE gamelift_player_sessions SET status = ?, terminated_at = ?"
                            + " WHERE game_session_id = ? AND status = ? AND created_at < ?",
                    PlayerSession.TIMEDOUT, now, gameSessionId, PlayerSession.RESERVED, expireReservedBefore);
            int held = tx.one("SELECT COUNT(*) FROM gamelift_player_sessions WHERE game_session_id = ? AND status IN "
                    + JdbcGameSessionStore.HELD, row -> row.getInt(1), gameSessionId).orElse(0);
            if (held + sessions.size() > slot.get().maximum()) {
                return Admission.FULL;
            }
            for (PlayerSession s : sessions) {
                tx.update("INSERT INTO gamelift_player_sessions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        s.playerSessionId(), s.gameSessionId(), s.accountId(), s.fleetId(), s.playerId(),
                        s.playerData(), s.status(), s.createdAt(), Jdbc.timestamp(s.terminatedAt()));
            }
            return Admission.ADMITTED;
        });
    }

    @Override
    public Optional<PlayerSession> find(String playerSessionId) {
        return jdbc.one("read player session", SELECT + " WHERE player_session_id = ?", JdbcPlayerSessionStore::map,
                playerSessionId);
    }

    @Override
    public List<PlayerSession> list(String accountId, String gameSessionIdOrNull, String playerIdOrNull,
                                    String statusOrNull, String afterPlayerSessionId, int limit) {
        StringBuilder where = new StringBuilder(SELECT + " WHERE account_id = ?");
        List<Object> params = new ArrayList<>(List.of(accountId));
        if (gameSessionIdOrNull != null) {
            where.append(" AND game_session_id = ?");
            params.add(gameSessionIdOrNull);
        }
        if (playerIdOrNull != null) {
            where.append(" AND player_id = ?");
            params.add(playerIdOrNull);
        }
        if (statusOrNull != null) {
            where.append(" AND status = ?");
            params.add(statusOrNull);
        }
        Names.Query query = Names.page(where.toString(), "player_session_id", afterPlayerSessionId, limit,
                params.toArray());
        return jdbc.list("list player sessions", query.sql(), JdbcPlayerSessionStore::map, query.params());
    }

    @Override
    public boolean changeStatus(String playerSessionId, String expected, String newStatus, Instant terminatedAt) {
        return jdbc.update("change the status of player session " + playerSessionId,
                "UPDATE gamelift_player_sessions SET status = ?, terminated_at = ?"
                        + " WHERE player_session_id = ? AND status = ?",
                newStatus, Jdbc.timestamp(terminatedAt), playerSessionId, expected) == 1;
    }

    @Override
    public int deleteTerminatedBefore(Instant terminatedBefore) {
        return jdbc.update("delete player sessions that ended before " + terminatedBefore,
                "DELETE FROM gamelift_player_sessions WHERE terminated_at < ?", terminatedBefore);
    }

    @Override
    public int expireReservations(Instant reservedBefore, Instant now) {
        return jdbc.update("expire player session reservations",
                "UPDATE gamelift_player_sessions SET status = ?, terminated_at = ? WHERE status = ? AND created_at < ?",
                PlayerSession.TIMEDOUT, now, PlayerSession.RESERVED, reservedBefore);
    }

    private static PlayerSession map(ResultSet row) throws SQLException {
        return new PlayerSession(row.getString("account_id"), row.getString("player_session_id"),
                row.getString("game_session_id"), row.getString("fleet_id"), row.getString("player_id"),
                row.getString("player_data"), row.getString("status"), Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "terminated_at"));
    }
}
