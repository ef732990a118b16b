package io.gatepass.store;

import io.gatepass.core.codeartifact.Domain;
import io.gatepass.core.codeartifact.HostedPackage;
import io.gatepass.core.codeartifact.PackageAsset;
import io.gatepass.core.codeartifact.PackageKey;
import io.gatepass.core.codeartifact.PackageOriginRestrictions;
import io.gatepass.core.codeartifact.PackageVersion;
import io.gatepass.core.codeartifact.PackageVersionOrigin;
import io.gatepass.core.codeartifact.PackageVersionStatus;
import io.gatepass.core.codeartifact.Repository;
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

/** What migration V10 keeps: external connections, package origin controls and version origins. */
class UpstreamStoreTest {
    private static final Domain DOMAIN = domain(ACCOUNT, "team");
    private static final PackageKey IN_APP = new PackageKey(ACCOUNT, "team", "app", "npm", null, "left-pad");

    private static Store open(TestDatabase db) {
        Store store = db.open();
        store.domains().create(DOMAIN);
        store.repositories().create(repository(DOMAIN, "app"));
        store.repositories().create(repository(DOMAIN, "npm-store"));
        return store;
    }

    private static VersionPublication publication(PackageKey key, String version, PackageVersionOrigin origin) {
        return new VersionPublication(new HostedPackage(key, key.name(), T0),
                new PackageVersion(key, version, PackageVersionStatus.PUBLISHED, "r" + version, T0, "{}"),
                List.of(new PackageAsset(key.name() + "-" + version + ".tgz", 3, "0".repeat(32), "1".repeat(40),
                        "2".repeat(64), "3".repeat(128), "b".repeat(64))), Map.of(), origin);
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void setExternalConnection_isACompareAndSet_soOnlyOneConnectionIsEverAssociated(TestDatabase db) {
        try (Store store = open(db)) {
            RepositoryStore repositories = store.repositories();

            assertThat(repositories.setExternalConnection(ACCOUNT, "team", "npm-store", null, "public:npmjs"))
                    .get().extracting(Repository::externalConnection).isEqualTo("public:npmjs");
            assertThat(repositories.setExternalConnection(ACCOUNT, "team", "npm-store", null, "public:pypi"))
                    .as("a second connection while one is set").isEmpty();
            assertThat(repositories.find(ACCOUNT, "team", "npm-store")).get()
                    .extracting(Repository::externalConnection).isEqualTo("public:npmjs");
            assertThat(repositories.setExternalConnection(ACCOUNT, "team", "npm-store", "public:npmjs", null))
                    .get().extracting(Repository::externalConnection).isNull();
            assertThat(repositories.setExternalConnection(ACCOUNT, "team", "nowhere", null, "public:npmjs"))
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void publish_setsOriginControlsFromHowTheFirstVersionArrived_andKeepsEachVersionsOrigin(TestDatabase db) {
        try (Store store = open(db)) {
            PackageKey published = new PackageKey(ACCOUNT, "team", "app", "npm", null, "mine");
            store.packages().publish(publication(published, "1.0.0", null));
            store.packages().publish(publication(IN_APP, "1.3.0",
                    PackageVersionOrigin.external("npm-store", "public:npmjs")));

            assertThat(store.packages().originRestrictions(published)).contains(
                    PackageOriginRestrictions.PUBLISHED_FIRST);
            assertThat(store.packages().originRestrictions(IN_APP)).contains(PackageOriginRestrictions.UPSTREAM_FIRST);
            assertThat(store.packages().versionOrigin(published, "1.0.0"))
                    .contains(PackageVersionOrigin.published("app"));
            assertThat(store.packages().versionOrigin(IN_APP, "1.3.0"))
                    .contains(PackageVersionOrigin.external("npm-store", "public:npmjs"));
            assertThat(store.packages().versionOrigin(IN_APP, "9.9.9")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void putOriginRestrictions_createsAPackageWithoutVersions_thenReplacesItsControls(TestDatabase db) {
        try (Store store = open(db)) {
            PackageKey reserved = new PackageKey(ACCOUNT, "team", "app", "npm", "acme", "internal");
            HostedPackage pkg = new HostedPackage(reserved, "@acme/internal", T0);

            store.packages().putOriginRestrictions(pkg, new PackageOriginRestrictions("ALLOW", "BLOCK"));
            assertThat(store.packages().findPackage(reserved)).isPresent();
            assertThat(store.packages().listVersions(reserved, null, 10)).isEmpty();
            assertThat(store.packages().originRestrictions(reserved))
                    .contains(new PackageOriginRestrictions("ALLOW", "BLOCK"));

            store.packages().putOriginRestrictions(pkg, new PackageOriginRestrictions("BLOCK", "ALLOW"));
            assertThat(store.packages().originRestrictions(reserved))
                    .contains(new PackageOriginRestrictions("BLOCK", "ALLOW"));
            store.packages().publish(publication(reserved, "1.0.0", null));
            assertThat(store.packages().originRestrictions(reserved)).as("a publication keeps controls already set")
                    .contains(new PackageOriginRestrictions("BLOCK", "ALLOW"));
            assertThat(store.packages().originRestrictions(IN_APP)).as("no such package").isEmpty();
        }
    }
}
