package io.gatepass.store;

import io.gatepass.core.identity.User;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;

import static io.gatepass.store.Fixtures.ACCOUNT;
import static io.gatepass.store.Fixtures.OTHER_ACCOUNT;
import static io.gatepass.store.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserStoreTest {

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenNew_findReturnsExactlyWhatWasStored(TestDatabase db) {
        try (Store store = db.open()) {
            User alice = user(ACCOUNT, "Alice", "/engineering/");

            store.users().create(alice);

            assertThat(store.users().find(ACCOUNT, "Alice")).contains(alice);
            assertThat(store.users().findByUserId(alice.userId())).contains(alice);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void find_whenNameDiffersInCase_returnsOriginalSpelling(TestDatabase db) {
        try (Store store = db.open()) {
            User alice = user("Alice");
            store.users().create(alice);

            assertThat(store.users().find(ACCOUNT, "aLICE")).contains(alice);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void find_whenOtherAccountOrMissing_returnsEmpty(TestDatabase db) {
        try (Store store = db.open()) {
            store.users().create(user("alice"));

            assertThat(store.users().find(OTHER_ACCOUNT, "alice")).isEmpty();
            assertThat(store.users().find(ACCOUNT, "bob")).isEmpty();
            assertThat(store.users().findByUserId("AIDANOSUCHUSER")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenNameExistsIgnoringCase_throwsDuplicateEntity(TestDatabase db) {
        try (Store store = db.open()) {
            store.users().create(user("alice"));

            assertThatThrownBy(() -> store.users().create(user("ALICE")))
                    .isInstanceOf(DuplicateEntityException.class)
                    .hasMessageContaining("ALICE");
            assertThat(store.users().find(ACCOUNT, "alice").orElseThrow().userName()).isEqualTo("alice");
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenSameNameInOtherAccount_succeeds(TestDatabase db) {
        try (Store store = db.open()) {
            store.users().create(user("alice"));

            store.users().create(user(OTHER_ACCOUNT, "alice", "/"));

            assertThat(store.users().find(OTHER_ACCOUNT, "alice")).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenInstantHasNanoseconds_keepsMicroseconds(TestDatabase db) {
        try (Store store = db.open()) {
            Instant created = Instant.parse("2026-03-04T05:06:07.123456789Z");
            User alice = new User(ACCOUNT, "alice", "AIDAALICE", "/", created);

            store.users().create(alice);

            assertThat(store.users().find(ACCOUNT, "alice").orElseThrow().createDate())
                    .isEqualTo(Instant.parse("2026-03-04T05:06:07.123456Z"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void list_whenPaging_returnsNamesStrictlyAfterInCaseInsensitiveCodePointOrder(TestDatabase db) {
        try (Store store = db.open()) {
            // Punctuation sorts before letters by code point; a locale collation would order these differently.
            for (String name : List.of("carol", "Bob", "alice", "a-b", "a_b", "a.b", "a+b", "Dave")) {
                store.users().create(user(name));
            }
            store.users().create(user(OTHER_ACCOUNT, "aaron", "/"));

            List<String> firstPage = names(store.users().list(ACCOUNT, "/", null, 3));
            List<String> secondPage = names(store.users().list(ACCOUNT, "/", "A.B", 3));
            List<String> lastPage = names(store.users().list(ACCOUNT, null, "bob", 3));

            assertThat(firstPage).containsExactly("a+b", "a-b", "a.b");
            assertThat(secondPage).containsExactly("a_b", "alice", "Bob");
            assertThat(lastPage).containsExactly("carol", "Dave");
            assertThat(store.users().list(ACCOUNT, "/", "dave", 3)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void list_whenPathPrefixGiven_returnsOnlyPathsStartingWithIt(TestDatabase db) {
        try (Store store = db.open()) {
            store.users().create(user(ACCOUNT, "root-user", "/"));
            store.users().create(user(ACCOUNT, "dev", "/eng/dev/"));
            store.users().create(user(ACCOUNT, "ops", "/eng/ops/"));
            store.users().create(user(ACCOUNT, "underscore", "/a_b/"));
            store.users().create(user(ACCOUNT, "lookalike", "/axb/"));
            store.users().create(user(ACCOUNT, "percent", "/100%/"));
            store.users().create(user(ACCOUNT, "lookalike2", "/100x/"));

            assertThat(names(store.users().list(ACCOUNT, "/eng/", null, 100))).containsExactly("dev", "ops");
            assertThat(names(store.users().list(ACCOUNT, "/eng/ops/", null, 100))).containsExactly("ops");
            assertThat(names(store.users().list(ACCOUNT, "/a_b/", null, 100))).containsExactly("underscore");
            assertThat(names(store.users().list(ACCOUNT, "/100%", null, 100))).containsExactly("percent");
            assertThat(names(store.users().list(ACCOUNT, "/ENG/", null, 100))).isEmpty();
            assertThat(store.users().list(ACCOUNT, "/", null, 100)).hasSize(7);
            assertThat(store.users().list(ACCOUNT, null, null, 100)).hasSize(7);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void list_whenLimitNotPositive_throwsIllegalArgument(TestDatabase db) {
        try (Store store = db.open()) {
            assertThatThrownBy(() -> store.users().list(ACCOUNT, "/", null, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void delete_whenNameDiffersInCase_removesUser(TestDatabase db) {
        try (Store store = db.open()) {
            store.users().create(user("Alice"));
            store.users().create(user(OTHER_ACCOUNT, "alice", "/"));

            assertThat(store.users().delete(ACCOUNT, "ALICE")).isTrue();

            assertThat(store.users().find(ACCOUNT, "alice")).isEmpty();
            assertThat(store.users().find(OTHER_ACCOUNT, "alice")).isPresent();
            store.users().create(user("alice"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void delete_whenMissing_returnsFalse(TestDatabase db) {
        try (Store store = db.open()) {
            assertThat(store.users().delete(ACCOUNT, "nobody")).isFalse();
        }
    }

    private static List<String> names(List<User> users) {
        return users.stream().map(User::userName).toList();
    }
}
