package io.gatepass.store.jdbc;

import io.gatepass.core.identity.Account;
import io.gatepass.store.AccountStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Accounts in table {@code accounts}; creation order comes from an identity column. */
final class JdbcAccountStore implements AccountStore {
    private static final String SELECT = "SELECT account_id, create_date FROM accounts";

    private final Jdbc jdbc;

    JdbcAccountStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(Account account) {
        jdbc.update("create account " + account.accountId(),
                "INSERT INTO accounts (account_id, create_date) VALUES (?, ?)",
                account.accountId(), account.createDate());
    }

    @Override
    public Optional<Account> find(String accountId) {
        return jdbc.one("read account", SELECT + " WHERE account_id = ?", JdbcAccountStore::map, accountId);
    }

    @Override
    public Optional<Account> findBootstrap() {
        return jdbc.one("read the bootstrap account", SELECT + " ORDER BY created_seq LIMIT 1", JdbcAccountStore::map);
    }

    private static Account map(ResultSet row) throws SQLException {
        return new Account(row.getString("account_id"), Jdbc.instant(row, "create_date"));
    }
}
