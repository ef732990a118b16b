package io.gatepass.store;

import io.gatepass.core.codeartifact.Domain;
import io.gatepass.core.codeartifact.RepositoryPolicy;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.gatepass.store.CodeArtifactFixtures.POLICY;
import static io.gatepass.store.CodeArtifactFixtures.domain;
import static io.gatepass.store.CodeArtifactFixtures.repository;
import static io.gatepass.store.Fixtures.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepositoryPolicyStoreTest {
    private static final Domain DOMAIN = domain(ACCOUNT, "team");

    private static RepositoryPolicy policy(String revision) {
        return new RepositoryPolicy(ACCOUNT, "team", "libs", POLICY, revision);
    }

    private static Store open(TestDatabase db) {
        Store store = db.open();
        store.domains().create(DOMAIN);
        store.repositories().create(repository(DOMAIN, "libs"));
        return store;
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void put_whenRevisionsAreExpected_onlyTheMatchingWriterWins(TestDatabase db) {
        try (Store store = open(db)) {
            assertThat(store.repositoryPolicies().put(policy("r1"), null)).isTrue();
            assertThat(store.repositoryPolicies().put(policy("r2"), "r1")).isTrue();
            assertThat(store.repositoryPolicies().put(policy("r3"), "r1")).isFalse();

            assertThat(store.repositoryPolicies().find(ACCOUNT, "team", "libs")).contains(policy("r2"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void put_whenTheRepositoryIsMissing_throwsReferenceViolation(TestDatabase db) {
        try (Store store = open(db)) {
            assertThatThrownBy(() -> store.repositoryPolicies().put(
                    new RepositoryPolicy(ACCOUNT, "team", "nope", POLICY, "r1"), null))
                    .isInstanceOf(ReferenceViolationException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void delete_whenRevisionDiffers_throwsAndKeepsIt_elseRemovesIt(TestDatabase db) {
        try (Store store = open(db)) {
            store.repositoryPolicies().put(policy("r1"), null);

            assertThatThrownBy(() -> store.repositoryPolicies().delete(ACCOUNT, "team", "libs", "other"))
                    .isInstanceOf(RevisionMismatchException.class);
            assertThat(store.repositoryPolicies().delete(ACCOUNT, "team", "libs", "r1")).contains(policy("r1"));
            assertThat(store.repositoryPolicies().delete(ACCOUNT, "team", "libs", null)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void repositoryDelete_whenItHasAPolicy_takesItAlong(TestDatabase db) {
        try (Store store = open(db)) {
            store.repositoryPolicies().put(policy("r1"), null);

            store.repositories().delete(ACCOUNT, "team", "libs");

            assertThat(store.repositoryPolicies().find(ACCOUNT, "team", "libs")).isEmpty();
        }
    }
}
