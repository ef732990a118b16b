package io.gatepass.server.internal.ops;

import io.gatepass.core.gamelift.Compute;
import io.gatepass.core.gamelift.Fleet;
import io.gatepass.core.gamelift.FleetLocation;
import io.gatepass.core.gamelift.GameSession;
import io.gatepass.core.gamelift.Location;
import io.gatepass.core.gamelift.PlayerSession;
import io.gatepass.core.identity.Account;
import io.gatepass.core.identity.SessionCredentials;
import io.gatepass.store.PlayerSessionStore;
import io.gatepass.store.ServerProcessRecord;
import io.gatepass.store.Store;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The hourly sweep, on every database the store supports (H2 and PostgreSQL, see {@link TestDatabase}). */
class RetentionTest {
    private static final String ACCOUNT = "123456789012";
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private Store store;
    private Fleet fleet;

    private void open(TestDatabase db) {
        store = db.open();
        store.accounts().create(new Account(ACCOUNT, NOW.minus(Duration.ofDays(400))));
        store.locations().create(new Location(ACCOUNT, "custom-home",
                "arn:aws:gamelift:us-east-1:" + ACCOUNT + ":location/custom-home", NOW));
        String fleetId = "fleet-" + UUID.randomUUID();
        fleet = new Fleet(ACCOUNT, fleetId, "arn:aws:gamelift:us-east-1:" + ACCOUNT + ":fleet/" + fleetId, "f", null,
                Fleet.COMPUTE_TYPE_ANYWHERE, Fleet.STATUS_ACTIVE, NOW, "{}");
        store.fleets().create(fleet, List.of(new FleetLocation(fleetId, "custom-home", Fleet.STATUS_ACTIVE, NOW)));
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void sweep_removesWhatIsPastRetention_andKeepsWhatIsNot(TestDatabase db) {
        open(db);
        SessionCredentials longExpired = session(NOW.minus(Retention.EXPIRED_SESSIONS).minusSeconds(1));
        SessionCredentials justExpired = session(NOW.minusSeconds(60));
        GameSession endedLongAgo = endedGame("pid-1", NOW.minus(Retention.ENDED_GAME_SESSIONS).minusSeconds(1));
        GameSession endedLastWeek = endedGame("pid-2", NOW.minus(Duration.ofDays(7)));

        Retention.Sweep sweep = new Retention(store, Clock.fixed(NOW, ZoneOffset.UTC)).sweep();

        assertThat(sweep.expiredSessions()).isEqualTo(1);
        assertThat(sweep.endedGameSessions()).isEqualTo(1);
        assertThat(store.sessions().find(longExpired.accessKeyId())).isEmpty();
        assertThat(store.sessions().find(justExpired.accessKeyId())).isPresent();
        assertThat(store.gameSessions().find(endedLongAgo.gameSessionId())).isEmpty();
        assertThat(store.gameSessions().find(endedLastWeek.gameSessionId())).isPresent();
        assertThat(new Retention(store, Clock.fixed(NOW, ZoneOffset.UTC)).sweep())
                .isEqualTo(new Retention.Sweep(0, 0, 0, 0));
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void sweep_removesPlayerSessionsThatEndedOver30DaysAgo_andKeepsTheRest(TestDatabase db) {
        open(db);
        GameSession game = liveGame("rack-1", "pid-1", GameSession.ACTIVE);
        PlayerSession leftLongAgo = player(game, "p-1");
        PlayerSession leftLastWeek = player(game, "p-2");
        PlayerSession stillPlaying = player(game, "p-3");
        assertThat(store.playerSessions().create(List.of(leftLongAgo, leftLastWeek, stillPlaying), NOW.minus(
                Duration.ofDays(60)))).isEqualTo(PlayerSessionStore.Admission.ADMITTED);
        assertThat(store.playerSessions().changeStatus(leftLongAgo.playerSessionId(), PlayerSession.RESERVED,
                PlayerSession.COMPLETED, NOW.minus(Retention.ENDED_GAME_SESSIONS).minusSeconds(1))).isTrue();
        assertThat(store.playerSessions().changeStatus(leftLastWeek.playerSessionId(), PlayerSession.RESERVED,
                PlayerSession.COMPLETED, NOW.minus(Duration.ofDays(7)))).isTrue();

        Retention.Sweep sweep = new Retention(store, Clock.fixed(NOW, ZoneOffset.UTC)).sweep();

        assertThat(sweep.endedPlayerSessions()).isEqualTo(1);
        assertThat(store.playerSessions().find(leftLongAgo.playerSessionId())).isEmpty();
        assertThat(store.playerSessions().find(leftLastWeek.playerSessionId())).isPresent();
        assertThat(store.playerSessions().find(stillPlaying.playerSessionId())).get()
                .extracting(PlayerSession::status).isEqualTo(PlayerSession.RESERVED);
        assertThat(store.gameSessions().find(game.gameSessionId())).isPresent();
    }

    @ParameterizedTest
    @MethodSource("io.gatepass.store.testing.TestDatabase#all")
    void sweep_removesServerProcessesSilentForADay_andEndsTheGameSessionOnThem(TestDatabase db) {
        open(db);
        Compute compute = new Compute(ACCOUNT, fleet.fleetId(), "rack-1", "arn:aws:gamelift:us-east-1:" + ACCOUNT
                + ":compute/rack-1", "10.0.0.7", null, "custom-home", Compute.STATUS_ACTIVE, "reg-1", NOW, null);
        store.computes().register(compute);
        store.serverProcesses().save(process(compute, "pid-gone", NOW.minus(Retention.SILENT_SERVER_PROCESSES)
                .minusSeconds(1)));
        store.serverProcesses().save(process(compute, "pid-quiet", NOW.minus(Duration.ofHours(2))));
        GameSession onTheGone = liveGame("rack-1", "pid-gone");
        GameSession onTheQuiet = liveGame("rack-1", "pid-quiet");

        Retention.Sweep sweep = new Retention(store, Clock.fixed(NOW, ZoneOffset.UTC)).sweep();

        assertThat(sweep.silentServerProcesses()).isEqualTo(1);
        assertThat(store.serverProcesses().list(fleet.fleetId())).extracting(ServerProcessRecord::processId)
                .containsExactly("pid-quiet");
        assertThat(store.gameSessions().find(onTheGone.gameSessionId())).get().satisfies(game -> {
            assertThat(game.status()).isEqualTo(GameSession.TERMINATED);
            assertThat(game.terminatedAt()).isEqualTo(NOW);
        });
        assertThat(store.gameSessions().find(onTheQuiet.gameSessionId())).get()
                .extracting(GameSession::status).isEqualTo(GameSession.ACTIVATING);
    }

    private GameSession liveGame(String computeName, String processId) {
        return liveGame(computeName, processId, GameSession.ACTIVATING);
    }

    private GameSession liveGame(String computeName, String processId, String status) {
        GameSession game = new GameSession(ACCOUNT, "arn:aws:gamelift:us-east-1::gamesession/" + fleet.fleetId()
                + "/custom-home/gsess-" + UUID.randomUUID(), fleet.fleetId(), "custom-home", computeName, processId,
                "match", null, 4, 0, status, null, GameSession.ACCEPT_ALL, "NoProtection", "[]",
                null, null, "10.0.0.7", null, 7777, null, NOW.minus(Duration.ofDays(40)), null);
        store.gameSessions().create(game);
        return game;
    }

    private PlayerSession player(GameSession game, String playerId) {
        return new PlayerSession(ACCOUNT, "psess-" + UUID.randomUUID(), game.gameSessionId(), fleet.fleetId(),
                playerId, null, PlayerSession.RESERVED, NOW.minus(Duration.ofDays(40)), null);
    }

    private static ServerProcessRecord process(Compute compute, String processId, Instant lastHeartbeat) {
        return new ServerProcessRecord(compute.fleetId(), compute.computeName(), processId, ACCOUNT, "custom-home",
                "ACTIVE", 7777, "node-that-never-returned:9000", "5.4.0", "Cpp", lastHeartbeat.minusSeconds(600),
                lastHeartbeat);
    }

    private SessionCredentials session(Instant expiration) {
        SessionCredentials s = new SessionCredentials("ASIA" + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 16).toUpperCase(), ACCOUNT, "enc:x", "sha256:" + UUID.randomUUID(), null, null, null,
                null, "arn:aws:iam::" + ACCOUNT + ":root", expiration, expiration.minusSeconds(3600));
        store.sessions().create(s);
        return s;
    }

    private GameSession endedGame(String processId, Instant terminatedAt) {
        GameSession game = new GameSession(ACCOUNT, "arn:aws:gamelift:us-east-1::gamesession/" + fleet.fleetId()
                + "/custom-home/gsess-" + UUID.randomUUID(), fleet.fleetId(), "custom-home", "box", processId,
                "match", null, 4, 0, GameSession.ACTIVATING, null, GameSession.ACCEPT_ALL, "NoProtection", "[]",
                null, null, "10.0.0.7", null, 7777, null, terminatedAt.minusSeconds(600), null);
        store.gameSessions().create(game);
        store.gameSessions().changeStatus(game.gameSessionId(), GameSession.LIVE, GameSession.TERMINATED, null,
                terminatedAt);
        return game;
    }
}
