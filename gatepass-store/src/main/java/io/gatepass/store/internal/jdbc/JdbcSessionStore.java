package io.gatepass.store.internal.jdbc;

import io.gatepass.core.identity.SessionCredentials;
import io.gatepass.store.SessionStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Temporary credentials in table {@code sts_sessions}, keyed by their access key id. */
final class JdbcSessionStore implements SessionStore {
    private static final String COLUMNS = "access_key_id, account_id, encrypted_secret, session_token_hash, user_name,"
            + " role_name, role_id, role_session_name, source_arn, expiration, create_date";

    private final Jdbc jdbc;

    JdbcSessionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(SessionCredentials s) {
        jdbc.update("create session " + s.accessKeyId(),
                "INSERT INTO sts_sessions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.accessKeyId(), s.accountId(), s.encryptedSecret(), s.sessionTokenHash(), s.userName(),
                s.roleName(), s.roleId(), s.roleSessionName(), s.sourceArn(), s.expiration(), s.createDate());
    }

    @Override
    public Optional<SessionCredentials> find(String accessKeyId) {
        return jdbc.one("read session", "SELECT " + COLUMNS + " FROM sts_sessions WHERE access_key_id = ?",
                JdbcSessionStore::map, accessKeyId);
    }

    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        return jdbc.update("delete expired sessions", "DELETE FROM sts_sessions WHERE expiration < ?", cutoff);
    }

    private static SessionCredentials map(ResultSet row) throws SQLException {
        return new SessionCredentials(row.getString("access_key_id"), row.getString("account_id"),
                row.getString("encrypted_secret"), row.getString("session_token_hash"), row.getString("user_name"),
                row.getString("role_name"), row.getString("role_id"), row.getString("role_session_name"),
                row.getString("source_arn"), Jdbc.instant(row, "expiration"), Jdbc.instant(row, "create_date"));
    }
}
