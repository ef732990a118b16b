package io.gatepass.store;

import io.gatepass.core.codeartifact.Domain;
import io.gatepass.core.codeartifact.Repository;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static io.gatepass.store.CodeArtifactFixtures.domain;
import static io.gatepass.store.CodeArtifactFixtures.repository;
import static io.gatepass.store.Fixtures.ACCOUNT;
import static io.gatepass.store.Fixtures.OTHER_ACCOUNT;
import static io.gatepass.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepositoryStoreTest {
    private static final Domain DOMAIN = domain(ACCOUNT, "my-domain");

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenNew_findReturnsExactlyWhatWasStored(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(DOMAIN);
            Repository repository = new Repository(ACCOUNT, "my-domain", "My_Repo.v2-x",
                    "arn:aws:codeartifact:us-east-1:" + ACCOUNT + ":repository/my-domain/My_Repo.v2-x",
                    OTHER_ACCOUNT, "Zugriff 日本語 🚀", List.of("zeta", "alpha", "Mid.Name"), T0);

            store.repositories().create(repository);

            assertThat(store.repositories().find(ACCOUNT, "my-domain", "My_Repo.v2-x")).contains(repository);
            assertThat(store.repositories().find(ACCOUNT, "my-domain", "my_repo.v2-x")).isEmpty();
            assertThat(store.repositories().find(OTHER_ACCOUNT, "my-domain", "My_Repo.v2-x")).isEmpty();
            assertThat(store.repositories().find(ACCOUNT, "other", "My_Repo.v2-x")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenNoDescriptionAndNoUpstreams_roundTripsThem(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(DOMAIN);
            Repository bare = repository(DOMAIN, "npm-store");

            store.repositories().create(bare);

            Repository found = store.repositories().find(ACCOUNT, "my-domain", "npm-store").orElseThrow();
            assertThat(found).isEqualTo(bare);
            assertThat(found.description()).isNull();
            assertThat(found.upstreams()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenNameExistsInDomain_throwsDuplicateEntityAndKeepsTheFirst(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(DOMAIN);
            Repository first = repository(DOMAIN, "npm-store");
            store.repositories().create(first);

            assertThatThrownBy(() -> store.repositories().create(first.withSettings("second", List.of("x1"))))
                    .isInstanceOf(DuplicateEntityException.class)
                    .hasMessageContaining("npm-store");

            assertThat(store.repositories().find(ACCOUNT, "my-domain", "npm-store")).contains(first);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenSameNameInOtherDomainOrDifferentCase_keepsThemDistinct(TestDatabase db) {
        try (Store store = db.open()) {
            Domain second = domain(ACCOUNT, "second");
            Domain othersDomain = domain(OTHER_ACCOUNT, "my-domain");
            store.domains().create(DOMAIN);
            store.domains().create(second);
            store.domains().create(othersDomain);

            store.repositories().create(repository(DOMAIN, "npm-store"));
            store.repositories().create(repository(DOMAIN, "Npm-Store"));
            store.repositories().create(repository(second, "npm-store"));
            store.repositories().create(repository(othersDomain, "npm-store"));

            assertThat(names(store.repositories().listInDomain(ACCOUNT, "my-domain", null, null, 10)))
                    .containsExactly("Npm-Store", "npm-store");
            assertThat(store.repositories().find(ACCOUNT, "second", "npm-store")).isPresent();
            assertThat(store.repositories().find(OTHER_ACCOUNT, "my-domain", "npm-store")).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenDomainMissing_throwsReferenceViolation(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(domain(OTHER_ACCOUNT, "my-domain"));

            assertThatThrownBy(() -> store.repositories().create(repository(DOMAIN, "npm-store")))
                    .isInstanceOf(ReferenceViolationException.class);

            assertThat(store.repositories().find(ACCOUNT, "my-domain", "npm-store")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenUpstreamNameEmptyOrHoldsComma_throwsIllegalArgument(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(DOMAIN);
            Repository repository = repository(DOMAIN, "npm-store");

            assertThatThrownBy(() -> store.repositories().create(repository.withSettings(null, List.of("a,b"))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.repositories().create(repository.withSettings(null, List.of(""))))
                    .isInstanceOf(IllegalArgumentException.class);

            assertThat(store.repositories().find(ACCOUNT, "my-domain", "npm-store")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void listInDomain_whenPaging_returnsNamesStrictlyAfterInCodePointOrder(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(DOMAIN);
            Domain other = domain(ACCOUNT, "other");
            store.domains().create(other);
            // Code point order: '-' < '.' < digits < upper case < '_' < lower case.
            for (String name : List.of("rb", "rB", "ra", "r_a", "r9", "r.x", "r-x")) {
                store.repositories().create(repository(DOMAIN, name));
            }
            store.repositories().create(repository(other, "r0"));

            assertThat(names(store.repositories().listInDomain(ACCOUNT, "my-domain", null, null, 3)))
                    .containsExactly("r-x", "r.x", "r9");
            assertThat(names(store.repositories().listInDomain(ACCOUNT, "my-domain", null, "r9", 3)))
                    .containsExactly("rB", "r_a", "ra");
            assertThat(names(store.repositories().listInDomain(ACCOUNT, "my-domain", null, "ra", 3)))
                    .containsExactly("rb");
            assertThat(store.repositories().listInDomain(ACCOUNT, "my-domain", null, "rb", 3)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void listInDomain_whenPrefixGiven_matchesItExactlyAndCaseSensitively(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(DOMAIN);
            for (String name : List.of("my_repo", "myXrepo", "My_other", "my_two", "npm")) {
                store.repositories().create(repository(DOMAIN, name));
            }

            assertThat(names(store.repositories().listInDomain(ACCOUNT, "my-domain", "my_", null, 10)))
                    .containsExactly("my_repo", "my_two");
            assertThat(names(store.repositories().listInDomain(ACCOUNT, "my-domain", "my_", "my_repo", 10)))
                    .containsExactly("my_two");
            assertThat(store.repositories().listInDomain(ACCOUNT, "my-domain", "my%", null, 10)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void listInDomain_whenLimitNotPositive_throwsIllegalArgument(TestDatabase db) {
        try (Store store = db.open()) {
            assertThatThrownBy(() -> store.repositories().listInDomain(ACCOUNT, "my-domain", null, null, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void listByAdministrator_whenPaging_ordersByNameThenDomainThenOwner(TestDatabase db) {
        try (Store store = db.open()) {
            Domain mine = domain(ACCOUNT, "ab");
            Domain mineToo = domain(ACCOUNT, "ab-c");
            Domain theirs = domain(OTHER_ACCOUNT, "ab");
            store.domains().create(mine);
            store.domains().create(mineToo);
            store.domains().create(theirs);
            // ACCOUNT administers all of these, also the one in OTHER_ACCOUNT's domain.
            store.repositories().create(repository(mineToo, "repo"));
            store.repositories().create(repository(theirs, "repo", ACCOUNT));
            store.repositories().create(repository(mine, "repo"));
            store.repositories().create(repository(mine, "repo-2"));
            store.repositories().create(repository(mineToo, "other"));
            // Administered by another account: never listed for ACCOUNT.
            store.repositories().create(repository(theirs, "repo-1"));
            store.repositories().create(repository(mine, "repo-0", OTHER_ACCOUNT));

            List<Repository> all = new ArrayList<>();
            String after = null;
            List<Repository> page;
            do {
                page = store.repositories().listByAdministrator(ACCOUNT, null, after, 2);
                all.addAll(page);
                after = page.isEmpty() ? null : RepositoryStore.administratorPageKey(page.get(page.size() - 1));
            } while (page.size() == 2);

            assertThat(all).containsExactly(repository(mineToo, "other"), repository(mine, "repo"),
                    repository(theirs, "repo", ACCOUNT), repository(mineToo, "repo"), repository(mine, "repo-2"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void listByAdministrator_whenPrefixGiven_returnsOnlyMatchingNames(TestDatabase db) {
        try (Store store = db.open()) {
            Domain other = domain(ACCOUNT, "other");
            store.domains().create(DOMAIN);
            store.domains().create(other);
            for (String name : List.of("npm-a", "npm-b", "pypi", "Npm-c")) {
                store.repositories().create(repository(DOMAIN, name));
            }
            store.repositories().create(repository(other, "npm-a"));

            List<Repository> first = store.repositories().listByAdministrator(ACCOUNT, "npm-", null, 2);

            assertThat(first).containsExactly(repository(DOMAIN, "npm-a"), repository(other, "npm-a"));
            assertThat(store.repositories().listByAdministrator(ACCOUNT, "npm-",
                    RepositoryStore.administratorPageKey(first.get(1)), 2))
                    .containsExactly(repository(DOMAIN, "npm-b"));
            assertThat(store.repositories().listByAdministrator(OTHER_ACCOUNT, "npm-", null, 2)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void listByAdministrator_whenKeyMalformedOrLimitNotPositive_throwsIllegalArgument(TestDatabase db) {
        try (Store store = db.open()) {
            assertThatThrownBy(() -> store.repositories().listByAdministrator(ACCOUNT, null, "repo/my-domain", 10))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.repositories().listByAdministrator(ACCOUNT, null, "a//" + ACCOUNT, 10))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.repositories().listByAdministrator(ACCOUNT, null, null, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void update_whenExists_replacesDescriptionAndUpstreamsOnly(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(DOMAIN);
            Repository repository = repository(DOMAIN, "npm-store").withSettings("first", List.of("b-up", "a-up"));
            store.repositories().create(repository);

            Repository expected = repository.withSettings("second", List.of("c-up", "a-up", "b-up"));
            assertThat(store.repositories().update(ACCOUNT, "my-domain", "npm-store", "second",
                    List.of("c-up", "a-up", "b-up"))).contains(expected);
            assertThat(store.repositories().find(ACCOUNT, "my-domain", "npm-store")).contains(expected);

            Repository cleared = repository.withSettings(null, List.of());
            assertThat(store.repositories().update(ACCOUNT, "my-domain", "npm-store", null, List.of()))
                    .contains(cleared);
            assertThat(store.repositories().find(ACCOUNT, "my-domain", "npm-store")).contains(cleared);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void update_whenMissingOrNameDiffersInCase_returnsEmpty(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(DOMAIN);
            Repository repository = repository(DOMAIN, "npm-store");
            store.repositories().create(repository);

            assertThat(store.repositories().update(ACCOUNT, "my-domain", "NPM-STORE", "x", List.of())).isEmpty();
            assertThat(store.repositories().update(ACCOUNT, "other", "npm-store", "x", List.of())).isEmpty();

            assertThat(store.repositories().find(ACCOUNT, "my-domain", "npm-store")).contains(repository);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void update_whenUpstreamNameHoldsComma_throwsIllegalArgumentAndKeepsRepository(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(DOMAIN);
            Repository repository = repository(DOMAIN, "npm-store");
            store.repositories().create(repository);

            assertThatThrownBy(() -> store.repositories().update(ACCOUNT, "my-domain", "npm-store", "x",
                    List.of("a,b"))).isInstanceOf(IllegalArgumentException.class);

            assertThat(store.repositories().find(ACCOUNT, "my-domain", "npm-store")).contains(repository);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void delete_whenExists_returnsTheDeletedRepositoryAndRemovesOnlyIt(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(DOMAIN);
            Repository repository = repository(DOMAIN, "npm-store").withSettings("desc", List.of("upstream-1"));
            store.repositories().create(repository);
            store.repositories().create(repository(DOMAIN, "pypi-store"));

            assertThat(store.repositories().delete(ACCOUNT, "my-domain", "npm-store")).contains(repository);

            assertThat(store.repositories().find(ACCOUNT, "my-domain", "npm-store")).isEmpty();
            assertThat(store.repositories().find(ACCOUNT, "my-domain", "pypi-store")).isPresent();
            assertThat(store.repositories().delete(ACCOUNT, "my-domain", "npm-store")).isEmpty();
            assertThat(store.repositories().delete(ACCOUNT, "my-domain", "PYPI-STORE")).isEmpty();
        }
    }

    private static List<String> names(List<Repository> repositories) {
        return repositories.stream().map(Repository::name).toList();
    }
}
