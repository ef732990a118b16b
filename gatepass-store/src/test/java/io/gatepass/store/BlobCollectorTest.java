package io.gatepass.store;

import io.gatepass.core.codeartifact.Domain;
import io.gatepass.core.codeartifact.HostedPackage;
import io.gatepass.core.codeartifact.PackageAsset;
import io.gatepass.core.codeartifact.PackageKey;
import io.gatepass.core.codeartifact.PackageVersion;
import io.gatepass.core.codeartifact.PackageVersionStatus;
import io.gatepass.store.BlobStore.StoredBlob;
import io.gatepass.store.PackageStore.VersionPublication;
import io.gatepass.store.internal.blob.BlobCollector;
import io.gatepass.store.internal.blob.FileBlobStore;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static io.gatepass.store.CodeArtifactFixtures.domain;
import static io.gatepass.store.CodeArtifactFixtures.repository;
import static io.gatepass.store.Fixtures.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Removing unreferenced blobs against publications of the same bytes, with each interleaving that used to lose bytes
 * played step by step: a dispose (or delete) of version 1 while version 2 with identical content is between its
 * blob put (which found the bytes there and wrote nothing) and its publish. Before blob pins, the dispose saw no
 * reference and removed the bytes, and version 2 was then published naming bytes that were gone.
 */
class BlobCollectorTest {
    private static final Domain DOMAIN = domain(ACCOUNT, "team");
    private static final PackageKey TOOL = new PackageKey(ACCOUNT, "team", "libs", "generic", "tools", "cli");
    private static final long SEED = 20261206L;

