package io.gatepass.store;

import io.gatepass.core.identity.Role;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.gatepass.store.Fixtures.ACCOUNT;
import static io.gatepass.store.Fixtures.OTHER_ACCOUNT;
import static io.gatepass.store.Fixtures.T0;
import static io.gatepass.store.Fixtures.TRUST_POLICY;
import static io.gatepass.store.Fixtures.role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleStoreTest {

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenNew_findReturnsEveryField(TestDatabase db) {
        try (Store store = db.open()) {
            Role builder = new Role(ACCOUNT, "Builder", "AROABUILDER", "/ci/", TRUST_POLICY, 43200,
                    "Runs the nightly build — ünïcödé", T0);
            Role bare = role("bare");

            store.roles().create(builder);
            store.roles().create(bare);

            assertThat(store.roles().find(ACCOUNT, "builder")).contains(builder);
            assertThat(store.roles().find(ACCOUNT, "bare")).contains(bare);
            assertThat(bare.description()).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenNameExistsIgnoringCase_throwsDuplicateEntity(TestDatabase db) {
        try (Store store = db.open()) {
            store.roles().create(role("Deployer"));

            assertThatThrownBy(() -> store.roles().create(role("dEPLOYER")))
                    .isInstanceOf(DuplicateEntityException.class);
            store.roles().create(role(OTHER_ACCOUNT, "deployer", "/"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void list_whenPagingWithPathPrefix_returnsMatchingNamesInOrder(TestDatabase db) {
        try (Store store = db.open()) {
            for (String name : List.of("zeta", "Alpha", "beta", "Gamma")) {
                store.roles().create(role(ACCOUNT, name, "/service-role/"));
            }
            store.roles().create(role(ACCOUNT, "delta", "/"));
            store.roles().create(role(OTHER_ACCOUNT, "aardvark", "/service-role/"));

            List<String> firstPage = names(store.roles().list(ACCOUNT, "/service-role/", null, 2));
            List<String> secondPage = names(store.roles().list(ACCOUNT, "/service-role/", "BETA", 2));

            assertThat(firstPage).containsExactly("Alpha", "beta");
            assertThat(secondPage).containsExactly("Gamma", "zeta");
            assertThat(names(store.roles().list(ACCOUNT, "/", "gamma", 10))).containsExactly("zeta");
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void delete_whenExists_removesOnlyThatRole(TestDatabase db) {
        try (Store store = db.open()) {
            store.roles().create(role("Deployer"));
            store.roles().create(role("auditor"));

            assertThat(store.roles().delete(ACCOUNT, "deployer")).isTrue();
            assertThat(store.roles().delete(ACCOUNT, "deployer")).isFalse();

            assertThat(names(store.roles().list(ACCOUNT, "/", null, 10))).containsExactly("auditor");
        }
    }

    private static List<String> names(List<Role> roles) {
        return roles.stream().map(Role::roleName).toList();
    }
}
