package io.gatepass.server.it;

import io.gatepass.server.internal.gamelift.GameSessionEvents;
import io.gatepass.server.internal.gamelift.GameSessionEvents.PlayerSessionQuery;
import io.gatepass.server.internal.gamelift.ServerProcess;
import io.gatepass.server.testing.FakeServerProcesses;
import io.gatepass.server.testing.FakeServerProcesses.Push;
import io.gatepass.server.testing.AwsErrors;
import io.gatepass.server.testing.TestServer;
import io.gatepass.core.error.ServiceException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.ComputeType;
import software.amazon.awssdk.services.gamelift.model.CreateGameSessionRequest;
import software.amazon.awssdk.services.gamelift.model.FleetAttributes;
import software.amazon.awssdk.services.gamelift.model.FleetUtilization;
import software.amazon.awssdk.services.gamelift.model.GameProperty;
import software.amazon.awssdk.services.gamelift.model.GameSession;
import software.amazon.awssdk.services.gamelift.model.GameSessionStatus;
import software.amazon.awssdk.services.gamelift.model.GameSessionStatusReason;
import software.amazon.awssdk.services.gamelift.model.PlayerSession;
import software.amazon.awssdk.services.gamelift.model.PlayerSessionCreationPolicy;
import software.amazon.awssdk.services.gamelift.model.PlayerSessionStatus;
import software.amazon.awssdk.services.gamelift.model.ProtectionPolicy;
import software.amazon.awssdk.services.gamelift.model.TerminationMode;
import software.amazon.awssdk.services.iam.model.AccessKey;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Game sessions and player sessions end to end through the AWS SDK for Java v2, on H2 and PostgreSQL. Game server
 * processes are stand-ins ({@link FakeServerProcesses}); what they report is driven through the server's
 * {@link GameSessionEvents}, as the SDK websocket does.
 */
abstract class GameSessionApiContract extends StoreContract {
    private static final String ACCOUNT = TestServer.ACCOUNT;

    GameLiftClient gl;
    FakeServerProcesses processes;
    GameSessionEvents events;

    @Override
    TestServer start(Path dataDir) {
        processes = new FakeServerProcesses();
        return TestServer.start(storeUrl(), dataDir, processes);
    }

    @BeforeAll
    void clients() {
        gl = server.gameLift(TestServer.admin());
        events = server.server().gameSessionEvents();
    }

    static void assertAwsError(Runnable call, String code, String messagePart) {
        AwsErrors.assertAwsError(call, code, 400, messagePart);
    }