    static Stream<Arguments> stores() {
        return TestDatabase.all().flatMap(db -> Stream.of(Arguments.of(db, "file blobs"),
                Arguments.of(db, "database blobs")));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("stores")
    void release_whileAPutOfTheSameBytesAwaitsItsPublication_keepsThem(TestDatabase db, String kind,
                                                                       @TempDir Path dir) throws Exception {
        try (Store store = open(db)) {
            BlobStore blobs = blobs(store, kind, dir);
            BlobCollector collector = new BlobCollector(store.packages(), blobs);
            byte[] content = content();
            publish(store, "1.0", blobs.put(new ByteArrayInputStream(content)));

            StoredBlob again = blobs.put(new ByteArrayInputStream(content)); // version 2's put: bytes found there
            dispose(store, "1.0");
            int removed = collector.release(Set.of(again.key()), Instant.now()); // version 1's dispose
            publish(store, "2.0", again); // version 2's publish

            assertThat(removed).isZero();
            assertThat(blobs.open(again.key())).as("the bytes version 2 names").isPresent()
                    .get().satisfies(in -> assertThat(in.readAllBytes()).isEqualTo(content));

            dispose(store, "2.0");
            assertThat(collector.release(Set.of(again.key()), Instant.now()))
                    .as("once published, its pin is gone: the last dispose removes the bytes").isEqualTo(1);
            assertThat(blobs.open(again.key())).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("stores")
    void release_beforeThePut_removesTheBytes_andThePutWritesThemAgain(TestDatabase db, String kind,
                                                                      @TempDir Path dir) throws Exception {
        try (Store store = open(db)) {
            BlobStore blobs = blobs(store, kind, dir);
            BlobCollector collector = new BlobCollector(store.packages(), blobs);
            byte[] content = content();
            StoredBlob first = blobs.put(new ByteArrayInputStream(content));
            publish(store, "1.0", first);

            dispose(store, "1.0");
            int removed = collector.release(Set.of(first.key()), Instant.now());
            StoredBlob again = blobs.put(new ByteArrayInputStream(content));
            publish(store, "2.0", again);

            assertThat(removed).isEqualTo(1);
            assertThat(blobs.open(again.key())).isPresent()
                    .get().satisfies(in -> assertThat(in.readAllBytes()).isEqualTo(content));
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("stores")
    void sweep_removesABlobWhoseUploadWasNeverPublished_onceItsPinLapses(TestDatabase db, String kind,
                                                                          @TempDir Path dir) {
        try (Store store = open(db)) {
            BlobStore blobs = blobs(store, kind, dir);
            BlobCollector collector = new BlobCollector(store.packages(), blobs);
            StoredBlob orphan = blobs.put(new ByteArrayInputStream(content()));
            StoredBlob published = blobs.put(new ByteArrayInputStream(new byte[]{1, 2, 3}));
            publish(store, "1.0", published);

            int early = collector.sweep(Instant.now());
            int late = collector.sweep(Instant.now().plus(BlobPins.HOLD).plus(Duration.ofMinutes(1)));

            assertThat(early).as("still pinned").isZero();
            assertThat(late).isEqualTo(1);
            assertThat(blobs.open(orphan.key())).isEmpty();
            assertThat(blobs.open(published.key())).as("referenced").isPresent();
        }
    }

    /**
     * Threads publishing versions with identical bytes while others dispose of theirs and release the blob, in a
     * seeded random order: at the end every version that still has its asset can read its bytes.
     */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("stores")
    void concurrentPublishesAndDisposals_ofIdenticalBytes_neverLoseBytesAVersionNames(TestDatabase db, String kind,
                                                                                       @TempDir Path dir)
            throws Exception {
        try (Store store = open(db)) {
            BlobStore blobs = blobs(store, kind, dir);
            BlobCollector collector = new BlobCollector(store.packages(), blobs);
            byte[] content = new byte[100_000];
            new Random(SEED).nextBytes(content);
            int threads = 4;
            int rounds = 15;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        Random random = new Random(SEED + thread);
                        List<String> mine = new java.util.ArrayList<>();
                        for (int round = 0; round < rounds; round++) {
                            String version = thread + "." + round;
                            publish(store, version, blobs.put(new ByteArrayInputStream(content)));
                            mine.add(version);
                            if (random.nextBoolean()) {
                                String gone = mine.remove(random.nextInt(mine.size()));
                                String key = store.packages().listAssets(TOOL, gone).get(0).blobKey();
                                dispose(store, gone);
                                collector.release(Set.of(key), Instant.now());
                            }
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> future : done) {
                    future.get(5, java.util.concurrent.TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }

            List<PackageVersion> versions = store.packages().listVersions(TOOL, null, 1000);
            assertThat(versions).hasSize(threads * rounds);
            for (PackageVersion version : versions) {
                for (PackageAsset asset : store.packages().listAssets(TOOL, version.version())) {
                    assertThat(blobs.open(asset.blobKey())).as("bytes of %s", version.version()).isPresent()
                            .get().satisfies(in -> assertThat(in.readAllBytes()).isEqualTo(content));
                }
            }
        }
    }

    /**
     * Pins of one key while releases of it keep creating and removing its pin row: every pin holds (it used to try
     * three times, update then insert, and give up, "Cannot pin package bytes: concurrent writers kept racing").
     */
    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void pinBlob_whileReleasesOfTheKeyCreateAndRemoveItsPinRow_pins(TestDatabase db) throws Exception {
        try (Store store = open(db)) {
            PackageStore packages = store.packages();
            String key = "ab".repeat(32);
            int threads = 4;
            int rounds = 300;
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<Integer>> pinned = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    boolean pins = t % 2 == 0;
                    pinned.add(pool.submit(() -> {
                        start.await();
                        int held = 0;
                        for (int round = 0; round < rounds; round++) {
                            if (pins) {
                                packages.pinBlob(key, Instant.now().plus(BlobPins.HOLD));
                                packages.unpinBlob(key);
                                held++;
                            } else {
                                packages.releaseBlob(key, Instant.now(), () -> { });
                            }
                        }
                        return held;
                    }));
                }
                int held = 0;
                for (java.util.concurrent.Future<Integer> future : pinned) {
                    held += future.get(5, java.util.concurrent.TimeUnit.MINUTES);
                }
                assertThat(held).isEqualTo(threads / 2 * rounds);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static Store open(TestDatabase db) {
        Store store = db.open();
        store.domains().create(DOMAIN);
        store.repositories().create(repository(DOMAIN, "libs"));
        return store;
    }

    private static BlobStore blobs(Store store, String kind, Path dir) {
        return kind.equals("file blobs")
                ? new FileBlobStore(dir.resolve("blobs"), BlobPins.of(store.packages(), Clock.systemUTC()))
                : store.databaseBlobs();
    }

    private static byte[] content() {
        byte[] bytes = new byte[700_000]; // two database chunks
        new Random(SEED).nextBytes(bytes);
        return bytes;
    }

    private static void publish(Store store, String version, StoredBlob blob) {
        store.packages().publish(new VersionPublication(new HostedPackage(TOOL, "cli", Instant.now()),
                new PackageVersion(TOOL, version, PackageVersionStatus.PUBLISHED, "rev-" + version, Instant.now(),
                        null),
                List.of(new PackageAsset("cli.bin", blob.size(), blob.md5(), blob.sha1(), blob.sha256(),
                        blob.sha512(), blob.key())), Map.of()));
    }

    private static void dispose(Store store, String version) {
        PackageVersion current = store.packages().findVersion(TOOL, version).orElseThrow();
        assertThat(store.packages().disposeVersion(TOOL, version, current.revision(), "disposed-" + version))
                .isPresent();
    }
}
