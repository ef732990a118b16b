package io.gatepass.store;

import io.gatepass.core.gamelift.Compute;
import io.gatepass.core.gamelift.Fleet;
import io.gatepass.core.gamelift.FleetLocation;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.gatepass.store.Fixtures.ACCOUNT;
import static io.gatepass.store.Fixtures.OTHER_ACCOUNT;
import static io.gatepass.store.Fixtures.T0;
import static io.gatepass.store.Fixtures.compute;
import static io.gatepass.store.Fixtures.fleet;
import static io.gatepass.store.Fixtures.fleetLocation;
import static io.gatepass.store.Fixtures.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FleetStoreTest {

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void runtimeConfiguration_isNoneUntilUpdated_thenTheLatestAndGoesWithTheFleet(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleet(ACCOUNT);
            store.fleets().create(fleet, List.of());
            assertThat(store.fleets().runtimeConfiguration(fleet.fleetId())).isEmpty();

            assertThat(store.fleets().updateRuntimeConfiguration(fleet.fleetId(), "{\"ServerProcesses\":[1]}"))
                    .isTrue();
            assertThat(store.fleets().updateRuntimeConfiguration(fleet.fleetId(), "{\"ServerProcesses\":[2]}"))
                    .isTrue();

            assertThat(store.fleets().runtimeConfiguration(fleet.fleetId())).contains("{\"ServerProcesses\":[2]}");
            assertThat(store.fleets().find(ACCOUNT, fleet.fleetId())).contains(fleet);
            store.fleets().delete(ACCOUNT, fleet.fleetId());
            assertThat(store.fleets().runtimeConfiguration(fleet.fleetId())).isEmpty();
            assertThat(store.fleets().updateRuntimeConfiguration(fleet.fleetId(), "{}")).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenNew_findReturnsFleetAndLocationsExactly(TestDatabase db) {
        try (Store store = db.open()) {
            createLocations(store, ACCOUNT, "custom-home", "custom-office");
            Fleet fleet = new Fleet(ACCOUNT, "fleet-1a2b3c4d-0000-4000-8000-000000000001",
                    "arn:aws:gamelift:us-east-1:123456789012:fleet/fleet-1a2b3c4d-0000-4000-8000-000000000001",
                    "Zugriff 日本語 🚀", "a description", "ANYWHERE", "ACTIVE", T0, "{\"MetricGroups\":[\"default\"]}");
            List<FleetLocation> locations = List.of(fleetLocation(fleet, "custom-office"),
                    new FleetLocation(fleet.fleetId(), "custom-home", "ACTIVATING", T0.plusSeconds(1)));

            store.fleets().create(fleet, locations);

            assertThat(store.fleets().find(ACCOUNT, fleet.fleetId())).contains(fleet);
            assertThat(store.fleets().locations(fleet.fleetId())).containsExactly(locations.get(1), locations.get(0));
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenNullableFieldsAreNull_roundTripsThem(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleet(ACCOUNT);
            Fleet bare = new Fleet(ACCOUNT, fleet.fleetId(), fleet.fleetArn(), fleet.name(), null,
                    fleet.computeType(), fleet.status(), fleet.createdAt(), null);

            store.fleets().create(bare, List.of());

            assertThat(store.fleets().find(ACCOUNT, bare.fleetId())).contains(bare);
            assertThat(store.fleets().locations(bare.fleetId())).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenFleetIdExists_throwsDuplicateEntityAndKeepsTheFirst(TestDatabase db) {
        try (Store store = db.open()) {
            createLocations(store, ACCOUNT, "custom-home", "custom-office");
            Fleet fleet = fleet(ACCOUNT);
            store.fleets().create(fleet, List.of(fleetLocation(fleet, "custom-home")));

            assertThatThrownBy(() -> store.fleets().create(fleet, List.of(fleetLocation(fleet, "custom-office"))))
                    .isInstanceOf(DuplicateEntityException.class)
                    .hasMessageContaining(fleet.fleetId());

            assertThat(store.fleets().locations(fleet.fleetId())).extracting(FleetLocation::location)
                    .containsExactly("custom-home");
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenLastLocationDoesNotExist_throwsReferenceViolationAndCreatesNothing(TestDatabase db) {
        try (Store store = db.open()) {
            createLocations(store, ACCOUNT, "custom-home");
            Fleet fleet = fleet(ACCOUNT);

            assertThatThrownBy(() -> store.fleets().create(fleet,
                    List.of(fleetLocation(fleet, "custom-home"), fleetLocation(fleet, "custom-nowhere"))))
                    .isInstanceOf(ReferenceViolationException.class);

            assertThat(store.fleets().find(ACCOUNT, fleet.fleetId())).isEmpty();
            assertThat(store.fleets().locations(fleet.fleetId())).isEmpty();
            assertThat(store.fleets().isLocationInUse(ACCOUNT, "custom-home")).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenLocationListedTwice_throwsDuplicateEntityAndCreatesNothing(TestDatabase db) {
        try (Store store = db.open()) {
            createLocations(store, ACCOUNT, "custom-home");
            Fleet fleet = fleet(ACCOUNT);

            assertThatThrownBy(() -> store.fleets().create(fleet,
                    List.of(fleetLocation(fleet, "custom-home"), fleetLocation(fleet, "custom-home"))))
                    .isInstanceOf(DuplicateEntityException.class);

            assertThat(store.fleets().find(ACCOUNT, fleet.fleetId())).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenLocationBelongsToOtherAccountOrDiffersInCase_throwsReferenceViolation(TestDatabase db) {
        try (Store store = db.open()) {
            createLocations(store, OTHER_ACCOUNT, "custom-theirs");
            createLocations(store, ACCOUNT, "custom-home");
            Fleet fleet = fleet(ACCOUNT);

            assertThatThrownBy(() -> store.fleets().create(fleet, List.of(fleetLocation(fleet, "custom-theirs"))))
                    .isInstanceOf(ReferenceViolationException.class);
            assertThatThrownBy(() -> store.fleets().create(fleet, List.of(fleetLocation(fleet, "custom-HOME"))))
                    .isInstanceOf(ReferenceViolationException.class);

            assertThat(store.fleets().find(ACCOUNT, fleet.fleetId())).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenLocationNamesAnotherFleet_throwsIllegalArgument(TestDatabase db) {
        try (Store store = db.open()) {
            createLocations(store, ACCOUNT, "custom-home");
            Fleet fleet = fleet(ACCOUNT);
            Fleet other = fleet(ACCOUNT);

            assertThatThrownBy(() -> store.fleets().create(fleet, List.of(fleetLocation(other, "custom-home"))))
                    .isInstanceOf(IllegalArgumentException.class);

            assertThat(store.fleets().find(ACCOUNT, fleet.fleetId())).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void find_whenOtherAccountOrMissing_returnsEmpty(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleet(ACCOUNT);
            store.fleets().create(fleet, List.of());

            assertThat(store.fleets().find(OTHER_ACCOUNT, fleet.fleetId())).isEmpty();
            assertThat(store.fleets().find(ACCOUNT, "fleet-00000000-0000-4000-8000-000000000000")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void list_whenPaging_returnsAccountsFleetsStrictlyAfterInIdOrder(TestDatabase db) {
        try (Store store = db.open()) {
            List<Fleet> fleets = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Fleet fleet = fleet(ACCOUNT);
                store.fleets().create(fleet, List.of());
                fleets.add(fleet);
            }
            store.fleets().create(fleet(OTHER_ACCOUNT), List.of());
            fleets.sort(Comparator.comparing(Fleet::fleetId));

            List<Fleet> firstPage = store.fleets().list(ACCOUNT, null, 3);
            List<Fleet> lastPage = store.fleets().list(ACCOUNT, firstPage.get(2).fleetId(), 3);

            assertThat(firstPage).containsExactlyElementsOf(fleets.subList(0, 3));
            assertThat(lastPage).containsExactlyElementsOf(fleets.subList(3, 5));
            assertThat(store.fleets().list(ACCOUNT, fleets.get(4).fleetId(), 3)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void list_whenLimitNotPositive_throwsIllegalArgument(TestDatabase db) {
        try (Store store = db.open()) {
            assertThatThrownBy(() -> store.fleets().list(ACCOUNT, null, -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void delete_whenFleetHasLocationsAndComputes_removesThemAllAndTheirRegistrations(TestDatabase db) {
        try (Store store = db.open()) {
            createLocations(store, ACCOUNT, "custom-home", "custom-office");
            Fleet fleet = fleet(ACCOUNT);
            Fleet kept = fleet(ACCOUNT);
            store.fleets().create(fleet,
                    List.of(fleetLocation(fleet, "custom-home"), fleetLocation(fleet, "custom-office")));
            store.fleets().create(kept, List.of(fleetLocation(kept, "custom-home")));
            Compute atHome = compute(fleet, "box-1", "custom-home");
            Compute atOffice = compute(fleet, "box-2", "custom-office");
            Compute keptCompute = compute(kept, "box-1", "custom-home");
            for (Compute compute : List.of(atHome, atOffice, keptCompute)) {
                store.computes().register(compute);
            }

            assertThat(store.fleets().delete(ACCOUNT, fleet.fleetId())).isTrue();

            assertThat(store.fleets().find(ACCOUNT, fleet.fleetId())).isEmpty();
            assertThat(store.fleets().locations(fleet.fleetId())).isEmpty();
            assertThat(store.computes().findByRegistrationId(atHome.registrationId())).isEmpty();
            assertThat(store.computes().findByRegistrationId(atOffice.registrationId())).isEmpty();
            assertThat(store.computes().list(fleet.fleetId(), null, null, 10)).isEmpty();
            assertThat(store.computes().findByRegistrationId(keptCompute.registrationId())).contains(keptCompute);
            assertThat(store.fleets().locations(kept.fleetId())).hasSize(1);
            assertThat(store.fleets().isLocationInUse(ACCOUNT, "custom-office")).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void delete_whenOtherAccountOrMissing_returnsFalseAndKeepsFleet(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleet(ACCOUNT);
            store.fleets().create(fleet, List.of());

            assertThat(store.fleets().delete(OTHER_ACCOUNT, fleet.fleetId())).isFalse();
            assertThat(store.fleets().delete(ACCOUNT, "fleet-00000000-0000-4000-8000-000000000000")).isFalse();

            assertThat(store.fleets().find(ACCOUNT, fleet.fleetId())).contains(fleet);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void addLocations_whenNew_addsThemAll(TestDatabase db) {
        try (Store store = db.open()) {
            createLocations(store, ACCOUNT, "custom-a", "custom-b", "custom-c");
            Fleet fleet = fleet(ACCOUNT);
            store.fleets().create(fleet, List.of(fleetLocation(fleet, "custom-b")));

            assertThat(store.fleets().addLocations(fleet.fleetId(),
                    List.of(fleetLocation(fleet, "custom-c"), fleetLocation(fleet, "custom-a")))).isTrue();

            assertThat(store.fleets().locations(fleet.fleetId())).extracting(FleetLocation::location)
                    .containsExactly("custom-a", "custom-b", "custom-c");
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void addLocations_whenOneIsAlreadyOnFleet_throwsDuplicateEntityAndAddsNone(TestDatabase db) {
        try (Store store = db.open()) {
            createLocations(store, ACCOUNT, "custom-a", "custom-b");
            Fleet fleet = fleet(ACCOUNT);
            store.fleets().create(fleet, List.of(fleetLocation(fleet, "custom-b")));

            assertThatThrownBy(() -> store.fleets().addLocations(fleet.fleetId(),
                    List.of(fleetLocation(fleet, "custom-a"), fleetLocation(fleet, "custom-b"))))
                    .isInstanceOf(DuplicateEntityException.class);

            assertThat(store.fleets().locations(fleet.fleetId())).extracting(FleetLocation::location)
                    .containsExactly("custom-b");
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void addLocations_whenLocationDoesNotExist_throwsReferenceViolationAndAddsNone(TestDatabase db) {
        try (Store store = db.open()) {
            createLocations(store, ACCOUNT, "custom-a");
            Fleet fleet = fleet(ACCOUNT);
            store.fleets().create(fleet, List.of());

            assertThatThrownBy(() -> store.fleets().addLocations(fleet.fleetId(),
                    List.of(fleetLocation(fleet, "custom-a"), fleetLocation(fleet, "custom-nowhere"))))
                    .isInstanceOf(ReferenceViolationException.class);

            assertThat(store.fleets().locations(fleet.fleetId())).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void addLocations_whenNoSuchFleet_returnsFalse(TestDatabase db) {
        try (Store store = db.open()) {
            createLocations(store, ACCOUNT, "custom-a");
            Fleet unsaved = fleet(ACCOUNT);

            assertThat(store.fleets().addLocations(unsaved.fleetId(), List.of(fleetLocation(unsaved, "custom-a"))))
                    .isFalse();

            assertThat(store.fleets().isLocationInUse(ACCOUNT, "custom-a")).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void removeLocations_whenSomeAreOnFleet_removesThemWithTheirComputesAndCountsThem(TestDatabase db) {
        try (Store store = db.open()) {
            createLocations(store, ACCOUNT, "custom-a", "custom-b", "custom-c");
            Fleet fleet = fleet(ACCOUNT);
            store.fleets().create(fleet, List.of(fleetLocation(fleet, "custom-a"), fleetLocation(fleet, "custom-b"),
                    fleetLocation(fleet, "custom-c")));
            Compute inA = compute(fleet, "box-a", "custom-a");
            Compute inC = compute(fleet, "box-c", "custom-c");
            store.computes().register(inA);
            store.computes().register(inC);

            int removed = store.fleets().removeLocations(fleet.fleetId(),
                    List.of("custom-a", "custom-b", "custom-nowhere", "custom-C"));

            assertThat(removed).isEqualTo(2);
            assertThat(store.fleets().locations(fleet.fleetId())).extracting(FleetLocation::location)
                    .containsExactly("custom-c");
            assertThat(store.computes().findByRegistrationId(inA.registrationId())).isEmpty();
            assertThat(store.computes().find(fleet.fleetId(), "box-c")).contains(inC);
            assertThat(store.fleets().removeLocations(fleet.fleetId(), List.of("custom-a"))).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void isLocationInUse_whenAFleetOfTheAccountRunsThere_returnsTrueUntilItStops(TestDatabase db) {
        try (Store store = db.open()) {
            createLocations(store, ACCOUNT, "custom-home", "custom-idle");
            createLocations(store, OTHER_ACCOUNT, "custom-home");
            Fleet first = fleet(ACCOUNT);
            Fleet second = fleet(ACCOUNT);
            store.fleets().create(first, List.of(fleetLocation(first, "custom-home")));
            store.fleets().create(second, List.of(fleetLocation(second, "custom-home")));

            assertThat(store.fleets().isLocationInUse(ACCOUNT, "custom-home")).isTrue();
            assertThat(store.fleets().isLocationInUse(ACCOUNT, "custom-idle")).isFalse();
            assertThat(store.fleets().isLocationInUse(ACCOUNT, "custom-HOME")).isFalse();
            assertThat(store.fleets().isLocationInUse(OTHER_ACCOUNT, "custom-home")).isFalse();

            store.fleets().delete(ACCOUNT, first.fleetId());
            assertThat(store.fleets().isLocationInUse(ACCOUNT, "custom-home")).isTrue();
            store.fleets().removeLocations(second.fleetId(), List.of("custom-home"));
            assertThat(store.fleets().isLocationInUse(ACCOUNT, "custom-home")).isFalse();
        }
    }

    private static void createLocations(Store store, String accountId, String... names) {
        for (String name : names) {
            store.locations().create(location(accountId, name));
        }
    }
}
