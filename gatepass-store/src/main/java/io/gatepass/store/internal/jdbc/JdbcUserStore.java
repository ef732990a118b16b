package io.gatepass.store.internal.jdbc;

import io.gatepass.core.identity.User;
import io.gatepass.store.UserStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** IAM users in table {@code iam_users}, keyed by account and lower-cased name. */
final class JdbcUserStore implements UserStore {
    private static final String SELECT = "SELECT account_id, user_name, user_id, path, create_date FROM iam_users";

    private final Jdbc jdbc;

    JdbcUserStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(User user) {
        jdbc.update("create user " + user.userName() + " in account " + user.accountId(),
                "INSERT INTO iam_users (account_id, user_name_lc, user_name, user_id, path, create_date)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                user.accountId(), Names.fold(user.userName()), user.userName(), user.userId(), user.path(),
                user.createDate());
    }

    @Override
    public Optional<User> find(String accountId, String userName) {
        return jdbc.one("read user", SELECT + " WHERE account_id = ? AND user_name_lc = ?", JdbcUserStore::map,
                accountId, Names.fold(userName));
    }

    @Override
    public Optional<User> findByUserId(String userId) {
        return jdbc.one("read user", SELECT + " WHERE user_id = ?", JdbcUserStore::map, userId);
    }

    @Override
    public List<User> list(String accountId, String pathPrefix, String afterName, int limit) {
        Names.Query query = Names.listing(SELECT, "user_name_lc", accountId, pathPrefix, afterName, limit);
        return jdbc.list("list users", query.sql(), JdbcUserStore::map, query.params());
    }

    @Override
    public boolean delete(String accountId, String userName) {
        return jdbc.update("delete user", "DELETE FROM iam_users WHERE account_id = ? AND user_name_lc = ?",
                accountId, Names.fold(userName)) > 0;
    }

    private static User map(ResultSet row) throws SQLException {
        return new User(row.getString("account_id"), row.getString("user_name"), row.getString("user_id"),
                row.getString("path"), Jdbc.instant(row, "create_date"));
    }
}
