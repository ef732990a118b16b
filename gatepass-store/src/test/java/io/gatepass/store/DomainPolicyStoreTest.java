package io.gatepass.store;

import io.gatepass.core.codeartifact.Domain;
import io.gatepass.core.codeartifact.DomainPolicy;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.gatepass.store.CodeArtifactFixtures.domain;
import static io.gatepass.store.CodeArtifactFixtures.policy;
import static io.gatepass.store.Fixtures.ACCOUNT;
import static io.gatepass.store.Fixtures.OTHER_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainPolicyStoreTest {
    private static final Domain DOMAIN = domain(ACCOUNT, "my-domain");

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void put_whenNoPolicyAndNoExpectedRevision_createsIt(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(DOMAIN);
            store.domains().create(domain(OTHER_ACCOUNT, "my-domain"));
            // The largest document the model allows, with characters outside ASCII.
            String document = "{\"Statement\":\"" + "ü".repeat(7168 - 16) + "\"}";
            DomainPolicy policy = new DomainPolicy(ACCOUNT, "my-domain", document, "rev-1");

            assertThat(store.domainPolicies().put(policy, null)).isTrue();

            assertThat(store.domainPolicies().find(ACCOUNT, "my-domain")).contains(policy);
            assertThat(store.domainPolicies().find(OTHER_ACCOUNT, "my-domain")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void put_whenPolicyExistsAndNoExpectedRevision_replacesIt(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(DOMAIN);
            store.domainPolicies().put(policy(DOMAIN, "rev-1"), null);
            DomainPolicy replacement = new DomainPolicy(ACCOUNT, "my-domain", "{\"Version\":\"2012-10-17\"}",
                    "rev-2");

            assertThat(store.domainPolicies().put(replacement, null)).isTrue();

            assertThat(store.domainPolicies().find(ACCOUNT, "my-domain")).contains(replacement);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void put_whenExpectedRevisionMatches_replacesIt(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(DOMAIN);
            store.domainPolicies().put(policy(DOMAIN, "rev-1"), null);

            assertThat(store.domainPolicies().put(policy(DOMAIN, "rev-2"), "rev-1")).isTrue();

            assertThat(store.domainPolicies().find(ACCOUNT, "my-domain")).contains(policy(DOMAIN, "rev-2"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void put_whenTwoWritersExpectTheSameRevision_onlyTheFirstSucceeds(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(DOMAIN);
            store.domainPolicies().put(policy(DOMAIN, "rev-1"), null);

            assertThat(store.domainPolicies().put(policy(DOMAIN, "rev-2a"), "rev-1")).isTrue();
            assertThat(store.domainPolicies().put(policy(DOMAIN, "rev-2b"), "rev-1")).isFalse();

            assertThat(store.domainPolicies().find(ACCOUNT, "my-domain")).contains(policy(DOMAIN, "rev-2a"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void put_whenRevisionDiffersOnlyInCase_returnsFalse(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(DOMAIN);
            store.domainPolicies().put(policy(DOMAIN, "Rev-1"), null);

            assertThat(store.domainPolicies().put(policy(DOMAIN, "rev-2"), "rev-1")).isFalse();

            assertThat(store.domainPolicies().find(ACCOUNT, "my-domain")).contains(policy(DOMAIN, "Rev-1"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void put_whenRevisionExpectedButNoPolicy_returnsFalseAndCreatesNothing(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(DOMAIN);

            assertThat(store.domainPolicies().put(policy(DOMAIN, "rev-2"), "rev-1")).isFalse();

            assertThat(store.domainPolicies().find(ACCOUNT, "my-domain")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void put_whenDomainMissing_throwsReferenceViolation(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(domain(OTHER_ACCOUNT, "my-domain"));

            assertThatThrownBy(() -> store.domainPolicies().put(policy(DOMAIN, "rev-1"), null))
                    .isInstanceOf(ReferenceViolationException.class);

            assertThat(store.domainPolicies().find(ACCOUNT, "my-domain")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void delete_whenExpectedRevisionMatches_returnsTheDeletedPolicy(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(DOMAIN);
            store.domainPolicies().put(policy(DOMAIN, "rev-1"), null);

            assertThat(store.domainPolicies().delete(ACCOUNT, "my-domain", "rev-1")).contains(policy(DOMAIN, "rev-1"));

            assertThat(store.domainPolicies().find(ACCOUNT, "my-domain")).isEmpty();
            assertThat(store.domains().find(ACCOUNT, "my-domain")).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void delete_whenExpectedRevisionIsStale_throwsRevisionMismatchAndKeepsPolicy(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(DOMAIN);
            store.domainPolicies().put(policy(DOMAIN, "rev-1"), null);
            store.domainPolicies().put(policy(DOMAIN, "rev-2"), "rev-1");

            assertThatThrownBy(() -> store.domainPolicies().delete(ACCOUNT, "my-domain", "rev-1"))
                    .isInstanceOf(RevisionMismatchException.class)
                    .hasMessageContaining("my-domain");

            assertThat(store.domainPolicies().find(ACCOUNT, "my-domain")).contains(policy(DOMAIN, "rev-2"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void delete_whenNoExpectedRevision_deletesWhateverIsStored(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(DOMAIN);
            store.domainPolicies().put(policy(DOMAIN, "rev-7"), null);

            assertThat(store.domainPolicies().delete(ACCOUNT, "my-domain", null)).contains(policy(DOMAIN, "rev-7"));

            assertThat(store.domainPolicies().find(ACCOUNT, "my-domain")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void delete_whenNoPolicyOrNoDomain_returnsEmpty(TestDatabase db) {
        try (Store store = db.open()) {
            store.domains().create(DOMAIN);

            assertThat(store.domainPolicies().delete(ACCOUNT, "my-domain", null)).isEmpty();
            assertThat(store.domainPolicies().delete(ACCOUNT, "my-domain", "rev-1")).isEmpty();
            assertThat(store.domainPolicies().delete(ACCOUNT, "missing", null)).isEmpty();
        }
    }
}
