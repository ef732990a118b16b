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
 * The embedded database file stays near the size of its live data under a storm of small writes. Before the store
 * compacted while running, 50,000 new users (8 MB of live data) grew the file to 1.2 GB, 20 KB per write.
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

        // ~8 MB of live data; without compaction the file passed 1 GB
        assertThat(closed).as("file size after close").isLessThan(16 * MB);
        assertThat(largest.get()).as("largest file size seen while writing").isLessThan(128 * MB);
        try (Store store = Stores.open(null, dataDir)) {
            assertThat(store.users().find(ACCOUNT, "user-" + (WRITES - 1))).isPresent();
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
