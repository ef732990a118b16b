package io.gatepass.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.server.testing.GatepassServerExtension;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.gamelift.model.ComputeType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded mutation fuzzing of the GameLift server SDK websocket ({@code endpoints/sdk}): the handshake's query string
 * (compute auth token, fleet, compute, process id, SDK version) and the JSON frames of every SDK action. A handshake
 * is accepted (101) or refused with a 4xx, in time; every request frame that is answered is answered with no
 * {@code StatusCode} 500, and the connection keeps answering (a probe heartbeat after each mutated frame comes back
 * within the client's timeout). The server is healthy afterwards.
 *
 * <p>{@code -Dgatepass.fuzz.iterations=N} mutations per seed (default 8), {@code -Dgatepass.fuzz.seed=S}.
 */
class SdkWebSocketFuzzTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final FuzzSettings SETTINGS = FuzzSettings.current(8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Mutator QUERY = new Mutator(List.of("&", "=", "%", "%ZZ", "%00", "&Authorization=",
            "&FleetId=", "&ComputeId=", "&pID=", "&sdkVersion=", "5.4.0", "-", "arn:aws:gamelift:", "fleet-",
            "\u00ff", "+", "&&", "==", "a".repeat(300)));
    private static final Mutator FRAMES = Mutator.forApiBodies();

    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension();
    static TestServer server;
    static Map<String, String> parameters;
    static String gameSessionId = "arn:aws:gamelift:us-east-1::gamesession/fleet-x/custom-fuzz/gs-1";

    @BeforeAll
    static void start() {
        server = GATEPASS.server();
        var gameLift = server.gameLift(TestServer.admin());
        gameLift.createLocation(r -> r.locationName("custom-fuzz"));
        String fleetId = gameLift.createFleet(r -> r.name("fuzz").computeType(ComputeType.ANYWHERE)
                .locations(l -> l.location("custom-fuzz"))).fleetAttributes().fleetId();
        gameLift.registerCompute(r -> r.fleetId(fleetId).computeName("fuzz-compute").ipAddress("10.0.0.1")
                .location("custom-fuzz"));
        String token = gameLift.getComputeAuthToken(r -> r.fleetId(fleetId).computeName("fuzz-compute"))
                .authToken();
        parameters = new TreeMap<>(Map.of("pID", "1234", "sdkVersion", "5.4.0", "sdkLanguage", "Cpp",
                "ComputeId", "fuzz-compute", "FleetId", fleetId, "IdempotencyToken", "fuzzfuzzfuzz",
                "Authorization", token));
    }

    private static String query(Map<String, String> values) {
        StringBuilder query = new StringBuilder();
        values.forEach((k, v) -> query.append(query.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return query.toString();
    }

    @Test
    void handshake_mutatedQuery_isAcceptedOrRefusedWith4xx() throws Exception {
        String valid = query(parameters);
        assertThat(handshake(valid)).isEqualTo(101);
        Random random = SETTINGS.random("sdk-handshake");
        int accepted = 0;
        for (int i = 0; i < SETTINGS.iterations() * 12; i++) {
            String mutated = QUERY.mutate(valid, random).replace(' ', '+').replace('\r', '+').replace('\n', '+');
            int status = handshake(mutated);
            assertThat(status).as("%s: ?%s", SETTINGS.replay("sdk-handshake", i), mutated)
                    .satisfiesAnyOf(s -> assertThat(s).isEqualTo(101), s -> assertThat(s).isBetween(400, 499));
            accepted += status == 101 ? 1 : 0;
        }
        System.out.println("sdk-handshake: " + accepted + " mutated handshakes accepted");
    }

    @Test
    void frames_mutated_areNeverA500AndTheConnectionKeepsAnswering() throws Exception {
        List<String> seeds = List.of(
                "{\"Action\":\"ActivateServerProcess\",\"RequestId\":\"r\",\"SdkVersion\":\"5.4.0\","
                        + "\"SdkLanguage\":\"Cpp\",\"SdkToolName\":\"GameLiftServerSdk\",\"SdkToolVersion\":\"5.4.0\","
                        + "\"Port\":7777,\"LogPaths\":[\"/tmp/log\"]}",
                "{\"Action\":\"HeartbeatServerProcess\",\"RequestId\":\"r\",\"HealthStatus\":true}",
                "{\"Action\":\"ActivateGameSession\",\"RequestId\":\"r\",\"GameSessionId\":\"" + gameSessionId + "\"}",
                "{\"Action\":\"AcceptPlayerSession\",\"RequestId\":\"r\",\"GameSessionId\":\"" + gameSessionId
                        + "\",\"PlayerSessionId\":\"psess-1\"}",
                "{\"Action\":\"RemovePlayerSession\",\"RequestId\":\"r\",\"GameSessionId\":\"" + gameSessionId
                        + "\",\"PlayerSessionId\":\"psess-1\"}",
                "{\"Action\":\"DescribePlayerSessions\",\"RequestId\":\"r\",\"GameSessionId\":\"" + gameSessionId
                        + "\",\"Limit\":10,\"PlayerSessionStatusFilter\":\"ACTIVE\"}",
                "{\"Action\":\"UpdatePlayerSessionCreationPolicy\",\"RequestId\":\"r\",\"GameSessionId\":\""
                        + gameSessionId + "\",\"PlayerSessionPolicy\":\"DENY_ALL\"}",
                "{\"Action\":\"GetComputeCertificate\",\"RequestId\":\"r\"}",
                "{\"Action\":\"GetFleetRoleCredentials\",\"RequestId\":\"r\",\"RoleArn\":\"arn:aws:iam::"
                        + TestServer.ACCOUNT + ":role/none\",\"RoleSessionName\":\"s\"}",
                "{\"Action\":\"TerminateServerProcess\",\"RequestId\":\"r\"}");
        Connection connection = Connection.open(server.server().port(), query(parameters));
        int probe = 0;
        try {
            for (String seed : seeds) {
                String target = "sdk-frames " + JSON.readTree(seed).path("Action").asText();
                Random random = SETTINGS.random(target);
                for (int i = -1; i < SETTINGS.iterations(); i++) {
                    String frame = i < 0 ? seed : FRAMES.mutate(seed, random);
                    if (connection.closed()) {
                        connection = Connection.open(server.server().port(), query(parameters));
                    }
                    connection.send(frame);
                    String id = "probe-" + probe++;
                    connection.send("{\"Action\":\"HeartbeatServerProcess\",\"RequestId\":\"" + id
                            + "\",\"HealthStatus\":true}");
                    String where = SETTINGS.replay(target, i) + ": " + frame;
                    JsonNode reply = connection.replyTo(id, where);
                    assertThat(reply == null ? 0 : reply.path("StatusCode").asInt()).as(where).isLessThan(500);
                }
            }
        } finally {
            connection.close();
        }
        assertThat(new RawHttp(server.server().port(), TIMEOUT).exchange(new RawRequest("GET", "/health",
                List.of(), new byte[0])).status()).isEqualTo(200);
    }

    /** The status of an upgrade request with this query string: 101 when accepted. */
    private static int handshake(String query) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.server().port()), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(("GET /gamelift/sdk/?" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\nUser-Agent: WebSocket++/0.8.2\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (head.size() < 12 && System.nanoTime() < deadline) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            String line = head.toString(StandardCharsets.ISO_8859_1);
            assertThat(line).as("status line for ?" + query).startsWith("HTTP/1.");
            return Integer.parseInt(line.substring(9, 12));
        } catch (SocketTimeoutException e) {
            throw new AssertionError("handshake hung: ?" + query, e);
        }
    }

    /** One SDK connection through the JDK's websocket client, replies collected as they come. */
    private static final class Connection implements WebSocket.Listener {
        private final BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile boolean closed;
        private WebSocket socket;

        static Connection open(int port, String query) throws Exception {
            Connection connection = new Connection();
            connection.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/gamelift/sdk/?" + query), connection)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return connection;
        }

        void send(String frame) throws Exception {
            socket.sendText(frame, true).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }

        boolean closed() {
            return closed || socket.isInputClosed() || socket.isOutputClosed();
        }

        /**
         * Waits for the reply to {@code requestId}, failing on any 500 reply met on the way; null when the server
         * closed the connection instead (it may hang up on a process that misbehaves).
         */
        JsonNode replyTo(String requestId, String where) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                JsonNode reply = replies.poll(50, TimeUnit.MILLISECONDS);
                if (reply != null) {
                    assertThat(reply.path("StatusCode").asInt()).as(where + "\n=> " + reply).isLessThan(500);
                    if (requestId.equals(reply.path("RequestId").asText())) {
                        return reply;
                    }
                } else if (closed()) {
                    return null;
                } else if (System.nanoTime() > deadline) {
                    throw new AssertionError("no reply to " + requestId + " within " + TIMEOUT + " after " + where);
                }
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    replies.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new AssertionError("the server sent a frame that is not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed = true;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = true;
        }

        void close() {
            socket.abort();
        }
    }
}
