package io.gatepass.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatepass.core.token.ComputeAuthTokens;
import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.testing.TestServer;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.ComputeType;
import software.amazon.awssdk.services.gamelift.model.LocationConfiguration;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL store hand out one GetComputeAuthToken answer per compute: the same token until less
 * than {@link ComputeAuthTokens#REISSUE_WHEN_LEFT} of it is left, then one new token, the same on both nodes whichever
 * is asked first (never one node the old token and the other a new one). Both nodes' clocks are moved together; each
 * node trusts what it read from the store for an hour, so the second node can agree only through the store: the
 * first node's word that the compute changed (NOTIFY), or the compare-and-set of the expiry when that word is late.
 */
class ComputeTokenSwitchPostgresTest {
    private static final Duration LONG_TTL = Duration.ofHours(1);
    private static final Duration TTL = ServerConfig.DEFAULT_COMPUTE_TOKEN_TTL;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bothNodes_handOutTheSameToken_beforeAndAfterTheSwitch15MinutesBeforeExpiry(@TempDir Path dirA,
                                                                                   @TempDir Path dirB)
            throws Exception {
        String store = TestDatabase.POSTGRESQL.freshUrl();
        String masterKey = Base64.getEncoder().encodeToString(new byte[32]);
        try (TestServer a = TestServer.start(node(store, masterKey, dirA), LONG_TTL);
             TestServer b = TestServer.start(node(store, masterKey, dirB), LONG_TTL)) {
            String fleetId = fleetWithComputes(a, "box-1", "box-2");

            for (String compute : List.of("box-1", "box-2")) {
                // box-1: node a is asked first after the switch; box-2: node b
                TestServer first = compute.equals("box-1") ? a : b;
                TestServer second = first == a ? b : a;
                JsonNode original = token(a, fleetId, compute);
                assertThat(token(b, fleetId, compute)).isEqualTo(original);

                advanceBoth(a, b, TTL.minus(ComputeAuthTokens.REISSUE_WHEN_LEFT).minusMinutes(1));
                assertThat(token(second, fleetId, compute)).as("a minute before the switch").isEqualTo(original);
                assertThat(token(first, fleetId, compute)).isEqualTo(original);

                advanceBoth(a, b, Duration.ofMinutes(2));
                JsonNode fresh = token(first, fleetId, compute);
                assertThat(fresh.path("AuthToken").asText()).as("a minute after the switch")
                        .isNotEqualTo(original.path("AuthToken").asText());
                assertThat(fresh.path("ExpirationTimestamp").asDouble())
                        .isGreaterThan(original.path("ExpirationTimestamp").asDouble());
                // a later second on the other node: a token it minted on its own would carry another expiry
                advanceBoth(a, b, Duration.ofSeconds(5));
                assertThat(token(second, fleetId, compute)).isEqualTo(fresh);
                assertThat(token(first, fleetId, compute)).isEqualTo(fresh);
            }
        }
    }

    private static ServerConfig node(String store, String masterKey, Path dir) {
        return new ServerConfig(0, "127.0.0.1", dir, store, TestServer.REGION, "text",
                ServerConfig.DEFAULT_MAX_BODY_BYTES, masterKey,
                new ServerConfig.Bootstrap(TestServer.ACCOUNT, TestServer.ADMIN_ID, TestServer.ADMIN_SECRET));
    }

    private static String fleetWithComputes(TestServer node, String... computes) {
        try (GameLiftClient gameLift = node.gameLift(TestServer.admin())) {
            gameLift.createLocation(r -> r.locationName("custom-rack"));
            String fleetId = gameLift.createFleet(r -> r.name("switching").computeType(ComputeType.ANYWHERE)
                    .locations(LocationConfiguration.builder().location("custom-rack").build()))
                    .fleetAttributes().fleetId();
            for (String compute : computes) {
                gameLift.registerCompute(r -> r.fleetId(fleetId).computeName(compute).ipAddress("10.0.0.7")
                        .location("custom-rack"));
            }
            return fleetId;
        }
    }

    private static void advanceBoth(TestServer a, TestServer b, Duration by) {
        a.clock().advance(by);
        b.clock().advance(by);
    }

    /** GetComputeAuthToken on the node, signed at the node's (moved) clock: the answer's token and expiry. */
    private static JsonNode token(TestServer node, String fleetId, String compute) throws Exception {
        HttpResponse<byte[]> response = node.signed(TestServer.admin(), "gamelift", "/",
                Map.of("X-Amz-Target", "GameLift.GetComputeAuthToken",
                        "Content-Type", "application/x-amz-json-1.1"),
                JSON.writeValueAsBytes(Map.of("FleetId", fleetId, "ComputeName", compute)), node.clock());
        JsonNode body = JSON.readTree(response.body());
        assertThat(response.statusCode()).as("%s", body).isEqualTo(200);
        assertThat(body.path("AuthToken").asText()).isNotEmpty();
        ObjectNode answer = JSON.createObjectNode();
        answer.set("AuthToken", body.path("AuthToken"));
        answer.set("ExpirationTimestamp", body.path("ExpirationTimestamp"));
        return answer;
    }
}
