package io.gatepass.store;

import io.gatepass.core.identity.Account;
import io.gatepass.store.internal.jdbc.JdbcStore;
import io.gatepass.store.internal.jdbc.OnlineCompaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.gatepass.store.Fixtures.ACCOUNT;
import static io.gatepass.store.Fixtures.T0;
import static io.gatepass.store.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of a process writing a storm of new users into the embedded store loses no write the store
 * acknowledged (and a stop after the restart compacts the file without losing any either): rounds on one data
 * directory, each killed at a seeded random point of the storm, each followed by a reopen that finds every
 * acknowledged user. The storm is killed thousands of writes in with the store's own settings, and, with compaction
 * while it runs made frequent (a low floor), also in the middle of such a compaction's pause: the storm parks its pause
 * after closing the database and before compacting it, or before closing it, and is killed there. (With H2's retention
 * time at 1 s and chunks rewritten while writes arrive, this and CrashSafetyTest lost acknowledged writes.)
 */
class EmbeddedStoreKillTest {
    private static final int ROUNDS = 3;
    private static final int COMPACTING_ROUNDS = 3;
    private static final int WRITERS = 6;
    /** The storm's compaction floor when compactions are to be frequent: one every ~200 writes. */
    private static final long LOW_FLOOR = 4L << 20;

