package io.gatepass.store;

import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;

import static io.gatepass.store.Fixtures.T0;
import static io.gatepass.store.Fixtures.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenKeyStoreTest {
    private static final String COMPUTE = "gamelift-compute";
    private static final String REPOSITORY = "codeartifact-repository";

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void add_whenNew_loadReturnsExactlyWhatWasStored(TestDatabase db) {
        try (Store store = db.open()) {
            StoredTokenKey current = key("k2", T0.plusSeconds(60), null);
            StoredTokenKey retiring = key("k1", T0, T0.plusSeconds(3600));

            store.tokenKeys().add(COMPUTE, retiring);
            store.tokenKeys().add(COMPUTE, current);

            assertThat(store.tokenKeys().load(COMPUTE)).containsExactly(retiring, current);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void load_whenAddedOutOfOrder_returnsOldestFirstAndTiesInOrderAdded(TestDatabase db) {
        try (Store store = db.open()) {
            StoredTokenKey newest = key("c", T0.plusSeconds(20), null);
            StoredTokenKey oldest = key("z", T0, T0.plusSeconds(30));
            StoredTokenKey tieFirst = key("y", T0.plusSeconds(10), null);
            StoredTokenKey tieSecond = key("b", T0.plusSeconds(10), null);
            for (StoredTokenKey key : new StoredTokenKey[] {newest, oldest, tieFirst, tieSecond}) {
                store.tokenKeys().add(COMPUTE, key);
            }

            assertThat(store.tokenKeys().load(COMPUTE)).containsExactly(oldest, tieFirst, tieSecond, newest);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void load_whenSeveralPurposes_returnsOnlyThatPurposesKeys(TestDatabase db) {
        try (Store store = db.open()) {
            StoredTokenKey computeKey = key("k1", T0, null);
            StoredTokenKey repositoryKey = key("k1", T0, null);
            store.tokenKeys().add(COMPUTE, computeKey);
            store.tokenKeys().add(REPOSITORY, repositoryKey);

            assertThat(store.tokenKeys().load(COMPUTE)).containsExactly(computeKey);
            assertThat(store.tokenKeys().load(REPOSITORY)).containsExactly(repositoryKey);
            assertThat(store.tokenKeys().load("unknown")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void add_whenKeyIdExistsForPurpose_throwsDuplicateEntityWithoutTheSecret(TestDatabase db) {
        try (Store store = db.open()) {
            StoredTokenKey original = key("k1", T0, null);
            store.tokenKeys().add(COMPUTE, original);
            StoredTokenKey clash = key("k1", T0.plusSeconds(1), null);

            assertThatThrownBy(() -> store.tokenKeys().add(COMPUTE, clash))
                    .isInstanceOf(DuplicateEntityException.class)
                    .hasMessageContaining("k1")
                    .hasMessageNotContaining(clash.encryptedSecret());

            assertThat(store.tokenKeys().load(COMPUTE)).containsExactly(original);
        }
    }

    @Test
    void toString_whenPrinted_leavesOutTheSecret() {
        StoredTokenKey key = key("k1", T0, null);

        assertThat(key.toString()).contains("k1").doesNotContain(key.encryptedSecret());
    }

    private static StoredTokenKey key(String keyId, Instant createdAt, Instant retireAfter) {
        return new StoredTokenKey(keyId, "enc:" + uniqueId(), createdAt, retireAfter);
    }
}
