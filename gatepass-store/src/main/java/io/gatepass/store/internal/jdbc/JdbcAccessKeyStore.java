package io.gatepass.store.internal.jdbc;

import io.gatepass.core.identity.AccessKey;
import io.gatepass.core.identity.AccessKeyStatus;
import io.gatepass.store.AccessKeyStore;
import io.gatepass.store.AccessKeyUsage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Long-term access keys in table {@code access_keys}; root keys have a null user name. */
final class JdbcAccessKeyStore implements AccessKeyStore {
    private static final String SELECT = "SELECT access_key_id, account_id, user_name, encrypted_secret, status,"
            + " create_date FROM access_keys";

    private final Jdbc jdbc;

    JdbcAccessKeyStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(AccessKey key) {
        jdbc.update("create access key " + key.accessKeyId(),
                "INSERT INTO access_keys (access_key_id, account_id, user_name_lc, user_name, encrypted_secret,"
                        + " status, create_date) VALUES (?, ?, ?, ?, ?, ?, ?)",
                key.accessKeyId(), key.accountId(), Names.fold(key.userName()), key.userName(),
                key.encryptedSecret(), key.status(), key.createDate());
    }

    /**
     * Locks the owner's row (the user, or the account for root keys) for the transaction, so that concurrent
     * creations for one owner count and insert one after another on H2 and PostgreSQL alike.
     */
    @Override
    public boolean createWithinQuota(AccessKey key, int quota) {
        return jdbc.inTransaction("create access key " + key.accessKeyId(), tx -> {
            if (key.userName() == null) {
                tx.one("SELECT account_id FROM accounts WHERE account_id = ? FOR UPDATE", row -> 1, key.accountId());
            } else {
                tx.one("SELECT user_name FROM iam_users WHERE account_id = ? AND user_name_lc = ? FOR UPDATE",
                        row -> 1, key.accountId(), Names.fold(key.userName()));
            }
            int held = tx.one("SELECT COUNT(*) FROM access_keys WHERE account_id = ?" + ownerClause(key.userName()),
                    row -> row.getInt(1), withOwner(key.userName(), key.accountId())).orElse(0);
            if (held >= quota) {
                return false;
            }
            tx.update("INSERT INTO access_keys (access_key_id, account_id, user_name_lc, user_name, encrypted_secret,"
                            + " status, create_date) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    key.accessKeyId(), key.accountId(), Names.fold(key.userName()), key.userName(),
                    key.encryptedSecret(), key.status(), key.createDate());
            return true;
        });
    }

    @Override
    public Optional<AccessKey> find(String accessKeyId) {
        return jdbc.one("read access key", SELECT + " WHERE access_key_id = ?", JdbcAccessKeyStore::map,
                accessKeyId);
    }

    @Override
    public List<AccessKey> list(String accountId, String userName) {
        return jdbc.list("list access keys",
                SELECT + " WHERE account_id = ?" + ownerClause(userName) + " ORDER BY create_date, created_seq",
                JdbcAccessKeyStore::map, withOwner(userName, accountId));
    }

    @Override
    public boolean updateStatus(String accountId, String userName, String accessKeyId, AccessKeyStatus status) {
        return jdbc.update("update access key " + accessKeyId,
                "UPDATE access_keys SET status = ? WHERE access_key_id = ? AND account_id = ?" + ownerClause(userName),
                withOwner(userName, status, accessKeyId, accountId)) == 1;
    }

    @Override
    public boolean delete(String accountId, String userName, String accessKeyId) {
        return jdbc.update("delete access key " + accessKeyId,
                "DELETE FROM access_keys WHERE access_key_id = ? AND account_id = ?" + ownerClause(userName),
                withOwner(userName, accessKeyId, accountId)) == 1;
    }

    @Override
    public void recordLastUsed(Collection<AccessKeyUsage> usages) {
        if (usages.isEmpty()) {
            return;
        }
        jdbc.inTransaction("record access key last use", tx -> {
            for (AccessKeyUsage usage : usages) {
                tx.update("UPDATE access_keys SET last_used_date = ?, last_used_service = ?, last_used_region = ?"
                                + " WHERE access_key_id = ? AND (last_used_date IS NULL OR last_used_date < ?)",
                        usage.date(), usage.serviceName(), usage.region(), usage.accessKeyId(), usage.date());
            }
            return null;
        });
    }

    @Override
    public Optional<AccessKeyUsage> lastUsed(String accessKeyId) {
        return jdbc.one("read access key last use", "SELECT last_used_date, last_used_service, last_used_region"
                        + " FROM access_keys WHERE access_key_id = ? AND last_used_date IS NOT NULL",
                row -> new AccessKeyUsage(accessKeyId, Jdbc.instant(row, "last_used_date"),
                        row.getString("last_used_service"), row.getString("last_used_region")), accessKeyId);
    }

    /** Matches the keys of {@code userName}, or the root keys when it is null. */
    private static String ownerClause(String userName) {
        return userName == null ? " AND user_name_lc IS NULL" : " AND user_name_lc = ?";
    }

    /** {@code leading}, then the parameter of {@link #ownerClause} if it has one. */
    private static Object[] withOwner(String userName, Object... leading) {
        if (userName == null) {
            return leading;
        }
        Object[] params = Arrays.copyOf(leading, leading.length + 1);
        params[leading.length] = Names.fold(userName);
        return params;
    }

    private static AccessKey map(ResultSet row) throws SQLException {
        return new AccessKey(row.getString("access_key_id"), row.getString("account_id"), row.getString("user_name"),
                row.getString("encrypted_secret"), AccessKeyStatus.valueOf(row.getString("status")),
                Jdbc.instant(row, "create_date"));
    }
}
