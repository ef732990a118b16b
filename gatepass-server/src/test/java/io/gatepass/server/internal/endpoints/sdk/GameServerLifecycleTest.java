package io.gatepass.server.internal.endpoints.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatepass.server.testing.AnywhereFleet;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.FleetUtilization;
import software.amazon.awssdk.services.gamelift.model.GameProperty;
import software.amazon.awssdk.services.gamelift.model.GameSession;
import software.amazon.awssdk.services.gamelift.model.GameSessionFullException;
import software.amazon.awssdk.services.gamelift.model.GameSessionStatus;
import software.amazon.awssdk.services.gamelift.model.PlayerSession;
import software.amazon.awssdk.services.gamelift.model.PlayerSessionStatus;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole loop with nothing faked: a game server connects over wss to the endpoint DescribeCompute advertises,
 * the control plane (the AWS SDK for Java v2) places a game session on it and adds two players, and the game server
 * activates, accepts, removes and ends as the official SDK would.
 */
class GameServerLifecycleTest {
    @TempDir
    Path dataDir;

    private AnywhereFleet fleet;
    private Vertx vertx;
    private GameLiftClient gameLift;
    private String fleetId;
    private SdkTestClient gameServer;

    @BeforeEach
    void start() {
        fleet = AnywhereFleet.start(dataDir, f -> { });
        vertx = fleet.vertx();
        gameLift = fleet.gameLift();
        fleetId = fleet.fleetId();
    }

    @AfterEach
    void stop() {
        if (gameServer != null) {
            try {
                gameServer.close();
            } catch (RuntimeException ignored) {
                // the server closed it already
            }
        }
        fleet.close();
    }

    private SdkTestClient connectAsTheAgentWould(String processId) {
        String endpoint = fleet.sdkEndpoint("rack-1");
        assertThat(endpoint).startsWith("wss://");
        return SdkTestClient.connect(vertx, endpoint,
                SdkTestClient.tokenParameters(processId, fleetId, "rack-1", fleet.token("rack-1")));
    }

    private GameSession gameSession(String id) {
        return gameLift.describeGameSessions(r -> r.gameSessionId(id)).gameSessions().get(0);
    }

    private PlayerSession playerSession(String id) {
        return gameLift.describePlayerSessions(r -> r.playerSessionId(id)).playerSessions().get(0);
    }

    private static void assertOk(JsonNode reply) {
        assertThat(reply.path("StatusCode").asInt()).as("reply %s", reply).isEqualTo(200);
    }

    @Test
    void gameSessionWithTwoPlayers_whenTheGameServerFollowsTheSdk_movesThroughEveryStatus() {
        gameServer = connectAsTheAgentWould("proc-1");
        assertOk(gameServer.processReady(7777));

        GameSession created = gameLift.createGameSession(r -> r.fleetId(fleetId).location("custom-home")
                .name("arena").maximumPlayerSessionCount(2)
                .gameProperties(GameProperty.builder().key("mode").value("ctf").build())).gameSession();
        assertThat(created.status()).isEqualTo(GameSessionStatus.ACTIVATING);

        JsonNode push = gameServer.awaitPush("CreateGameSession");
        assertThat(push.has("RequestId")).as("a push carries no RequestId").isFalse();
        assertThat(push.path("GameSessionId").asText()).isEqualTo(created.gameSessionId());
        assertThat(push.path("Port").asInt()).isEqualTo(7777);
        assertThat(push.path("IpAddress").asText()).isEqualTo("10.0.0.7");
        assertThat(push.path("MaximumPlayerSessionCount").asInt()).isEqualTo(2);
        assertThat(push.path("GameProperties").path("mode").asText()).isEqualTo("ctf");

        assertOk(gameServer.request("ActivateGameSession", Map.of("GameSessionId", created.gameSessionId())));
        assertThat(gameSession(created.gameSessionId()).status()).isEqualTo(GameSessionStatus.ACTIVE);

        List<PlayerSession> players = gameLift.createPlayerSessions(r -> r.gameSessionId(created.gameSessionId())
                .playerIds("alice", "bob")).playerSessions();
        assertThat(players).extracting(PlayerSession::status).containsOnly(PlayerSessionStatus.RESERVED);
        assertThatThrownBy(() -> gameLift.createPlayerSession(r -> r.gameSessionId(created.gameSessionId())
                .playerId("carol"))).isInstanceOf(GameSessionFullException.class);

        for (PlayerSession player : players) {
            assertOk(gameServer.request("AcceptPlayerSession", Map.of("GameSessionId", created.gameSessionId(),
                    "PlayerSessionId", player.playerSessionId())));
            assertThat(playerSession(player.playerSessionId()).status()).isEqualTo(PlayerSessionStatus.ACTIVE);
        }
        JsonNode described = gameServer.request("DescribePlayerSessions",
                Map.of("GameSessionId", created.gameSessionId(), "Limit", 50));
        assertOk(described);
        assertThat(described.path("PlayerSessions")).hasSize(2)
                .allSatisfy(p -> assertThat(p.has("TerminationTime")).as("not set while the session lives").isFalse());

        FleetUtilization busy = gameLift.describeFleetUtilization(r -> r.fleetIds(fleetId)).fleetUtilization()
                .get(0);
        assertThat(busy.activeServerProcessCount()).isEqualTo(1);
        assertThat(busy.activeGameSessionCount()).isEqualTo(1);
        assertThat(busy.currentPlayerSessionCount()).isEqualTo(2);

        assertOk(gameServer.request("RemovePlayerSession", Map.of("GameSessionId", created.gameSessionId(),
                "PlayerSessionId", players.get(0).playerSessionId())));
        assertThat(playerSession(players.get(0).playerSessionId()).status())
                .isEqualTo(PlayerSessionStatus.COMPLETED);

        assertOk(gameServer.request("TerminateServerProcess"));
        assertThat(gameSession(created.gameSessionId()).status()).isEqualTo(GameSessionStatus.TERMINATED);
        assertThat(playerSession(players.get(1).playerSessionId()).status())
                .isEqualTo(PlayerSessionStatus.COMPLETED);
    }

    @Test
    void createGameSession_whenTheOnlyProcessIsBusy_isRefusedUntilItsSessionEnds() {
        gameServer = connectAsTheAgentWould("proc-1");
        assertOk(gameServer.processReady(7777));
        String first = gameLift.createGameSession(r -> r.fleetId(fleetId).location("custom-home")
                .maximumPlayerSessionCount(4)).gameSession().gameSessionId();
        gameServer.awaitPush("CreateGameSession");

        assertThatThrownBy(() -> gameLift.createGameSession(r -> r.fleetId(fleetId).location("custom-home")
                .maximumPlayerSessionCount(4)))
                .isInstanceOf(software.amazon.awssdk.services.gamelift.model.FleetCapacityExceededException.class);
        assertThat(gameSession(first).status()).isEqualTo(GameSessionStatus.ACTIVATING);
    }
}
