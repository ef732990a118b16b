package io.gatepass.store.internal.jdbc;

import io.gatepass.core.identity.Account;
import io.gatepass.store.AccountStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Accounts in table {@code accounts}; creation order comes from an identity column. */
final class JdbcAccountStore implements AccountStore {
    private static final String SELECT = "SELECT account_id, create_date FROM accounts";

    private static final Object H2_BOOTSTRAP_LOCK = new Object();

    private final Jdbc jdbc;
    private final Dialect dialect;

    JdbcAccountStore(Jdbc jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    @Override
    public void create(Account account) {
        jdbc.update("create account " + account.accountId(),
                "INSERT INTO accounts (account_id, create_date) VALUES (?, ?)",
                account.accountId(), account.createDate());
    }

    @Override
    public Account createBootstrap(Account candidate) {
        if (dialect == Dialect.H2) {
            // An H2 file database belongs to one process (H2 locks the file), so a lock in this JVM covers every
            // racer; H2 has no table lock statement to do it in SQL.
            synchronized (H2_BOOTSTRAP_LOCK) {
                return createBootstrapLocked(candidate, null);
            }
        }
        // PostgreSQL: a table lock that conflicts with itself (reads go on) orders the racing nodes
        return createBootstrapLocked(candidate, "LOCK TABLE accounts IN SHARE ROW EXCLUSIVE MODE");
    }

    private Account createBootstrapLocked(Account candidate, String lockStatementOrNull) {
        return jdbc.inTransaction("create the bootstrap account " + candidate.accountId(), tx -> {
            if (lockStatementOrNull != null) {
                tx.update(lockStatementOrNull);
            }
            Optional<Account> existing = tx.one(SELECT + " ORDER BY created_seq LIMIT 1", JdbcAccountStore::map);
            if (existing.isPresent()) {
                return existing.get();
            }
            tx.update("INSERT INTO accounts (account_id, create_date) VALUES (?, ?)", candidate.accountId(),
                    candidate.createDate());
            return candidate;
        });
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
