package io.gatepass.store.internal.jdbc;

import io.gatepass.core.codeartifact.Domain;
import io.gatepass.core.codeartifact.HostedPackage;
import io.gatepass.core.codeartifact.PackageAsset;
import io.gatepass.core.codeartifact.PackageKey;
import io.gatepass.core.codeartifact.PackageVersion;
import io.gatepass.core.codeartifact.PackageVersionStatus;
import io.gatepass.core.codeartifact.Repository;
import io.gatepass.store.BlobStore;
import io.gatepass.store.BlobStore.StoredBlob;
import io.gatepass.store.PackageStore.VersionPublication;
import io.gatepass.store.Store;
import io.gatepass.store.Stores;
import io.gatepass.store.internal.blob.BlobCollector;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A release of database blobs while every other pooled connection is a pin of the same bytes waiting for the blob's
 * pin row, which the release holds. The release's removal of the bytes must not need a connection of its own: with
 * one, the release waited for the pool while the pins waited for its row, until H2's lock timeout failed the pins
 * (HYT00, "Cannot pin package bytes") or, on PostgreSQL, the pool's timeout failed the release.
 */
class DatabaseBlobReleaseTest {
    private static final String ACCOUNT = "123456789012";
    private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");
    private static final PackageKey TOOL = new PackageKey(ACCOUNT, "team", "libs", "generic", "tools", "cli");

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void release_whilePinsOfTheSameBytesFillThePool_removesThem_andThePinsWriteThemAgain(TestDatabase db)
            throws Exception {
        String application = "gp-release-" + UUID.randomUUID().toString().substring(0, 8);
        String url = db == TestDatabase.POSTGRESQL ? db.freshUrl() + "&ApplicationName=" + application
                : db.freshUrl();
        int pins = Dialect.forUrl(url).maxPoolSize - 1; // the release holds the last connection
        ExecutorService threads = Executors.newFixedThreadPool(pins + 1);
        try (Store store = Stores.open(url, null); Connection watcher = DriverManager.getConnection(url)) {
            store.domains().create(new Domain(ACCOUNT, "team", "arn:aws:codeartifact:us-east-1:" + ACCOUNT
                    + ":domain/team", Domain.STATUS_ACTIVE, T0, null));
            store.repositories().create(new Repository(ACCOUNT, "team", "libs", "arn:aws:codeartifact:us-east-1:"
                    + ACCOUNT + ":repository/team/libs", ACCOUNT, null, List.of(), T0));
            BlobStore blobs = store.databaseBlobs();
            byte[] content = new byte[700_000]; // two chunks
            new Random(20261207L).nextBytes(content);
            StoredBlob blob = blobs.put(new ByteArrayInputStream(content));
            publishAndDispose(store, blob);

            CountDownLatch rowHeld = new CountDownLatch(1);
            BlobStore removingOnceThePinsWait = new ForwardingBlobStore(blobs) {
                @Override
                public boolean delete(String key) { // runs while the release holds the blob's pin row
                    rowHeld.countDown();
                    awaitWaitingForLocks(db, watcher, application, pins);
                    return super.delete(key);
                }
            };
            Future<Integer> released = threads.submit(() -> new BlobCollector(store.packages(),
                    removingOnceThePinsWait).release(Set.of(blob.key()), Instant.now()));
            assertThat(rowHeld.await(1, TimeUnit.MINUTES)).as("the release reached the removal").isTrue();
            List<Future<StoredBlob>> puts = new ArrayList<>();
            for (int i = 0; i < pins; i++) {
                puts.add(threads.submit(() -> blobs.put(new ByteArrayInputStream(content))));
            }

            assertThat(released.get(1, TimeUnit.MINUTES)).as("bytes removed").isEqualTo(1);
            for (Future<StoredBlob> put : puts) {
                assertThat(put.get(1, TimeUnit.MINUTES).key()).isEqualTo(blob.key());
            }
            assertThat(blobs.open(blob.key())).as("written again by the puts").isPresent()
                    .get().satisfies(in -> assertThat(in.readAllBytes()).isEqualTo(content));
        } finally {
            threads.shutdownNow();
        }
    }

    /** Until {@code count} sessions of this store wait for a row lock (pins queued behind the release's row). */
    private static void awaitWaitingForLocks(TestDatabase db, Connection watcher, String application, int count) {
        boolean postgres = db == TestDatabase.POSTGRESQL;
        String sql = postgres // H2: the database is this test's own
                ? "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ? AND wait_event_type = 'Lock'"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        try (PreparedStatement statement = watcher.prepareStatement(sql)) {
            if (postgres) {
                statement.setString(1, application);
            }
            while (true) {
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) >= count) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the pins never queued behind the release");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2)); // polls; the deadline bounds it
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void publishAndDispose(Store store, StoredBlob blob) {
        store.packages().publish(new VersionPublication(new HostedPackage(TOOL, "cli", Instant.now()),
                new PackageVersion(TOOL, "1.0", PackageVersionStatus.PUBLISHED, "rev-1", Instant.now(), null),
                List.of(new PackageAsset("cli.bin", blob.size(), blob.md5(), blob.sha1(), blob.sha256(),
                        blob.sha512(), blob.key())), Map.of()));
        assertThat(store.packages().disposeVersion(TOOL, "1.0", "rev-1", "disposed-1")).isPresent();
    }

    /** Forwards every call to {@code blobs}; tests override one. */
    private static class ForwardingBlobStore implements BlobStore {
        private final BlobStore blobs;

        ForwardingBlobStore(BlobStore blobs) {
            this.blobs = blobs;
        }

        @Override
        public StoredBlob put(InputStream content) {
            return blobs.put(content);
        }

        @Override
        public Optional<InputStream> open(String key) {
            return blobs.open(key);
        }

        @Override
        public Optional<Long> size(String key) {
            return blobs.size(key);
        }

        @Override
        public boolean delete(String key) {
            return blobs.delete(key);
        }
    }
}
