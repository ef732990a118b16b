package io.gatepass.store.internal.jdbc;

import io.gatepass.store.Store;
import io.gatepass.store.Stores;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class EmptySchemaMigrationTest {
    private static final String HISTORY_COLUMNS = "\"installed_rank\", \"version\", \"description\", \"type\","
            + " \"script\", \"checksum\", \"installed_by\", \"success\""; // not installed_on, execution_time

    @Test
    void apply_onEmptyH2Database_leavesSchemaAndHistoryExactlyAsFlywayDoes() throws SQLException {
        String byFlyway = freshUrl();
        String byShortcut = freshUrl();
        try (Connection flywayDb = DriverManager.getConnection(byFlyway);
             Connection shortcutDb = DriverManager.getConnection(byShortcut)) {
            flyway(byFlyway).migrate();

            boolean applied = EmptySchemaMigration.apply(dataSource(byShortcut), Dialect.H2);

            assertThat(applied).isTrue();
            assertThat(script(shortcutDb)).isEqualTo(script(flywayDb)).isNotEmpty();
            assertThat(history(shortcutDb)).isEqualTo(history(flywayDb)).hasSize(
                    Integer.parseInt(Migrations.LATEST_VERSION) + 1);
        }
    }

    @Test
    void flyway_afterTheShortcut_validatesAndFindsNothingToMigrate() throws SQLException {
        String url = freshUrl();
        try (Connection keepAlive = DriverManager.getConnection(url)) {
            assertThat(EmptySchemaMigration.apply(dataSource(url), Dialect.H2)).isTrue();

            Flyway flyway = flyway(url);
            flyway.validate(); // throws on any checksum, description, type or version difference

            assertThat(flyway.migrate().migrationsExecuted).isZero();
            assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo(Migrations.LATEST_VERSION);
        }
    }

    @Test
    void open_ofNewEmbeddedStore_worksAndRestartsOnTheFastPath(@TempDir Path dataDir) throws SQLException {
        try (Store store = Stores.open(null, dataDir)) {
            assertThat(store.accounts().findBootstrap()).isEmpty();
        }
        try (Store store = Stores.open(null, dataDir)) { // a restart: Flyway's history says it is up to date
            assertThat(store.accounts().findBootstrap()).isEmpty();
        }
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(Stores.H2_FILE_NAME);
        try (Connection connection = DriverManager.getConnection(url)) {
            assertThat(history(connection)).hasSize(Integer.parseInt(Migrations.LATEST_VERSION) + 1);
        }
        flyway(url).validate();
    }

    @Test
    void apply_onSchemaWithATable_doesNothingSoThatFlywayDecides() throws SQLException {
        String url = freshUrl();
        try (Connection keepAlive = DriverManager.getConnection(url);
             Statement statement = keepAlive.createStatement()) {
            statement.execute("CREATE TABLE someone_elses (id INT)");

            assertThat(EmptySchemaMigration.apply(dataSource(url), Dialect.H2)).isFalse();

            try (ResultSet tables = statement.executeQuery(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA")) {
                tables.next();
                assertThat(tables.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void scripts_fromAJar_areTheSameAsFromTheDirectory(@TempDir Path tmp) throws IOException {
        List<EmptySchemaMigration.Script> fromDirectory = EmptySchemaMigration.scripts(
                EmptySchemaMigrationTest.class.getClassLoader());
        Path jar = tmp.resolve("store.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("db/"));
            out.putNextEntry(new JarEntry("db/migration/"));
            for (EmptySchemaMigration.Script script : fromDirectory) {
                out.putNextEntry(new JarEntry("db/migration/" + script.fileName()));
                out.write(script.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }

        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null)) {
            assertThat(EmptySchemaMigration.scripts(loader)).isEqualTo(fromDirectory)
                    .hasSize(Integer.parseInt(Migrations.LATEST_VERSION));
        }
    }

    @Test
    void scripts_withAGapOrAnotherKindOfScript_areLeftToFlyway(@TempDir Path tmp) throws IOException {
        Path gap = tmp.resolve("gap/db/migration");
        Files.createDirectories(gap);
        Files.writeString(gap.resolve("V1__one.sql"), "CREATE TABLE a (id INT);");
        Files.writeString(gap.resolve("V3__three.sql"), "CREATE TABLE b (id INT);");
        Path repeatable = tmp.resolve("repeatable/db/migration");
        Files.createDirectories(repeatable);
        Files.writeString(repeatable.resolve("V1__one.sql"), "CREATE TABLE a (id INT);");
        Files.writeString(repeatable.resolve("R__view.sql"), "CREATE VIEW v AS SELECT 1;");

        for (Path root : List.of(tmp.resolve("gap"), tmp.resolve("repeatable"))) {
            try (URLClassLoader loader = new URLClassLoader(new URL[]{root.toUri().toURL()}, null)) {
                assertThat(EmptySchemaMigration.scripts(loader)).as(root.toString()).isEmpty();
            }
        }
    }

    @Test
    void checksum_isFlywaysForEveryLineEnding() {
        int unix = EmptySchemaMigration.checksum("CREATE TABLE a (id INT);\n-- done\n");
        assertThat(EmptySchemaMigration.checksum("CREATE TABLE a (id INT);\r\n-- done\r\n")).isEqualTo(unix);
        assertThat(EmptySchemaMigration.checksum("\uFEFFCREATE TABLE a (id INT);\n-- done")).isEqualTo(unix);
        assertThat(EmptySchemaMigration.checksum("CREATE TABLE a (id INT); -- done\n")).isNotEqualTo(unix);
    }

    private static Flyway flyway(String url) {
        return SchemaFixtures.flyway(url);
    }

    private static String freshUrl() {
        return "jdbc:h2:mem:gp_schema_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static JdbcDataSource dataSource(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        return dataSource;
    }

    /** H2's own DDL for everything in the database (tables, columns, constraints, indexes, sequences). */
    private static List<String> script(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet script = statement.executeQuery("SCRIPT NODATA")) {
            while (script.next()) {
                lines.add(script.getString(1));
            }
        }
        return lines;
    }

    private static List<List<String>> history(Connection connection) throws SQLException {
        return SchemaFixtures.rows(connection, "SELECT " + HISTORY_COLUMNS + " FROM \"" + Migrations.HISTORY_TABLE
                + "\" ORDER BY \"installed_rank\"");
    }
}
