package io.gatepass.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.gatepass.server.testing.FakeServerProcesses;
import io.gatepass.server.testing.GatepassServerExtension;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Game sessions and player sessions over rpcv2Cbor, as newer AWS SDKs speak GameLift. */
class GameSessionCborTest {
    private static final CBORMapper CBOR = new CBORMapper();
    static FakeServerProcesses processes = new FakeServerProcesses();
    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension(
            dir -> TestServer.start(null, dir, processes));
    static TestServer server;

    @BeforeAll
    static void start() {
        server = GATEPASS.server();
    }

    private static HttpResponse<byte[]> call(String operation, Map<String, Object> input) throws Exception {
        return server.signed(TestServer.admin(), "gamelift", "/service/GameLift/operation/" + operation,
                Map.of("smithy-protocol", "rpc-v2-cbor", "Content-Type", "application/cbor",
                        "Accept", "application/cbor"), CBOR.writeValueAsBytes(input), Clock.systemUTC());
    }

    private static JsonNode ok(HttpResponse<byte[]> response) throws Exception {
        JsonNode body = CBOR.readTree(response.body());
        assertThat(response.statusCode()).as("%s", body).isEqualTo(200);
        return body;
    }

    private static String error(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        return CBOR.readTree(response.body()).path("__type").asText();
    }

    @Test
    void gameAndPlayerSessions_overCbor_shapesAndErrorsAsTheModelSays() throws Exception {
        ok(call("CreateLocation", Map.of("LocationName", "custom-cbor-gs")));
        String fleetId = ok(call("CreateFleet", Map.of("Name", "cbor", "ComputeType", "ANYWHERE",
                "Locations", List.of(Map.of("Location", "custom-cbor-gs"))))).path("FleetAttributes")
                .path("FleetId").asText();
        Map<String, Object> create = Map.of("FleetId", fleetId, "Location", "custom-cbor-gs",
                "MaximumPlayerSessionCount", 2, "GameProperties", List.of(Map.of("Key", "mode", "Value", "duel")));
        assertThat(error(call("CreateGameSession", create)))
                .isEqualTo("com.amazonaws.gamelift#FleetCapacityExceededException");

        var process = processes.connect(TestServer.ACCOUNT, fleetId, "box", "custom-cbor-gs", "cbor-pid", 9000);
        JsonNode game = ok(call("CreateGameSession", create)).path("GameSession");
        String id = game.path("GameSessionId").asText();
        assertThat(game.path("Status").asText()).isEqualTo("ACTIVATING");
        assertThat(game.path("Port").asInt()).isEqualTo(9000);
        assertThat(game.path("GameProperties").get(0).path("Value").asText()).isEqualTo("duel");
        assertThat(Instant.ofEpochMilli((long) (game.path("CreationTime").asDouble() * 1000)))
                .isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));

        assertThat(error(call("CreatePlayerSession", Map.of("GameSessionId", id, "PlayerId", "p1"))))
                .isEqualTo("com.amazonaws.gamelift#InvalidGameSessionStatusException");
        server.server().gameSessionEvents().activateGameSession(process, id);
        JsonNode player = ok(call("CreatePlayerSession", Map.of("GameSessionId", id, "PlayerId", "p1")))
                .path("PlayerSession");
        assertThat(player.path("Status").asText()).isEqualTo("RESERVED");
        JsonNode found = ok(call("SearchGameSessions", Map.of("FleetId", fleetId,
                "FilterExpression", "playerSessionCount = 1 AND gameSessionProperties.mode = 'duel'")));
        assertThat(found.path("GameSessions").get(0).path("GameSessionId").asText()).isEqualTo(id);
        assertThat(error(call("SearchGameSessions", Map.of("FleetId", fleetId, "FilterExpression", "mode = 1"))))
                .isEqualTo("com.amazonaws.gamelift#InvalidRequestException");
        JsonNode usage = ok(call("DescribeFleetUtilization", Map.of("FleetIds", List.of(fleetId))))
                .path("FleetUtilization").get(0);
        assertThat(usage.path("ActiveServerProcessCount").asInt()).isEqualTo(1);
        assertThat(usage.path("CurrentPlayerSessionCount").asInt()).isEqualTo(1);
        assertThat(error(call("CreatePlayerSessions", Map.of("GameSessionId", id, "PlayerIds",
                List.of("a", "b"))))).isEqualTo("com.amazonaws.gamelift#GameSessionFullException");
    }
}
