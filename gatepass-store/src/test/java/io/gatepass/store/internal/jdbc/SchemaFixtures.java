package io.gatepass.store.internal.jdbc;

import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** For tests comparing a store's schema made two ways: a query's rows as text, and Flyway as the store runs it. */
final class SchemaFixtures {
    private SchemaFixtures() {
    }

    /** The whole result of {@code query}, row by row, each column as text. */
    static List<List<String>> rows(Connection connection, String query) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Flyway over the store's scripts and history table, as {@link Migrations} configures it for H2. */
    static Flyway flyway(String url) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(url, null, null)
                .locations("classpath:db/migration")
                .table(Migrations.HISTORY_TABLE)
                .placeholders(Map.of("name_collation", Dialect.H2.nameCollation))
                .load();
    }
}
