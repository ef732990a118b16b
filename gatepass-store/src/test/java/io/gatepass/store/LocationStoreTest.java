package io.gatepass.store;

import io.gatepass.core.gamelift.Fleet;
import io.gatepass.core.gamelift.Location;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.gatepass.store.Fixtures.ACCOUNT;
import static io.gatepass.store.Fixtures.OTHER_ACCOUNT;
import static io.gatepass.store.Fixtures.fleet;
import static io.gatepass.store.Fixtures.fleetLocation;
import static io.gatepass.store.Fixtures.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocationStoreTest {

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenNew_findReturnsExactlyWhatWasStored(TestDatabase db) {
        try (Store store = db.open()) {
            Location home = location(ACCOUNT, "custom-home");

            store.locations().create(home);

            assertThat(store.locations().find(ACCOUNT, "custom-home")).contains(home);
            assertThat(store.locations().find(OTHER_ACCOUNT, "custom-home")).isEmpty();
            assertThat(store.locations().find(ACCOUNT, "custom-office")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenNameExistsInAccount_throwsDuplicateEntity(TestDatabase db) {
        try (Store store = db.open()) {
            store.locations().create(location(ACCOUNT, "custom-home"));

            assertThatThrownBy(() -> store.locations().create(location(ACCOUNT, "custom-home")))
                    .isInstanceOf(DuplicateEntityException.class)
                    .hasMessageContaining("custom-home");
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenSameNameInOtherAccount_succeeds(TestDatabase db) {
        try (Store store = db.open()) {
            store.locations().create(location(ACCOUNT, "custom-home"));

            store.locations().create(location(OTHER_ACCOUNT, "custom-home"));

            assertThat(store.locations().find(OTHER_ACCOUNT, "custom-home"))
                    .contains(location(OTHER_ACCOUNT, "custom-home"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenNameDiffersOnlyInCase_keepsBothAsDistinct(TestDatabase db) {
        try (Store store = db.open()) {
            store.locations().create(location(ACCOUNT, "custom-Home"));

            store.locations().create(location(ACCOUNT, "custom-home"));

            assertThat(store.locations().find(ACCOUNT, "custom-Home").orElseThrow().locationName())
                    .isEqualTo("custom-Home");
            assertThat(store.locations().find(ACCOUNT, "custom-HOME")).isEmpty();
            assertThat(store.locations().list(ACCOUNT, null, 10)).hasSize(2);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void list_whenPaging_returnsNamesStrictlyAfterInCodePointOrder(TestDatabase db) {
        try (Store store = db.open()) {
            // Code point order: '-' < digits < upper case < lower case; a locale collation would interleave them.
            for (String name : List.of("custom-b", "custom-B", "custom-a", "custom-A-1", "custom-9", "custom--x")) {
                store.locations().create(location(ACCOUNT, name));
            }
            store.locations().create(location(OTHER_ACCOUNT, "custom-0"));

            assertThat(names(store.locations().list(ACCOUNT, null, 3)))
                    .containsExactly("custom--x", "custom-9", "custom-A-1");
            assertThat(names(store.locations().list(ACCOUNT, "custom-A-1", 3)))
                    .containsExactly("custom-B", "custom-a", "custom-b");
            assertThat(store.locations().list(ACCOUNT, "custom-b", 3)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void list_whenLimitNotPositive_throwsIllegalArgument(TestDatabase db) {
        try (Store store = db.open()) {
            assertThatThrownBy(() -> store.locations().list(ACCOUNT, null, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void delete_whenExists_removesOnlyThatAccountsLocation(TestDatabase db) {
        try (Store store = db.open()) {
            store.locations().create(location(ACCOUNT, "custom-home"));
            store.locations().create(location(OTHER_ACCOUNT, "custom-home"));

            assertThat(store.locations().delete(ACCOUNT, "custom-home")).isTrue();

            assertThat(store.locations().find(ACCOUNT, "custom-home")).isEmpty();
            assertThat(store.locations().find(OTHER_ACCOUNT, "custom-home")).isPresent();
            assertThat(store.locations().delete(ACCOUNT, "custom-home")).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void delete_whenNameDiffersInCase_returnsFalse(TestDatabase db) {
        try (Store store = db.open()) {
            store.locations().create(location(ACCOUNT, "custom-home"));

            assertThat(store.locations().delete(ACCOUNT, "custom-HOME")).isFalse();

            assertThat(store.locations().find(ACCOUNT, "custom-home")).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void delete_whenFleetRunsThere_throwsReferenceViolationAndKeepsLocation(TestDatabase db) {
        try (Store store = db.open()) {
            store.locations().create(location(ACCOUNT, "custom-home"));
            Fleet fleet = fleet(ACCOUNT);
            store.fleets().create(fleet, List.of(fleetLocation(fleet, "custom-home")));

            assertThatThrownBy(() -> store.locations().delete(ACCOUNT, "custom-home"))
                    .isInstanceOf(ReferenceViolationException.class);

            assertThat(store.locations().find(ACCOUNT, "custom-home")).isPresent();
            store.fleets().delete(ACCOUNT, fleet.fleetId());
            assertThat(store.locations().delete(ACCOUNT, "custom-home")).isTrue();
        }
    }

    private static List<String> names(List<Location> locations) {
        return locations.stream().map(Location::locationName).toList();
    }
}
