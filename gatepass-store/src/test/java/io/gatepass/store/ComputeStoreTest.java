package io.gatepass.store;

import io.gatepass.core.gamelift.Compute;
import io.gatepass.core.gamelift.Fleet;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.gatepass.store.Fixtures.ACCOUNT;
import static io.gatepass.store.Fixtures.T0;
import static io.gatepass.store.Fixtures.compute;
import static io.gatepass.store.Fixtures.fleet;
import static io.gatepass.store.Fixtures.fleetLocation;
import static io.gatepass.store.Fixtures.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComputeStoreTest {
    private static final String HOME = "custom-home";
    private static final String OFFICE = "custom-office";
    private static final Instant EXPIRY = Instant.parse("2026-03-04T08:06:07.123456Z");

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void register_whenNew_findAndFindByRegistrationIdReturnExactlyWhatWasStored(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store, HOME);
            Compute byIp = compute(fleet, "box-1", HOME);
            Compute byDns = new Compute(ACCOUNT, fleet.fleetId(), "rack/box-2",
                    "arn:aws:gamelift:us-east-1:" + ACCOUNT + ":compute/rack/box-2", null, "box-2.example.com", HOME,
                    "ACTIVE", "reg-dns", T0, EXPIRY);

            store.computes().register(byIp);
            store.computes().register(byDns);

            assertThat(store.computes().find(fleet.fleetId(), "box-1")).contains(byIp);
            assertThat(store.computes().findByRegistrationId(byIp.registrationId())).contains(byIp);
            assertThat(store.computes().find(fleet.fleetId(), "rack/box-2")).contains(byDns);
            assertThat(store.computes().findByRegistrationId("reg-dns")).contains(byDns);
            assertThat(store.computes().find(fleet.fleetId(), "box-3")).isEmpty();
            assertThat(store.computes().findByRegistrationId("reg-unknown")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void register_whenNameExistsOnFleet_throwsDuplicateEntityAndKeepsTheFirst(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store, HOME);
            Compute first = compute(fleet, "box-1", HOME);
            store.computes().register(first);

            assertThatThrownBy(() -> store.computes().register(compute(fleet, "box-1", HOME)))
                    .isInstanceOf(DuplicateEntityException.class)
                    .hasMessageContaining("box-1");

            assertThat(store.computes().find(fleet.fleetId(), "box-1")).contains(first);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void register_whenRegistrationIdExists_throwsDuplicateEntity(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store, HOME);
            Compute first = compute(fleet, "box-1", HOME);
            store.computes().register(first);
            Compute second = compute(fleet, "box-2", HOME);
            Compute sameRegistration = new Compute(ACCOUNT, fleet.fleetId(), "box-2", second.computeArn(),
                    second.ipAddress(), null, HOME, "ACTIVE", first.registrationId(), T0, null);

            assertThatThrownBy(() -> store.computes().register(sameRegistration))
                    .isInstanceOf(DuplicateEntityException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void register_whenNameDiffersInCaseOrFleet_keepsEachAsDistinct(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store, HOME);
            Fleet other = fleetIn(store, HOME);
            Compute upper = compute(fleet, "Box-1", HOME);
            Compute lower = compute(fleet, "box-1", HOME);
            Compute onOther = compute(other, "box-1", HOME);

            store.computes().register(upper);
            store.computes().register(lower);
            store.computes().register(onOther);

            assertThat(store.computes().find(fleet.fleetId(), "Box-1")).contains(upper);
            assertThat(store.computes().find(fleet.fleetId(), "box-1")).contains(lower);
            assertThat(store.computes().find(fleet.fleetId(), "BOX-1")).isEmpty();
            assertThat(store.computes().find(other.fleetId(), "box-1")).contains(onOther);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void register_whenLocationIsNotOnFleet_throwsReferenceViolation(TestDatabase db) {
        try (Store store = db.open()) {
            store.locations().create(location(ACCOUNT, OFFICE));
            Fleet fleet = fleetIn(store, HOME);

            assertThatThrownBy(() -> store.computes().register(compute(fleet, "box-1", OFFICE)))
                    .isInstanceOf(ReferenceViolationException.class)
                    .hasMessageContaining("box-1");
            assertThatThrownBy(() -> store.computes().register(compute(fleet, "box-1", "custom-HOME")))
                    .isInstanceOf(ReferenceViolationException.class);

            assertThat(store.computes().find(fleet.fleetId(), "box-1")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void register_whenFleetWasDeleted_throwsReferenceViolation(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store, HOME);
            store.fleets().delete(ACCOUNT, fleet.fleetId());

            assertThatThrownBy(() -> store.computes().register(compute(fleet, "box-1", HOME)))
                    .isInstanceOf(ReferenceViolationException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void deregister_whenRegistered_removesComputeAndItsRegistrationId(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store, HOME);
            Compute gone = compute(fleet, "box-1", HOME);
            Compute kept = compute(fleet, "box-2", HOME);
            store.computes().register(gone);
            store.computes().register(kept);

            assertThat(store.computes().deregister(fleet.fleetId(), "box-1")).isTrue();

            assertThat(store.computes().find(fleet.fleetId(), "box-1")).isEmpty();
            assertThat(store.computes().findByRegistrationId(gone.registrationId())).isEmpty();
            assertThat(store.computes().find(fleet.fleetId(), "box-2")).contains(kept);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void deregister_whenMissingOrNameDiffersInCase_returnsFalse(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store, HOME);
            store.computes().register(compute(fleet, "box-1", HOME));

            assertThat(store.computes().deregister(fleet.fleetId(), "BOX-1")).isFalse();
            assertThat(store.computes().deregister(fleet.fleetId(), "box-2")).isFalse();
            assertThat(store.computes().deregister("fleet-00000000-0000-4000-8000-000000000000", "box-1")).isFalse();

            assertThat(store.computes().find(fleet.fleetId(), "box-1")).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void register_whenSameNameAgainAfterDeregister_succeedsWithNewRegistrationOnly(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store, HOME);
            Compute first = compute(fleet, "box-1", HOME);
            store.computes().register(first);
            store.computes().deregister(fleet.fleetId(), "box-1");
            Compute again = compute(fleet, "box-1", HOME);

            store.computes().register(again);

            assertThat(again.registrationId()).isNotEqualTo(first.registrationId());
            assertThat(store.computes().find(fleet.fleetId(), "box-1")).contains(again);
            assertThat(store.computes().findByRegistrationId(first.registrationId())).isEmpty();
            assertThat(store.computes().findByRegistrationId(again.registrationId())).contains(again);
            assertThat(store.computes().updateTokenExpiry(fleet.fleetId(), "box-1", first.registrationId(), null,
                    EXPIRY)).as("the old registration's token expiry cannot be set").isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void list_whenPaging_returnsNamesStrictlyAfterInCodePointOrder(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store, HOME, OFFICE);
            Fleet other = fleetIn(store, HOME);
            for (String name : List.of("b", "B", "a/1", "a", "A", "9", "a-b")) {
                store.computes().register(compute(fleet, name, name.startsWith("a") ? OFFICE : HOME));
            }
            store.computes().register(compute(other, "0", HOME));

            List<String> firstPage = names(store.computes().list(fleet.fleetId(), null, null, 4));
            List<String> lastPage = names(store.computes().list(fleet.fleetId(), null, "a", 4));

            assertThat(firstPage).containsExactly("9", "A", "B", "a");
            assertThat(lastPage).containsExactly("a-b", "a/1", "b");
            assertThat(store.computes().list(fleet.fleetId(), null, "b", 4)).isEmpty();
            assertThat(store.computes().list("fleet-00000000-0000-4000-8000-000000000000", null, null, 4)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void list_whenLocationGiven_returnsOnlyThatLocationsComputesPaged(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store, HOME, OFFICE);
            for (String name : List.of("h3", "o1", "h1", "o2", "h2")) {
                store.computes().register(compute(fleet, name, name.startsWith("h") ? HOME : OFFICE));
            }

            assertThat(names(store.computes().list(fleet.fleetId(), HOME, null, 2))).containsExactly("h1", "h2");
            assertThat(names(store.computes().list(fleet.fleetId(), HOME, "h2", 2))).containsExactly("h3");
            assertThat(names(store.computes().list(fleet.fleetId(), OFFICE, null, 10))).containsExactly("o1", "o2");
            assertThat(store.computes().list(fleet.fleetId(), "custom-HOME", null, 10)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void list_whenLimitNotPositive_throwsIllegalArgument(TestDatabase db) {
        try (Store store = db.open()) {
            assertThatThrownBy(() -> store.computes().list("fleet-x", HOME, null, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void updateTokenExpiry_whenExpectedValueMatches_setsItEachTime(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store, HOME);
            Compute compute = compute(fleet, "box-1", HOME);
            store.computes().register(compute);
            String reg = compute.registrationId();
            Instant renewed = EXPIRY.plusSeconds(10_800);

            assertThat(store.computes().updateTokenExpiry(fleet.fleetId(), "box-1", reg, null, EXPIRY)).isTrue();
            assertThat(store.computes().find(fleet.fleetId(), "box-1")).contains(compute.withTokenExpiry(EXPIRY));
            assertThat(store.computes().updateTokenExpiry(fleet.fleetId(), "box-1", reg, EXPIRY, renewed)).isTrue();
            assertThat(store.computes().findByRegistrationId(reg)).contains(compute.withTokenExpiry(renewed));
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void updateTokenExpiry_whenExpectedValueIsStale_returnsFalseAndKeepsStoredValue(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store, HOME);
            Compute compute = compute(fleet, "box-1", HOME);
            store.computes().register(compute);
            String reg = compute.registrationId();
            store.computes().updateTokenExpiry(fleet.fleetId(), "box-1", reg, null, EXPIRY);

            assertThat(store.computes().updateTokenExpiry(fleet.fleetId(), "box-1", reg, null, T0)).isFalse();
            assertThat(store.computes().updateTokenExpiry(fleet.fleetId(), "box-1", reg, EXPIRY.minusNanos(1_000), T0))
                    .isFalse();

            assertThat(store.computes().find(fleet.fleetId(), "box-1").orElseThrow().tokenExpiry()).isEqualTo(EXPIRY);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void updateTokenExpiry_whenComputeGoneOrRegistrationDiffers_returnsFalse(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store, HOME);
            Compute compute = compute(fleet, "box-1", HOME);
            store.computes().register(compute);

            assertThat(store.computes().updateTokenExpiry(fleet.fleetId(), "box-1", "reg-other", null, EXPIRY))
                    .isFalse();
            assertThat(store.computes().updateTokenExpiry(fleet.fleetId(), "box-2", compute.registrationId(), null,
                    EXPIRY)).isFalse();
            store.computes().deregister(fleet.fleetId(), "box-1");
            assertThat(store.computes().updateTokenExpiry(fleet.fleetId(), "box-1", compute.registrationId(), null,
                    EXPIRY)).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void updateTokenExpiry_whenTwoThreadsExpectTheSameValue_exactlyOneWinsEveryRound(TestDatabase db)
            throws Exception {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store, HOME);
            Compute compute = compute(fleet, "box-1", HOME);
            store.computes().register(compute);
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            try {
                Instant current = null;
                for (int round = 0; round < 25; round++) {
                    Instant expected = current;
                    Instant[] proposals = {EXPIRY.plusSeconds(round * 10L), EXPIRY.plusSeconds(round * 10L + 1)};
                    CyclicBarrier start = new CyclicBarrier(2);
                    List<Callable<Boolean>> racers = new ArrayList<>();
                    for (Instant proposal : proposals) {
                        racers.add(() -> {
                            start.await();
                            return store.computes().updateTokenExpiry(fleet.fleetId(), "box-1",
                                    compute.registrationId(), expected, proposal);
                        });
                    }
                    List<Future<Boolean>> results = nodes.invokeAll(racers, 30, TimeUnit.SECONDS);
                    boolean firstWon = results.get(0).get();
                    boolean secondWon = results.get(1).get();

                    assertThat(firstWon ^ secondWon).as("exactly one winner in round %d", round).isTrue();
                    current = store.computes().find(fleet.fleetId(), "box-1").orElseThrow().tokenExpiry();
                    assertThat(current).isEqualTo(firstWon ? proposals[0] : proposals[1]);
                }
            } finally {
                nodes.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void countInLocation_whenComputesInSeveralLocationsAndFleets_countsOnlyThatFleetAndLocation(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store, HOME, OFFICE);
            Fleet other = fleetIn(store, HOME);
            store.computes().register(compute(fleet, "h1", HOME));
            store.computes().register(compute(fleet, "h2", HOME));
            store.computes().register(compute(fleet, "o1", OFFICE));
            store.computes().register(compute(other, "h1", HOME));

            assertThat(store.computes().countInLocation(fleet.fleetId(), HOME)).isEqualTo(2);
            assertThat(store.computes().countInLocation(fleet.fleetId(), OFFICE)).isEqualTo(1);
            assertThat(store.computes().countInLocation(other.fleetId(), OFFICE)).isZero();
            store.computes().deregister(fleet.fleetId(), "h1");
            assertThat(store.computes().countInLocation(fleet.fleetId(), HOME)).isEqualTo(1);
        }
    }

    /** A new fleet of {@link Fixtures#ACCOUNT} in the given locations, created first where missing. */
    private static Fleet fleetIn(Store store, String... locations) {
        Fleet fleet = fleet(ACCOUNT);
        for (String location : locations) {
            if (store.locations().find(ACCOUNT, location).isEmpty()) {
                store.locations().create(location(ACCOUNT, location));
            }
        }
        store.fleets().create(fleet, Arrays.stream(locations).map(name -> fleetLocation(fleet, name)).toList());
        return fleet;
    }

    private static List<String> names(List<Compute> computes) {
        return computes.stream().map(Compute::computeName).toList();
    }
}
