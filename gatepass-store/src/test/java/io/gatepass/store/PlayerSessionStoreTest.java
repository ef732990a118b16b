package io.gatepass.store;

import io.gatepass.core.gamelift.Fleet;
import io.gatepass.core.gamelift.GameSession;
import io.gatepass.core.gamelift.PlayerSession;
import io.gatepass.store.PlayerSessionStore.Admission;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.gatepass.store.Fixtures.ACCOUNT;
import static io.gatepass.store.Fixtures.T0;
import static io.gatepass.store.Fixtures.gameSession;
import static io.gatepass.store.Fixtures.playerSession;
import static io.gatepass.store.GameSessionStoreTest.activeGame;
import static io.gatepass.store.GameSessionStoreTest.fleetIn;
import static org.assertj.core.api.Assertions.assertThat;

class PlayerSessionStoreTest {

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void deleteTerminatedBefore_removesEndedPlayerSessions_evenOfARunningGameSession(TestDatabase db) {
        try (Store store = db.open()) {
            GameSession game = activeGame(store, fleetIn(store), "pid", 4);
            PlayerSession left = playerSession(game, "left", T0);
            PlayerSession playing = playerSession(game, "playing", T0);
            store.playerSessions().create(List.of(left, playing), T0);
            store.playerSessions().changeStatus(left.playerSessionId(), PlayerSession.RESERVED,
                    PlayerSession.COMPLETED, T0.plusSeconds(60));

            assertThat(store.playerSessions().deleteTerminatedBefore(T0.plusSeconds(61))).isEqualTo(1);

            assertThat(store.playerSessions().find(left.playerSessionId())).isEmpty();
            assertThat(store.playerSessions().find(playing.playerSessionId())).isPresent();
            assertThat(store.gameSessions().find(game.gameSessionId())).isPresent();
        }
    }
    private static final java.time.Instant LONG_AGO = T0.minusSeconds(3600);

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenSlotsAreFree_storesThemAll_andFindReturnsExactlyThem(TestDatabase db) {
        try (Store store = db.open()) {
            GameSession game = activeGame(store, fleetIn(store), "pid", 2);
            PlayerSession a = playerSession(game, "alice", T0);
            PlayerSession b = new PlayerSession(ACCOUNT, "psess-b-" + Fixtures.uniqueId(), game.gameSessionId(),
                    game.fleetId(), "bob", "{\"team\":\"red\"}", PlayerSession.RESERVED, T0, null);

            assertThat(store.playerSessions().create(List.of(a, b), LONG_AGO)).isEqualTo(Admission.ADMITTED);

            assertThat(store.playerSessions().find(a.playerSessionId())).contains(a);
            assertThat(store.playerSessions().find(b.playerSessionId())).contains(b);
            assertThat(store.playerSessions().create(List.of(playerSession(game, "carol", T0)), LONG_AGO))
                    .isEqualTo(Admission.FULL);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenGameSessionMissingNotActiveOrClosed_admitsNobody(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store);
            GameSession activating = gameSession(fleet, "custom-home", "box", "pid-a", 4);
            store.gameSessions().create(activating);
            GameSession closed = activeGame(store, fleet, "pid-c", 4);
            store.gameSessions().update(new GameSession(closed.accountId(), closed.gameSessionId(), closed.fleetId(),
                    closed.location(), closed.computeName(), closed.processId(), closed.name(), null,
                    closed.maximumPlayerSessionCount(), 0, closed.status(), null, GameSession.DENY_ALL,
                    closed.protectionPolicy(), closed.gamePropertiesJson(), null, null, null, null, closed.port(),
                    null, closed.createdAt(), null));
            GameSession ghost = gameSession(fleet, "custom-home", "box", "pid-g", 4);

            assertThat(store.playerSessions().create(List.of(playerSession(activating, "p", T0)), LONG_AGO))
                    .isEqualTo(Admission.NOT_ACTIVE);
            assertThat(store.playerSessions().create(List.of(playerSession(closed, "p", T0)), LONG_AGO))
                    .isEqualTo(Admission.DENY_ALL);
            assertThat(store.playerSessions().create(List.of(playerSession(ghost, "p", T0)), LONG_AGO))
                    .isEqualTo(Admission.NO_GAME_SESSION);
            assertThat(store.playerSessions().list(ACCOUNT, null, "p", null, null, 10)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenOldReservationsHoldTheSlots_timesThemOutAndAdmits(TestDatabase db) {
        try (Store store = db.open()) {
            GameSession game = activeGame(store, fleetIn(store), "pid", 1);
            PlayerSession stale = playerSession(game, "late", T0);
            store.playerSessions().create(List.of(stale), LONG_AGO);
            PlayerSession fresh = playerSession(game, "on-time", T0.plusSeconds(61));

            assertThat(store.playerSessions().create(List.of(fresh), T0.plusSeconds(1))).isEqualTo(Admission.ADMITTED);

            assertThat(store.playerSessions().find(stale.playerSessionId()).orElseThrow().status())
                    .isEqualTo(PlayerSession.TIMEDOUT);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void create_whenManyThreadsReserveAtOnce_neverExceedsTheMaximum(TestDatabase db) throws Exception {
        try (Store store = db.open()) {
            GameSession game = activeGame(store, fleetIn(store), "pid", 3);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Admission>> calls = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String player = "player-" + i;
                    calls.add(() -> store.playerSessions().create(List.of(playerSession(game, player, T0)), LONG_AGO));
                }
                int admitted = 0;
                for (Future<Admission> result : clients.invokeAll(calls, 60, TimeUnit.SECONDS)) {
                    admitted += result.get() == Admission.ADMITTED ? 1 : 0;
                }
                assertThat(admitted).isEqualTo(3);
                assertThat(store.gameSessions().find(game.gameSessionId()).orElseThrow().currentPlayerSessionCount())
                        .isEqualTo(3);
            } finally {
                clients.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void changeStatus_andExpireReservations_followTheLifecycle(TestDatabase db) {
        try (Store store = db.open()) {
            GameSession game = activeGame(store, fleetIn(store), "pid", 4);
            PlayerSession accepted = playerSession(game, "a", T0);
            PlayerSession idle = playerSession(game, "b", T0);
            store.playerSessions().create(List.of(accepted, idle), LONG_AGO);

            assertThat(store.playerSessions().changeStatus(accepted.playerSessionId(), PlayerSession.RESERVED,
                    PlayerSession.ACTIVE, null)).isTrue();
            assertThat(store.playerSessions().changeStatus(accepted.playerSessionId(), PlayerSession.RESERVED,
                    PlayerSession.ACTIVE, null)).isFalse();
            assertThat(store.playerSessions().expireReservations(T0.plusSeconds(1), T0.plusSeconds(61)))
                    .isEqualTo(1);
            assertThat(store.playerSessions().find(idle.playerSessionId()).orElseThrow())
                    .satisfies(p -> {
                        assertThat(p.status()).isEqualTo(PlayerSession.TIMEDOUT);
                        assertThat(p.terminatedAt()).isEqualTo(T0.plusSeconds(61));
                    });
            assertThat(store.playerSessions().find(accepted.playerSessionId()).orElseThrow().status())
                    .isEqualTo(PlayerSession.ACTIVE);
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void list_filtersByGameSessionPlayerAndStatus_andPages(TestDatabase db) {
        try (Store store = db.open()) {
            Fleet fleet = fleetIn(store);
            GameSession one = activeGame(store, fleet, "p1", 4);
            GameSession two = activeGame(store, fleet, "p2", 4);
            store.playerSessions().create(List.of(playerSession(one, "alice", T0), playerSession(one, "bob", T0)),
                    LONG_AGO);
            PlayerSession aliceTwo = playerSession(two, "alice", T0);
            store.playerSessions().create(List.of(aliceTwo), LONG_AGO);
            store.playerSessions().changeStatus(aliceTwo.playerSessionId(), PlayerSession.RESERVED,
                    PlayerSession.ACTIVE, null);

            assertThat(store.playerSessions().list(ACCOUNT, one.gameSessionId(), null, null, null, 10)).hasSize(2);
            assertThat(store.playerSessions().list(ACCOUNT, null, "alice", null, null, 10)).hasSize(2);
            assertThat(store.playerSessions().list(ACCOUNT, null, "alice", PlayerSession.ACTIVE, null, 10))
                    .containsExactly(store.playerSessions().find(aliceTwo.playerSessionId()).orElseThrow());
            assertThat(store.playerSessions().list("000000000000", null, "alice", null, null, 10)).isEmpty();
            List<PlayerSession> first = store.playerSessions().list(ACCOUNT, null, null, null, null, 2);
            List<PlayerSession> rest = store.playerSessions().list(ACCOUNT, null, null, null,
                    first.get(1).playerSessionId(), 2);
            assertThat(first).hasSize(2);
            assertThat(rest).hasSize(1).doesNotContainAnyElementsOf(first);
        }
    }
}
