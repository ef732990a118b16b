package io.gatepass.store;

import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.gatepass.store.Fixtures.ACCOUNT;
import static io.gatepass.store.Fixtures.OTHER_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

class InlinePolicyStoreTest {
    private static final PolicyOwner ALICE = PolicyOwner.user(ACCOUNT, "Alice");
    private static final String ALLOW_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":"
            + "[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    private static final String DENY_ALL = ALLOW_ALL.replace("Allow", "Deny");

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void put_whenNew_findReturnsIt(TestDatabase db) {
        try (Store store = db.open()) {
            InlinePolicy policy = new InlinePolicy("AdminAccess", ALLOW_ALL);

            store.policies().put(ALICE, policy);

            assertThat(store.policies().find(ALICE, "AdminAccess")).contains(policy);
            assertThat(store.policies().find(PolicyOwner.user(ACCOUNT, "ALICE"), "adminaccess")).contains(policy);
            assertThat(store.policies().find(ALICE, "Other")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void put_whenNameExistsIgnoringCase_replacesDocumentAndSpelling(TestDatabase db) {
        try (Store store = db.open()) {
            store.policies().put(ALICE, new InlinePolicy("AdminAccess", ALLOW_ALL));

            store.policies().put(ALICE, new InlinePolicy("ADMINACCESS", DENY_ALL));

            assertThat(store.policies().list(ALICE)).containsExactly(new InlinePolicy("ADMINACCESS", DENY_ALL));
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void list_whenSeveralOwners_returnsOnlyThatOwnersPoliciesOrderedByName(TestDatabase db) {
        try (Store store = db.open()) {
            store.policies().put(ALICE, new InlinePolicy("zeta", ALLOW_ALL));
            store.policies().put(ALICE, new InlinePolicy("Beta", ALLOW_ALL));
            store.policies().put(ALICE, new InlinePolicy("alpha", ALLOW_ALL));
            store.policies().put(PolicyOwner.role(ACCOUNT, "Alice"), new InlinePolicy("role-policy", ALLOW_ALL));
            store.policies().put(PolicyOwner.user(ACCOUNT, "bob"), new InlinePolicy("bob-policy", ALLOW_ALL));
            store.policies().put(PolicyOwner.user(OTHER_ACCOUNT, "Alice"), new InlinePolicy("other", ALLOW_ALL));

            assertThat(store.policies().list(ALICE)).extracting(InlinePolicy::policyName)
                    .containsExactly("alpha", "Beta", "zeta");
            assertThat(store.policies().list(PolicyOwner.role(ACCOUNT, "alice")))
                    .extracting(InlinePolicy::policyName).containsExactly("role-policy");
            assertThat(store.policies().list(PolicyOwner.role(ACCOUNT, "nobody"))).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void delete_whenExists_removesOnlyThatPolicy(TestDatabase db) {
        try (Store store = db.open()) {
            store.policies().put(ALICE, new InlinePolicy("one", ALLOW_ALL));
            store.policies().put(ALICE, new InlinePolicy("two", ALLOW_ALL));

            assertThat(store.policies().delete(ALICE, "ONE")).isTrue();
            assertThat(store.policies().delete(ALICE, "one")).isFalse();
            assertThat(store.policies().delete(PolicyOwner.role(ACCOUNT, "Alice"), "two")).isFalse();

            assertThat(store.policies().list(ALICE)).extracting(InlinePolicy::policyName).containsExactly("two");
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void deleteAll_whenOwnerHasPolicies_removesThemAndCountsThem(TestDatabase db) {
        try (Store store = db.open()) {
            PolicyOwner aliceRole = PolicyOwner.role(ACCOUNT, "Alice");
            store.policies().put(ALICE, new InlinePolicy("one", ALLOW_ALL));
            store.policies().put(ALICE, new InlinePolicy("two", ALLOW_ALL));
            store.policies().put(aliceRole, new InlinePolicy("one", ALLOW_ALL));

            assertThat(store.policies().deleteAll(PolicyOwner.user(ACCOUNT, "alice"))).isEqualTo(2);

            assertThat(store.policies().list(ALICE)).isEmpty();
            assertThat(store.policies().list(aliceRole)).hasSize(1);
            assertThat(store.policies().deleteAll(ALICE)).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void put_whenDocumentIsLargeUnicode_roundTripsExactly(TestDatabase db) {
        try (Store store = db.open()) {
            String document = largeUnicodeDocument(10_240);
            InlinePolicy policy = new InlinePolicy("Large", document);

            store.policies().put(ALICE, policy);

            String stored = store.policies().find(ALICE, "Large").orElseThrow().policyDocument();
            assertThat(stored).isEqualTo(document);
            assertThat(store.policies().list(ALICE)).containsExactly(policy);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void put_whenDocumentHasIamMaximumLength_roundTripsExactly(TestDatabase db) {
        try (Store store = db.open()) {
            String document = largeUnicodeDocument(131_072);

            store.policies().put(ALICE, new InlinePolicy("Max", document));

            assertThat(store.policies().find(ALICE, "Max").orElseThrow().policyDocument()).isEqualTo(document);
        }
    }

    /** A JSON policy of exactly {@code length} chars with quotes, escapes, CJK, emoji and combining marks. */
    private static String largeUnicodeDocument(int length) {
        String statement = "{\"Sid\":\"Zugriff für Ärzte — 日本語 🚀 é\\u00e9 \\\"q\\\" \\\\\",\"Effect\":\"Allow\","
                + "\"Action\":\"gamelift:*\",\"Resource\":\"*\"}";
        StringBuilder json = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        for (String separator = ""; json.length() + separator.length() + statement.length() + 3 <= length;
             separator = ",") {
            json.append(separator).append(statement);
        }
        json.append("]}");
        json.append("\n".repeat(length - json.length()));
        assertThat(json).hasSize(length);
        return json.toString();
    }
}
