package io.gatepass.store;

import io.gatepass.core.identity.Account;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.gatepass.store.Fixtures.ACCOUNT;
import static io.gatepass.store.Fixtures.OTHER_ACCOUNT;
import static io.gatepass.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountStoreTest {

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void createBootstrap_whenTwoNodesStartAtOnceOnAnEmptyDatabase_createsExactlyOneAccount(TestDatabase db)
            throws Exception {
        String url = db.freshUrl();
        int racers = 8;
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try (Store nodeA = Stores.open(url, null); Store nodeB = Stores.open(url, null)) {
            CyclicBarrier start = new CyclicBarrier(racers);
            List<Future<Account>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Store node = i % 2 == 0 ? nodeA : nodeB;
                Account candidate = new Account(String.format("1000000000%02d", i), T0);
                results.add(threads.submit(() -> {
                    start.await();
                    return node.accounts().createBootstrap(candidate);
                }));
            }
            Set<Account> winners = new HashSet<>();
            for (Future<Account> result : results) {
                winners.add(result.get(30, TimeUnit.SECONDS));
            }

            assertThat(winners).hasSize(1);
            Account winner = winners.iterator().next();
            assertThat(nodeB.accounts().findBootstrap()).contains(winner);
            for (int i = 0; i < racers; i++) {
                String id = String.format("1000000000%02d", i);
                assertThat(nodeA.accounts().find(id).isPresent()).as(id).isEqualTo(id.equals(winner.accountId()));
            }
            assertThat(nodeA.accounts().createBootstrap(new Account(OTHER_ACCOUNT, T0))).isEqualTo(winner);
        } finally {
            threads.shutdownNow();
        }
    }

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