    static void assertEventError(Runnable call, String code, String messagePart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    /** A fleet in a new custom location, with a registered compute. */
    record Setup(FleetAttributes fleet, String location, String compute) {
        String fleetId() {
            return fleet.fleetId();
        }
    }

    Setup setup() {
        String location = unique("custom-gs");
        gl.createLocation(r -> r.locationName(location));
        FleetAttributes fleet = gl.createFleet(r -> r.name("games").computeType(ComputeType.ANYWHERE)
                .locations(l -> l.location(location))).fleetAttributes();
        gl.registerCompute(r -> r.fleetId(fleet.fleetId()).computeName("rack-1").ipAddress("10.0.0.7")
                .location(location));
        return new Setup(fleet, location, "rack-1");
    }

    ServerProcess process(Setup s) {
        return processes.connect(ACCOUNT, s.fleetId(), s.compute(), s.location(), unique("pid"), 7777);
    }

    GameSession create(Setup s, Consumer<CreateGameSessionRequest.Builder> more) {
        return gl.createGameSession(r -> {
            r.fleetId(s.fleetId()).location(s.location()).maximumPlayerSessionCount(2);
            more.accept(r);
        }).gameSession();
    }

    GameSession describe(String gameSessionId) {
        return gl.describeGameSessions(r -> r.gameSessionId(gameSessionId)).gameSessions().get(0);
    }

    PlayerSession describePlayer(String playerSessionId) {
        return gl.describePlayerSessions(r -> r.playerSessionId(playerSessionId)).playerSessions().get(0);
    }

    GameSession activeGame(Setup s, ServerProcess process, int maximum) {
        GameSession game = gl.createGameSession(r -> r.fleetId(s.fleetId()).location(s.location())
                .maximumPlayerSessionCount(maximum)).gameSession();
        events.activateGameSession(process, game.gameSessionId());
        return describe(game.gameSessionId());
    }

    // ---------------------------------------------------------------- the whole lifecycle

    @Test
    void lifecycle_createActivateTwoPlayersAcceptRemoveAndProcessEnds() {
        Setup s = setup();
        ServerProcess process = process(s);
        GameSession created = gl.createGameSession(r -> r.fleetId(s.fleetId()).location(s.location())
                .maximumPlayerSessionCount(4).name("friday-night").creatorId("host-7")
                .gameProperties(GameProperty.builder().key("mode").value("brawl").build())
                .gameSessionData("map=docks").idempotencyToken("match-42")).gameSession();

        assertThat(created.gameSessionId()).isEqualTo("arn:aws:gamelift:us-east-1::gamesession/" + s.fleetId()
                + "/" + s.location() + "/match-42");
        assertThat(created.status()).isEqualTo(GameSessionStatus.ACTIVATING);
        assertThat(created.fleetArn()).isEqualTo(s.fleet().fleetArn());
        assertThat(created.location()).isEqualTo(s.location());
        assertThat(created.port()).isEqualTo(7777);
        assertThat(created.ipAddress()).isEqualTo("10.0.0.7");
        assertThat(created.currentPlayerSessionCount()).isZero();
        assertThat(created.playerSessionCreationPolicy()).isEqualTo(PlayerSessionCreationPolicy.ACCEPT_ALL);
        assertThat(created.creationTime()).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
        assertThat(processes.pushesTo(process.processId())).singleElement().satisfies(push -> {
            assertThat(push.action()).isEqualTo("CreateGameSession");
            assertThat(push.session().gameSessionId()).isEqualTo(created.gameSessionId());
            assertThat(push.session().gameSessionName()).isEqualTo("friday-night");
            assertThat(push.session().maximumPlayerSessionCount()).isEqualTo(4);
            assertThat(push.session().gameProperties()).isEqualTo(Map.of("mode", "brawl"));
            assertThat(push.session().gameSessionData()).isEqualTo("map=docks");
            assertThat(push.session().port()).isEqualTo(7777);
        });
        assertAwsError(() -> gl.createPlayerSession(r -> r.gameSessionId(created.gameSessionId()).playerId("early")),
                "InvalidGameSessionStatusException", "ACTIVATING");

        events.activateGameSession(process, created.gameSessionId());
        assertThat(describe(created.gameSessionId()).status()).isEqualTo(GameSessionStatus.ACTIVE);

        List<PlayerSession> players = gl.createPlayerSessions(r -> r.gameSessionId(created.gameSessionId())
                .playerIds("alice", "bob").playerDataMap(Map.of("alice", "{\"team\":\"red\"}"))).playerSessions();
        assertThat(players).extracting(PlayerSession::playerId).containsExactly("alice", "bob");
        assertThat(players).allSatisfy(p -> {
            assertThat(p.playerSessionId()).startsWith("psess-");
            assertThat(p.status()).isEqualTo(PlayerSessionStatus.RESERVED);
            assertThat(p.fleetArn()).isEqualTo(s.fleet().fleetArn());
            assertThat(p.port()).isEqualTo(7777);
        });
        assertThat(players.get(0).playerData()).isEqualTo("{\"team\":\"red\"}");
        assertThat(describe(created.gameSessionId()).currentPlayerSessionCount()).isEqualTo(2);
        assertThat(utilization(s)).satisfies(u -> {
            assertThat(u.activeServerProcessCount()).isEqualTo(1);
            assertThat(u.activeGameSessionCount()).isEqualTo(1);
            assertThat(u.currentPlayerSessionCount()).isEqualTo(2);
            assertThat(u.maximumPlayerSessionCount()).isEqualTo(4);
            assertThat(u.location()).isEqualTo("us-east-1");
        });

        String alice = players.get(0).playerSessionId();
        String bob = players.get(1).playerSessionId();
        events.acceptPlayerSession(process, created.gameSessionId(), alice);
        events.acceptPlayerSession(process, created.gameSessionId(), bob);
        assertThat(gl.describePlayerSessions(r -> r.gameSessionId(created.gameSessionId())
                .playerSessionStatusFilter("ACTIVE")).playerSessions()).hasSize(2);
        var fromServer = events.describePlayerSessions(process, new PlayerSessionQuery(created.gameSessionId(), null,
                null, "ACTIVE", null, null));
        assertThat(fromServer.playerSessions()).extracting(v -> v.playerId()).containsExactlyInAnyOrder("alice",
                "bob");

        events.removePlayerSession(process, created.gameSessionId(), alice);
        assertThat(describePlayer(alice).status()).isEqualTo(PlayerSessionStatus.COMPLETED);
        assertThat(describePlayer(alice).terminationTime()).isNotNull();
        assertThat(describe(created.gameSessionId()).currentPlayerSessionCount()).isEqualTo(1);

        events.processEnded(process, null);
        GameSession ended = describe(created.gameSessionId());
        assertThat(ended.status()).isEqualTo(GameSessionStatus.TERMINATED);
        assertThat(ended.terminationTime()).isNotNull();
        assertThat(describePlayer(bob).status()).isEqualTo(PlayerSessionStatus.COMPLETED);
        assertThat(utilization(s).activeGameSessionCount()).isZero();
        processes.disconnect(process.processId());
    }

    FleetUtilization utilization(Setup s) {
        return gl.describeFleetUtilization(r -> r.fleetIds(s.fleetId())).fleetUtilization().get(0);
    }

    // ---------------------------------------------------------------- placement

    @Test
    void createGameSession_placesOneGameSessionPerProcess_thenCapacityIsExceeded() {
        Setup s = setup();
        ServerProcess first = process(s);
        ServerProcess second = process(s);
        GameSession a = create(s, r -> { });
        GameSession b = create(s, r -> { });
        assertThat(List.of(a.gameSessionId(), b.gameSessionId())).doesNotHaveDuplicates();
        assertThat(processes.pushesTo(first.processId())).hasSize(1);
        assertThat(processes.pushesTo(second.processId())).hasSize(1);
        assertAwsError(() -> create(s, r -> { }), "FleetCapacityExceededException", s.fleetId());

        events.processEnded(first, "INTERRUPTED");
        assertThat(describe(a.gameSessionId()).statusReason()).isEqualTo(GameSessionStatusReason.INTERRUPTED);
        assertThat(create(s, r -> { }).status()).isEqualTo(GameSessionStatus.ACTIVATING);
        processes.disconnect(first.processId());
        processes.disconnect(second.processId());
    }

    @Test
    void createGameSession_whenTheProcessIsGoneAtPush_triesTheNext() {
        Setup s = setup();
        ServerProcess vanishing = process(s);
        ServerProcess steady = process(s);
        processes.makeUnreachable(vanishing.processId());
        GameSession game = create(s, r -> { });
        assertThat(processes.pushesTo(steady.processId())).singleElement()
                .satisfies(p -> assertThat(p.session().gameSessionId()).isEqualTo(game.gameSessionId()));
        assertThat(gl.describeGameSessions(r -> r.fleetId(s.fleetId())).gameSessions()).hasSize(1);
        processes.disconnect(steady.processId());
        processes.disconnect(vanishing.processId());
    }

    @Test
    void createGameSession_withTheSameIdempotencyToken_returnsTheOriginal_andAReusedIdIsAMismatch() {
        Setup s = setup();
        process(s);
        process(s);
        GameSession first = create(s, r -> r.idempotencyToken("retry-me"));
        GameSession again = create(s, r -> r.idempotencyToken("retry-me").maximumPlayerSessionCount(9));
        assertThat(again.gameSessionId()).isEqualTo(first.gameSessionId());
        assertThat(again.maximumPlayerSessionCount()).isEqualTo(2);
        create(s, r -> r.gameSessionId("custom-id"));
        assertAwsError(() -> create(s, r -> r.gameSessionId("custom-id")), "IdempotentParameterMismatchException",
                "custom-id");
    }

    @Test
    void createGameSession_whenInputIsInvalid_namesTheMember() {
        Setup s = setup();
        process(s);
        assertAwsError(() -> gl.createGameSession(r -> r.fleetId(s.fleetId()).location(s.location())),
                "InvalidRequestException", "maximumPlayerSessionCount");
        assertAwsError(() -> create(s, r -> r.maximumPlayerSessionCount(201)), "InvalidRequestException",
                "maximumPlayerSessionCount");
        assertAwsError(() -> create(s, r -> r.idempotencyToken("not ok!")), "InvalidRequestException",
                "idempotencyToken");
        assertAwsError(() -> create(s, r -> r.name("")), "InvalidRequestException", "name");
        assertAwsError(() -> create(s, r -> r.gameProperties(GameProperty.builder().key("k".repeat(33)).value("v")
                .build())), "InvalidRequestException", "gameProperties.key");
        assertAwsError(() -> create(s, r -> r.location(null)), "InvalidRequestException", "Location");
        String other = unique("custom-else");
        gl.createLocation(r -> r.locationName(other));
        assertAwsError(() -> create(s, r -> r.location(other)), "InvalidRequestException", other);
        assertAwsError(() -> create(s, r -> r.fleetId(null).aliasId("alias-1")), "InvalidRequestException",
                "aliases");
        assertAwsError(() -> create(s, r -> r.fleetId("fleet-unknown")), "NotFoundException", "fleet-unknown");
    }

    // ---------------------------------------------------------------- timeouts

    @Test
    void gameSession_notActivatedInTime_goesToError_andFreesTheProcess() {
        Setup s = setup();
        ServerProcess process = process(s);
        GameSession game = create(s, r -> { });
        Duration almost = Duration.ofMinutes(5).minusSeconds(2);
        Duration late = Duration.ofMinutes(5).plusSeconds(1);
        server.clock().advance(almost);
        try {
            assertThat(describe(game.gameSessionId()).status()).isEqualTo(GameSessionStatus.ACTIVATING);
        } finally {
            server.clock().advance(almost.negated());
        }
        server.clock().advance(late);
        try {
            assertThat(describe(game.gameSessionId()).status()).isEqualTo(GameSessionStatus.ERROR);
            assertEventError(() -> events.activateGameSession(process, game.gameSessionId()),
                    "InvalidGameSessionStatusException", "ERROR");
            assertAwsError(() -> gl.terminateGameSession(r -> r.gameSessionId(game.gameSessionId())
                    .terminationMode(TerminationMode.TRIGGER_ON_PROCESS_TERMINATE)),
                    "InvalidGameSessionStatusException", "ERROR");
            assertThat(create(s, r -> { }).status()).isEqualTo(GameSessionStatus.ACTIVATING);
        } finally {
            server.clock().advance(late.negated());
        }
    }

    @Test
    void gameSession_notActivatedWithinTheFleetsActivationTimeout_goesToError() {
        Setup s = setup();
        process(s);
        gl.updateRuntimeConfiguration(r -> r.fleetId(s.fleetId()).runtimeConfiguration(c -> c
                .serverProcesses(p -> p.launchPath("/local/game/server").concurrentExecutions(1))
                .gameSessionActivationTimeoutSeconds(30)));
        GameSession game = create(s, r -> { });
        server.clock().advance(Duration.ofSeconds(29));
        try {
            assertThat(describe(game.gameSessionId()).status()).isEqualTo(GameSessionStatus.ACTIVATING);
            server.clock().advance(Duration.ofSeconds(2));
            assertThat(describe(game.gameSessionId()).status()).isEqualTo(GameSessionStatus.ERROR);
        } finally {
            server.clock().advance(Duration.ofSeconds(-31));
        }
    }

    @Test
    void createGameSession_whenTheComputeHasMaxConcurrentActivations_waitsForOneToActivate() {
        Setup s = setup();
        ServerProcess first = process(s);
        ServerProcess second = process(s);
        gl.updateRuntimeConfiguration(r -> r.fleetId(s.fleetId()).runtimeConfiguration(c -> c
                .serverProcesses(p -> p.launchPath("/local/game/server").concurrentExecutions(2))
                .maxConcurrentGameSessionActivations(1)));
        GameSession activating = create(s, r -> { });

        assertAwsError(() -> create(s, r -> { }), "FleetCapacityExceededException",
                "MaxConcurrentGameSessionActivations");
        ServerProcess holder = processes.pushesTo(first.processId()).isEmpty() ? second : first;
        events.activateGameSession(holder, activating.gameSessionId());
        assertThat(create(s, r -> { }).status()).isEqualTo(GameSessionStatus.ACTIVATING);
    }

    @Test
    void playerSession_notAcceptedWithin60Seconds_timesOut_andItsSlotIsFreed() {
        Setup s = setup();
        ServerProcess process = process(s);
        GameSession game = activeGame(s, process, 1);
        PlayerSession reserved = gl.createPlayerSession(r -> r.gameSessionId(game.gameSessionId()).playerId("slow"))
                .playerSession();
        assertAwsError(() -> gl.createPlayerSession(r -> r.gameSessionId(game.gameSessionId()).playerId("next")),
                "GameSessionFullException", game.gameSessionId());
        Duration late = Duration.ofSeconds(61);
        server.clock().advance(late);
        try {
            assertThat(describePlayer(reserved.playerSessionId()).status()).isEqualTo(PlayerSessionStatus.TIMEDOUT);
            assertEventError(() -> events.acceptPlayerSession(process, game.gameSessionId(),
                    reserved.playerSessionId()), "InvalidGameSessionStatusException", "TIMEDOUT");
            assertThat(gl.createPlayerSession(r -> r.gameSessionId(game.gameSessionId()).playerId("next"))
                    .playerSession().status()).isEqualTo(PlayerSessionStatus.RESERVED);
        } finally {
            server.clock().advance(late.negated());
        }
    }

    // ---------------------------------------------------------------- player sessions

    @Test
    void createPlayerSession_whenDenyAllFullOrUnknown_isRefused() {
        Setup s = setup();
        ServerProcess process = process(s);
        GameSession game = activeGame(s, process, 2);
        assertAwsError(() -> gl.createPlayerSessions(r -> r.gameSessionId(game.gameSessionId())
                .playerIds("a", "b", "c")), "GameSessionFullException", "3 more");
        GameSession closed = gl.updateGameSession(r -> r.gameSessionId(game.gameSessionId())
                .playerSessionCreationPolicy(PlayerSessionCreationPolicy.DENY_ALL)).gameSession();
        assertThat(closed.playerSessionCreationPolicy()).isEqualTo(PlayerSessionCreationPolicy.DENY_ALL);
        assertAwsError(() -> gl.createPlayerSession(r -> r.gameSessionId(game.gameSessionId()).playerId("p")),
                "InvalidGameSessionStatusException", "DENY_ALL");
        events.updatePlayerSessionCreationPolicy(process, game.gameSessionId(), "ACCEPT_ALL");
        assertThat(gl.createPlayerSession(r -> r.gameSessionId(game.gameSessionId()).playerId("p")).playerSession())
                .isNotNull();
        assertAwsError(() -> gl.createPlayerSession(r -> r.gameSessionId(game.gameSessionId() + "x").playerId("p")),
                "NotFoundException", "x");
        assertAwsError(() -> gl.createPlayerSession(r -> r.gameSessionId(game.gameSessionId()).playerId("")),
                "InvalidRequestException", "playerId");
        assertAwsError(() -> gl.createPlayerSessions(r -> r.gameSessionId(game.gameSessionId()).playerIds("a")
                .playerDataMap(Map.of("z", "data"))), "InvalidRequestException", "z");
        assertAwsError(() -> gl.describePlayerSessions(r -> r.limit(1)), "InvalidRequestException", "PlayerId");
        assertAwsError(() -> gl.describePlayerSessions(r -> r.playerSessionId("nope")), "InvalidRequestException",
                "playerSessionId");
        assertAwsError(() -> gl.describePlayerSessions(r -> r.playerSessionId("psess-none")), "NotFoundException",
                "psess-none");
    }

    @Test
    void describePlayerSessions_byPlayerId_pagesAcrossGameSessions() {
        Setup s = setup();
        String player = unique("player");
        for (int i = 0; i < 3; i++) {
            GameSession game = activeGame(s, process(s), 2);
            gl.createPlayerSession(r -> r.gameSessionId(game.gameSessionId()).playerId(player));
        }
        var first = gl.describePlayerSessions(r -> r.playerId(player).limit(2));
        assertThat(first.playerSessions()).hasSize(2);
        assertThat(first.nextToken()).isNotNull();
        assertThat(gl.describePlayerSessionsPaginator(r -> r.playerId(player).limit(2)).playerSessions()).hasSize(3);
    }

    @Test
    void processEvents_forAnotherProcessesGameSession_areNotFound() {
        Setup s = setup();
        ServerProcess host = process(s);
        ServerProcess stranger = process(s);
        GameSession game = activeGame(s, host, 2);
        PlayerSession player = gl.createPlayerSession(r -> r.gameSessionId(game.gameSessionId()).playerId("p"))
                .playerSession();
        assertEventError(() -> events.activateGameSession(stranger, game.gameSessionId()), "NotFoundException",
                stranger.processId());
        assertEventError(() -> events.acceptPlayerSession(stranger, game.gameSessionId(), player.playerSessionId()),
                "NotFoundException", game.gameSessionId());
        assertEventError(() -> events.acceptPlayerSession(host, game.gameSessionId(), "psess-other"),
                "NotFoundException", "psess-other");
        assertEventError(() -> events.updatePlayerSessionCreationPolicy(host, game.gameSessionId(), "MAYBE"),
                "InvalidRequestException", "playerSessionPolicy");
        Setup elsewhere = setup();
        ServerProcess foreign = process(elsewhere);
        GameSession foreignGame = activeGame(elsewhere, foreign, 2);
        gl.createPlayerSession(r -> r.gameSessionId(foreignGame.gameSessionId()).playerId("p"));
        assertThat(events.describePlayerSessions(host, new PlayerSessionQuery(null, "p", null, null, null, null))
                .playerSessions()).extracting(v -> v.playerSessionId()).containsExactly(player.playerSessionId());
        assertEventError(() -> events.describePlayerSessions(host, new PlayerSessionQuery(
                foreignGame.gameSessionId(), null, null, null, null, null)), "NotFoundException", s.fleetId());
        events.acceptPlayerSession(host, game.gameSessionId(), player.playerSessionId());
        events.removePlayerSession(host, game.gameSessionId(), player.playerSessionId());
        assertEventError(() -> events.removePlayerSession(host, game.gameSessionId(), player.playerSessionId()),
                "InvalidGameSessionStatusException", "COMPLETED");
    }

    // ---------------------------------------------------------------- update, terminate, describe, search

    @Test
    void terminateGameSession_triggersProcessTermination_thenProcessEndingTerminatesIt() {
        Setup s = setup();
        ServerProcess process = process(s);
        GameSession game = activeGame(s, process, 2);
        assertAwsError(() -> gl.terminateGameSession(r -> r.gameSessionId(game.gameSessionId())
                .terminationMode(TerminationMode.FORCE_TERMINATE)), "InvalidRequestException", "FORCE_TERMINATE");
        GameSession terminating = gl.terminateGameSession(r -> r.gameSessionId(game.gameSessionId())
                .terminationMode(TerminationMode.TRIGGER_ON_PROCESS_TERMINATE)).gameSession();
        assertThat(terminating.status()).isEqualTo(GameSessionStatus.TERMINATING);
        assertThat(terminating.statusReason()).isEqualTo(GameSessionStatusReason.TRIGGERED_ON_PROCESS_TERMINATE);
        assertThat(processes.pushesTo(process.processId())).extracting(Push::action)
                .containsExactly("CreateGameSession", "TerminateProcess");
        assertAwsError(() -> gl.createPlayerSession(r -> r.gameSessionId(game.gameSessionId()).playerId("late")),
                "InvalidGameSessionStatusException", "TERMINATING");

        events.processEnded(process, null);
        GameSession ended = describe(game.gameSessionId());
        assertThat(ended.status()).isEqualTo(GameSessionStatus.TERMINATED);
        assertThat(ended.statusReason()).isEqualTo(GameSessionStatusReason.TRIGGERED_ON_PROCESS_TERMINATE);
        assertAwsError(() -> gl.terminateGameSession(r -> r.gameSessionId(game.gameSessionId())
                .terminationMode(TerminationMode.TRIGGER_ON_PROCESS_TERMINATE)), "InvalidGameSessionStatusException",
                "TERMINATED");
        assertAwsError(() -> gl.terminateGameSession(r -> r.gameSessionId(game.gameSessionId())),
                "InvalidRequestException", "terminationMode");
        assertAwsError(() -> gl.updateGameSession(r -> r.gameSessionId(game.gameSessionId()).name("again")),
                "InvalidGameSessionStatusException", "TERMINATED");
    }

    @Test
    void terminateGameSession_whenTheProcessIsNotConnected_staysTerminatingUntilTheProcessIsReportedEnded() {
        Setup s = setup();
        ServerProcess process = process(s);
        GameSession game = activeGame(s, process, 2);
        PlayerSession player = gl.createPlayerSession(r -> r.gameSessionId(game.gameSessionId()).playerId("p"))
                .playerSession();
        processes.disconnect(process.processId());
        GameSession terminating = gl.terminateGameSession(r -> r.gameSessionId(game.gameSessionId())
                .terminationMode(TerminationMode.TRIGGER_ON_PROCESS_TERMINATE)).gameSession();
        assertThat(terminating.status()).isEqualTo(GameSessionStatus.TERMINATING);
        assertThat(processes.pushesTo(process.processId())).extracting(Push::action)
                .containsExactly("CreateGameSession");
        events.processEnded(process, "INTERRUPTED");
        GameSession ended = describe(game.gameSessionId());
        assertThat(ended.status()).isEqualTo(GameSessionStatus.TERMINATED);
        assertThat(ended.statusReason()).isEqualTo(GameSessionStatusReason.INTERRUPTED);
        assertThat(describePlayer(player.playerSessionId()).status()).isEqualTo(PlayerSessionStatus.COMPLETED);
    }

    @Test
    void describeFleetUtilization_withoutFleetIds_listsEveryFleet_andSkipsUnknownOnes() {
        Setup s = setup();
        activeGame(s, process(s), 3);
        process(s);
        assertThat(gl.describeFleetUtilizationPaginator(r -> r.limit(1)).fleetUtilization())
                .filteredOn(u -> u.fleetId().equals(s.fleetId())).singleElement().satisfies(u -> {
                    assertThat(u.activeServerProcessCount()).isEqualTo(2);
                    assertThat(u.activeGameSessionCount()).isEqualTo(1);
                    assertThat(u.maximumPlayerSessionCount()).isEqualTo(3);
                });
        assertThat(gl.describeFleetUtilization(r -> r.fleetIds(s.fleet().fleetArn(), "fleet-unknown"))
                .fleetUtilization()).hasSize(1);
        assertAwsError(() -> gl.describeFleetUtilization(r -> r.fleetIds("nope")), "InvalidRequestException",
                "fleetId");
    }

    @Test
    void updateGameSession_changesWhatIsGiven_andDetailsShowTheProtectionPolicy() {
        Setup s = setup();
        GameSession game = activeGame(s, process(s), 2);
        GameSession updated = gl.updateGameSession(r -> r.gameSessionId(game.gameSessionId()).name("renamed")
                .maximumPlayerSessionCount(8).protectionPolicy(ProtectionPolicy.FULL_PROTECTION)
                .gameProperties(GameProperty.builder().key("map").value("docks").build())).gameSession();
        assertThat(updated.name()).isEqualTo("renamed");
        assertThat(updated.maximumPlayerSessionCount()).isEqualTo(8);
        assertThat(updated.gameProperties()).containsExactly(GameProperty.builder().key("map").value("docks")
                .build());
        assertThat(gl.describeGameSessionDetails(r -> r.fleetId(s.fleetId())).gameSessionDetails()).singleElement()
                .satisfies(d -> assertThat(d.protectionPolicy()).isEqualTo(ProtectionPolicy.FULL_PROTECTION));
        assertAwsError(() -> gl.updateGameSession(r -> r.gameSessionId(game.gameSessionId())
                .protectionPolicy("Sometimes")), "InvalidRequestException", "protectionPolicy");
        assertAwsError(() -> gl.updateGameSession(r -> r.gameSessionId("bad id")), "InvalidRequestException",
                "gameSessionId");
    }

    @Test
    void describeGameSessions_filtersByStatusAndLocation_andPages() {
        Setup s = setup();
        GameSession active = activeGame(s, process(s), 2);
        process(s);
        process(s);
        GameSession activating = create(s, r -> { });
        create(s, r -> { });
        assertThat(gl.describeGameSessions(r -> r.fleetId(s.fleetId()).statusFilter("ACTIVE")).gameSessions())
                .extracting(GameSession::gameSessionId).containsExactly(active.gameSessionId());
        assertThat(gl.describeGameSessionsPaginator(r -> r.fleetId(s.fleetId()).limit(2)).gameSessions())
                .hasSize(3);
        assertThat(gl.describeGameSessions(r -> r.fleetId(s.fleetId()).location("custom-nowhere")).gameSessions())
                .isEmpty();
        assertThat(describe(activating.gameSessionId()).status()).isEqualTo(GameSessionStatus.ACTIVATING);
        assertThat(gl.describeGameSessionDetails(r -> r.gameSessionId(active.gameSessionId())).gameSessionDetails())
                .singleElement().satisfies(d -> {
                    assertThat(d.gameSession().status()).isEqualTo(GameSessionStatus.ACTIVE);
                    assertThat(d.protectionPolicy()).isEqualTo(ProtectionPolicy.NO_PROTECTION);
                });
        assertAwsError(() -> gl.describeGameSessions(r -> r.fleetId(s.fleetId()).statusFilter("RUNNING")),
                "InvalidRequestException", "statusFilter");
        assertAwsError(() -> gl.describeGameSessions(r -> r.gameSessionId("arn:aws:gamelift:us-east-1::gamesession/"
                + s.fleetId() + "/none")), "NotFoundException", "none");
        assertAwsError(() -> gl.describeGameSessions(r -> r.limit(1)), "InvalidRequestException", "FleetId");
    }

    @Test
    void searchGameSessions_filtersAndSortsActiveSessions_andExplainsBadExpressions() {
        Setup s = setup();
        GameSession brawl = activeGame(s, process(s), 10, "Matt's Awesome Game 1", "brawl");
        GameSession coop = activeGame(s, process(s), 2, "coop night", "coop");
        GameSession full = activeGame(s, process(s), 1, "full house", "brawl");
        gl.createPlayerSession(r -> r.gameSessionId(full.gameSessionId()).playerId("p"));
        gl.createPlayerSession(r -> r.gameSessionId(coop.gameSessionId()).playerId("q"));
        process(s);
        create(s, r -> r.name("still activating"));

        assertThat(search(s, "hasAvailablePlayerSessions=true", "maximumSessions DESC"))
                .containsExactly(brawl.gameSessionId(), coop.gameSessionId());
        assertThat(search(s, "gameSessionName = 'Matt\\'s Awesome Game 1'", null))
                .containsExactly(brawl.gameSessionId());
        assertThat(search(s, "gameSessionProperties.mode = \"brawl\" AND NOT playerSessionCount > 0", null))
                .containsExactly(brawl.gameSessionId());
        assertThat(search(s, "playerSessionCount >= 1 OR maximumSessions = 10", "maximumSessions ASC"))
                .containsExactly(full.gameSessionId(), coop.gameSessionId(), brawl.gameSessionId());
        assertThat(search(s, null, "creationTimeMillis ASC")).containsExactly(brawl.gameSessionId(),
                coop.gameSessionId(), full.gameSessionId());
        var firstPage = gl.searchGameSessions(r -> r.fleetId(s.fleetId()).sortExpression("creationTimeMillis DESC")
                .limit(2));
        assertThat(firstPage.gameSessions()).extracting(GameSession::gameSessionId)
                .containsExactly(full.gameSessionId(), coop.gameSessionId());
        assertThat(gl.searchGameSessions(r -> r.fleetId(s.fleetId()).sortExpression("creationTimeMillis DESC")
                .limit(2).nextToken(firstPage.nextToken())).gameSessions()).extracting(GameSession::gameSessionId)
                .containsExactly(brawl.gameSessionId());
        assertThat(gl.searchGameSessions(r -> r.fleetId(s.fleetId()).limit(500)).gameSessions()).hasSize(3);

        assertAwsError(() -> search(s, "maximumSessions >= 'ten'", null), "InvalidRequestException",
                "maximumSessions compares with a number");
        assertAwsError(() -> search(s, "(hasAvailablePlayerSessions = true", null), "InvalidRequestException",
                "expected ')'");
        assertAwsError(() -> search(s, null, "age ASC"), "InvalidRequestException", "Invalid SortExpression");
        assertAwsError(() -> search(s, "x".repeat(1025), null), "InvalidRequestException", "filterExpression");
    }

    List<String> search(Setup s, String filter, String sort) {
        return gl.searchGameSessions(r -> r.fleetId(s.fleetId()).filterExpression(filter).sortExpression(sort))
                .gameSessions().stream().map(GameSession::gameSessionId).toList();
    }

    GameSession activeGame(Setup s, ServerProcess process, int maximum, String name, String mode) {
        GameSession game = gl.createGameSession(r -> r.fleetId(s.fleetId()).location(s.location())
                .maximumPlayerSessionCount(maximum).name(name)
                .gameProperties(GameProperty.builder().key("mode").value(mode).build())).gameSession();
        events.activateGameSession(process, game.gameSessionId());
        return describe(game.gameSessionId());
    }

    @Test
    void gameSessionOperations_needAPolicyOnTheFleet_forUsersOtherThanTheAdministrator() {
        Setup s = setup();
        GameSession game = activeGame(s, process(s), 2);
        var iam = server.iam(TestServer.admin());
        String user = unique("gs-user");
        iam.createUser(r -> r.userName(user));
        AccessKey key = iam.createAccessKey(r -> r.userName(user)).accessKey();
        GameLiftClient asUser = server.gameLift(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
        assertAwsError(() -> asUser.createGameSession(r -> r.fleetId(s.fleetId()).location(s.location())
                .maximumPlayerSessionCount(1)), "AccessDeniedException",
                "gamelift:CreateGameSession on resource: " + s.fleet().fleetArn());
        assertAwsError(() -> asUser.createPlayerSession(r -> r.gameSessionId(game.gameSessionId()).playerId("p")),
                "AccessDeniedException", "gamelift:CreatePlayerSession");
        assertAwsError(() -> asUser.describeFleetUtilization(r -> r.fleetIds(s.fleetId())),
                "AccessDeniedException", "gamelift:DescribeFleetUtilization");
        iam.putUserPolicy(r -> r.userName(user).policyName("fleet").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                        + "\"gamelift:CreatePlayerSession\",\"Resource\":\"" + s.fleet().fleetArn() + "\"}]}"));
        assertThat(asUser.createPlayerSession(r -> r.gameSessionId(game.gameSessionId()).playerId("p"))
                .playerSession().playerId()).isEqualTo("p");
        assertAwsError(() -> asUser.describePlayerSessions(r -> r.gameSessionId(game.gameSessionId())),
                "AccessDeniedException", "gamelift:DescribePlayerSessions");
    }
}
