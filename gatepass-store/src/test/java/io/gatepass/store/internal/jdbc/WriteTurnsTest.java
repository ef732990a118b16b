package io.gatepass.store.internal.jdbc;

import io.gatepass.core.identity.Account;
import io.gatepass.core.identity.User;
import io.gatepass.store.StoreUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.gatepass.store.internal.jdbc.Waits.await;
import static io.gatepass.store.internal.jdbc.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On the embedded store a write waits for the one in flight to commit (H2 would otherwise write a chunk holding half of
 * the other's commit, which a kill -9 right behind it left as an index entry without its row); reads do not wait. An
 * in-memory H2 database, which has no file, lets writes run at once.
 */
class WriteTurnsTest {
    private static final String ACCOUNT = "123456789012";
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.123456Z");

    @Test
    void aWrite_whileAnotherWriteIsInFlight_onTheEmbeddedStore_waitsForItsCommit_whileReadsGoOn(@TempDir Path dataDir)
            throws Exception {
        try (JdbcStore store = EmbeddedTestStore.open(dataDir, OnlineCompaction.Settings.DEFAULT)) {
            store.accounts().create(new Account(ACCOUNT, T0));
            store.users().create(user("committed"));
            assertThat(store.writes().oneAtATime()).isTrue();
            CountDownLatch inFlight = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            CompletableFuture<Integer> first = holdingATransaction(store, inFlight, commit);
            assertThat(inFlight.await(2, TimeUnit.MINUTES)).as("the first write is in flight").isTrue();

            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> store.users().create(user("second")));
            waitUntil(() -> store.writes().waiting() == 1, "the second write waits for its turn");
            assertThat(store.users().find(ACCOUNT, "committed")).as("a read meanwhile").isPresent();
            assertThat(second).as("the second write while the first is in flight").isNotDone();

            commit.countDown();
            assertThat(first.get(2, TimeUnit.MINUTES)).isEqualTo(1);
            second.get(2, TimeUnit.MINUTES);
            assertThat(store.users().find(ACCOUNT, "first")).isPresent();
            assertThat(store.users().find(ACCOUNT, "second")).isPresent();
        }
    }

    @Test
    void onAnInMemoryDatabase_aWrite_goesOnWhileAnotherIsInFlight() throws Exception {
        try (JdbcStore store = JdbcStore.open("jdbc:h2:mem:turns-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            store.accounts().create(new Account(ACCOUNT, T0));
            assertThat(store.writes().oneAtATime()).isFalse();
            CountDownLatch inFlight = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            CompletableFuture<Integer> first = holdingATransaction(store, inFlight, commit);
            assertThat(inFlight.await(2, TimeUnit.MINUTES)).isTrue();

            store.users().create(user("second")); // returns while the first is still in flight

            commit.countDown();
            assertThat(first.get(2, TimeUnit.MINUTES)).isEqualTo(1);
        }
    }

    @Test
    void aWriteWaitingForItsTurnLongerThanAllowed_findsTheStoreUnavailable(@TempDir Path dataDir) throws Exception {
        try (JdbcStore store = EmbeddedTestStore.open(dataDir, OnlineCompaction.Settings.DEFAULT)) {
            store.accounts().create(new Account(ACCOUNT, T0));
            Jdbc jdbc = new Jdbc(store.dataSource(), store.gate(), WriteTurns.oneAtATime(100));
            CountDownLatch inFlight = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> jdbc.inTransaction("hold",
                    tx -> {
                        inFlight.countDown();
                        await(commit);
                        return 1;
                    }));
            assertThat(inFlight.await(2, TimeUnit.MINUTES)).isTrue();

            assertThatThrownBy(() -> jdbc.update("create user late", "DELETE FROM iam_users"))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("create user late");

            commit.countDown();
            assertThat(first.get(2, TimeUnit.MINUTES)).isEqualTo(1);
            assertThat(jdbc.update("then", "DELETE FROM iam_users")).isZero();
        }
    }

    /** Creates user "first" in a transaction on another thread that commits once {@code commit} opens. */
    private static CompletableFuture<Integer> holdingATransaction(JdbcStore store, CountDownLatch inFlight,
                                                                  CountDownLatch commit) {
        Jdbc jdbc = new Jdbc(store.dataSource(), store.gate(), store.writes());
        return CompletableFuture.supplyAsync(() -> jdbc.inTransaction("create user first", tx -> {
            User first = user("first");
            int created = tx.update("INSERT INTO iam_users (account_id, user_name_lc, user_name, user_id, path,"
                    + " create_date) VALUES (?, ?, ?, ?, ?, ?)", ACCOUNT, "first", "first", first.userId(), "/", T0);
            inFlight.countDown();
            await(commit);
            return created;
        }));
    }

    private static User user(String name) {
        return new User(ACCOUNT, name, "AIDA" + UUID.randomUUID().toString().replace("-", "").substring(0, 16), "/",
                T0);
    }
}
