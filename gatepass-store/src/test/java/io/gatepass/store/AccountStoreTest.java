package io.gatepass.store;

import io.gatepass.core.identity.Account;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.gatepass.store.Fixtures.ACCOUNT;
import static io.gatepass.store.Fixtures.OTHER_ACCOUNT;
import static io.gatepass.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountStoreTest {

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenNew_findReturnsIt(TestDatabase db) {
        try (Store store = db.open()) {
            Account account = new Account(ACCOUNT, T0);

            store.accounts().create(account);

            assertThat(store.accounts().find(ACCOUNT)).contains(account);
            assertThat(store.accounts().find(OTHER_ACCOUNT)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenIdExists_throwsDuplicateEntity(TestDatabase db) {
        try (Store store = db.open()) {
            store.accounts().create(new Account(ACCOUNT, T0));

            assertThatThrownBy(() -> store.accounts().create(new Account(ACCOUNT, T0.plusSeconds(1))))
                    .isInstanceOf(DuplicateEntityException.class)
                    .hasMessageContaining(ACCOUNT);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void findBootstrap_whenNoAccount_returnsEmpty(TestDatabase db) {
        try (Store store = db.open()) {
            assertThat(store.accounts().findBootstrap()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void findBootstrap_whenSeveralAccounts_returnsFirstCreated(TestDatabase db) {
        try (Store store = db.open()) {
            // Neither id order nor create_date order: creation order decides.
            Account first = new Account("999999999999", T0.plusSeconds(60));
            store.accounts().create(first);
            store.accounts().create(new Account("111111111111", T0));

            assertThat(store.accounts().findBootstrap()).contains(first);
        }
    }
}