    @Test
    void kill9_whileTheFileIsCompacted_losesNoAcknowledgedWrite(@TempDir Path dataDir) throws Exception {
        Random random = new Random(13);
        Set<String> acknowledged = new HashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            int killAfter = 3_000 + random.nextInt(5_000);
            Storm storm = new Storm(dataDir, "r" + round, 0);
            int seen = storm.killWhen(acknowledged, line -> false, killAfter);
            assertThat(seen).as("round %d acknowledged writes before the kill", round).isGreaterThanOrEqualTo(killAfter);
            assertEveryAcknowledgedUserIsStored(dataDir, acknowledged, "after kill " + round);
        }
    }

    @Test
    void kill9_inTheMiddleOfAPauseToCompact_losesNoAcknowledgedWrite(@TempDir Path dataDir) throws Exception {
        Random random = new Random(1313);
        Set<String> acknowledged = new HashSet<>();
        // parked after SHUTDOWN, before SHUTDOWN COMPACT; between writes; parked in the pause, before SHUTDOWN
        String[] parkAt = {Storm.CLOSED, null, Storm.PAUSED};
        int pausesKilled = 0;
        for (int round = 0; round < COMPACTING_ROUNDS; round++) {
            String where = parkAt[round % parkAt.length];
            int killAtPause = 1 + random.nextInt(2);
            int killAfter = where != null ? Integer.MAX_VALUE : 300 + random.nextInt(1_000);
            int[] pauses = {0};
            boolean[] parked = {false};
            Storm storm = new Storm(dataDir, "c" + round, LOW_FLOOR, where, killAtPause);
            int seen = storm.killWhen(acknowledged, line -> {
                if (line.equals(Storm.PAUSED)) {
                    pauses[0]++;
                }
                return parked[0] = line.equals(Storm.PARKED);
            }, killAfter);
            if (where != null) {
                assertThat(parked[0]).as("round %d killed parked %s in pause %d", round, where, killAtPause).isTrue();
                assertThat(pauses[0]).as("round %d pauses seen", round).isEqualTo(killAtPause);
                pausesKilled++;
            } else {
                assertThat(seen).as("round %d acknowledged writes", round).isGreaterThanOrEqualTo(killAfter);
            }
            assertEveryAcknowledgedUserIsStored(dataDir, acknowledged, "after kill " + round);
        }
        assertThat(pausesKilled).isEqualTo(2);
    }

    private static void assertEveryAcknowledgedUserIsStored(Path dataDir, Set<String> acknowledged, String when)
            throws Exception {
        System.out.printf("%s: %d acknowledged writes so far, file %.1f MB%n", when, acknowledged.size(),
                Files.size(dataDir.resolve(Stores.H2_FILE_NAME + ".mv.db")) / 1e6);
        // before the store opens: once open, it may pause to compact a file over its floor (closing the database
        // under any connection not its own) and rewrite the file
        assertEachIndexHasEveryRowAndNoOther(dataDir, when);
        try (Store store = Stores.open(null, dataDir)) {
            Set<String> stored = new HashSet<>();
            store.users().list(ACCOUNT, "/", null, Integer.MAX_VALUE).forEach(u -> stored.add(u.userName()));
            assertThat(stored).as(when).containsAll(acknowledged);
        }
    }

    /**
     * The users' table read whole, through its primary key's index and through its user id's index gives the same
     * rows: a kill that left an index entry without its row (H2 reading it fails, {@code Row not found in primary
     * index}, and retries until its lock timeout) or a row without its entry (a lookup by name misses it) fails here.
     * Each read tests a column neither index holds, so each entry is looked up in the table.
     */
    private static void assertEachIndexHasEveryRowAndNoOther(Path dataDir, String when) throws Exception {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(Stores.embeddedUrl(dataDir)
                + ";LOCK_TIMEOUT=1000"); java.sql.Statement statement = connection.createStatement()) {
            String primaryKey = null;
            String userId = null;
            try (java.sql.ResultSet index = statement.executeQuery("SELECT INDEX_NAME, INDEX_TYPE_NAME FROM"
                    + " INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'IAM_USERS'")) {
                while (index.next()) {
                    if (index.getString(2).equals("PRIMARY KEY")) {
                        primaryKey = index.getString(1);
                    } else {
                        userId = index.getString(1);
                    }
                }
            }
            String eachRow = " AND path IS NOT NULL"; // counted row by row, each looked up (no count of the map)
            long whole = count(statement, "SELECT COUNT(*) FROM iam_users USE INDEX () WHERE TRUE" + eachRow);
            assertThat(count(statement, "SELECT COUNT(*) FROM iam_users USE INDEX (" + primaryKey
                    + ") WHERE account_id = '" + ACCOUNT + "'" + eachRow)).as("%s: through the primary key", when)
                    .isEqualTo(whole);
            assertThat(count(statement, "SELECT COUNT(*) FROM iam_users USE INDEX (" + userId + ") WHERE user_id > ''"
                    + eachRow)).as("%s: through the user id", when).isEqualTo(whole);
        }
    }

    private static long count(java.sql.Statement statement, String sql) throws java.sql.SQLException {
        try (java.sql.ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * The process that is killed: writes users from several threads, printing each one the store acknowledged (and,
     * when given a compaction floor, {@value #PAUSED} as each pause to compact begins, {@value #PARKED} as it parks).
     */
    public static final class Storm {
        /** Printed as a pause begins; also where to park: in the pause, before the database is closed. */
        static final String PAUSED = "paused";
        /** Where to park: the database closed by SHUTDOWN, not yet compacted. */
        static final String CLOSED = "closed";
        /** Printed when the storm parks its pause for good, waiting for the kill. */
        static final String PARKED = "parked";
        private final Path dataDir;
        private final String prefix;
        private final long floor;
        private final String parkAt;
        private final int parkAtPause;

        Storm(Path dataDir, String prefix, long floor) {
            this(dataDir, prefix, floor, null, 0);
        }

        /** A storm whose pause number {@code parkAtPause} parks at {@code parkAt}: {@link #PAUSED}, {@link #CLOSED}. */
        Storm(Path dataDir, String prefix, long floor, String parkAt, int parkAtPause) {
            this.dataDir = dataDir;
            this.prefix = prefix;
            this.floor = floor;
            this.parkAt = parkAt;
            this.parkAtPause = parkAtPause;
        }

        /**
         * Runs the storm in a child JVM and kills it (SIGKILL) once {@code killOn} accepts a line it printed or
         * {@code killAfter} writes were acknowledged; adds those to {@code acknowledged} and returns their number.
         */
        int killWhen(Set<String> acknowledged, Predicate<String> killOn, int killAfter) throws Exception {
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Storm.class.getName(), dataDir.toString(), prefix,
                    Long.toString(floor), String.valueOf(parkAt), Integer.toString(parkAtPause))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int seen = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null && seen < killAfter; line = out.readLine()) {
                    if (line.startsWith("ack ")) {
                        acknowledged.add(line.substring(4));
                        seen++;
                    } else if (killOn.test(line)) {
                        break;
                    }
                }
                writer.destroyForcibly(); // SIGKILL, mid-storm: the writers are between acknowledgements
            } finally {
                writer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            return seen;
        }

        /**
         * Arguments: the data directory, the users' name prefix, the compaction floor (0: the store's own), where to
         * park a pause ({@link #PAUSED}, {@link #CLOSED} or "null": nowhere) and which pause (1 the first).
         */
        public static void main(String[] args) throws Exception {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            Path dir = Path.of(args[0]);
            long floor = Long.parseLong(args[2]);
            String parkAt = args[3];
            int parkAtPause = Integer.parseInt(args[4]);
            int[] pauses = {0};
            Store store = floor == 0 ? Stores.open(null, dir) : JdbcStore.openEmbedded(Stores.embeddedUrl(dir),
                    Stores.embeddedFile(dir), new OnlineCompaction.Settings(floor, new OnlineCompaction.Listener() {
                        @Override
                        public void paused() {
                            print(out, PAUSED);
                            if (++pauses[0] == parkAtPause && parkAt.equals(PAUSED)) {
                                park(out);
                            }
                        }

                        @Override
                        public void closed(long bytes) {
                            if (pauses[0] == parkAtPause && parkAt.equals(CLOSED)) {
                                park(out);
                            }
                        }
                    }));
            if (store.accounts().find(ACCOUNT).isEmpty()) {
                store.accounts().create(new Account(ACCOUNT, T0));
            }
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Runnable> tasks = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String prefix = args[1] + "-w" + w + "-";
                tasks.add(() -> {
                    for (int i = 0; ; i++) {
                        String name = prefix + i;
                        store.users().create(user(name));
                        synchronized (out) {
                            out.println("ack " + name);
                        }
                    }
                });
            }
            tasks.forEach(writers::submit);
            writers.awaitTermination(10, TimeUnit.MINUTES);
        }

        private static void print(PrintStream out, String line) {
            synchronized (out) {
                out.println(line);
            }
        }

        /** Says so and holds the pause (the compacting thread) until the kill. */
        private static void park(PrintStream out) {
            print(out, PARKED);
            while (true) {
                java.util.concurrent.locks.LockSupport.park();
            }
        }
    }
}
