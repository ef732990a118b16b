package io.gatepass.store.internal.jdbc;

import io.gatepass.core.identity.Account;
import io.gatepass.core.identity.User;
import io.gatepass.store.StoreUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.gatepass.store.internal.jdbc.EmbeddedTestStore.file;
import static io.gatepass.store.internal.jdbc.EmbeddedTestStore.open;
import static io.gatepass.store.internal.jdbc.EmbeddedTestStore.url;
import static io.gatepass.store.internal.jdbc.Waits.await;
import static io.gatepass.store.internal.jdbc.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded store pauses to compact its file while it runs: requests arriving meanwhile wait and then succeed (the
 * health check answers at once), and a thread that holds a connection and asks for a second one is not stuck behind
 * the pause waiting for it.
 */
class OnlineCompactionTest {
    private static final String ACCOUNT = "123456789012";
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.123456Z");
    private static final int GROWN_BY_USERS = 800;
    private static final long MB = 1024 * 1024;

    @Test
    void requestsArrivingDuringAPause_waitForIt_andSucceed(@TempDir Path dataDir) throws Exception {
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<OnlineCompaction.Pause> pause = new AtomicReference<>();
        OnlineCompaction.Listener holdingThePause = new OnlineCompaction.Listener() {
            @Override
            public void paused() {
                paused.countDown();
                await(release);
            }

            @Override
            public void resumed(OnlineCompaction.Pause done) {
                pause.set(done);
            }
        };
        // never on its own: the file stays below the floor
        try (JdbcStore store = openWithFloor(dataDir, Long.MAX_VALUE, holdingThePause)) {
            grow(store);
            long grown = Files.size(file(dataDir));
            CompletableFuture<Optional<OnlineCompaction.Pause>> compaction = CompletableFuture.supplyAsync(() -> {
                try {
                    return store.onlineCompaction().compactNow();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(paused.await(2, TimeUnit.MINUTES)).as("the pause began").isTrue();

            List<Thread> requests = new ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 3; i++) {
                String name = "during-pause-" + i;
                requests.add(new Thread(() -> store.users().create(user(name))));
            }
            requests.add(new Thread(() -> store.users().find(ACCOUNT, "user-0").orElseThrow()));
            for (Thread request : requests) {
                request.setUncaughtExceptionHandler((t, e) -> failures.add(e));
                request.start();
            }
            waitUntil(() -> store.gate().waiting() == requests.size(), "every request waits at the pause");
            assertThat(requests).allMatch(Thread::isAlive);
            assertThat(CompletableFuture.supplyAsync(store::isHealthy).get(1, TimeUnit.MINUTES))
                    .as("healthy during the pause, answered without waiting for it").isTrue();
            assertThat(store.gate().waiting()).as("waiting at the pause").isEqualTo(requests.size());

            release.countDown();
            for (Thread request : requests) {
                request.join(TimeUnit.MINUTES.toMillis(2));
            }
            assertThat(failures).as("requests that failed").isEmpty();
            assertThat(compaction.get(2, TimeUnit.MINUTES)).as("the pause compacted").isPresent();
            assertThat(pause.get().requestsWaited()).isEqualTo(requests.size());
            assertThat(pause.get().afterBytes()).as("file after the pause (was %d)", grown).isLessThan(grown / 4);
            assertThat(Files.size(file(dataDir))).isLessThan(grown / 4);
            assertThat(store.users().list(ACCOUNT, "/", null, Integer.MAX_VALUE))
                    .hasSize(GROWN_BY_USERS + 3);
        }
    }

    @Test
    void aThreadHoldingAConnection_getsASecondOneDuringAPause_andThePauseThenCompacts(@TempDir Path dataDir)
            throws Exception {
        // the pause waits for the transaction however long it takes here, not a loaded machine's 2 s
        try (JdbcStore store = open(dataDir, new OnlineCompaction.Settings(Long.MAX_VALUE, TimeUnit.HOURS.toMillis(1),
                new OnlineCompaction.Listener() {
                }))) {
            grow(store);
            Jdbc jdbc = new Jdbc(store.dataSource(), store.gate(), store.writes());
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch secondDone = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            CompletableFuture<Integer> transaction = CompletableFuture.supplyAsync(() -> jdbc.inTransaction("count",
                    tx -> {
                        holding.countDown();
                        waitUntil(() -> store.gate().isPaused(), "the pause began");
                        // a second connection while holding one, the pause waiting for this thread
                        int users = jdbc.one("count users", "SELECT COUNT(*) FROM iam_users", row -> row.getInt(1))
                                .orElseThrow();
                        secondDone.countDown();
                        await(finish);
                        return users;
                    }));
            assertThat(holding.await(2, TimeUnit.MINUTES)).isTrue();

            CompletableFuture<Optional<OnlineCompaction.Pause>> pause = CompletableFuture.supplyAsync(() -> {
                try {
                    return store.onlineCompaction().compactNow();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(secondDone.await(2, TimeUnit.MINUTES)).as("the second connection during the pause").isTrue();
            assertThat(pause).as("the pause waits for the transaction").isNotDone();
            finish.countDown();

            assertThat(transaction.get(2, TimeUnit.MINUTES)).isEqualTo(GROWN_BY_USERS);
            assertThat(pause.get(2, TimeUnit.MINUTES)).as("the pause compacted once the transaction ended")
                    .isPresent();
        }
    }

    @Test
    void afterAPause_requestsGoingOnBelowTheNewBound_causeNoFurtherPause(@TempDir Path dataDir) throws Exception {
        long floor = 2 * MB;
        List<OnlineCompaction.Pause> pauses = java.util.Collections.synchronizedList(new ArrayList<>());
        try (JdbcStore store = openWithFloor(dataDir, floor, new OnlineCompaction.Listener() {
            @Override
            public void resumed(OnlineCompaction.Pause pause) {
                pauses.add(pause);
            }
        })) {
            store.accounts().create(new Account(ACCOUNT, T0));
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String prefix = "writer-" + w + "-";
                writers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < GROWN_BY_USERS / 4; i++) {
                        store.users().create(user(prefix + i));
                    }
                }, runnable -> new Thread(runnable).start()));
            }
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);

            assertThat(pauses).as("the file grew past the floor").isNotEmpty();
            List<OnlineCompaction.Pause> seen = List.copyOf(pauses);
            long bound = floor;
            for (OnlineCompaction.Pause pause : seen) {
                assertThat(pause.beforeBytes()).as("file compacted by pause %d of %s (bound %d)", seen.indexOf(pause),
                        seen, bound).isGreaterThan(bound);
                bound = Math.max(floor, CompactionSchedule.GROWTH_FACTOR * pause.afterBytes());
            }
            assertThat(store.users().list(ACCOUNT, "/", null, Integer.MAX_VALUE)).hasSize(GROWN_BY_USERS);
        }
    }

    @Test
    void aRequestWaitingForAPauseLongerThanAllowed_findsTheStoreUnavailable(@TempDir Path dataDir) {
        try (JdbcStore store = openWithFloor(dataDir, Long.MAX_VALUE, new OnlineCompaction.Listener() {
        })) {
            ConnectionGate gate = new ConnectionGate(100);
            Jdbc jdbc = new Jdbc(store.dataSource(), gate, store.writes());
            assertThat(jdbc.one("count users", "SELECT COUNT(*) FROM iam_users", row -> row.getInt(1)))
                    .contains(0);
            assertThat(gate.hold()).isTrue(); // a pause that does not end

            assertThatThrownBy(() -> jdbc.one("count users", "SELECT COUNT(*) FROM iam_users", row -> row.getInt(1)))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasCauseInstanceOf(java.sql.SQLTransientConnectionException.class);
        }
    }

    @Test
    void aConnectionOpenedBeforeAPauseClosedTheDatabase_isToldDead_andOneOpenedAfterIsNot(@TempDir Path dataDir)
            throws Exception {
        String url = url(dataDir);
        EmbeddedOpenings openings = new EmbeddedOpenings(url);
        try (java.sql.Connection before = openings.getConnection()) {
            openings.hold();
            openings.closing();
            EmbeddedCompaction.closeAndCompact(url, TimeUnit.MINUTES.toMillis(1), () -> {
            }, () -> {
            });
            openings.release();

            assertThat(openings.dead(before)).isTrue();
            assertThatThrownBy(() -> before.createStatement().execute("SELECT 1"))
                    .as("a session the SHUTDOWN ended").isInstanceOf(java.sql.SQLException.class);
            try (java.sql.Connection after = openings.getConnection()) {
                assertThat(openings.dead(after)).isFalse();
                assertThat(after.createStatement().execute("SELECT 1")).isTrue();
            }
        }
    }

    @Test
    void pooledConnectionsWhoseSessionsAShutdownEnded_areDiscardedWhenLent_andRequestsSucceed(@TempDir Path dataDir)
            throws Exception {
        try (JdbcStore store = openWithFloor(dataDir, Long.MAX_VALUE, new OnlineCompaction.Listener() {
        })) {
            store.accounts().create(new Account(ACCOUNT, T0));
            store.users().create(user("before"));
            // what a connection the pool adds only after a pause evicted every connection is: pooled, used just now,
            // its session ended by the pause's SHUTDOWN
            store.onlineCompaction().openings().closing();
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url(dataDir))) {
                connection.createStatement().execute("SHUTDOWN");
            }

            store.users().create(user("after"));
            assertThat(store.users().find(ACCOUNT, "before")).isPresent();
            assertThat(store.isHealthy()).isTrue();
        }
    }

    /**
     * The pause of a loaded CI run that went "from 64 MB to 64 MB in 3 ms" and then set the next threshold to 4 x 64
     * MB: a connection the pool evicted is still being closed on another thread (here: one with a long rollback) as
     * the pause runs {@code SHUTDOWN}. The pause waits for it, compacts, and the data is whole.
     */
    @Test
    void aPauseWhileAnotherSessionIsStillClosing_compactsTheFile_andKeepsTheData(@TempDir Path dataDir)
            throws Exception {
        java.sql.Connection closing = java.sql.DriverManager.getConnection(url(dataDir));
        org.h2.engine.SessionLocal session =
                (org.h2.engine.SessionLocal) ((org.h2.jdbc.JdbcConnection) closing).getSession();
        OnlineCompaction.Listener closingDuringThePause = new OnlineCompaction.Listener() {
            @Override
            public void paused() {
                new Thread(session::close, "closer").start(); // as the pool closes an evicted connection
                waitUntil(session::isClosed, "the other session's close began");
            }
        };
        // no pause but the test's: the other session lives until then
        try (JdbcStore store = openWithFloor(dataDir, 1L << 40, closingDuringThePause)) {
            grow(store);
            try (java.sql.Statement statement = closing.createStatement()) {
                statement.execute("CREATE TABLE undone(id INT PRIMARY KEY, v VARCHAR)");
                closing.setAutoCommit(false);
                statement.executeUpdate("INSERT INTO undone SELECT X, REPEAT('y', 200) FROM SYSTEM_RANGE(1, 10000)");
            }

            OnlineCompaction.Pause pause = store.onlineCompaction().compactNow().orElseThrow();

            assertThat(pause.afterBytes()).as("file after the pause %s", pause).isLessThan(pause.beforeBytes() / 4);
            assertThat(store.onlineCompaction().schedule().thresholdBytes())
                    .isEqualTo(Math.max(1L << 40, CompactionSchedule.GROWTH_FACTOR * pause.afterBytes()));
            store.users().create(user("after-the-pause"));
            assertThat(store.users().list(ACCOUNT, "/", null, Integer.MAX_VALUE)).hasSize(GROWN_BY_USERS + 1);
            assertThat(new Jdbc(store.dataSource(), store.gate(), store.writes())
                    .one("count", "SELECT COUNT(*) FROM undone", row -> row.getInt(1))).as("never committed")
                    .contains(0);
        }
    }

    /**
     * A pause after which the file is the same file (H2 returned without compacting it, as a disk too full for the
     * copy makes it do) does not count as a compaction: the threshold stays, the next try is after the backoff, and a
     * later pause that compacts sets the threshold from the live size.
     */
    @Test
    void aPauseThatLeavesTheFileAsItWas_keepsTheThreshold_andIsTriedAgainLater(@TempDir Path dataDir)
            throws Exception {
        java.util.concurrent.atomic.AtomicBoolean compactionSkipped = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicLong closedAt = new java.util.concurrent.atomic.AtomicLong();
        OnlineCompaction.Compactor shutdownOnlyWhenSkipped = (url, waitMillis, whileWaiting, closed) -> {
            if (!compactionSkipped.get()) {
                EmbeddedCompaction.closeAndCompact(url, waitMillis, whileWaiting, closed);
                return;
            }
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url)) {
                connection.createStatement().execute("SHUTDOWN");
            }
            closedAt.set(EmbeddedCompaction.sizeOr(file(dataDir), 0));
            closed.run();
        };
        long floor = 1L << 40; // no pause but the test's
        try (JdbcStore store = JdbcStore.openEmbedded(url(dataDir), file(dataDir),
                new OnlineCompaction.Settings(floor, new OnlineCompaction.Listener() {
                }), shutdownOnlyWhenSkipped)) {
            grow(store);
            long grown = Files.size(file(dataDir));
            CompactionSchedule before = store.onlineCompaction().schedule();
            compactionSkipped.set(true);

            assertThat(store.onlineCompaction().compactNow()).as("a pause that did not compact").isEmpty();
            CompactionSchedule after = store.onlineCompaction().schedule();
            assertThat(after.thresholdBytes()).isEqualTo(before.thresholdBytes());
            assertThat(after.failures()).isEqualTo(1);
            assertThat(after.retryInMillis(System.nanoTime())).isPositive()
                    .isLessThanOrEqualTo(CompactionSchedule.RETRY_MILLIS);
            assertThat(after.retryAboveBytes()).as("twice the file the pause left (the pool may have written since)")
                    .isBetween(2 * closedAt.get(), 2 * Files.size(file(dataDir)));
            store.users().create(user("after-the-pause"));

            compactionSkipped.set(false);
            OnlineCompaction.Pause pause = store.onlineCompaction().compactNow().orElseThrow();
            assertThat(pause.afterBytes()).as("file after the pause (was %d)", grown).isLessThan(grown / 4);
            assertThat(store.onlineCompaction().schedule().failures()).isZero();
            assertThat(store.users().list(ACCOUNT, "/", null, Integer.MAX_VALUE)).hasSize(GROWN_BY_USERS + 1);
        }
    }

    /** The embedded store in {@code dataDir}, compacted while it runs above {@code floor}. */
    private static JdbcStore openWithFloor(Path dataDir, long floor, OnlineCompaction.Listener listener) {
        return open(dataDir, new OnlineCompaction.Settings(floor, listener));
    }

    /** An account and enough users, one write each, to leave the file mostly dead (~20 KB a write). */
    private static void grow(JdbcStore store) {
        store.accounts().create(new Account(ACCOUNT, T0));
        for (int i = 0; i < GROWN_BY_USERS; i++) {
            store.users().create(user("user-" + i));
        }
    }

    private static User user(String name) {
        return new User(ACCOUNT, name, "AIDA" + Integer.toHexString(name.hashCode()) + name.length()
                + Long.toHexString(System.nanoTime()), "/", T0);
    }
}
