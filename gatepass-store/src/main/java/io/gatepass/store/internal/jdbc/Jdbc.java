package io.gatepass.store.internal.jdbc;

import io.gatepass.store.DuplicateEntityException;
import io.gatepass.store.NonBlockingScope;
import io.gatepass.store.ReferenceViolationException;
import io.gatepass.store.StoreException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one auto-committed statement on a pooled connection and maps rows, or several in one transaction
 * ({@link #inTransaction}); translates {@link SQLException}s.
 *
 * <p>Parameters: {@link Instant}s are bound as UTC {@code TIMESTAMP WITH TIME ZONE} truncated to the microsecond (what
 * both databases keep), enums by name, nulls as a null VARCHAR (pass {@link #timestamp} for a nullable timestamp
 * column), the rest as given. Error messages name the action ({@code "create user alice"}) and the SQLState, never the
 * SQL or its values.
 *
 * <p>A thread holds at most one connection of this pool: a store call made from inside a transaction's work (a blob
 * release removing database blobs while it holds the blob's pin row, {@code JdbcPackageStore#releaseBlob}) runs on
 * that transaction's connection and is part of it. With a second connection, a thread holding a row lock would wait
 * for the pool while the pool's other borrowers waited for its row: on H2 until their lock timeout (HYT00), on
 * PostgreSQL until the pool's.
 */
final class Jdbc {
    /** Maps the current row. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Work done with the statements of one transaction. */
    @FunctionalInterface
    interface TransactionWork<T> {
        T run(Transaction transaction) throws SQLException;
    }

    /** A null of a given SQL type, for columns that are not text. */
    private record TypedNull(int sqlType) {
    }

    private static final String UNIQUE_VIOLATION = "23505";
    /** A child row without its parent (H2), or either direction of a foreign key (PostgreSQL). */
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String H2_PARENT_MISSING = "23506";
    private static final TypedNull NULL_TIMESTAMP = new TypedNull(Types.TIMESTAMP_WITH_TIMEZONE);

    private final DataSource dataSource;
    private final ConnectionGate gate;
    private final WriteTurns writes;
    /** The connection of the transaction this thread has open, if any: what its nested store calls run on. */
    private final ThreadLocal<Connection> transaction = new ThreadLocal<>();

    Jdbc(DataSource dataSource) {
        this(dataSource, new ConnectionGate(), WriteTurns.concurrent());
    }

    /**
     * Borrows connections through {@code gate}, which a pause of the store holds shut ({@link OnlineCompaction}); each
     * write ({@link #update}, {@link #inTransaction}) first waits for its turn in {@code writes} and keeps it until its
     * connection is back in the pool.
     */
    Jdbc(DataSource dataSource, ConnectionGate gate, WriteTurns writes) {
        this.dataSource = dataSource;
        this.gate = gate;
        this.writes = writes;
    }

    <T> List<T> list(String action, String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(action, false, connection -> list(connection, sql, mapper, params));
    }

    /** The first row, if any. */
    <T> Optional<T> one(String action, String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(action, false, connection -> one(connection, sql, mapper, params));
    }

    /** @return the number of rows changed */
    int update(String action, String sql, Object... params) {
        return withConnection(action, true, connection -> update(connection, sql, params));
    }

    /**
     * Runs {@code work} in one transaction on one connection: commits what it did if it returns, rolls it all back if
     * it throws. A {@link SQLException} from any of its statements is translated as a failure of {@code action}.
     * Called from inside another transaction's work on this thread, {@code work} is part of that one, which commits or
     * rolls back with it (see the class comment).
     */
    <T> T inTransaction(String action, TransactionWork<T> work) {
        if (transaction.get() != null) {
            return withConnection(action, true, connection -> work.run(new Transaction(connection)));
        }
        return withConnection(action, true, connection -> {
            connection.setAutoCommit(false); // HikariCP restores auto-commit when the connection goes back
            transaction.set(connection);
            try {
                T result = work.run(new Transaction(connection));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                transaction.remove();
            }
        });
    }

    /** The statements of one transaction; see {@link #inTransaction}. */
    static final class Transaction {
        private final Connection connection;

        private Transaction(Connection connection) {
            this.connection = connection;
        }

        /** The first row, if any. */
        <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
            return Jdbc.one(connection, sql, mapper, params);
        }

        /** @return the number of rows changed */
        int update(String sql, Object... params) throws SQLException {
            return Jdbc.update(connection, sql, params);
        }

        /** All rows. */
        <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
            return Jdbc.list(connection, sql, mapper, params);
        }
    }

    /** {@code instantOrNull} as a parameter for a nullable timestamp column. */
    static Object timestamp(Instant instantOrNull) {
        return instantOrNull == null ? NULL_TIMESTAMP : instantOrNull;
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The value the store keeps for {@code instant}: the same instant, truncated to the microsecond. */
    static OffsetDateTime toDatabase(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static StoreException translate(String action, SQLException e) {
        String state = e.getSQLState();
        if (UNIQUE_VIOLATION.equals(state)) {
            return new DuplicateEntityException("Cannot " + action + ": it already exists", e);
        }
        if (FOREIGN_KEY_VIOLATION.equals(state) || H2_PARENT_MISSING.equals(state)) {
            return new ReferenceViolationException("Cannot " + action + ": it refers to something that does not"
                    + " exist, or something else still refers to it (SQLState " + state + ")", e);
        }
        if (unavailable(e)) {
            return new io.gatepass.store.StoreUnavailableException("Cannot " + action + ": the database is not "
                    + "reachable (SQLState " + state + ")", e);
        }
        return new StoreException("Cannot " + action + " (SQLState " + state + ")", e);
    }

    /**
     * The database could not be reached or dropped the connection: SQLState class 08 (connection exception), 57P01-03
     * (the server shutting down or starting), or the pool giving up waiting for a connection.
     */
    private static boolean unavailable(SQLException e) {
        String state = e.getSQLState();
        return e instanceof java.sql.SQLTransientConnectionException
                || e instanceof java.sql.SQLNonTransientConnectionException
                || e instanceof java.sql.SQLRecoverableException
                || state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    @FunctionalInterface
    private interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} on a pooled connection, or on this thread's open transaction's if it has one (whose turn to
     * write, taken when it began, covers {@code work}). A {@code write} takes its turn ({@link WriteTurns}) once past
     * the gate: a write waiting for its turn counts as in flight, so a pause waits for it rather than for a write
     * that has its turn and waits at the gate.
     */
    private <T> T withConnection(String action, boolean write, ConnectionWork<T> work) {
        NonBlockingScope.checkMayBlock();
        Connection open = transaction.get();
        if (open != null) {
            try {
                return work.run(open);
            } catch (SQLException e) {
                throw translate(action, e);
            }
        }
        try {
            gate.enter();
        } catch (SQLException e) {
            throw translate(action, e);
        }
        try {
            return write ? inTurn(action, work) : onPooledConnection(action, work);
        } finally {
            gate.exit();
        }
    }

    private <T> T inTurn(String action, ConnectionWork<T> work) {
        try {
            writes.begin();
        } catch (SQLException e) {
            throw translate(action, e);
        }
        try {
            return onPooledConnection(action, work);
        } finally {
            writes.end();
        }
    }

    private <T> T onPooledConnection(String action, ConnectionWork<T> work) {
        try (Connection connection = gate.borrow(dataSource)) {
            return work.run(connection);
        } catch (SQLException e) {
            throw translate(action, e);
        }
    }

    private static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, Object[] params)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params);
             ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    private static <T> Optional<T> one(Connection connection, String sql, RowMapper<T> mapper, Object[] params)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
        }
    }

    private static int update(Connection connection, String sql, Object[] params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailed) {
            cause.addSuppressed(rollbackFailed);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object[] params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                bind(statement, i + 1, params[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else if (value instanceof TypedNull typedNull) {
            statement.setNull(index, typedNull.sqlType());
        } else if (value instanceof Instant instant) {
            statement.setObject(index, toDatabase(instant));
        } else if (value instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else {
            statement.setObject(index, value);
        }
    }
}
