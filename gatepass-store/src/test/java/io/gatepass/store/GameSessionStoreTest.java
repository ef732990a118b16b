package io.gatepass.store;

import io.gatepass.core.gamelift.Fleet;
import io.gatepass.core.gamelift.FleetUsage;
import io.gatepass.core.gamelift.GameSession;
import io.gatepass.core.gamelift.PlayerSession;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.gatepass.store.Fixtures.ACCOUNT;
import static io.gatepass.store.Fixtures.T0;
import static io.gatepass.store.Fixtures.fleet;
import static io.gatepass.store.Fixtures.fleetLocation;
import static io.gatepass.store.Fixtures.gameSession;
import static io.gatepass.store.Fixtures.location;
import static io.gatepass.store.Fixtures.playerSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class GameSessionStoreTest {
    private static final String HOME = "custom-home";
    private static final Set<String> LIVE = GameSession.LIVE;

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenNew_findReturnsExactlyWhatWasStored(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store);
            GameSession game = gameSession(fleet, HOME, "box-1", "pid-1", 8);

            store.gameSessions().create(game);

            assertThat(store.gameSessions().find(game.gameSessionId())).contains(game);
            assertThat(store.gameSessions().findLive(fleet.fleetId(), "box-1", "pid-1")).contains(game);
            assertThat(store.gameSessions().findLive(fleet.fleetId(), "box-1", "pid-2")).isEmpty();
            assertThat(store.gameSessions().busyProcesses(fleet.fleetId())).containsExactly("box-1/pid-1");
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenProcessHoldsALiveGameSession_throwsDuplicate_untilItEnds(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store);
            GameSession first = gameSession(fleet, HOME, "box-1", "pid-1", 8);
            store.gameSessions().create(first);

            assertThatThrownBy(() -> store.gameSessions().create(gameSession(fleet, HOME, "box-1", "pid-1", 8)))
                    .isInstanceOf(DuplicateEntityException.class);
            store.gameSessions().create(gameSession(fleet, HOME, "box-1", "pid-2", 8));

            assertThat(store.gameSessions().changeStatus(first.gameSessionId(), LIVE, GameSession.TERMINATED,
                    "INTERRUPTED", T0.plusSeconds(5))).isTrue();
            GameSession next = gameSession(fleet, HOME, "box-1", "pid-1", 8);
            store.gameSessions().create(next);
            assertThat(store.gameSessions().findLive(fleet.fleetId(), "box-1", "pid-1")).contains(next);
            GameSession ended = store.gameSessions().find(first.gameSessionId()).orElseThrow();
            assertThat(ended.status()).isEqualTo(GameSession.TERMINATED);
            assertThat(ended.statusReason()).isEqualTo("INTERRUPTED");
            assertThat(ended.terminatedAt()).isEqualTo(T0.plusSeconds(5));
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void findLiveOnCompute_returnsTheLiveGameSessionOfEachProcessOfThatComputeOnly(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store);
            GameSession one = gameSession(fleet, HOME, "box-1", "pid-1", 8);
            GameSession two = gameSession(fleet, HOME, "box-1", "pid-2", 8);
            GameSession ended = gameSession(fleet, HOME, "box-1", "pid-3", 8);
            for (GameSession game : List.of(one, two, ended,
                    gameSession(fleet, HOME, "box-1/x", "pid-4", 8), // shares the prefix "box-1/"
                    gameSession(fleet, HOME, "box-10", "pid-5", 8))) {
                store.gameSessions().create(game);
            }
            store.gameSessions().changeStatus(ended.gameSessionId(), LIVE, GameSession.TERMINATED, null, T0);

            assertThat(store.gameSessions().findLiveOnCompute(fleet.fleetId(), "box-1"))
                    .containsOnly(entry("pid-1", one), entry("pid-2", two));
            assertThat(store.gameSessions().findLiveOnCompute(fleet.fleetId(), "box-2")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenFleetIsGone_throwsReferenceViolation(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store);
            store.fleets().delete(ACCOUNT, fleet.fleetId());
            assertThatThrownBy(() -> store.gameSessions().create(gameSession(fleet, HOME, "b", "p", 1)))
                    .isInstanceOf(ReferenceViolationException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenTwoThreadsPlaceOnOneProcess_exactlyOneWinsEveryRound(TestDatabase db) throws Exception {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store);
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 15; round++) {
                    String pid = "pid-" + round;
                    CyclicBarrier start = new CyclicBarrier(2);
                    List<Callable<Boolean>> racers = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        racers.add(() -> {
                            start.await();
                            try {
                                store.gameSessions().create(gameSession(fleet, HOME, "box", pid, 4));
                                return true;
                            } catch (DuplicateEntityException e) {
                                return false;
                            }
                        });
                    }
                    List<Future<Boolean>> results = nodes.invokeAll(racers, 30, TimeUnit.SECONDS);
                    assertThat(results.get(0).get() ^ results.get(1).get()).as("round %d", round).isTrue();
                }
            } finally {
                nodes.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void changeStatus_whenExpectedStatusDiffers_changesNothing(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store);
            GameSession game = gameSession(fleet, HOME, "box", "pid", 4);
            store.gameSessions().create(game);

            assertThat(store.gameSessions().changeStatus(game.gameSessionId(), Set.of(GameSession.ACTIVE),
                    GameSession.TERMINATING, null, T0)).isFalse();
            assertThat(store.gameSessions().changeStatus(game.gameSessionId(), Set.of(GameSession.ACTIVATING),
                    GameSession.ACTIVE, null, T0)).isTrue();
            assertThat(store.gameSessions().changeStatus("arn:none", LIVE, GameSession.ACTIVE, null, T0)).isFalse();
            GameSession active = store.gameSessions().find(game.gameSessionId()).orElseThrow();
            assertThat(active.status()).isEqualTo(GameSession.ACTIVE);
            assertThat(active.terminatedAt()).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void changeStatus_toTerminated_completesHeldPlayerSessions_andCountsDropToZero(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store);
            GameSession game = activeGame(store, fleet, "pid", 4);
            PlayerSession reserved = playerSession(game, "p1", T0);
            PlayerSession active = playerSession(game, "p2", T0);
            store.playerSessions().create(List.of(reserved, active), T0.minusSeconds(60));
            store.playerSessions().changeStatus(active.playerSessionId(), PlayerSession.RESERVED,
                    PlayerSession.ACTIVE, null);
            assertThat(store.gameSessions().find(game.gameSessionId()).orElseThrow().currentPlayerSessionCount())
                    .isEqualTo(2);
            assertThat(store.gameSessions().usage(fleet.fleetId())).isEqualTo(new FleetUsage(1, 2, 4));

            Instant end = T0.plusSeconds(30);
            store.gameSessions().changeStatus(game.gameSessionId(), LIVE, GameSession.TERMINATED, null, end);

            assertThat(store.gameSessions().find(game.gameSessionId()).orElseThrow().currentPlayerSessionCount())
                    .isZero();
            assertThat(store.playerSessions().find(reserved.playerSessionId()).orElseThrow())
                    .satisfies(p -> {
                        assertThat(p.status()).isEqualTo(PlayerSession.COMPLETED);
                        assertThat(p.terminatedAt()).isEqualTo(end);
                    });
            assertThat(store.gameSessions().usage(fleet.fleetId())).isEqualTo(new FleetUsage(0, 0, 0));
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void expireActivations_movesOnlyOldActivatingSessionsToError_andFreesTheirProcess(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store);
            GameSession old = gameSession(fleet, HOME, "box", "old", 4);
            GameSession young = withCreated(gameSession(fleet, HOME, "box", "young", 4), T0.plusSeconds(100));
            store.gameSessions().create(old);
            store.gameSessions().create(young);

            assertThat(store.gameSessions().expireActivations(fleet.fleetId(), T0.plusSeconds(50),
                    T0.plusSeconds(200))).isEqualTo(1);

            assertThat(store.gameSessions().find(old.gameSessionId()).orElseThrow().status())
                    .isEqualTo(GameSession.ERROR);
            assertThat(store.gameSessions().find(young.gameSessionId()).orElseThrow().status())
                    .isEqualTo(GameSession.ACTIVATING);
            assertThat(store.gameSessions().busyProcesses(fleet.fleetId())).containsExactly("box/young");
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void list_filtersByLocationAndStatus_andPagesById(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                GameSession game = gameSession(fleet, HOME, "box", "p" + i, 4);
                store.gameSessions().create(game);
                ids.add(game.gameSessionId());
            }
            store.gameSessions().changeStatus(ids.get(1), LIVE, GameSession.ACTIVE, null, T0);
            List<String> sorted = ids.stream().sorted().toList();

            List<GameSession> first = store.gameSessions().list(fleet.fleetId(), null, null, null, 2);
            assertThat(first).extracting(GameSession::gameSessionId).containsExactly(sorted.get(0), sorted.get(1));
            assertThat(store.gameSessions().list(fleet.fleetId(), HOME, null, sorted.get(1), 2))
                    .extracting(GameSession::gameSessionId).containsExactly(sorted.get(2));
            assertThat(store.gameSessions().list(fleet.fleetId(), null, GameSession.ACTIVE, null, 10))
                    .extracting(GameSession::gameSessionId).containsExactly(ids.get(1));
            assertThat(store.gameSessions().list(fleet.fleetId(), "custom-other", null, null, 10)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void update_whenLive_replacesTheMutableMembers_andNotOnceTerminated(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store);
            GameSession game = activeGame(store, fleet, "pid", 4);
            GameSession changed = new GameSession(game.accountId(), game.gameSessionId(), game.fleetId(),
                    game.location(), game.computeName(), game.processId(), "renamed", game.creatorId(), 9, 0,
                    game.status(), null, GameSession.DENY_ALL, "FullProtection", "[]", game.gameSessionData(),
                    null, game.ipAddress(), null, game.port(), null, game.createdAt(), null);

            assertThat(store.gameSessions().update(changed)).isTrue();
            assertThat(store.gameSessions().find(game.gameSessionId())).contains(changed);
            store.gameSessions().changeStatus(game.gameSessionId(), LIVE, GameSession.TERMINATED, null, T0);
            assertThat(store.gameSessions().update(changed)).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void deleteFleet_removesItsGameAndPlayerSessions(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store);
            GameSession game = activeGame(store, fleet, "pid", 4);
            PlayerSession player = playerSession(game, "p1", T0);
            store.playerSessions().create(List.of(player), T0);

            store.fleets().delete(ACCOUNT, fleet.fleetId());

            assertThat(store.gameSessions().find(game.gameSessionId())).isEmpty();
            assertThat(store.playerSessions().find(player.playerSessionId())).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void deleteTerminatedBefore_removesOnlyGameSessionsThatEndedEarlier_withTheirPlayerSessions(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store);
            GameSession old = activeGame(store, fleet, "pid-old", 4);
            PlayerSession oldPlayer = playerSession(old, "p-old", T0);
            store.playerSessions().create(List.of(oldPlayer), T0);
            GameSession recent = activeGame(store, fleet, "pid-recent", 4);
            GameSession live = activeGame(store, fleet, "pid-live", 4);
            Instant cutoff = T0.plus(Duration.ofDays(30));
            store.gameSessions().changeStatus(old.gameSessionId(), LIVE, GameSession.TERMINATED, null,
                    cutoff.minusMillis(1));
            store.gameSessions().changeStatus(recent.gameSessionId(), LIVE, GameSession.TERMINATED, null, cutoff);

            assertThat(store.gameSessions().deleteTerminatedBefore(cutoff)).isEqualTo(1);

            assertThat(store.gameSessions().find(old.gameSessionId())).isEmpty();
            assertThat(store.playerSessions().find(oldPlayer.playerSessionId())).isEmpty();
            assertThat(store.gameSessions().find(recent.gameSessionId())).isPresent();
            assertThat(store.gameSessions().find(live.gameSessionId())).isPresent();
            assertThat(store.gameSessions().deleteTerminatedBefore(cutoff)).isZero();
        }
    }

    static GameSession activeGame(Store store, Fleet fleet, String processId, int maximum) {
        GameSession game = gameSession(fleet, HOME, "box", processId, maximum);
        store.gameSessions().create(game);
        store.gameSessions().changeStatus(game.gameSessionId(), Set.of(GameSession.ACTIVATING), GameSession.ACTIVE,
                null, T0);
        return store.gameSessions().find(game.gameSessionId()).orElseThrow();
    }

    static GameSession withCreated(GameSession g, Instant created) {
        return new GameSession(g.accountId(), g.gameSessionId(), g.fleetId(), g.location(), g.computeName(),
                g.processId(), g.name(), g.creatorId(), g.maximumPlayerSessionCount(), 0, g.status(),
                g.statusReason(), g.playerSessionCreationPolicy(), g.protectionPolicy(), g.gamePropertiesJson(),
                g.gameSessionData(), g.matchmakerData(), g.ipAddress(), g.dnsName(), g.port(), g.idempotencyToken(),
                created, null);
    }

    static Fleet fleetIn(Store store) {
        Fleet fleet = fleet(ACCOUNT);
        if (store.locations().find(ACCOUNT, HOME).isEmpty()) {
            store.locations().create(location(ACCOUNT, HOME));
        }
        store.fleets().create(fleet, List.of(fleetLocation(fleet, HOME)));
        return fleet;
    }
}
