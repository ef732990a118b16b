package io.gatepass.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
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

/**
 * GameLift over rpcv2Cbor, as newer AWS SDKs (and botocore) speak it: requests encoded with jackson-dataformat-cbor,
 * signed with the SDK's signer, sent to {@code /service/GameLift/operation/<Op>}.
 */
class GameLiftCborTest {
    private static final CBORMapper CBOR = new CBORMapper();
    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension();
    static TestServer server;

    @BeforeAll
    static void start() {
        server = GATEPASS.server();
    }

    private static HttpResponse<byte[]> call(String operation, Map<String, Object> input, Clock clock)
            throws Exception {
        return server.signed(TestServer.admin(), "gamelift", "/service/GameLift/operation/" + operation,
                Map.of("smithy-protocol", "rpc-v2-cbor", "Content-Type", "application/cbor",
                        "Accept", "application/cbor"), CBOR.writeValueAsBytes(input), clock);
    }

    private static JsonNode ok(HttpResponse<byte[]> response) throws Exception {
        JsonNode body = CBOR.readTree(response.body());
        assertThat(response.statusCode()).as("%s", body).isEqualTo(200);
        assertThat(response.headers().firstValue("smithy-protocol")).hasValue("rpc-v2-cbor");
        assertThat(response.headers().firstValue("content-type")).hasValue("application/cbor");
        return body;
    }

    private static String fleetWithCompute(String location, String computeName) throws Exception {
        ok(call("CreateLocation", Map.of("LocationName", location), Clock.systemUTC()));
        JsonNode fleet = ok(call("CreateFleet", Map.of("Name", "cbor-fleet", "ComputeType", "ANYWHERE",
                "Locations", List.of(Map.of("Location", location))), Clock.systemUTC()));
        String fleetId = fleet.path("FleetAttributes").path("FleetId").asText();
        ok(call("RegisterCompute", Map.of("FleetId", fleetId, "ComputeName", computeName, "IpAddress", "10.9.9.9",
                "Location", location), Clock.systemUTC()));
        return fleetId;
    }

    @Test
    void getComputeAuthToken_overCbor_returnsTheTokenWithATag1Timestamp() throws Exception {
        String fleetId = fleetWithCompute("custom-cbor-a", "cbor-box");
        HttpResponse<byte[]> response = call("GetComputeAuthToken", Map.of("FleetId", fleetId,
                "ComputeName", "cbor-box"), Clock.systemUTC());
        JsonNode body = ok(response);
        assertThat(body.path("AuthToken").asText()).matches("^[a-zA-Z0-9\\-]{1,64}$");
        assertThat(body.path("FleetId").asText()).isEqualTo(fleetId);
        try (CBORParser parser = new CBORFactory().createParser(response.body())) {
            boolean sawTag = false;
            while (parser.nextToken() != null) {
                if ("ExpirationTimestamp".equals(parser.currentName()) && parser.currentToken().isNumeric()) {
                    assertThat(parser.getCurrentTag()).isEqualTo(1);
                    assertThat(Instant.ofEpochMilli((long) (parser.getDoubleValue() * 1000)))
                            .isCloseTo(Instant.now().plus(Duration.ofHours(3)), within(Duration.ofMinutes(1)));
                    sawTag = true;
                }
            }
            assertThat(sawTag).as("ExpirationTimestamp as a tag-1 number").isTrue();
        }
    }

    @Test
    void getComputeAuthToken_whenLessThan15MinutesAreLeft_mintsAFreshToken() throws Exception {
        String fleetId = fleetWithCompute("custom-cbor-b", "aging-box");
        Map<String, Object> input = Map.of("FleetId", fleetId, "ComputeName", "aging-box");
        JsonNode first = ok(call("GetComputeAuthToken", input, server.clock()));
        server.clock().advance(Duration.ofHours(3).minusMinutes(16));
        try {
            JsonNode stillSame = ok(call("GetComputeAuthToken", input, server.clock()));
            assertThat(stillSame.path("AuthToken").asText()).isEqualTo(first.path("AuthToken").asText());
            server.clock().advance(Duration.ofMinutes(2));
            JsonNode fresh = ok(call("GetComputeAuthToken", input, server.clock()));
            assertThat(fresh.path("AuthToken").asText()).isNotEqualTo(first.path("AuthToken").asText());
            assertThat(fresh.path("ExpirationTimestamp").asDouble())
                    .isGreaterThan(first.path("ExpirationTimestamp").asDouble() + 3 * 3600 - 20 * 60);
        } finally {
            server.clock().advance(Duration.ofHours(-3).plusMinutes(14));
        }
    }

    @Test
    void errors_overCbor_carryTheShapeIdInType() throws Exception {
        HttpResponse<byte[]> response = call("DescribeCompute", Map.of("FleetId", "fleet-none",
                "ComputeName", "nobody"), Clock.systemUTC());
        JsonNode body = CBOR.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body.path("__type").asText()).isEqualTo("com.amazonaws.gamelift#NotFoundException");
        assertThat(body.path("message").asText()).contains("fleet-none");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void createFleet_withEc2_overCbor_isInvalidRequest() throws Exception {
        HttpResponse<byte[]> response = call("CreateFleet", Map.of("Name", "x", "ComputeType", "EC2",
                "Locations", List.of(Map.of("Location", "custom-x"))), Clock.systemUTC());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(CBOR.readTree(response.body()).path("__type").asText())
                .isEqualTo("com.amazonaws.gamelift#InvalidRequestException");
    }
}
