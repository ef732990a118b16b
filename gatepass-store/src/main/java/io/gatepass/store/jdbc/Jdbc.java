package io.gatepass.store.jdbc;

import io.gatepass.store.DuplicateEntityException;
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
 * Runs one auto-committed statement on a pooled connection and maps rows; translates {@link SQLException}s.
 *
 * <p>Parameters: {@link Instant}s are bound as UTC {@code TIMESTAMP WITH TIME ZONE} truncated to the microsecond (what
 * both databases keep), enums by name, nulls as a null VARCHAR (every nullable column is text), the rest as given.
 * Error messages name the action ({@code "create user alice"}) and the SQLState, never the SQL or its values.
 */
final class Jdbc {
    /** Maps the current row. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> List<T> list(String action, String sql, RowMapper<T> mapper, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, params);
             ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw translate(action, e);
        }
    }

    /** The first row, if any. */
    <T> Optional<T> one(String action, String sql, RowMapper<T> mapper, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, params);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
        } catch (SQLException e) {
            throw translate(action, e);
        }
    }

    /** @return the number of rows changed */
    int update(String action, String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw translate(action, e);
        }
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
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return new DuplicateEntityException("Cannot " + action + ": it already exists", e);
        }
        return new StoreException("Cannot " + action + " (SQLState " + e.getSQLState() + ")", e);
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
        } else if (value instanceof Instant instant) {
            statement.setObject(index, toDatabase(instant));
        } else if (value instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else {
            statement.setObject(index, value);
        }
    }
}
