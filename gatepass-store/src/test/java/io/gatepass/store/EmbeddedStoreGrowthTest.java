package io.gatepass.store;

import io.gatepass.core.identity.Account;
import io.gatepass.store.internal.jdbc.JdbcStore;
import io.gatepass.store.internal.jdbc.OnlineCompaction;
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
 * A storm of small writes keeps the embedded database file within a bound while it runs, and the file is back near its
 * live size once the store stops, with every row. 50,000 new users (about 3.5 MB once compacted) would grow the file to
 * 1.1 GB, ~22 KB per write, without the store's compaction while it runs (OnlineCompaction): it pauses the store once
 * the file passes its 64 MB floor, so the largest file stays under {@link #PEAK_BOUND}: the floor, plus the few writes
 * before the pause holds requests back and what H2 writes as it closes. A file H2 could not compact as it closed (its
 * time ran out, or an older Gatepass left it) is copied to its live data after the stop (EmbeddedCompaction).
 */
class EmbeddedStoreGrowthTest {
    private static final int WRITES = 50_000;
    private static final int WRITERS = 8;
    private static final long MB = 1024 * 1024;
    /** The store's 64 MB floor (4 x the live data is less here) and 16 MB for the writes past it. */
    private static final long PEAK_BOUND = 80 * MB;

    @Test
    void fiftyThousandUsers_fileIsNearItsLiveSizeAfterTheStop_andKeepsEveryUser(@TempDir Path dataDir)
            throws Exception {
        Path file = dataDir.resolve(Stores.H2_FILE_NAME + ".mv.db");
        AtomicLong largest = new AtomicLong();
        // the store's own settings, and the size each pause closed the file at: the largest, between two samples
        OnlineCompaction.Settings settings = new OnlineCompaction.Settings(
                OnlineCompaction.Settings.DEFAULT.floorBytes(), new OnlineCompaction.Listener() {
                    @Override
                    public void closed(long bytes) {
                        largest.accumulateAndGet(bytes, Math::max);
                    }
                });
        try (Store store = JdbcStore.openEmbedded(Stores.embeddedUrl(dataDir), Stores.embeddedFile(dataDir),
                settings)) {
            store.accounts().create(new Account(ACCOUNT, T0));
            AtomicInteger next = new AtomicInteger();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                done.add(writers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < WRITES; i = next.getAndIncrement()) {
                        store.users().create(user("user-" + i));
                        if (i % 100 == 0) {
                            largest.accumulateAndGet(size(file), Math::max);
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            writers.shutdown();
        }
        long closed = size(file);
        System.out.printf("50,000 users: largest file while writing %.1f MB, after the stop %.1f MB%n",
                largest.get() / 1e6, closed / 1e6);
        assertThat(largest.get()).as("largest file while writing").isLessThan(PEAK_BOUND);

        assertThat(closed).as("file size after the stop (largest while writing: %d)", largest.get())
                .isLessThan(16 * MB);
        try (Store store = Stores.open(null, dataDir)) {
            assertThat(store.users().list(ACCOUNT, "/", null, WRITES + 1)).hasSize(WRITES);
        }
    }

    @Test
    void aFileH2DidNotCompactOnClose_shrinksAtTheNextStop_andKeepsEveryRow(@TempDir Path dataDir) {
        Path file = dataDir.resolve(Stores.H2_FILE_NAME + ".mv.db");
        // what an older Gatepass could leave: a storm's chunks, no compaction on close
        String unkept = Stores.embeddedUrl(dataDir) + ";MAX_COMPACT_TIME=0";
        int users = 5_000;
        try (Store store = Stores.open(unkept, null)) {
            store.accounts().create(new Account(ACCOUNT, T0));
            for (int i = 0; i < users; i++) {
                store.users().create(user("user-" + i));
            }
        }
        long grown = size(file);
        assertThat(grown).as("file left without compaction").isGreaterThan(32 * MB);

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
