package io.gatepass.store;

import io.gatepass.core.identity.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatepass.store.Fixtures.ACCOUNT;
import static io.gatepass.store.Fixtures.T0;
import static io.gatepass.store.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database file stays bounded under a storm of small writes and near its live size after a stop; a
 * file grown without bound by an older Gatepass shrinks at the next stop. Before, 50,000 new users (about
 * 11 MB of live data, 3.5 MB compressed) grew the file to 1.1 GB, ~22 KB per write, and it grew on with every write;
 * now it peaks at 64-96 MB while they are written (the last second's chunks and the rewriting in flight) and is
 * 10.7 MB after the stop.
 */
class EmbeddedStoreGrowthTest {
    private static final int WRITES = 50_000;
    private static final int WRITERS = 8;
    private static final long MB = 1024 * 1024;

    @Test
    void fileStaysNearLiveSize_whileFiftyThousandUsersAreWritten_andShrinksOnClose(@TempDir Path dataDir)
            throws Exception {
        Path file = dataDir.resolve(Stores.H2_FILE_NAME + ".mv.db");
        AtomicLong largest = new AtomicLong();
        try (Store store = Stores.open(null, dataDir)) {
            store.accounts().create(new Account(ACCOUNT, T0));
            AtomicInteger next = new AtomicInteger();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                done.add(writers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < WRITES; i = next.getAndIncrement()) {
                        store.users().create(user("user-" + i));
                        if (i % 500 == 0) {
                            largest.accumulateAndGet(size(file), Math::max);
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            writers.shutdown();
            assertThat(store.users().list(ACCOUNT, "/", null, WRITES + 1)).hasSize(WRITES);
        }
        long closed = size(file);

        // about 11 MB of live data; without housekeeping the file passed 1 GB while writing
        assertThat(largest.get()).as("largest file size seen while writing").isLessThan(160 * MB);
        assertThat(closed).as("file size after close").isLessThan(16 * MB);
        try (Store store = Stores.open(null, dataDir)) {
            assertThat(store.users().list(ACCOUNT, "/", null, WRITES + 1)).hasSize(WRITES);
        }
    }

    @Test
    void aFileGrownWithoutHousekeeping_shrinksAtTheNextStop_andKeepsEveryRow(@TempDir Path dataDir) {
        Path file = dataDir.resolve(Stores.H2_FILE_NAME + ".mv.db");
        // what an older Gatepass left: commits written one chunk each, nothing rewritten, no compaction on close
        String unkept = Stores.embeddedUrl(dataDir).replace(";RETENTION_TIME=1000", "") + ";MAX_COMPACT_TIME=0";
        int users = 5_000;
        try (Store store = Stores.open(unkept, null)) {
            store.accounts().create(new Account(ACCOUNT, T0));
            for (int i = 0; i < users; i++) {
                store.users().create(user("user-" + i));
            }
        }
        long grown = size(file);
        assertThat(grown).as("file left without housekeeping").isGreaterThan(32 * MB);

        try (Store store = Stores.open(null, dataDir)) {
            assertThat(store.users().list(ACCOUNT, "/", null, users + 1)).hasSize(users);
        }
        assertThat(size(file)).as("file after the next stop (was %d bytes)", grown).isLessThan(grown / 8);
        try (Store store = Stores.open(null, dataDir)) {
            assertThat(store.users().list(ACCOUNT, "/", null, users + 1)).hasSize(users);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
