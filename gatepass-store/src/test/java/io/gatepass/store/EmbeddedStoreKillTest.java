package io.gatepass.store;

import io.gatepass.core.identity.Account;
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

import static io.gatepass.store.Fixtures.ACCOUNT;
import static io.gatepass.store.Fixtures.T0;
import static io.gatepass.store.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of a process writing a storm of new users into the embedded store loses no write the store
 * acknowledged (and a stop after the restart compacts the file without losing any either):
 * three rounds on one data directory, each killed at a seeded random point thousands of writes into the storm, each
 * followed by a reopen that finds every acknowledged user. (With H2's retention time at 1 s and chunks rewritten while
 * writes arrive, this and CrashSafetyTest lost acknowledged writes.)
 */
class EmbeddedStoreKillTest {
    private static final int ROUNDS = 3;
    private static final int WRITERS = 6;

    @Test
    void kill9_whileTheFileIsCompacted_losesNoAcknowledgedWrite(@TempDir Path dataDir) throws Exception {
        Random random = new Random(13);
        Set<String> acknowledged = new HashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            int killAfter = 3_000 + random.nextInt(5_000);
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Storm.class.getName(), dataDir.toString(),
                    "r" + round).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int seen = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null && seen < killAfter; line = out.readLine()) {
                    if (line.startsWith("ack ")) {
                        acknowledged.add(line.substring(4));
                        seen++;
                    }
                }
                writer.destroyForcibly(); // SIGKILL, mid-storm: the writers are between acknowledgements
            } finally {
                writer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(seen).as("round %d acknowledged writes before the kill", round).isGreaterThanOrEqualTo(killAfter);

            long killedAt = Files.size(dataDir.resolve(Stores.H2_FILE_NAME + ".mv.db"));
            System.out.printf("round %d: killed after %d acknowledged writes, file %.1f MB%n", round, seen,
                    killedAt / 1e6);
            try (Store store = Stores.open(null, dataDir)) {
                Set<String> stored = new HashSet<>();
                store.users().list(ACCOUNT, "/", null, Integer.MAX_VALUE).forEach(u -> stored.add(u.userName()));
                assertThat(stored).as("after kill %d", round).containsAll(acknowledged);
            }
        }
    }

    /** The process that is killed: writes users from several threads, printing each one the store acknowledged. */
    public static final class Storm {
        public static void main(String[] args) throws Exception {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            Store store = Stores.open(null, Path.of(args[0]));
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
    }
}
