package io.gatepass.store;

import io.gatepass.core.codeartifact.Domain;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.gatepass.store.CodeArtifactFixtures.domain;
import static io.gatepass.store.CodeArtifactFixtures.policy;
import static io.gatepass.store.CodeArtifactFixtures.repository;
import static io.gatepass.store.Fixtures.ACCOUNT;
import static io.gatepass.store.Fixtures.OTHER_ACCOUNT;
import static io.gatepass.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainStoreTest {

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenNew_findReturnsExactlyWhatWasStored(TestDatabase db) {
        try (Store store = db.open()) {
            Domain plain = domain(ACCOUNT, "my-domain");
            Domain encrypted = new Domain(ACCOUNT, "secure", "arn:aws:codeartifact:us-east-1:" + ACCOUNT
                    + ":domain/secure", Domain.STATUS_ACTIVE, T0.plusSeconds(1),
                    "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/1234abcd-12ab-34cd-56ef-1234567890ab");

            store.domains().create(plain);
            store.domains().create(encrypted);

            assertThat(store.domains().find(ACCOUNT, "my-domain")).contains(plain);
            assertThat(store.domains().find(ACCOUNT, "secure")).contains(encrypted);
            assertThat(store.domains().find(OTHER_ACCOUNT, "my-domain")).isEmpty();
            assertThat(store.domains().find(ACCOUNT, "other")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenNameExistsForOwner_throwsDuplicateEntityAndKeepsTheFirst(TestDatabase db) {
        try (Store store = db.open()) {
            Domain first = domain(ACCOUNT, "my-domain");
            store.domains().create(first);
            Domain second = new Domain(ACCOUNT, "my-domain", first.arn(), first.status(), T0.plusSeconds(5), null);

            assertThatThrownBy(() -> store.domains().create(second))
                    .isInstanceOf(DuplicateEntityException.class)
                    .hasMessageContaining("my-domain");

            assertThat(store.domains().find(ACCOUNT, "my-domain")).contains(first);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenSameNameForOtherOwner_succeeds(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(domain(ACCOUNT, "my-domain"));

            store.domains().create(domain(OTHER_ACCOUNT, "my-domain"));

            assertThat(store.domains().find(OTHER_ACCOUNT, "my-domain")).contains(domain(OTHER_ACCOUNT, "my-domain"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void list_whenOwnerGiven_pagesThatOwnersDomainsByName(TestDatabase db) {
        try (Store store = db.open()) {
            for (String name : List.of("delta", "alpha", "charlie", "bravo")) {
                store.domains().create(domain(ACCOUNT, name));
            }
            store.domains().create(domain(OTHER_ACCOUNT, "alpha-0"));

            List<Domain> first = store.domains().list(ACCOUNT, null, 3);
            List<Domain> second = store.domains().list(ACCOUNT, DomainStore.pageKey(first.get(2)), 3);

            assertThat(names(first)).containsExactly("alpha", "bravo", "charlie");
            assertThat(names(second)).containsExactly("delta");
            assertThat(store.domains().list(ACCOUNT, DomainStore.pageKey(second.get(0)), 3)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void list_whenAllOwners_ordersByNameThenOwnerAcrossPages(TestDatabase db) {
        try (Store store = db.open()) {
            // "ab-c" sorts after "ab" by name, though "ab-c/..." sorts before "ab/..." as a whole key string.
            store.domains().create(domain(OTHER_ACCOUNT, "ab"));
            store.domains().create(domain(ACCOUNT, "ab-c"));
            store.domains().create(domain(ACCOUNT, "ab"));
            store.domains().create(domain(ACCOUNT, "b0"));

            List<Domain> first = store.domains().list(null, null, 2);
            List<Domain> second = store.domains().list(null, DomainStore.pageKey(first.get(1)), 2);

            assertThat(first).containsExactly(domain(ACCOUNT, "ab"), domain(OTHER_ACCOUNT, "ab"));
            assertThat(second).containsExactly(domain(ACCOUNT, "ab-c"), domain(ACCOUNT, "b0"));
            assertThat(store.domains().list(null, DomainStore.pageKey(second.get(1)), 2)).isEmpty();
            assertThat(store.domains().list(null, DomainStore.pageKey(first.get(0)), 1))
                    .containsExactly(domain(OTHER_ACCOUNT, "ab"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void list_whenKeyMalformedOrLimitNotPositive_throwsIllegalArgument(TestDatabase db) {
        try (Store store = db.open()) {
            assertThatThrownBy(() -> store.domains().list(null, "no-owner", 10))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.domains().list(null, "a/b/c", 10))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.domains().list(null, "/" + ACCOUNT, 10))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.domains().list(ACCOUNT, null, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void delete_whenNoRepositories_removesTheDomainAndItsPolicy(TestDatabase db) {
        try (Store store = db.open()) {
            Domain domain = domain(ACCOUNT, "my-domain");
            store.domains().create(domain);
            store.domains().create(domain(OTHER_ACCOUNT, "my-domain"));
            store.domainPolicies().put(policy(domain, "rev-1"), null);

            assertThat(store.domains().delete(ACCOUNT, "my-domain")).isTrue();

            assertThat(store.domains().find(ACCOUNT, "my-domain")).isEmpty();
            assertThat(store.domainPolicies().find(ACCOUNT, "my-domain")).isEmpty();
            assertThat(store.domains().find(OTHER_ACCOUNT, "my-domain")).isPresent();
            assertThat(store.domains().delete(ACCOUNT, "my-domain")).isFalse();
            // A domain created again under the name starts without a policy.
            store.domains().create(domain);
            assertThat(store.domainPolicies().find(ACCOUNT, "my-domain")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void delete_whenDomainHasRepositories_throwsReferenceViolationAndKeepsDomainAndPolicy(TestDatabase db) {
        try (Store store = db.open()) {
            Domain domain = domain(ACCOUNT, "my-domain");
            store.domains().create(domain);
            store.domainPolicies().put(policy(domain, "rev-1"), null);
            store.repositories().create(repository(domain, "npm-store"));

            assertThatThrownBy(() -> store.domains().delete(ACCOUNT, "my-domain"))
                    .isInstanceOf(ReferenceViolationException.class)
                    .hasMessageContaining("my-domain");

            assertThat(store.domains().find(ACCOUNT, "my-domain")).contains(domain);
            assertThat(store.domainPolicies().find(ACCOUNT, "my-domain")).contains(policy(domain, "rev-1"));
            store.repositories().delete(ACCOUNT, "my-domain", "npm-store");
            assertThat(store.domains().delete(ACCOUNT, "my-domain")).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void delete_whenNameDiffersInCase_returnsFalse(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(domain(ACCOUNT, "my-domain"));

            assertThat(store.domains().delete(ACCOUNT, "My-Domain")).isFalse();

            assertThat(store.domains().find(ACCOUNT, "my-domain")).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void repositoryCount_whenRepositoriesComeAndGo_countsThoseOfTheDomainOnly(TestDatabase db) {
        try (Store store = db.open()) {
            Domain domain = domain(ACCOUNT, "my-domain");
            Domain other = domain(OTHER_ACCOUNT, "my-domain");
            store.domains().create(domain);
            store.domains().create(other);
            assertThat(store.domains().repositoryCount(ACCOUNT, "my-domain")).isZero();

            store.repositories().create(repository(domain, "npm-store"));
            store.repositories().create(repository(domain, "pypi-store"));
            store.repositories().create(repository(other, "npm-store"));

            assertThat(store.domains().repositoryCount(ACCOUNT, "my-domain")).isEqualTo(2);
            store.repositories().delete(ACCOUNT, "my-domain", "npm-store");
            assertThat(store.domains().repositoryCount(ACCOUNT, "my-domain")).isEqualTo(1);
            assertThat(store.domains().repositoryCount(ACCOUNT, "missing")).isZero();
        }
    }

    private static List<String> names(List<Domain> domains) {
        return domains.stream().map(Domain::name).toList();
    }
}
