package io.gatepass.store;

import io.gatepass.core.identity.AccessKey;
import io.gatepass.core.identity.AccessKeyStatus;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.gatepass.store.Fixtures.ACCOUNT;
import static io.gatepass.store.Fixtures.OTHER_ACCOUNT;
import static io.gatepass.store.Fixtures.T0;
import static io.gatepass.store.Fixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessKeyStoreTest {

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void recordLastUsed_keepsTheNewestUse_andDropsUsesOfUnknownKeys(TestDatabase db) {
        try (Store store = db.open()) {
            AccessKey key = key("alice", T0);
            store.accessKeys().create(key);
            assertThat(store.accessKeys().lastUsed(key.accessKeyId())).isEmpty();

            AccessKeyUsage first = new AccessKeyUsage(key.accessKeyId(), T0.plusSeconds(60), "sts", "us-east-1");
            store.accessKeys().recordLastUsed(List.of(first,
                    new AccessKeyUsage("AKIANOSUCHKEY", T0, "iam", "us-east-1")));
            assertThat(store.accessKeys().lastUsed(key.accessKeyId())).contains(first);
            assertThat(store.accessKeys().lastUsed("AKIANOSUCHKEY")).isEmpty();

            // an older use (another node's, written late) does not replace a newer one
            store.accessKeys().recordLastUsed(List.of(
                    new AccessKeyUsage(key.accessKeyId(), T0.plusSeconds(30), "iam", "eu-west-1")));
            assertThat(store.accessKeys().lastUsed(key.accessKeyId())).contains(first);

            AccessKeyUsage later = new AccessKeyUsage(key.accessKeyId(), T0.plusSeconds(90), "gamelift", "eu-west-1");
            store.accessKeys().recordLastUsed(List.of(later));
            assertThat(store.accessKeys().lastUsed(key.accessKeyId())).contains(later);
            assertThat(store.accessKeys().find(key.accessKeyId())).contains(key);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenNew_findReturnsIt(TestDatabase db) {
        try (Store store = db.open()) {
            AccessKey key = key("alice", T0);

            store.accessKeys().create(key);

            assertThat(store.accessKeys().find(key.accessKeyId())).contains(key);
            assertThat(store.accessKeys().find("AKIANOSUCHKEY")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenIdExists_throwsDuplicateEntity(TestDatabase db) {
        try (Store store = db.open()) {
            AccessKey key = key("alice", T0);
            store.accessKeys().create(key);

            assertThatThrownBy(() -> store.accessKeys().create(key))
                    .isInstanceOf(DuplicateEntityException.class)
                    .hasMessageNotContaining(key.encryptedSecret());
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void list_whenRootAndUserKeys_returnsOnlyTheRequestedOwnersOldestFirst(TestDatabase db) {
        try (Store store = db.open()) {
            AccessKey rootNew = key(null, T0.plusSeconds(10));
            AccessKey rootOld = key(null, T0);
            AccessKey alice = key("Alice", T0);
            AccessKey bob = key("bob", T0);
            AccessKey otherAccountRoot = new AccessKey("AKIAOTHERROOT", OTHER_ACCOUNT, null, "enc:x",
                    AccessKeyStatus.Active, T0);
            for (AccessKey key : List.of(rootNew, rootOld, alice, bob, otherAccountRoot)) {
                store.accessKeys().create(key);
            }

            assertThat(store.accessKeys().list(ACCOUNT, null)).containsExactly(rootOld, rootNew);
            assertThat(store.accessKeys().list(ACCOUNT, "alice")).containsExactly(alice);
            assertThat(store.accessKeys().list(ACCOUNT, "carol")).isEmpty();
            assertThat(store.accessKeys().list(OTHER_ACCOUNT, null)).containsExactly(otherAccountRoot);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void list_whenSameCreateDate_returnsCreationOrder(TestDatabase db) {
        try (Store store = db.open()) {
            AccessKey first = key("alice", T0);
            AccessKey second = key("alice", T0);
            store.accessKeys().create(first);
            store.accessKeys().create(second);

            assertThat(store.accessKeys().list(ACCOUNT, "alice")).containsExactly(first, second);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void updateStatus_whenOwnerMatches_changesStatus(TestDatabase db) {
        try (Store store = db.open()) {
            AccessKey userKey = key("Alice", T0);
            AccessKey rootKey = key(null, T0);
            store.accessKeys().create(userKey);
            store.accessKeys().create(rootKey);

            assertThat(store.accessKeys().updateStatus(ACCOUNT, "alice", userKey.accessKeyId(),
                    AccessKeyStatus.Inactive)).isTrue();
            assertThat(store.accessKeys().updateStatus(ACCOUNT, null, rootKey.accessKeyId(),
                    AccessKeyStatus.Inactive)).isTrue();

            assertThat(store.accessKeys().find(userKey.accessKeyId()))
                    .contains(userKey.withStatus(AccessKeyStatus.Inactive));
            assertThat(store.accessKeys().find(rootKey.accessKeyId()))
                    .contains(rootKey.withStatus(AccessKeyStatus.Inactive));
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void updateStatus_whenOtherOwner_returnsFalseAndLeavesKey(TestDatabase db) {
        try (Store store = db.open()) {
            AccessKey aliceKey = key("alice", T0);
            AccessKey rootKey = key(null, T0);
            store.accessKeys().create(aliceKey);
            store.accessKeys().create(rootKey);

            assertThat(store.accessKeys().updateStatus(ACCOUNT, "bob", aliceKey.accessKeyId(),
                    AccessKeyStatus.Inactive)).isFalse();
            assertThat(store.accessKeys().updateStatus(ACCOUNT, null, aliceKey.accessKeyId(),
                    AccessKeyStatus.Inactive)).isFalse();
            assertThat(store.accessKeys().updateStatus(ACCOUNT, "alice", rootKey.accessKeyId(),
                    AccessKeyStatus.Inactive)).isFalse();
            assertThat(store.accessKeys().updateStatus(OTHER_ACCOUNT, "alice", aliceKey.accessKeyId(),
                    AccessKeyStatus.Inactive)).isFalse();
            assertThat(store.accessKeys().updateStatus(ACCOUNT, "alice", "AKIANOSUCHKEY",
                    AccessKeyStatus.Inactive)).isFalse();

            assertThat(store.accessKeys().find(aliceKey.accessKeyId())).contains(aliceKey);
            assertThat(store.accessKeys().find(rootKey.accessKeyId())).contains(rootKey);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void delete_whenOwnerMatches_removesKey(TestDatabase db) {
        try (Store store = db.open()) {
            AccessKey aliceKey = key("alice", T0);
            AccessKey rootKey = key(null, T0);
            store.accessKeys().create(aliceKey);
            store.accessKeys().create(rootKey);

            assertThat(store.accessKeys().delete(ACCOUNT, "ALICE", aliceKey.accessKeyId())).isTrue();
            assertThat(store.accessKeys().delete(ACCOUNT, null, rootKey.accessKeyId())).isTrue();

            assertThat(store.accessKeys().find(aliceKey.accessKeyId())).isEmpty();
            assertThat(store.accessKeys().find(rootKey.accessKeyId())).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void delete_whenOtherOwner_returnsFalseAndKeepsKey(TestDatabase db) {
        try (Store store = db.open()) {
            AccessKey aliceKey = key("alice", T0);
            AccessKey rootKey = key(null, T0);
            store.accessKeys().create(aliceKey);
            store.accessKeys().create(rootKey);

            assertThat(store.accessKeys().delete(ACCOUNT, "bob", aliceKey.accessKeyId())).isFalse();
            assertThat(store.accessKeys().delete(ACCOUNT, null, aliceKey.accessKeyId())).isFalse();
            assertThat(store.accessKeys().delete(ACCOUNT, "alice", rootKey.accessKeyId())).isFalse();
            assertThat(store.accessKeys().delete(OTHER_ACCOUNT, null, rootKey.accessKeyId())).isFalse();

            assertThat(store.accessKeys().find(aliceKey.accessKeyId())).contains(aliceKey);
            assertThat(store.accessKeys().find(rootKey.accessKeyId())).contains(rootKey);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void createWithinQuota_whenOwnerIsAtItsQuota_createsNothing(TestDatabase db) {
        try (Store store = db.open()) {
            store.accounts().create(new io.gatepass.core.identity.Account(ACCOUNT, T0));
            AccessKey first = key(null, T0);
            AccessKey second = key(null, T0);

            assertThat(store.accessKeys().createWithinQuota(first, 1)).isTrue();
            assertThat(store.accessKeys().createWithinQuota(second, 1)).isFalse();

            assertThat(store.accessKeys().list(ACCOUNT, null)).containsExactly(first);
        }
    }
}
