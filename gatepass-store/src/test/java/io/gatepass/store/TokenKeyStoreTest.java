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

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void markSigning_setsTheTimeOnce_andRemoveDeletesOnlyThatKey(TestDatabase db) {
        try (Store store = db.open()) {
            store.tokenKeys().add(COMPUTE, key("k1", T0, null));
            store.tokenKeys().add(COMPUTE, key("k2", T0.plusSeconds(60), null));
            store.tokenKeys().add(REPOSITORY, key("k1", T0, null));

            store.tokenKeys().markSigning(COMPUTE, "k2", T0.plusSeconds(70));
            store.tokenKeys().markSigning(COMPUTE, "k2", T0.plusSeconds(90)); // a later node's verdict changes nothing
            store.tokenKeys().markSigning(COMPUTE, "gone", T0.plusSeconds(90));
            assertThat(store.tokenKeys().load(COMPUTE)).extracting(StoredTokenKey::signsFromOrNull)
                    .containsExactly(null, T0.plusSeconds(70));

            store.tokenKeys().remove(COMPUTE, "k1");
            store.tokenKeys().remove(COMPUTE, "k1");
            assertThat(store.tokenKeys().load(COMPUTE)).extracting(StoredTokenKey::keyId).containsExactly("k2");
            assertThat(store.tokenKeys().load(REPOSITORY)).extracting(StoredTokenKey::keyId).containsExactly("k1");
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void heartbeat_keepsEachNodesLatest_andNodesSinceLeavesOutSilentNodes(TestDatabase db) {
        try (Store store = db.open()) {
            TokenKeyStore keys = store.tokenKeys();
            keys.heartbeat(COMPUTE, "node-a", "k1", T0);
            keys.heartbeat(COMPUTE, "node-b", "k1", T0.plusSeconds(5));
            keys.heartbeat(COMPUTE, "node-a", "k2", T0.plusSeconds(60));
            keys.heartbeat(REPOSITORY, "node-b", "r1", T0.plusSeconds(60));

            assertThat(keys.nodesSince(COMPUTE, T0)).containsExactly(
                    new TokenKeyStore.NodeHeartbeat("node-a", "k2", T0.plusSeconds(60)),
                    new TokenKeyStore.NodeHeartbeat("node-b", "k1", T0.plusSeconds(5)));
            assertThat(keys.nodesSince(COMPUTE, T0.plusSeconds(30))).extracting(TokenKeyStore.NodeHeartbeat::nodeId)
                    .containsExactly("node-a");

            keys.forgetNodesBefore(T0.plusSeconds(30));
            assertThat(keys.nodesSince(COMPUTE, T0)).extracting(TokenKeyStore.NodeHeartbeat::nodeId)
                    .containsExactly("node-a");
            assertThat(keys.nodesSince(REPOSITORY, T0)).hasSize(1);
            keys.forgetNode("node-b");
            assertThat(keys.nodesSince(REPOSITORY, T0)).isEmpty();
            assertThat(keys.nodesSince(COMPUTE, T0)).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void claimRotation_exactlyOneOfManyConcurrentClaimsWins(TestDatabase db) throws Exception {
        try (Store store = db.open()) {
            TokenKeyStore keys = store.tokenKeys();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                java.util.List<java.util.concurrent.Future<Boolean>> claims = new java.util.ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    String node = "node-" + i;
                    claims.add(pool.submit(() -> keys.claimRotation(COMPUTE, T0.plusSeconds(3600), node)));
                }
                int won = 0;
                for (java.util.concurrent.Future<Boolean> claim : claims) {
                    won += claim.get() ? 1 : 0;
                }
                assertThat(won).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(keys.claimRotation(REPOSITORY, T0.plusSeconds(3600), "node-0")).isTrue(); // its own ring
            assertThat(keys.claimRotation(COMPUTE, T0.plusSeconds(7200), "node-1")).isTrue();    // the next period

            keys.forgetRotationsBefore(T0.plusSeconds(7200));
            assertThat(keys.claimRotation(COMPUTE, T0.plusSeconds(3600), "node-2")).isTrue();    // forgotten
            assertThat(keys.claimRotation(COMPUTE, T0.plusSeconds(7200), "node-2")).isFalse();   // kept
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
