package io.gatepass.store.internal.jdbc;

import io.gatepass.core.identity.Account;
import io.gatepass.store.Store;
import io.gatepass.store.Stores;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class StoreTemplateTest {
    private static final String HISTORY_COLUMNS = "\"installed_rank\", \"version\", \"description\", \"type\","
            + " \"script\", \"checksum\", \"installed_by\", \"success\""; // not installed_on, execution_time
    /** What describes a schema, each query ordered so that two equal schemas give equal lists. */
    private static final List<String> CATALOG = List.of(
            "SELECT TABLE_NAME, TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                    + " ORDER BY TABLE_NAME",
            "SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION,"
                    + " NUMERIC_SCALE, IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY, IDENTITY_GENERATION, COLLATION_NAME"
                    + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME, ORDINAL_POSITION",
            "SELECT TABLE_NAME, INDEX_NAME, INDEX_TYPE_NAME FROM INFORMATION_SCHEMA.INDEXES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME, INDEX_NAME",
            "SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME, ORDINAL_POSITION, ORDERING_SPECIFICATION"
                    + " FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'"
                    + " ORDER BY TABLE_NAME, INDEX_NAME, ORDINAL_POSITION",
            "SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME, CONSTRAINT_NAME",
            "SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, ORDINAL_POSITION FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION",
            "SELECT CONSTRAINT_NAME, UNIQUE_CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE"
                    + " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = 'PUBLIC'"
                    + " ORDER BY CONSTRAINT_NAME",
            "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS"
                    + " WHERE CONSTRAINT_SCHEMA = 'PUBLIC' ORDER BY CONSTRAINT_NAME",
            "SELECT SEQUENCE_NAME, DATA_TYPE, START_VALUE, INCREMENT FROM INFORMATION_SCHEMA.SEQUENCES"
                    + " WHERE SEQUENCE_SCHEMA = 'PUBLIC' ORDER BY SEQUENCE_NAME",
            "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN"
                    + " ('CREATE_BUILD', 'MODE', 'DEFAULT_NULL_ORDERING', 'DATABASE_TO_UPPER', 'DATABASE_TO_LOWER',"
                    + " 'CASE_INSENSITIVE_IDENTIFIERS') ORDER BY SETTING_NAME",
            "SELECT " + HISTORY_COLUMNS + " FROM \"" + Migrations.HISTORY_TABLE + "\" ORDER BY \"installed_rank\"");

    @Test
    void newEmbeddedStore_isACopyOfTheTemplate_equalToAMigratedOne(@TempDir Path tmp) throws SQLException {
        Instant testStarted = Instant.now();
        Path templateBorn = tmp.resolve("template");
        Path migrated = tmp.resolve("migrated");
        try (Store store = Stores.open(null, templateBorn)) { // what a first start does
            assertThat(store.accounts().findBootstrap()).isEmpty();
        }
        // a jdbc:h2: URL is never given the template: the migration a first start ran before there was one, under
        // the settings of Stores' URL (H2 keeps WRITE_DELAY in the file: SCRIPT shows it)
        try (Store store = JdbcStore.open(url(migrated) + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0")) {
            assertThat(store.accounts().findBootstrap()).isEmpty();
        }

        try (Connection born = DriverManager.getConnection(url(templateBorn));
             Connection made = DriverManager.getConnection(url(migrated))) {
            // the schema history was written at build time, before this test: the copy, not a migration
            assertThat(firstInstalledOn(born)).isBefore(testStarted);
            assertThat(firstInstalledOn(made)).isAfter(testStarted.minusSeconds(1));
            for (String query : CATALOG) { // (this schema has no CHECK constraints or sequences: those lists are empty)
                assertThat(rows(born, query)).as(query).isEqualTo(rows(made, query));
            }
            assertThat(rows(born, CATALOG.get(1))).hasSizeGreaterThan(50); // columns
            assertThat(script(born)).isEqualTo(script(made)).isNotEmpty();
        }
        flyway(url(templateBorn)).validate(); // Flyway's own judgement: checksums, versions, descriptions
    }

    @Test
    void templateBornStore_holdsNothingButTheSchemaHistory(@TempDir Path dataDir) throws SQLException {
        assertThat(StoreTemplate.copyIfAbsent(file(dataDir))).isTrue();

        try (Connection connection = DriverManager.getConnection(url(dataDir))) {
            for (List<String> table : rows(connection, CATALOG.get(0))) {
                long count = count(connection, "SELECT COUNT(*) FROM \"" + table.get(0) + "\"");
                if (table.get(0).equals(Migrations.HISTORY_TABLE)) {
                    assertThat(count).isEqualTo(Integer.parseInt(Migrations.LATEST_VERSION) + 1);
                } else {
                    assertThat(count).as(table.get(0)).isZero(); // no account, user, key or anything per installation
                }
            }
        }
    }

    @Test
    void templateBornStore_restartsKeepsItsDataAndIsOwnerOnly(@TempDir Path dataDir) throws IOException {
        Account account = new Account("123456789012", Instant.parse("2026-12-06T22:00:00Z"));
        try (Store store = Stores.open(null, dataDir)) {
            store.accounts().create(account);
        }
        try (Store store = Stores.open(null, dataDir)) {
            assertThat(store.accounts().findBootstrap()).contains(account);
        }

        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly(Stores.H2_FILE_NAME + ".mv.db");
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file(dataDir))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void copiesThatAKillLeftBehind_areRemoved_bothBeforeACopyAndBesideAnExistingStore(@TempDir Path dataDir)
            throws IOException {
        Path leftover = dataDir.resolve(Stores.H2_FILE_NAME + ".mv.db.4711.template.tmp");
        Files.writeString(leftover, "a second name of the live database, once");
        assertThat(StoreTemplate.copyIfAbsent(file(dataDir))).isTrue();
        assertThat(leftover).doesNotExist();

        Files.writeString(leftover, "again, beside a store that now exists");
        assertThat(StoreTemplate.copyIfAbsent(file(dataDir))).isFalse();
        assertThat(leftover).doesNotExist();
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly(Stores.H2_FILE_NAME + ".mv.db");
        }
    }

    @Test
    void copy_whenTheStoreExists_leavesItAlone(@TempDir Path dataDir) throws IOException {
        Files.writeString(file(dataDir), "not a template");

        assertThat(StoreTemplate.copyIfAbsent(file(dataDir))).isFalse();

        assertThat(Files.readString(file(dataDir))).isEqualTo("not a template");
    }

    @Test
    void template_ofAnotherH2VersionSchemaVersionOrScripts_isNotCopied_andTheStoreIsMigrated(@TempDir Path tmp)
            throws IOException, SQLException {
        StoreTemplate.Manifest real = realManifest();
        List<StoreTemplate.Manifest> misfits = List.of(
                new StoreTemplate.Manifest("2.3.232 (2024-08-11)", real.schemaVersion(), real.scripts()),
                new StoreTemplate.Manifest(real.h2Version(), "10", real.scripts()),
                new StoreTemplate.Manifest(real.h2Version(), real.schemaVersion(),
                        real.scripts().replaceFirst("=-?[0-9]+", "=42")));
        int i = 0;
        for (StoreTemplate.Manifest misfit : misfits) {
            Path dataDir = Files.createDirectories(tmp.resolve("d" + i++));
            ClassLoader loader = replacing(StoreTemplate.MANIFEST, bytes(misfit));

            assertThat(StoreTemplate.copyIfAbsent(file(dataDir), loader)).as(misfit.toString()).isFalse();

            assertThat(dataDir).isEmptyDirectory();
        }
        // and what Stores.open then does without a copy: the migration, to the same schema
        Path dataDir = tmp.resolve("d0");
        try (JdbcStore store = JdbcStore.openEmbedded(url(dataDir), file(dataDir))) {
            assertThat(store.accounts().findBootstrap()).isEmpty();
        }
        try (Connection connection = DriverManager.getConnection(url(dataDir))) {
            assertThat(count(connection, "SELECT COUNT(*) FROM \"" + Migrations.HISTORY_TABLE + "\""))
                    .isEqualTo(Integer.parseInt(Migrations.LATEST_VERSION) + 1);
        }
    }

    @Test
    void template_damagedOrMissing_isNotCopied(@TempDir Path tmp) throws IOException {
        byte[] database;
        try (InputStream in = StoreTemplate.class.getClassLoader().getResourceAsStream(StoreTemplate.DATABASE)) {
            assertThat(in).as("the build made the template").isNotNull();
            database = in.readAllBytes();
        }
        byte[] damaged = database.clone();
        damaged[damaged.length / 2] ^= 0x55;
        Map<String, ClassLoader> loaders = Map.of(
                "damaged", replacing(StoreTemplate.DATABASE, damaged),
                "truncated", replacing(StoreTemplate.DATABASE, Arrays.copyOf(database, database.length - 100)),
                "manifest missing", replacing(StoreTemplate.MANIFEST, null),
                "database missing", replacing(StoreTemplate.DATABASE, null));
        for (Map.Entry<String, ClassLoader> loader : loaders.entrySet()) {
            Path dataDir = Files.createDirectories(tmp.resolve(loader.getKey().replace(' ', '-')));

            assertThat(StoreTemplate.copyIfAbsent(file(dataDir), loader.getValue())).as(loader.getKey()).isFalse();

            assertThat(dataDir).as(loader.getKey()).isEmptyDirectory();
        }
    }

    private static StoreTemplate.Manifest realManifest() throws IOException {
        try (InputStream in = StoreTemplate.class.getClassLoader().getResourceAsStream(StoreTemplate.MANIFEST)) {
            assertThat(in).as("the build made the template").isNotNull();
            return StoreTemplate.Manifest.read(in);
        }
    }

    private static byte[] bytes(StoreTemplate.Manifest manifest) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        manifest.write(out);
        return out.toByteArray();
    }

    /** The test's class loader, with {@code resource} replaced by {@code content} (or absent if null). */
    private static ClassLoader replacing(String resource, byte[] content) {
        return new ClassLoader(StoreTemplateTest.class.getClassLoader()) {
            @Override
            public InputStream getResourceAsStream(String name) {
                if (name.equals(resource)) {
                    return content == null ? null : new ByteArrayInputStream(content);
                }
                return super.getResourceAsStream(name);
            }
        };
    }

    private static Path file(Path dataDir) {
        return dataDir.toAbsolutePath().resolve(Stores.H2_FILE_NAME + EmbeddedCompaction.FILE_SUFFIX);
    }

    private static String url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(Stores.H2_FILE_NAME);
    }

    private static Instant firstInstalledOn(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT MIN(\"installed_on\") FROM \""
                     + Migrations.HISTORY_TABLE + "\"")) {
            row.next();
            Timestamp installed = row.getTimestamp(1);
            return installed.toInstant();
        }
    }

    private static long count(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<List<String>> rows(Connection connection, String query) throws SQLException {
        return SchemaFixtures.rows(connection, query);
    }

    /** H2's own DDL for everything in the database (tables, columns, constraints, indexes, sequences, users). */
    private static List<String> script(Connection connection) throws SQLException {
        return rows(connection, "SCRIPT NODATA").stream().map(row -> row.get(0)).toList();
    }

    private static Flyway flyway(String url) {
        return SchemaFixtures.flyway(url);
    }
}
