package io.gatepass.server.internal.endpoints.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatepass.server.internal.endpoints.sdk.SdkTestClient;
import io.gatepass.server.testing.AnywhereFleet;
import io.gatepass.server.testing.TestServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.ComputeType;
import software.amazon.awssdk.services.gamelift.model.GameSession;
import software.amazon.awssdk.services.gamelift.model.GameSessionStatus;
import software.amazon.awssdk.services.gamelift.model.GetComputeAuthTokenResponse;
import software.amazon.awssdk.services.gamelift.model.RuntimeConfiguration;
import software.amazon.awssdk.services.gamelift.model.ServerProcess;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent websocket end to end with nothing faked: an agent speaking the Amazon GameLift Agent's protocol connects
 * to the endpoint DescribeCompute advertises, reads the fleet's runtime configuration and heartbeats, while game
 * servers it "launched" connect over the SDK websocket; the control plane is the AWS SDK for Java v2.
 */
class AgentWebSocketTest {
    @TempDir
    Path dataDir;

    private AnywhereFleet fleet;
    private TestServer server;
    private Vertx vertx;
    private GameLiftClient gameLift;
    private String fleetId;
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        fleet = AnywhereFleet.start(dataDir, f -> f.runtimeConfiguration(c -> c
                .serverProcesses(ServerProcess.builder().launchPath("/local/game/server")
                        .parameters("-port 7777").concurrentExecutions(2).build())
                .gameSessionActivationTimeoutSeconds(120)));
        server = fleet.server();
        vertx = fleet.vertx();
        gameLift = fleet.gameLift();
        fleetId = fleet.fleetId();
    }

    private void register(String computeName) {
        fleet.register(computeName);
    }

    @AfterEach
    void stop() {
        for (AutoCloseable client : clients) {
            try {
                client.close();
            } catch (Exception ignored) {
                // the server closed it already
            }
        }
        fleet.close();
    }

    private String token(String computeName) {
        return fleet.token(computeName);
    }

    /** The advertised endpoint on the plain listener (ws://): the agent's JDK does not trust a private CA. */
    private String plainEndpoint() {
        return "ws://127.0.0.1:" + server.server().port() + AgentWebSocketRoute.PATH;
    }

    private AgentTestClient agent(String computeName) {
        AgentTestClient agent = AgentTestClient.connect(plainEndpoint(), fleetId, computeName, token(computeName),
                null);
        clients.add(agent);
        return agent;
    }

    private SdkTestClient gameServer(String processId) {
        SdkTestClient client = SdkTestClient.connect(vertx, fleet.sdkEndpoint("rack-1"),
                SdkTestClient.tokenParameters(processId, fleetId, "rack-1", token("rack-1")));
        clients.add(client);
        return client;
    }

    private static void assertOk(JsonNode reply, String action) {
        assertThat(reply.path("StatusCode").asInt()).as("reply %s", reply).isEqualTo(200);
        assertThat(reply.path("Action").asText()).isEqualTo(action);
        assertThat(reply.path("RequestId").asText()).isNotEmpty();
    }

    private static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).as("a list, never left out: %s", array).isTrue();
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private SSLContext trustingTheServer() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream pem = Files.newInputStream(server.server().tlsCertificatePath())) {
            int i = 0;
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                trust.setCertificateEntry("gatepass-" + i++, certificate);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    @Test
    void handshake_withAMalformedPercentEscape_is400_notAServerError() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.server().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + AgentWebSocketRoute.PATH + "?FleetId=" + fleetId
                    + "&ComputeName=rack-1&Authorization=%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void handshake_acceptsTheComputesToken_overWsAndWss_andRefusesEverythingElseWith403() throws Exception {
        register("rack-2");
        String token = token("rack-1");
        String advertised = gameLift.describeCompute(r -> r.fleetId(fleetId).computeName("rack-1")).compute()
                .gameLiftAgentEndpoint();
        assertThat(advertised).isEqualTo("wss://127.0.0.1:" + server.server().tlsPort() + "/gamelift/agent");

        assertThat(AgentTestClient.handshakeStatus(plainEndpoint(), fleetId, "rack-1", token, null)).isEqualTo(101);
        assertThat(AgentTestClient.handshakeStatus(advertised, fleetId, "rack-1", token, trustingTheServer()))
                .isEqualTo(101);
        assertThat(AgentTestClient.handshakeStatus(plainEndpoint(), fleetId, "rack-2", token, null))
                .as("another compute's token").isEqualTo(403);
        assertThat(AgentTestClient.handshakeStatus(plainEndpoint(), "fleet-00000000-0000-4000-8000-000000000000",
                "rack-1", token, null)).as("another fleet").isEqualTo(403);
        assertThat(AgentTestClient.handshakeStatus(plainEndpoint(), fleetId, "rack-1", token.substring(0,
                token.length() - 2) + "xx", null)).as("an altered token").isEqualTo(403);
        assertThat(AgentTestClient.handshakeStatus(plainEndpoint(), fleetId, "rack-1", "SigV4", null))
                .isEqualTo(403);

        gameLift.deregisterCompute(r -> r.fleetId(fleetId).computeName("rack-1"));
        assertThat(AgentTestClient.handshakeStatus(plainEndpoint(), fleetId, "rack-1", token, null))
                .as("a deregistered compute's token").isEqualTo(403);
    }

    @Test
    void describeRuntimeConfiguration_returnsTheFleets_andAnUpdateAtTheNextCall() {
        AgentTestClient agent = agent("rack-1");

        JsonNode first = agent.request("DescribeRuntimeConfiguration", Map.of());
        assertOk(first, "DescribeRuntimeConfiguration");
        assertThat(first.path("ServerProcesses")).hasSize(1);
        assertThat(first.path("ServerProcesses").get(0).path("LaunchPath").asText()).isEqualTo("/local/game/server");
        assertThat(first.path("ServerProcesses").get(0).path("Parameters").asText()).isEqualTo("-port 7777");
        assertThat(first.path("ServerProcesses").get(0).path("ConcurrentExecutions").asInt()).isEqualTo(2);
        assertThat(first.path("GameSessionActivationTimeoutSeconds").asInt()).isEqualTo(120);

        gameLift.updateRuntimeConfiguration(r -> r.fleetId(fleetId).runtimeConfiguration(RuntimeConfiguration
                .builder().serverProcesses(ServerProcess.builder().launchPath("/local/game/v2")
                        .concurrentExecutions(1).build()).build()));
        JsonNode second = agent.request("DescribeRuntimeConfiguration", Map.of());

        assertOk(second, "DescribeRuntimeConfiguration");
        assertThat(second.path("ServerProcesses").get(0).path("LaunchPath").asText()).isEqualTo("/local/game/v2");
        assertThat(second.has("GameSessionActivationTimeoutSeconds")).isFalse();
    }

    @Test
    void describeRuntimeConfiguration_ofAFleetWithout_hasAnEmptyServerProcessesList() {
        String bare = gameLift.createFleet(r -> r.name("bare").computeType(ComputeType.ANYWHERE)
                .locations(l -> l.location("custom-home"))).fleetAttributes().fleetId();
        gameLift.registerCompute(r -> r.fleetId(bare).computeName("rack-9").ipAddress("10.0.0.9")
                .location("custom-home"));
        String token = gameLift.getComputeAuthToken(r -> r.fleetId(bare).computeName("rack-9")).authToken();
        AgentTestClient agent = AgentTestClient.connect(plainEndpoint(), bare, "rack-9", token, null);
        clients.add(agent);

        JsonNode reply = agent.request("DescribeRuntimeConfiguration", Map.of());

        assertOk(reply, "DescribeRuntimeConfiguration");
        assertThat(texts(reply.path("ServerProcesses"))).as("required by the agent, so never left out").isEmpty();
    }

    @Test
    void processesTheAgentLaunched_areRegistered_placed_andReportedBackWhenUnregisteredOrUnhealthy() {
        AgentTestClient agent = agent("rack-1");
        JsonNode initializing = agent.heartbeat("Initializing", List.of());
        assertOk(initializing, "SendHeartbeat");
        assertThat(initializing.path("Status").asText()).as("lets the agent move on to Activating")
                .isEqualTo("Initializing");
        assertThat(texts(initializing.path("UnhealthyProcesses"))).isEmpty();
        assertThat(texts(initializing.path("UnregisteredProcesses"))).isEmpty();

        String p1 = "4b4c1a52-5f0e-4a8e-9a35-0f7c6d3c1a01";
        String p2 = "4b4c1a52-5f0e-4a8e-9a35-0f7c6d3c1a02";
        JsonNode launched = agent.heartbeat("Activating", List.of(p1, p2));
        assertThat(launched.path("Status").asText()).isEqualTo("Activating");
        assertThat(texts(launched.path("UnregisteredProcesses"))).containsExactlyInAnyOrder(p1, p2);

        SdkTestClient game = gameServer(p1);
        assertThat(game.processReady(7777).path("StatusCode").asInt()).isEqualTo(200);
        JsonNode registered = agent.awaitMessage("NotifyProcessRegistered");
        assertThat(registered.has("RequestId")).as("a push").isFalse();
        assertThat(registered.path("ProcessId").asText()).isEqualTo(p1);
        assertThat(texts(registered.path("LogPaths"))).containsExactly("/local/game/logs");

        JsonNode active = agent.heartbeat("Activating", List.of(p1, p2));
        assertThat(active.path("Status").asText()).as("a process is ready").isEqualTo("Active");
        assertThat(texts(active.path("UnregisteredProcesses"))).containsExactly(p2);
        assertThat(texts(active.path("UnhealthyProcesses"))).isEmpty();

        GameSession session = gameLift.createGameSession(r -> r.fleetId(fleetId).location("custom-home")
                        .maximumPlayerSessionCount(4))
                .gameSession();
        assertThat(game.awaitPush("CreateGameSession").path("GameSessionId").asText())
                .isEqualTo(session.gameSessionId());
        assertThat(game.request("ActivateGameSession", Map.of("GameSessionId", session.gameSessionId()))
                .path("StatusCode").asInt()).isEqualTo(200);
        JsonNode activated = agent.awaitMessage("NotifyGameSessionActivated");
        assertThat(activated.path("ProcessId").asText()).isEqualTo(p1);
        assertThat(activated.path("GameSessionId").asText()).isEqualTo(session.gameSessionId());

        game.request("HeartbeatServerProcess", Map.of("HealthStatus", false));
        JsonNode unhealthy = agent.heartbeat("Active", List.of(p1));
        assertThat(texts(unhealthy.path("UnhealthyProcesses"))).containsExactly(p1);
        assertThat(texts(unhealthy.path("UnregisteredProcesses"))).isEmpty();

        JsonNode terminated = agent.request("NotifyServerProcessTermination", Map.of("ProcessId", p1,
                "TerminationReason", "SERVER_PROCESS_TERMINATED_UNHEALTHY"));
        assertOk(terminated, "NotifyServerProcessTermination");
        GameSession over = gameLift.describeGameSessions(r -> r.gameSessionId(session.gameSessionId()))
                .gameSessions().get(0);
        assertThat(over.status()).isEqualTo(GameSessionStatus.TERMINATED);
        assertThat(over.statusReasonAsString()).isEqualTo("INTERRUPTED");
        assertThat(gameLift.describeFleetUtilization(r -> r.fleetIds(fleetId)).fleetUtilization().get(0)
                .activeServerProcessCount()).isZero();
    }

    @Test
    void aProcessThatDoesNotEndWhenTold_isForceExitedThroughItsAgent() {
        AgentTestClient agent = agent("rack-1");
        String p1 = "4b4c1a52-5f0e-4a8e-9a35-0f7c6d3c1a03";
        SdkTestClient game = gameServer(p1);
        game.processReady(7777);
        agent.awaitMessage("NotifyProcessRegistered");

        server.server().serverProcesses().terminateProcess(p1, server.clock().instant().plusSeconds(60));
        game.awaitPush("TerminateProcess");
        server.clock().advance(Duration.ofSeconds(91));
        server.server().serverProcesses().check();

        JsonNode forced = agent.awaitMessage("ForceExitServerProcess");
        assertThat(forced.path("ProcessId").asText()).isEqualTo(p1);
        assertThat(forced.path("TerminationReason").asText()).isNotEmpty();
    }

    @Test
    void beforeItsTokenExpires_theAgentIsToldToRefresh_andTheNewTokenConnects() {
        AgentTestClient agent = agent("rack-1");
        GetComputeAuthTokenResponse first = gameLift.getComputeAuthToken(r -> r.fleetId(fleetId)
                .computeName("rack-1"));

        server.clock().advance(Duration.between(server.clock().instant(), first.expirationTimestamp())
                .minusMinutes(5));
        server.server().computeAgents().check();

        JsonNode refresh = agent.awaitMessage("RefreshConnection");
        assertThat(refresh.path("RefreshConnectionEndpoint").asText()).isEqualTo(plainEndpoint());
        String token = refresh.path("AuthToken").asText();
        assertThat(token).isNotEqualTo(first.authToken());
        assertThat(refresh.path("ExpirationTime").asLong())
                .isGreaterThan(first.expirationTimestamp().getEpochSecond());
        assertThat(AgentTestClient.handshakeStatus(refresh.path("RefreshConnectionEndpoint").asText(), fleetId,
                "rack-1", token, null)).isEqualTo(101);
    }

    @Test
    void deregisteringTheCompute_startsItsTermination() {
        AgentTestClient agent = agent("rack-1");
        agent.heartbeat("Initializing", List.of());

        gameLift.deregisterCompute(r -> r.fleetId(fleetId).computeName("rack-1"));
        server.server().computeAgents().check();

        assertThat(agent.awaitMessage("StartComputeTermination").has("RequestId")).isFalse();
        assertThat(agent.heartbeat("Activating", List.of()).path("Status").asText()).isEqualTo("Terminating");
    }

    @Test
    void unknownActionsAndBadMembers_get400_andFleetRoleCredentialsWithoutARole_404() {
        AgentTestClient agent = agent("rack-1");

        JsonNode unknown = agent.request("Dance", Map.of());
        assertThat(unknown.path("StatusCode").asInt()).isEqualTo(400);
        assertThat(unknown.path("ErrorMessage").asText()).contains("Dance");
        assertThat(agent.request("SendHeartbeat", Map.of("Status", "Sleepy", "ProcessList", List.of()))
                .path("StatusCode").asInt()).isEqualTo(400);
        JsonNode credentials = agent.request("GetFleetRoleCredentials",
                Map.of("RoleSessionName", "GameLiftAgentSession-abcde"));
        assertThat(credentials.path("StatusCode").asInt()).isEqualTo(404);
        assertThat(credentials.has("AccessKeyId")).isFalse();
    }
}
