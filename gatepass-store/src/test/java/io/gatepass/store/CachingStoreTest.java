package io.gatepass.store;

import io.gatepass.core.gamelift.Compute;
import io.gatepass.core.gamelift.Fleet;
import io.gatepass.core.identity.AccessKey;
import io.gatepass.core.identity.AccessKeyStatus;
import io.gatepass.store.internal.cache.CachingStore;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatepass.store.Fixtures.ACCOUNT;
import static io.gatepass.store.Fixtures.OTHER_ACCOUNT;
import static io.gatepass.store.Fixtures.T0;
import static io.gatepass.store.Fixtures.compute;
import static io.gatepass.store.Fixtures.fleet;
import static io.gatepass.store.Fixtures.fleetLocation;
import static io.gatepass.store.Fixtures.key;
import static io.gatepass.store.Fixtures.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The caching store as two nodes sharing one database see it: {@code node} caches, {@code otherNode} writes to the
 * database directly. On the caching node its own writes show at once; another node's within the time-to-live.
 */
class CachingStoreTest {
    private static final Duration TTL = Duration.ofSeconds(1);
    private final AtomicLong nanos = new AtomicLong(42);
    private Store otherNode;
    private Store node;

    @BeforeEach
    void open() {
        String url = TestDatabase.H2.freshUrl();
        otherNode = Stores.open(url, null);
        node = new CachingStore(Stores.open(url, null), TTL, nanos::get);
    }

    @AfterEach
    void close() {
        node.close();
        otherNode.close();
    }

    @Test
    void find_whenAnotherNodeDeactivatesTheKey_servesTheOldRowUntilTheTtlHasPassed() {
        AccessKey key = key("alice", T0);
        node.accessKeys().create(key);
        assertThat(node.accessKeys().find(key.accessKeyId())).contains(key);

        otherNode.accessKeys().updateStatus(ACCOUNT, "alice", key.accessKeyId(), AccessKeyStatus.Inactive);

        nanos.addAndGet(TTL.toNanos() - 1);
        assertThat(node.accessKeys().find(key.accessKeyId())).map(AccessKey::status).contains(AccessKeyStatus.Active);
        nanos.addAndGet(1);
        assertThat(node.accessKeys().find(key.accessKeyId())).map(AccessKey::status)
                .contains(AccessKeyStatus.Inactive);
    }

    @Test
    void find_afterThisNodeDeactivatesOrDeletesTheKey_seesItAtOnce() {
        AccessKey key = key("alice", T0);
        node.accessKeys().create(key);
        assertThat(node.accessKeys().find(key.accessKeyId())).isPresent();

        node.accessKeys().updateStatus(ACCOUNT, "alice", key.accessKeyId(), AccessKeyStatus.Inactive);
        assertThat(node.accessKeys().find(key.accessKeyId())).map(AccessKey::status)
                .contains(AccessKeyStatus.Inactive);

        node.accessKeys().delete(ACCOUNT, "alice", key.accessKeyId());
        assertThat(node.accessKeys().find(key.accessKeyId())).isEmpty();
    }

    @Test
    void find_whenAbsentAndAnotherNodeCreatesIt_findsItAtOnce() {
        AccessKey key = key("alice", T0);
        assertThat(node.accessKeys().find(key.accessKeyId())).isEmpty();

        otherNode.accessKeys().create(key);

        assertThat(node.accessKeys().find(key.accessKeyId())).contains(key);
    }

    @Test
    void find_neverAnswersWithARowCachedForAnotherRepositoryOrAccountUnderTheSameNames() {
        AccessKey key = key("alice", T0);
        node.accessKeys().create(key);
        assertThat(node.accessKeys().find(key.accessKeyId())).contains(key);
        assertThat(node.sessions().find(key.accessKeyId())).as("no session has the access key's id").isEmpty();

        node.locations().create(location(ACCOUNT, "custom-home"));
        Fleet fleet = fleet(ACCOUNT);
        node.fleets().create(fleet, List.of(fleetLocation(fleet, "custom-home")));
        assertThat(node.fleets().find(ACCOUNT, fleet.fleetId())).contains(fleet);
        assertThat(node.fleets().find(OTHER_ACCOUNT, fleet.fleetId())).isEmpty();
        assertThat(node.computes().find(ACCOUNT, fleet.fleetId())).isEmpty();
    }

    @Test
    void findCompute_afterThisNodeDeletesTheFleet_isGoneAtOnce() {
        node.locations().create(location(ACCOUNT, "custom-home"));
        Fleet fleet = fleet(ACCOUNT);
        node.fleets().create(fleet, List.of(fleetLocation(fleet, "custom-home")));
        Compute compute = compute(fleet, "box-1", "custom-home");
        node.computes().register(compute);
        assertThat(node.computes().find(fleet.fleetId(), "box-1")).contains(compute);
        assertThat(node.computes().findByRegistrationId(compute.registrationId())).contains(compute);

        node.fleets().delete(ACCOUNT, fleet.fleetId()); // the database removes its computes with it

        assertThat(node.fleets().find(ACCOUNT, fleet.fleetId())).isEmpty();
        assertThat(node.computes().find(fleet.fleetId(), "box-1")).isEmpty();
        assertThat(node.computes().findByRegistrationId(compute.registrationId())).isEmpty();
    }

    @Test
    void updateTokenExpiry_whenItLosesARace_theNextFindReadsTheWinnersExpiry() {
        node.locations().create(location(ACCOUNT, "custom-home"));
        Fleet fleet = fleet(ACCOUNT);
        node.fleets().create(fleet, List.of(fleetLocation(fleet, "custom-home")));
        Compute compute = compute(fleet, "box-1", "custom-home");
        node.computes().register(compute);
        Compute cached = node.computes().find(fleet.fleetId(), "box-1").orElseThrow();
        otherNode.computes().updateTokenExpiry(fleet.fleetId(), "box-1", compute.registrationId(),
                cached.tokenExpiry(), T0.plusSeconds(600));

        boolean won = node.computes().updateTokenExpiry(fleet.fleetId(), "box-1", compute.registrationId(),
                cached.tokenExpiry(), T0.plusSeconds(900));

        assertThat(won).isFalse();
        assertThat(node.computes().find(fleet.fleetId(), "box-1")).map(Compute::tokenExpiry)
                .contains(T0.plusSeconds(600));
    }

    @Test
    void nonBlockingScope_answersCachedReads_andStopsEveryCallThatWouldReachTheDatabase() {
        AccessKey key = key("alice", T0);
        node.accessKeys().create(key);
        node.accessKeys().find(key.accessKeyId());

        assertThat(NonBlockingScope.run(() -> node.accessKeys().find(key.accessKeyId()))).contains(key);
        assertThatThrownBy(() -> NonBlockingScope.run(() -> node.accessKeys().find("AKIANOTCACHED")))
                .isInstanceOf(NonBlockingScope.WouldBlock.class);
        assertThatThrownBy(() -> NonBlockingScope.run(() -> node.accessKeys().updateStatus(ACCOUNT, "alice",
                key.accessKeyId(), AccessKeyStatus.Inactive))).isInstanceOf(NonBlockingScope.WouldBlock.class);
        assertThat(node.accessKeys().find(key.accessKeyId())).map(AccessKey::status)
                .contains(AccessKeyStatus.Active);
        assertThat(NonBlockingScope.active()).isFalse();
    }
}
