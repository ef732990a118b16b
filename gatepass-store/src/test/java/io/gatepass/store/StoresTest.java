package io.gatepass.store;

import io.gatepass.core.identity.Account;
import io.gatepass.core.identity.User;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.gatepass.store.Fixtures.ACCOUNT;
import static io.gatepass.store.Fixtures.T0;
import static io.gatepass.store.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoresTest {

    @Test
    void open_whenNoUrl_createsEmbeddedH2DatabaseInDataDir(@TempDir Path tmp) {
        Path dataDir = tmp.resolve("not/yet/there");

        try (Store store = Stores.open(null, dataDir)) {
            assertThat(store.kind()).isEqualTo("h2");
            assertThat(store.isHealthy()).isTrue();
        }

        assertThat(dataDir.resolve(Stores.H2_FILE_NAME + ".mv.db")).isRegularFile();
    }

    @Test
    void open_whenReopenedAfterClose_keepsCommittedData(@TempDir Path dataDir) {
        User alice = user("alice");
        try (Store store = Stores.open("  ", dataDir)) {
            store.accounts().create(new Account(ACCOUNT, T0));
            store.users().create(alice);
        }

        try (Store store = Stores.open(null, dataDir)) {
            assertThat(store.accounts().findBootstrap()).contains(new Account(ACCOUNT, T0));
            assertThat(store.users().find(ACCOUNT, "alice")).contains(alice);
            store.users().create(user("bob"));
        }

        try (Store store = Stores.open(null, dataDir)) {
            assertThat(store.users().list(ACCOUNT, "/", null, 10)).extracting(User::userName)
                    .containsExactly("alice", "bob");
        }
    }

    @Test
    void open_whenEmbeddedDatabaseAlreadyOpenInThisJvm_sharesIt(@TempDir Path dataDir) {
        try (Store first = Stores.open(null, dataDir)) {
            // Same JVM: H2 shares the open database, so a second store works (another process would be refused).
            try (Store second = Stores.open(null, dataDir)) {
                assertThat(second.isHealthy()).isTrue();
            }
            assertThat(first.isHealthy()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mysql://db/gatepass?user=admin&password=s3cret", "postgresql://db/x?password=s3cret",
            "jdbc:sqlite:/tmp/gatepass.db"})
    void open_whenUrlIsForUnsupportedDatabase_throwsIllegalArgumentWithoutEchoingIt(String url) {
        assertThatThrownBy(() -> Stores.open(url, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql://")
                .hasMessageNotContaining("s3cret")
                .hasMessageNotContaining("/tmp/gatepass.db");
    }

    @Test
    void open_whenNoUrlAndNoDataDir_throwsIllegalArgument() {
        assertThatThrownBy(() -> Stores.open(null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void open_whenPostgresUnreachable_throwsStoreExceptionWithPasswordMasked() {
        String url = "jdbc:postgresql://127.0.0.1:1/nowhere?user=gatepass&password=s3cret&connectTimeout=2";

        assertThatThrownBy(() -> Stores.open(url, null))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageNotContaining("s3cret");
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void open_whenFreshDatabase_reportsKindAndHealth(TestDatabase db) {
        Store store = db.open();
        assertThat(store.kind()).isEqualTo(db.kind());
        assertThat(store.isHealthy()).isTrue();

        store.close();

        assertThat(store.isHealthy()).isFalse();
    }

    @Test
    void open_whenTwoNodesMigrateOneFreshPostgresSchemaAtOnce_bothSucceed() throws Exception {
        String url = TestDatabase.POSTGRESQL.freshUrl();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Store>> opened = nodes.invokeAll(List.of(
                    () -> { start.await(); return Stores.open(url, null); },
                    () -> { start.await(); return Stores.open(url, null); }), 60, TimeUnit.SECONDS);
            try (Store first = opened.get(0).get(); Store second = opened.get(1).get()) {
                first.users().create(user("alice"));

                assertThat(second.users().find(ACCOUNT, "alice")).isPresent();
                assertThat(appliedMigrations(url)).as("each script applied exactly once").isEqualTo(scripts());
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    /** How many versioned migration scripts there are. */
    private static long scripts() throws IOException, URISyntaxException {
        Path scripts = Path.of(StoresTest.class.getClassLoader().getResource("db/migration").toURI());
        try (Stream<Path> files = Files.list(scripts)) {
            return files.filter(file -> file.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        }
    }

    private static long appliedMigrations(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM gatepass_schema_history WHERE success AND version IS NOT NULL")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
