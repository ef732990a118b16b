package io.gatepass.server.internal.endpoints.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.server.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The envelope without a server: every frame gets a well-formed reply or none, and nothing throws. */
class SdkActionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VALID = List.of(
            "{\"Action\":\"ActivateServerProcess\",\"RequestId\":\"r1\",\"SdkVersion\":\"5.4.0\",\"SdkLanguage\":\"Cpp\","
                    + "\"Port\":7777,\"LogPaths\":[\"/logs\"]}",
            "{\"Action\":\"HeartbeatServerProcess\",\"RequestId\":\"r2\",\"HealthStatus\":true}",
            "{\"Action\":\"ActivateGameSession\",\"RequestId\":\"r3\",\"GameSessionId\":\"gs-1\"}",
            "{\"Action\":\"AcceptPlayerSession\",\"RequestId\":\"r4\",\"GameSessionId\":\"gs-1\","
                    + "\"PlayerSessionId\":\"psess-1\"}",
            "{\"Action\":\"DescribePlayerSessions\",\"RequestId\":\"r5\",\"GameSessionId\":\"gs-1\",\"Limit\":50}",
            "{\"Action\":\"UpdatePlayerSessionCreationPolicy\",\"RequestId\":\"r6\",\"GameSessionId\":\"gs-1\","
                    + "\"PlayerSessionPolicy\":\"ACCEPT_ALL\"}",
            "{\"Action\":\"GetComputeCertificate\",\"RequestId\":\"r7\"}",
            "{\"Action\":\"GetFleetRoleCredentials\",\"RequestId\":\"r8\",\"RoleArn\":\"arn:aws:iam::1:role/x\"}");

    private final FakeGameSessions sessions = new FakeGameSessions();
    private final ServerProcessRegistry registry = new ServerProcessRegistry(new MutableClock(),
            SdkSettings.DEFAULTS, () -> sessions, null, ProcessRecords.NONE);
    private final SdkActions actions = new SdkActions(registry, () -> sessions, () -> "/certs/gatepass.pem",
            FleetRoleCredentials.NONE);
    private final ServerProcessRegistry.Process process = registry.attach("proc-1",
            new ConnectedCompute("123456789012", "fleet-1", "arn:aws:gamelift:us-east-1:123456789012:fleet/fleet-1",
                    "rack-1", "custom-home", "10.0.0.7", null, "reg-1", null), new Dropped(), "ws://h/gamelift/sdk")
            .orElseThrow();

    @Test
    void handle_whenEachActionIsWellFormed_repliesOkEchoingActionAndRequestId() throws Exception {
        for (String frame : VALID) {
            JsonNode request = JSON.readTree(frame);
            JsonNode reply = JSON.readTree(actions.handle(process, frame));

            assertThat(reply.path("StatusCode").asInt()).as(frame).isEqualTo(200);
            assertThat(reply.path("ErrorMessage").isTextual()).isTrue();
            assertThat(reply.path("Action")).isEqualTo(request.path("Action"));
            assertThat(reply.path("RequestId")).isEqualTo(request.path("RequestId"));
        }
        assertThat(JSON.readTree(actions.handle(process, VALID.get(6))).path("CertificatePath").asText())
                .isEqualTo("/certs/gatepass.pem");
    }

    @Test
    void handle_whenMemberHasTheWrongType_repliesBadRequest() throws Exception {
        JsonNode reply = JSON.readTree(actions.handle(process,
                "{\"Action\":\"ActivateServerProcess\",\"RequestId\":\"r\",\"Port\":\"seven\"}"));

        assertThat(reply.path("StatusCode").asInt()).isEqualTo(400);
        assertThat(reply.path("ErrorMessage").asText()).contains("ActivateServerProcess");
    }

    @Test
    void handle_whenNotJsonOrWithoutAction_ignoresTheFrame() {
        assertThat(actions.handle(process, "not json")).isNull();
        assertThat(actions.handle(process, "[1,2]")).isNull();
        assertThat(actions.handle(process, "{\"RequestId\":\"r\"}")).isNull();
    }

    /** Seeded: frames mutated at random never make the handler throw, and every reply is a complete envelope. */
    @Test
    void handle_whenFramesMutatedAtRandom_alwaysRepliesWithAnEnvelopeOrNothing() throws Exception {
        Random random = new Random(20261206L);
        String alphabet = "{}[]\":,0123456789-.truefalsnl ActionRequestIdPortHealthStatus\\u00e9";
        for (int i = 0; i < 3000; i++) {
            StringBuilder frame = new StringBuilder(VALID.get(random.nextInt(VALID.size())));
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits && !frame.isEmpty(); e++) {
                int at = random.nextInt(frame.length());
                switch (random.nextInt(3)) {
                    case 0 -> frame.deleteCharAt(at);
                    case 1 -> frame.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> frame.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String reply = actions.handle(process, frame.toString());
            if (reply != null) {
                JsonNode node = JSON.readTree(reply);
                assertThat(node.path("StatusCode").isInt()).as(frame.toString()).isTrue();
                assertThat(node.path("ErrorMessage").isTextual()).as(frame.toString()).isTrue();
                assertThat(node.path("Action").isTextual()).as(frame.toString()).isTrue();
            }
        }
    }

    /** A connection whose frames go nowhere. */
    private static final class Dropped implements ProcessConnection {
        @Override
        public void send(String text) {
        }

        @Override
        public void close(short code, String reason) {
        }
    }
}
