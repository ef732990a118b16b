package io.gatepass.store;

import io.gatepass.core.gamelift.Compute;
import io.gatepass.core.gamelift.Fleet;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;

import static io.gatepass.store.Fixtures.ACCOUNT;
import static io.gatepass.store.Fixtures.compute;
import static io.gatepass.store.Fixtures.fleet;
import static io.gatepass.store.Fixtures.fleetLocation;
import static io.gatepass.store.Fixtures.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerProcessStoreTest {
    private static final String HOME = "custom-home";
    private static final Instant ACTIVATED = Instant.parse("2026-12-06T08:00:00.123456Z");
    private static final Instant LATER = Instant.parse("2026-12-06T08:01:00.654321Z");

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void save_thenUpdate_thenRemove_listShowsEachState(TestDatabase db) {
        try (Store store = db.open()) {
            Compute compute = computeIn(store);
            ServerProcessRecord process = record(compute, "proc-b", "node-1");
            ServerProcessRecord other = record(compute, "proc-a", "node-2");

            store.serverProcesses().save(process);
            store.serverProcesses().save(other);
            assertThat(store.serverProcesses().list(compute.fleetId())).containsExactly(other, process);

            assertThat(store.serverProcesses().update(compute.fleetId(), compute.computeName(), "proc-b",
                    "UNHEALTHY", LATER)).isTrue();
            assertThat(store.serverProcesses().list(compute.fleetId())).last().satisfies(p -> {
                assertThat(p.status()).isEqualTo("UNHEALTHY");
                assertThat(p.lastHeartbeat()).isEqualTo(LATER);
                assertThat(p.activatedAt()).isEqualTo(ACTIVATED);
            });

            assertThat(store.serverProcesses().remove(compute.fleetId(), compute.computeName(), "proc-b")).isTrue();
            assertThat(store.serverProcesses().remove(compute.fleetId(), compute.computeName(), "proc-b")).isFalse();
            assertThat(store.serverProcesses().update(compute.fleetId(), compute.computeName(), "proc-b",
                    "ACTIVE", LATER)).isFalse();
            assertThat(store.serverProcesses().list(compute.fleetId())).containsExactly(other);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void listOfACompute_holdsOnlyThatComputesProcesses(TestDatabase db) {
        try (Store store = db.open()) {
            Compute compute = computeIn(store);
            Compute neighbour = compute(store.fleets().find(ACCOUNT, compute.fleetId()).orElseThrow(), "rack-2", HOME);
            store.computes().register(neighbour);
            ServerProcessRecord b = record(compute, "proc-b", "node-1");
            ServerProcessRecord a = record(compute, "proc-a", "node-1");
            store.serverProcesses().save(b);
            store.serverProcesses().save(record(neighbour, "proc-c", "node-1"));
            store.serverProcesses().save(a);

            assertThat(store.serverProcesses().list(compute.fleetId(), "rack-1")).containsExactly(a, b);
            assertThat(store.serverProcesses().list(compute.fleetId(), "rack-2"))
                    .extracting(ServerProcessRecord::processId).containsExactly("proc-c");
            assertThat(store.serverProcesses().list(compute.fleetId(), "rack-3")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void save_whenKeyExists_replacesTheRow(TestDatabase db) {
        try (Store store = db.open()) {
            Compute compute = computeIn(store);
            store.serverProcesses().save(record(compute, "proc-1", "node-1"));

            ServerProcessRecord again = record(compute, "proc-1", "node-2");
            store.serverProcesses().save(again);

            assertThat(store.serverProcesses().list(compute.fleetId())).containsExactly(again);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void removeNode_removesOnlyThatNodesProcesses(TestDatabase db) {
        try (Store store = db.open()) {
            Compute compute = computeIn(store);
            store.serverProcesses().save(record(compute, "proc-1", "node-1"));
            store.serverProcesses().save(record(compute, "proc-2", "node-1"));
            ServerProcessRecord kept = record(compute, "proc-3", "node-2");
            store.serverProcesses().save(kept);

            assertThat(store.serverProcesses().removeNode("node-1")).isEqualTo(2);

            assertThat(store.serverProcesses().list(compute.fleetId())).containsExactly(kept);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void silentSince_listsProcessesOfAnyNodeWithAnOlderHeartbeat(TestDatabase db) {
        try (Store store = db.open()) {
            Compute compute = computeIn(store);
            store.serverProcesses().save(record(compute, "proc-1", "node-gone"));
            store.serverProcesses().save(record(compute, "proc-2", "node-1"));
            store.serverProcesses().save(record(compute, "proc-3", "node-gone"));
            store.serverProcesses().update(compute.fleetId(), compute.computeName(), "proc-3", "ACTIVE", LATER);

            assertThat(store.serverProcesses().silentSince(LATER)).extracting(ServerProcessRecord::processId)
                    .containsExactly("proc-1", "proc-2");
            assertThat(store.serverProcesses().silentSince(ACTIVATED)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void deregisterAndDeleteFleet_takeTheProcessesAlong_andSaveForAGoneComputeIsRefused(TestDatabase db) {
        try (Store store = db.open()) {
            Compute compute = computeIn(store);
            store.serverProcesses().save(record(compute, "proc-1", "node-1"));

            store.computes().deregister(compute.fleetId(), compute.computeName());

            assertThat(store.serverProcesses().list(compute.fleetId())).isEmpty();
            assertThatThrownBy(() -> store.serverProcesses().save(record(compute, "proc-2", "node-1")))
                    .isInstanceOf(ReferenceViolationException.class);
            store.computes().register(compute);
            store.serverProcesses().save(record(compute, "proc-3", "node-1"));
            store.fleets().delete(ACCOUNT, compute.fleetId());
            assertThat(store.serverProcesses().list(compute.fleetId())).isEmpty();
        }
    }

    private static ServerProcessRecord record(Compute compute, String processId, String node) {
        return new ServerProcessRecord(compute.fleetId(), compute.computeName(), processId, ACCOUNT, HOME, "ACTIVE",
                7777, node, "5.4.0", processId.equals("proc-a") ? null : "Cpp", ACTIVATED, ACTIVATED);
    }

    private static Compute computeIn(Store store) {
        Fleet fleet = fleet(ACCOUNT);
        store.locations().create(location(ACCOUNT, HOME));
        store.fleets().create(fleet, List.of(fleetLocation(fleet, HOME)));
        Compute compute = compute(fleet, "rack-1", HOME);
        store.computes().register(compute);
        return compute;
    }
}
