package io.gatepass.store.internal.jdbc;

import io.gatepass.core.gamelift.Location;
import io.gatepass.core.identity.Account;
import io.gatepass.store.Store;
import io.gatepass.store.Stores;
import io.gatepass.store.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationUpgradeTest {
    private static final Instant CREATED = Instant.parse("2026-03-04T05:06:07.123456Z");

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void open_whenDatabaseIsAtVersion1WithData_migratesToLatestAndKeepsData(TestDatabase db) throws SQLException {
        String url = db.freshUrl();
        Dialect dialect = Dialect.forUrl(url);
        // Keeps an H2 in-memory database alive between the steps.
        try (Connection keepAlive = DriverManager.getConnection(url)) {
            Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(url, null, null)
                    .locations("classpath:db/migration")
                    .table(Migrations.HISTORY_TABLE)
                    .placeholders(Map.of("name_collation", dialect.nameCollation))
                    .target("1")
                    .load()
                    .migrate();
            try (PreparedStatement insert = keepAlive.prepareStatement(
                    "INSERT INTO accounts (account_id, create_date) VALUES (?, ?)")) {
                insert.setString(1, "123456789012");
                insert.setObject(2, Jdbc.toDatabase(CREATED));
                insert.executeUpdate();
            }

            try (Store store = Stores.open(url, null)) {
                assertThat(store.accounts().findBootstrap()).contains(new Account("123456789012", CREATED));
                Location home = new Location("123456789012", "custom-home", "arn:aws:gamelift:us-east-1:"
                        + "123456789012:location/custom-home", CREATED);
                store.locations().create(home);
                assertThat(store.locations().find("123456789012", "custom-home")).contains(home);
            }
        }
    }
}
