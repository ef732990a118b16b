package io.gatepass.store;

import io.gatepass.core.codeartifact.Domain;
import io.gatepass.core.codeartifact.HostedPackage;
import io.gatepass.core.codeartifact.PackageAsset;
import io.gatepass.core.codeartifact.PackageKey;
import io.gatepass.core.codeartifact.PackageVersion;
import io.gatepass.core.codeartifact.PackageVersionStatus;
import io.gatepass.store.PackageStore.VersionPublication;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static io.gatepass.store.CodeArtifactFixtures.domain;
import static io.gatepass.store.CodeArtifactFixtures.repository;
import static io.gatepass.store.Fixtures.ACCOUNT;
import static io.gatepass.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackageStoreTest {
    private static final Domain DOMAIN = domain(ACCOUNT, "team");
    private static final PackageKey LIB = new PackageKey(ACCOUNT, "team", "libs", "npm", "acme", "lib");

    private static Store open(TestDatabase db) {
        Store store = db.open();
        store.domains().create(DOMAIN);
        store.repositories().create(repository(DOMAIN, "libs"));
        return store;
    }

    private static PackageVersion version(PackageKey key, String version, PackageVersionStatus status) {
        return new PackageVersion(key, version, status, "rev-" + version, T0, "{\"version\":\"" + version + "\"}");
    }

    private static PackageAsset asset(String name, long size) {
        return new PackageAsset(name, size, "0".repeat(32), "1".repeat(40), "2".repeat(64), "3".repeat(128),
                "a".repeat(64));
    }

    private static VersionPublication publication(PackageKey key, String version, Map<String, String> tags,
                                                  PackageAsset... assets) {
        return new VersionPublication(new HostedPackage(key, "@acme/lib", T0),
                version(key, version, PackageVersionStatus.PUBLISHED), List.of(assets), tags);
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void publish_whenNew_makesPackageVersionAssetsAndTagsVisibleTogether(TestDatabase db) {
        try (Store store = open(db)) {
            store.packages().publish(publication(LIB, "1.0.0", Map.of("latest", "1.0.0"), asset("lib-1.0.0.tgz", 10)));

            assertThat(store.packages().findPackage(LIB)).get().extracting(HostedPackage::displayName)
                    .isEqualTo("@acme/lib");
            assertThat(store.packages().findVersion(LIB, "1.0.0")).get().extracting(PackageVersion::status)
                    .isEqualTo(PackageVersionStatus.PUBLISHED);
            assertThat(store.packages().listAssets(LIB, "1.0.0")).extracting(PackageAsset::name)
                    .containsExactly("lib-1.0.0.tgz");
            assertThat(store.packages().distTags(LIB)).containsExactly(Map.entry("latest", "1.0.0"));
            assertThat(store.packages().assetSizeBytes(ACCOUNT, "team")).isEqualTo(10);
            assertThat(store.packages().isBlobReferenced("a".repeat(64))).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void publish_whenTheVersionExists_throwsDuplicateAndChangesNothing(TestDatabase db) {
        try (Store store = open(db)) {
            store.packages().publish(publication(LIB, "1.0.0", Map.of("latest", "1.0.0"), asset("a.tgz", 1)));

            assertThatThrownBy(() -> store.packages().publish(publication(LIB, "1.0.0", Map.of("beta", "1.0.0"),
                    asset("b.tgz", 2)))).isInstanceOf(DuplicateEntityException.class);

            assertThat(store.packages().listAssets(LIB, "1.0.0")).extracting(PackageAsset::name)
                    .containsExactly("a.tgz");
            assertThat(store.packages().distTags(LIB)).containsOnlyKeys("latest");
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void publish_whenAnAssetNameRepeats_leavesNoTraceOfTheVersion(TestDatabase db) {
        try (Store store = open(db)) {
            assertThatThrownBy(() -> store.packages().publish(publication(LIB, "1.0.0", Map.of(),
                    asset("same", 1), asset("same", 2)))).isInstanceOf(DuplicateEntityException.class);

            assertThat(store.packages().findVersion(LIB, "1.0.0")).isEmpty();
            assertThat(store.packages().findPackage(LIB)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void publish_whenTheRepositoryIsMissing_throwsReferenceViolation(TestDatabase db) {
        try (Store store = open(db)) {
            PackageKey elsewhere = new PackageKey(ACCOUNT, "team", "nope", "npm", null, "lib");
            assertThatThrownBy(() -> store.packages().publish(publication(elsewhere, "1.0.0", Map.of())))
                    .isInstanceOf(ReferenceViolationException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void addAsset_whenVersionIsNew_createsItUnfinishedAndRefusesTheSameNameUnlessReplacing(TestDatabase db) {
        try (Store store = open(db)) {
            PackageKey maven = new PackageKey(ACCOUNT, "team", "libs", "maven", "com.example", "app");
            HostedPackage pkg = new HostedPackage(maven, "app", T0);
            PackageVersion unfinished = version(maven, "1.0", PackageVersionStatus.UNFINISHED);

            store.packages().addAsset(pkg, unfinished, asset("app-1.0.jar", 5), false);
            PackageVersion second = store.packages().addAsset(pkg, unfinished, asset("app-1.0.pom", 3), false);

            assertThat(second.status()).isEqualTo(PackageVersionStatus.UNFINISHED);
            assertThat(store.packages().listAssets(maven, "1.0")).extracting(PackageAsset::name)
                    .containsExactly("app-1.0.jar", "app-1.0.pom");
            assertThatThrownBy(() -> store.packages().addAsset(pkg, unfinished, asset("app-1.0.pom", 4), false))
                    .isInstanceOf(DuplicateEntityException.class);
            store.packages().addAsset(pkg, unfinished, asset("app-1.0.pom", 4), true);
            assertThat(store.packages().findAsset(maven, "1.0", "app-1.0.pom")).get()
                    .extracting(PackageAsset::size).isEqualTo(4L);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void publish_whenTwoVersionsOfANewPackageArriveAtOnce_storesBoth(TestDatabase db) throws Exception {
        try (Store store = open(db)) {
            for (int round = 0; round < 10; round++) {
                PackageKey key = new PackageKey(ACCOUNT, "team", "libs", "npm", null, "race-" + round);
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
                try {
                    List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
                    for (String version : List.of("1.0.0", "2.0.0")) {
                        done.add(pool.submit(() -> {
                            start.await();
                            store.packages().publish(new VersionPublication(new HostedPackage(key, key.name(), T0),
                                    version(key, version, PackageVersionStatus.PUBLISHED), List.of(), Map.of()));
                            return null;
                        }));
                    }
                    for (java.util.concurrent.Future<?> future : done) {
                        future.get();
                    }
                } finally {
                    pool.shutdownNow();
                }
                assertThat(store.packages().listVersions(key, null, 10)).as("round %d", round)
                        .extracting(PackageVersion::version).containsExactly("1.0.0", "2.0.0");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void updateVersion_whenRevisionMatches_changesStatusAndMetadataElseNothing(TestDatabase db) {
        try (Store store = open(db)) {
            store.packages().publish(publication(LIB, "1.0.0", Map.of()));

            assertThat(store.packages().updateVersion(LIB, "1.0.0", "stale", PackageVersionStatus.UNLISTED, "{}",
                    "rev-2")).isEmpty();
            PackageVersion updated = store.packages().updateVersion(LIB, "1.0.0", "rev-1.0.0",
                    PackageVersionStatus.UNLISTED, "{\"deprecated\":\"x\"}", "rev-2").orElseThrow();

            assertThat(updated.status()).isEqualTo(PackageVersionStatus.UNLISTED);
            assertThat(updated.revision()).isEqualTo("rev-2");
            assertThat(updated.metadata()).contains("deprecated");
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void distTags_whenSetMovedAndDeleted_followTheChanges(TestDatabase db) {
        try (Store store = open(db)) {
            store.packages().publish(publication(LIB, "1.0.0", Map.of("latest", "1.0.0")));
            store.packages().publish(publication(LIB, "2.0.0", Map.of()));

            store.packages().putDistTag(LIB, "latest", "2.0.0");
            store.packages().putDistTag(LIB, "old", "1.0.0");
            assertThat(store.packages().distTags(LIB)).containsExactly(Map.entry("latest", "2.0.0"),
                    Map.entry("old", "1.0.0"));
            assertThat(store.packages().deleteDistTag(LIB, "old")).isTrue();
            assertThat(store.packages().deleteDistTag(LIB, "old")).isFalse();
            assertThatThrownBy(() -> store.packages().putDistTag(LIB, "x", "9.9.9"))
                    .isInstanceOf(ReferenceViolationException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void deleteVersion_whenLast_removesThePackageAndItsTags(TestDatabase db) {
        try (Store store = open(db)) {
            store.packages().publish(publication(LIB, "1.0.0", Map.of("latest", "1.0.0"), asset("a.tgz", 1)));

            assertThat(store.packages().deleteVersion(LIB, "1.0.0")).isPresent();

            assertThat(store.packages().findPackage(LIB)).isEmpty();
            assertThat(store.packages().distTags(LIB)).isEmpty();
            assertThat(store.packages().isBlobReferenced("a".repeat(64))).isFalse();
            assertThat(store.packages().deleteVersion(LIB, "1.0.0")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void listPackagesAndVersions_whenPaged_visitEachOnceInOrder(TestDatabase db) {
        try (Store store = open(db)) {
            for (String name : List.of("b", "a", "c")) {
                PackageKey key = new PackageKey(ACCOUNT, "team", "libs", "pypi", null, name);
                store.packages().publish(new VersionPublication(new HostedPackage(key, name.toUpperCase(), T0),
                        version(key, "1.0", PackageVersionStatus.PUBLISHED), List.of(), Map.of()));
            }
            store.packages().publish(publication(LIB, "1.0.0", Map.of()));
            store.packages().publish(publication(LIB, "1.1.0", Map.of()));

            List<HostedPackage> first = store.packages().listPackages(ACCOUNT, "team", "libs", "pypi", null, null,
                    null, 2);
            List<HostedPackage> rest = store.packages().listPackages(ACCOUNT, "team", "libs", "pypi", null, null,
                    PackageStore.packagePageKey(first.get(1)), 2);

            assertThat(first).extracting(p -> p.key().name()).containsExactly("a", "b");
            assertThat(rest).extracting(p -> p.key().name()).containsExactly("c");
            assertThat(store.packages().listPackages(ACCOUNT, "team", "libs", null, null, null, null, 10))
                    .hasSize(4);
            assertThat(store.packages().listVersions(LIB, "1.0.0", 10)).extracting(PackageVersion::version)
                    .containsExactly("1.1.0");
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void repositoryDelete_whenItHasPackages_takesThemAlong(TestDatabase db) {
        try (Store store = open(db)) {
            store.packages().publish(publication(LIB, "1.0.0", Map.of("latest", "1.0.0"), asset("a.tgz", 1)));

            store.repositories().delete(ACCOUNT, "team", "libs");

            assertThat(store.packages().findPackage(LIB)).isEmpty();
            assertThat(store.packages().assetSizeBytes(ACCOUNT, "team")).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void disposeVersion_whenRevisionMatches_removesAssetsAndTagsButKeepsTheVersionDisposed(TestDatabase db) {
        try (Store store = open(db)) {
            store.packages().publish(publication(LIB, "1.0.0", Map.of("latest", "1.0.0"), asset("lib-1.0.0.tgz", 10)));

            assertThat(store.packages().disposeVersion(LIB, "1.0.0", "stale", "rev-2")).isEmpty();
            PackageVersion disposed = store.packages().disposeVersion(LIB, "1.0.0", "rev-1.0.0", "rev-2")
                    .orElseThrow();

            assertThat(disposed.status()).isEqualTo(PackageVersionStatus.DISPOSED);
            assertThat(disposed.revision()).isEqualTo("rev-2");
            assertThat(store.packages().findVersion(LIB, "1.0.0")).contains(disposed);
            assertThat(store.packages().listAssets(LIB, "1.0.0")).isEmpty();
            assertThat(store.packages().distTags(LIB)).isEmpty();
            assertThat(store.packages().isBlobReferenced("a".repeat(64))).isFalse();
            assertThat(store.packages().disposeVersion(LIB, "9.9.9", "rev-9.9.9", "rev-3")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void deletePackage_removesEveryVersionAssetAndTag_andOnlyThatPackage(TestDatabase db) {
        try (Store store = open(db)) {
            PackageKey other = new PackageKey(ACCOUNT, "team", "libs", "npm", "acme", "other");
            store.packages().publish(publication(LIB, "1.0.0", Map.of("latest", "1.0.0"), asset("lib-1.0.0.tgz", 10)));
            store.packages().publish(publication(LIB, "2.0.0", Map.of(), asset("lib-2.0.0.tgz", 20)));
            store.packages().publish(publication(other, "1.0.0", Map.of(), asset("other-1.0.0.tgz", 5)));

            assertThat(store.packages().deletePackage(LIB)).get().extracting(HostedPackage::key).isEqualTo(LIB);

            assertThat(store.packages().findPackage(LIB)).isEmpty();
            assertThat(store.packages().listVersions(LIB, null, 10)).isEmpty();
            assertThat(store.packages().listAssets(LIB, "2.0.0")).isEmpty();
            assertThat(store.packages().distTags(LIB)).isEmpty();
            assertThat(store.packages().findVersion(other, "1.0.0")).isPresent();
            assertThat(store.packages().deletePackage(LIB)).isEmpty();
        }
    }
}
