package io.gatepass.server.internal.endpoints.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatepass.core.token.ComputeRegistrations.Registration;
import io.gatepass.server.internal.api.gamelift.GameLiftErrors;
import io.gatepass.server.internal.gamelift.GameSessionStart;
import io.gatepass.server.internal.gamelift.PlayerSessionView;
import io.gatepass.server.internal.gamelift.ServerProcess;
import io.gatepass.server.testing.TestServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.ComputeType;
import software.amazon.awssdk.services.gamelift.model.GetComputeAuthTokenResponse;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The GameLift server SDK websocket against a real server, driven as the official C++ SDK drives it. */
class SdkWebSocketTest {
    @TempDir
    Path dataDir;

    private final FakeGameSessions sessions = new FakeGameSessions();
    private TestServer server;
    private Vertx vertx;
    private GameLiftClient gameLift;
    private String fleetId;
    private String fleetArn;
    private final String compute = "rack-1";
    private String token;
    private String base;
    private final List<SdkTestClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        server = TestServer.start(null, dataDir, sessions);
        vertx = Vertx.vertx();
        gameLift = server.gameLift(TestServer.admin());
        gameLift.createLocation(r -> r.locationName("custom-home"));
        var fleet = gameLift.createFleet(r -> r.name("studio").computeType(ComputeType.ANYWHERE)
                .locations(l -> l.location("custom-home"))).fleetAttributes();
        fleetId = fleet.fleetId();
        fleetArn = fleet.fleetArn();
        gameLift.registerCompute(r -> r.fleetId(fleetId).computeName(compute).ipAddress("10.0.0.7")
                .location("custom-home"));
        token = authToken().authToken();
        base = server.endpoint().toString().replaceFirst("^http", "ws") + "/gamelift/sdk";
    }

    @AfterEach
    void stop() {
        clients.forEach(c -> {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // already closed by the server
            }
        });
        if (server != null) {
            server.close();
        }
        vertx.close().await();
    }

    private GetComputeAuthTokenResponse authToken() {
        return gameLift.getComputeAuthToken(r -> r.fleetId(fleetId).computeName(compute));
    }

    private SdkTestClient connect(String processId) {
        SdkTestClient client = SdkTestClient.connect(vertx, base,
                SdkTestClient.tokenParameters(processId, fleetId, compute, token));
        clients.add(client);
        return client;
    }

    private SdkTestClient readyProcess(String processId, int port) {
        SdkTestClient client = connect(processId);
        JsonNode reply = client.processReady(port);
        assertThat(reply.path("StatusCode").asInt()).isEqualTo(200);
        return client;
    }

    private ServerProcessRegistry registry() {
        return server.server().serverProcesses();
    }

    private List<String> activeIds() {
        return registry().activeProcesses(fleetId, null).stream().map(ServerProcess::processId).toList();
    }

    /** Waits until the server has seen a dropped connection close (it does so on its own event loop). */
    private void awaitNoActiveProcess() throws InterruptedException {
        long deadline = System.nanoTime() + SdkTestClient.WAIT.toNanos();
        while (!activeIds().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server still counts the dropped process as connected");
            }
            Thread.sleep(5); // polls for an event; no test timing depends on it
        }
    }

    private String metrics() throws Exception {
        return server.send("GET", "/metrics", Map.of(), null).body();
    }

    /**
     * The server offers no websocket compression: a client that asks for permessage-deflate is answered without the
     * extension and talks uncompressed (RFC 7692), as the SDK, which never asks, always does.
     */
    @Test
    void handshake_offeringPerMessageDeflate_isAcceptedWithoutIt_andMessagesFlow() throws Exception {
        var client = vertx.createWebSocketClient(new io.vertx.core.http.WebSocketClientOptions()
                .setTryUsePerMessageCompression(true));
        StringBuilder url = new StringBuilder(base).append("/?");
        SdkTestClient.tokenParameters("proc-deflate", fleetId, compute, token).forEach((k, v) -> url
                .append(url.charAt(url.length() - 1) == '?' ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        var socket = client.connect(new io.vertx.core.http.WebSocketConnectOptions().setAbsoluteURI(url.toString()))
                .toCompletionStage().toCompletableFuture().get(20, java.util.concurrent.TimeUnit.SECONDS);
        try {
            assertThat(socket.headers().get("Sec-WebSocket-Extensions")).isNull();
            var reply = new java.util.concurrent.CompletableFuture<String>();
            socket.textMessageHandler(reply::complete);
            socket.writeTextMessage("{\"Action\":\"HeartbeatServerProcess\",\"RequestId\":\"r-1\","
                    + "\"HealthStatus\":true}");
            assertThat(reply.get(20, java.util.concurrent.TimeUnit.SECONDS)).contains("\"RequestId\":\"r-1\"")
                    .contains("\"StatusCode\":200");
        } finally {
            socket.close();
            client.close();
        }
    }

    @Test
    void processReady_whenTokenValid_repliesOkAndTheProcessIsActive() {
        SdkTestClient client = connect("proc-1");

        JsonNode reply = client.request("ActivateServerProcess", Map.of("SdkVersion", "5.4.0", "SdkLanguage", "Cpp",
                "Port", 7777, "LogPaths", List.of("/logs")));

        assertThat(reply.path("StatusCode").asInt()).isEqualTo(200);
        assertThat(reply.has("ErrorMessage")).isTrue();
        List<ServerProcess> active = registry().activeProcesses(fleetId, "custom-home");
        assertThat(active).singleElement().satisfies(p -> {
            assertThat(p.processId()).isEqualTo("proc-1");
            assertThat(p.port()).isEqualTo(7777);
            assertThat(p.computeName()).isEqualTo(compute);
            assertThat(p.ipAddress()).isEqualTo("10.0.0.7");
            assertThat(p.accountId()).isEqualTo(TestServer.ACCOUNT);
        });
        assertThat(registry().activeProcesses(fleetId, "custom-elsewhere")).isEmpty();
    }

    @Test
    void processes_areRecordedInTheStore_fromProcessReadyToProcessEnding() {
        SdkTestClient client = readyProcess("proc-1", 7777);
        var records = server.server().store().serverProcesses();
        assertThat(records.list(fleetId)).singleElement().satisfies(r -> {
            assertThat(r.processId()).isEqualTo("proc-1");
            assertThat(r.status()).isEqualTo("ACTIVE");
            assertThat(r.port()).isEqualTo(7777);
            assertThat(r.sdkLanguage()).isEqualTo("Cpp");
        });

        client.request("HeartbeatServerProcess", Map.of("HealthStatus", false));
        assertThat(records.list(fleetId)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo("UNHEALTHY"));
        client.request("TerminateServerProcess");

        assertThat(records.list(fleetId)).isEmpty();
    }

    @Test
    void handshake_whenFleetIdIsTheFleetArn_isAccepted() {
        assertThat(SdkTestClient.handshakeStatus(vertx, base,
                SdkTestClient.tokenParameters("proc-arn", fleetArn, compute, token))).isEqualTo(101);
    }

    @Test
    void handshake_whenRefused_answersOnlyAStatusAndCountsTheReason() throws Exception {
        gameLift.registerCompute(r -> r.fleetId(fleetId).computeName("rack-2").ipAddress("10.0.0.8")
                .location("custom-home"));
        String otherFleet = "fleet-" + UUID.randomUUID();
        char last = token.charAt(token.length() - 1);
        String forged = token.substring(0, token.length() - 1) + (last == 'a' ? 'b' : 'a');
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("unknown_token_key", SdkTestClient.tokenParameters("p", fleetId, compute,
                tokenFromAnotherKeyRing()));
        cases.put("missing_process_id", without(SdkTestClient.tokenParameters("x", fleetId, compute, token), "pID"));
        cases.put("invalid_process_id", SdkTestClient.tokenParameters("p\u0001", fleetId, compute, token));
        cases.put("missing_token", SdkTestClient.tokenParameters("p", fleetId, compute, null));
        cases.put("malformed_token", SdkTestClient.tokenParameters("p", fleetId, compute, "not-a-token"));
        cases.put("forged_token", SdkTestClient.tokenParameters("p", fleetId, compute, forged));
        // another fleet's or compute's genuine token fails the signature, checked over the claimed fleet and compute
        // before anything is looked up: it is refused exactly as a forged one
        cases.put("token_of_another_fleet", SdkTestClient.tokenParameters("p", otherFleet, compute, token));
        cases.put("token_of_another_compute", SdkTestClient.tokenParameters("p", fleetId, "rack-2", token));
        Map<String, Integer> expectedStatus = Map.of("missing_process_id", 400, "invalid_process_id", 400);

        for (var entry : cases.entrySet()) {
            assertThat(SdkTestClient.handshakeStatus(vertx, base, entry.getValue())).as(entry.getKey())
                    .isEqualTo(expectedStatus.getOrDefault(entry.getKey(), 403));
        }

        String metrics = metrics();
        for (String reason : cases.keySet()) {
            if (!reason.startsWith("token_of_another_")) {
                assertThat(metrics).contains("gatepass_sdk_handshake_refusals_total{reason=\"" + reason + "\"} "
                        + (reason.equals("forged_token") ? "3.0" : "1.0"));
            }
        }
    }

    /** A well-formed token for this compute's registration, signed with a key this server never had. */
    private String tokenFromAnotherKeyRing() {
        var valid = (io.gatepass.core.token.Verification.Valid<Registration>) server.server().computeTokenVerifier()
                .verify(token);
        byte[] secret = new byte[io.gatepass.core.token.SigningKey.SECRET_BYTES];
        new java.util.Random(7).nextBytes(secret);
        var ring = io.gatepass.core.token.KeyRing.of(List.of(new io.gatepass.core.token.SigningKey("Zz9Zz", secret,
                Instant.now().minus(Duration.ofHours(1)))), Duration.ofHours(3));
        var kind = new io.gatepass.core.token.ComputeAuthTokens(id -> java.util.Optional.empty(), Duration.ofHours(3));
        return new io.gatepass.core.token.TokenAuthority<>(kind, () -> ring, java.time.Clock.systemUTC())
                .mint(valid.subject(), valid.expiry());
    }

    @Test
    void handshake_whenTokenExpired_isRefused() throws Exception {
        server.clock().advance(Duration.ofHours(3).plusMinutes(1));

        assertThat(SdkTestClient.handshakeStatus(vertx, base,
                SdkTestClient.tokenParameters("p", fleetId, compute, token))).isEqualTo(403);
        assertThat(metrics()).contains("gatepass_sdk_handshake_refusals_total{reason=\"expired_token\"} 1.0");
    }

    @Test
    void handshake_whenComputeDeregistered_isRefusedAsRevoked() throws Exception {
        gameLift.deregisterCompute(r -> r.fleetId(fleetId).computeName(compute));

        assertThat(SdkTestClient.handshakeStatus(vertx, base,
                SdkTestClient.tokenParameters("p", fleetId, compute, token))).isEqualTo(403);
        assertThat(metrics()).contains("gatepass_sdk_handshake_refusals_total{reason=\"revoked_token\"} 1.0");
    }

    @Test
    void handshake_whenProcessIdLiveOnAnotherCompute_isRefused() throws Exception {
        readyProcess("shared-pid", 7777);
        gameLift.registerCompute(r -> r.fleetId(fleetId).computeName("rack-2").ipAddress("10.0.0.8")
                .location("custom-home"));
        String otherToken = gameLift.getComputeAuthToken(r -> r.fleetId(fleetId).computeName("rack-2"))
                .authToken();

        assertThat(SdkTestClient.handshakeStatus(vertx, base,
                SdkTestClient.tokenParameters("shared-pid", fleetId, "rack-2", otherToken))).isEqualTo(403);
        assertThat(metrics()).contains("gatepass_sdk_handshake_refusals_total{reason=\"process_id_in_use\"} 1.0");
    }

    @Test
    void request_whenUnknownOrMatchmaking_repliesBadRequestWithAMessage() {
        SdkTestClient client = readyProcess("proc-1", 7777);

        JsonNode unknown = client.request("FlyToTheMoon");
        JsonNode backfill = client.request("StartMatchBackfill", Map.of("TicketId", "t-1"));
        JsonNode stop = client.request("StopMatchBackfill");

        assertThat(unknown.path("StatusCode").asInt()).isEqualTo(400);
        assertThat(unknown.path("ErrorMessage").asText()).contains("FlyToTheMoon");
        assertThat(backfill.path("StatusCode").asInt()).isEqualTo(400);
        assertThat(backfill.path("ErrorMessage").asText()).contains("matchmaking");
        assertThat(stop.path("StatusCode").asInt()).isEqualTo(400);
    }

    @Test
    void gameSessionCall_beforeProcessReady_isRefused() {
        SdkTestClient client = connect("proc-1");

        JsonNode reply = client.request("ActivateGameSession", Map.of("GameSessionId", "gs-1"));

        assertThat(reply.path("StatusCode").asInt()).isEqualTo(400);
        assertThat(sessions.calls).isEmpty();
    }

    @Test
    void gameSessionCalls_goToTheGameSessions_andTheirErrorsBecomeStatusCodes() throws Exception {
        SdkTestClient client = readyProcess("proc-1", 7777);
        sessions.playerSessions = List.of(new PlayerSessionView("psess-1", "player-1", "gs-1", fleetId, fleetArn,
                Instant.ofEpochMilli(1_700_000_000_123L), null, "ACTIVE", "10.0.0.7", null, 7777, null));

        JsonNode activated = client.request("ActivateGameSession", Map.of("GameSessionId", "gs-1"));
        JsonNode accepted = client.request("AcceptPlayerSession",
                Map.of("GameSessionId", "gs-1", "PlayerSessionId", "psess-1"));
        JsonNode described = client.request("DescribePlayerSessions", Map.of("GameSessionId", "gs-1", "Limit", 50));
        JsonNode policy = client.request("UpdatePlayerSessionCreationPolicy",
                Map.of("GameSessionId", "gs-1", "PlayerSessionPolicy", "DENY_ALL"));
        JsonNode removed = client.request("RemovePlayerSession",
                Map.of("GameSessionId", "gs-1", "PlayerSessionId", "psess-1"));
        sessions.failWith = GameLiftErrors.NOT_FOUND.exception("Player session psess-9 not found.");
        JsonNode missing = client.request("AcceptPlayerSession",
                Map.of("GameSessionId", "gs-1", "PlayerSessionId", "psess-9"));

        assertThat(List.of(activated, accepted, described, policy, removed))
                .allSatisfy(r -> assertThat(r.path("StatusCode").asInt()).isEqualTo(200));
        assertThat(described.path("PlayerSessions")).singleElement().satisfies(p -> {
            assertThat(p.path("PlayerSessionId").asText()).isEqualTo("psess-1");
            assertThat(p.path("CreationTime").asLong()).isEqualTo(1_700_000_000_123L);
            assertThat(p.path("Status").asText()).isEqualTo("ACTIVE");
        });
        assertThat(missing.path("StatusCode").asInt()).isEqualTo(404);
        assertThat(missing.path("ErrorMessage").asText()).contains("psess-9");
        assertThat(List.of(sessions.next(), sessions.next(), sessions.next(), sessions.next(), sessions.next()))
                .containsExactly("activateGameSession proc-1 gs-1", "acceptPlayerSession proc-1 gs-1 psess-1",
                        "describePlayerSessions proc-1 gs-1 50",
                        "updatePlayerSessionCreationPolicy proc-1 gs-1 DENY_ALL",
                        "removePlayerSession proc-1 gs-1 psess-1");
    }

    @Test
    void computeCertificateAndFleetRole_answerAsAnAnywhereFleetDoes() {
        SdkTestClient client = readyProcess("proc-1", 7777);

        JsonNode certificate = client.request("GetComputeCertificate");
        JsonNode role = client.request("GetFleetRoleCredentials",
                Map.of("RoleArn", "arn:aws:iam::123456789012:role/game", "RoleSessionName", "s"));

        assertThat(certificate.path("StatusCode").asInt()).isEqualTo(200);
        assertThat(certificate.path("ComputeName").asText()).isEqualTo(compute);
        assertThat(certificate.has("CertificatePath")).isTrue();
        assertThat(role.path("StatusCode").asInt()).isEqualTo(200);
        assertThat(role.has("AccessKeyId")).isFalse();
    }

    @Test
    void fleetRoleCredentials_whenRoleIsTheFleetsInstanceRoleAndTrustsGameLift_areAnAssumedRoleSession() {
        var iam = server.iam(TestServer.admin());
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"gamelift.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        String roleArn = iam.createRole(r -> r.roleName("game-server").assumeRolePolicyDocument(trust)).role().arn();
        String untrusted = iam.createRole(r -> r.roleName("other").assumeRolePolicyDocument(
                trust.replace("gamelift.amazonaws.com", "ec2.amazonaws.com"))).role().arn();
        var roleFleet = gameLift.createFleet(r -> r.name("with-role").computeType(ComputeType.ANYWHERE)
                .instanceRoleArn(roleArn).locations(l -> l.location("custom-home"))).fleetAttributes();
        var untrustingFleet = gameLift.createFleet(r -> r.name("untrusting").computeType(ComputeType.ANYWHERE)
                .instanceRoleArn(untrusted).locations(l -> l.location("custom-home"))).fleetAttributes();
        assertThat(roleFleet.instanceRoleArn()).isEqualTo(roleArn);
        SdkTestClient process = processOn(roleFleet.fleetId(), "proc-role");
        SdkTestClient other = processOn(untrustingFleet.fleetId(), "proc-untrusting");

        JsonNode granted = process.request("GetFleetRoleCredentials",
                Map.of("RoleArn", roleArn, "RoleSessionName", roleFleet.fleetId() + "-" + compute));
        JsonNode notTheFleetsRole = process.request("GetFleetRoleCredentials",
                Map.of("RoleArn", untrusted, "RoleSessionName", "s1"));
        JsonNode notTrusted = other.request("GetFleetRoleCredentials",
                Map.of("RoleArn", untrusted, "RoleSessionName", "s2"));

        assertThat(granted.path("StatusCode").asInt()).isEqualTo(200);
        assertThat(granted.path("AccessKeyId").asText()).startsWith("ASIA");
        assertThat(granted.path("Expiration").asLong()).isGreaterThan(server.clock().millis());
        assertThat(granted.path("AssumedRoleUserArn").asText())
                .isEqualTo("arn:aws:sts::" + TestServer.ACCOUNT + ":assumed-role/game-server/"
                        + roleFleet.fleetId() + "-" + compute);
        var caller = server.sts(software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(
                granted.path("AccessKeyId").asText(), granted.path("SecretAccessKey").asText(),
                granted.path("SessionToken").asText())).getCallerIdentity();
        assertThat(caller.arn()).isEqualTo(granted.path("AssumedRoleUserArn").asText());
        assertThat(notTheFleetsRole.has("AccessKeyId")).isFalse();
        assertThat(notTrusted.has("AccessKeyId")).isFalse();
    }

    /** A ready process on another fleet of the test's location, on a compute of its own. */
    private SdkTestClient processOn(String fleet, String processId) {
        gameLift.registerCompute(r -> r.fleetId(fleet).computeName(compute).ipAddress("10.0.0.9")
                .location("custom-home"));
        String fleetToken = gameLift.getComputeAuthToken(r -> r.fleetId(fleet).computeName(compute)).authToken();
        SdkTestClient client = SdkTestClient.connect(vertx, base,
                SdkTestClient.tokenParameters(processId, fleet, compute, fleetToken));
        clients.add(client);
        assertThat(client.processReady(7777).path("StatusCode").asInt()).isEqualTo(200);
        return client;
    }

    @Test
    void createGameSession_isPushedWithoutRequestId() {
        SdkTestClient client = readyProcess("proc-1", 7777);

        boolean pushed = registry().startGameSession("proc-1", new GameSessionStart("arn:gs/1", "match", 8, 7777,
                "10.0.0.7", null, Map.of("mode", "ctf"), "data", null));

        JsonNode push = client.awaitPush("CreateGameSession");
        assertThat(pushed).isTrue();
        assertThat(push.has("RequestId")).isFalse();
        assertThat(push.path("GameSessionId").asText()).isEqualTo("arn:gs/1");
        assertThat(push.path("MaximumPlayerSessionCount").asInt()).isEqualTo(8);
        assertThat(push.path("GameProperties").path("mode").asText()).isEqualTo("ctf");
        assertThat(push.path("DnsName").asText()).isEmpty();
        assertThat(registry().startGameSession("nobody", new GameSessionStart("arn:gs/2", "m", 1, 1, null, null,
                Map.of(), null, null))).isFalse();
    }

    @Test
    void unhealthyReport_takesTheProcessOutOfPlacement_thenTerminatesIt() {
        SdkTestClient client = readyProcess("proc-1", 7777);

        client.request("HeartbeatServerProcess", Map.of("HealthStatus", false));
        assertThat(activeIds()).isEmpty();
        server.clock().advance(Duration.ofMinutes(3));
        registry().check();

        JsonNode terminate = client.awaitPush("TerminateProcess");
        long now = server.clock().millis();
        assertThat(terminate.path("TerminationTime").asLong()).isBetween(now, now + Duration.ofMinutes(6).toMillis());
    }

    @Test
    void unhealthyProcess_makesItsComputeImpaired_untilAHealthyHeartbeat() {
        SdkTestClient client = readyProcess("proc-1", 7777);
        assertThat(computeStatus()).isEqualTo("ACTIVE");

        client.request("HeartbeatServerProcess", Map.of("HealthStatus", false));
        assertThat(computeStatus()).isEqualTo("IMPAIRED");
        assertThat(gameLift.listCompute(r -> r.fleetId(fleetId).computeStatus("IMPAIRED")).computeList())
                .extracting(c -> c.computeName()).containsExactly(compute);
        assertThat(gameLift.listCompute(r -> r.fleetId(fleetId).computeStatus("ACTIVE")).computeList()).isEmpty();

        client.request("HeartbeatServerProcess", Map.of("HealthStatus", true));
        assertThat(computeStatus()).isEqualTo("ACTIVE");
    }

    private String computeStatus() {
        return gameLift.describeCompute(r -> r.fleetId(fleetId).computeName(compute)).compute().computeStatusAsString();
    }

    @Test
    void missedHeartbeats_markUnhealthy_thenTerminate() {
        SdkTestClient client = readyProcess("proc-1", 7777);
        assertThat(activeIds()).containsExactly("proc-1");

        server.clock().advance(Duration.ofMinutes(3));
        registry().check();
        assertThat(activeIds()).isEmpty();
        server.clock().advance(Duration.ofMinutes(3));
        registry().check();

        assertThat(client.awaitPush("TerminateProcess").has("TerminationTime")).isTrue();
    }

    @Test
    void heartbeat_whenHealthyAgain_returnsTheProcessToPlacement() {
        SdkTestClient client = readyProcess("proc-1", 7777);

        client.request("HeartbeatServerProcess", Map.of("HealthStatus", false));
        client.request("HeartbeatServerProcess", Map.of("HealthStatus", true));

        assertThat(activeIds()).containsExactly("proc-1");
    }

    @Test
    void connection_thatNeverCallsProcessReady_isClosedAfterTheTimeout() {
        SdkTestClient client = connect("idle");
        client.request("GetComputeCertificate"); // answered once attached

        server.clock().advance(Duration.ofMinutes(5));
        registry().check();

        assertThat(client.awaitClose()).isEqualTo(1000);
    }

    @Test
    void deregisterCompute_sendsTerminateProcess_andProcessEndingEndsTheGameSession() throws Exception {
        SdkTestClient client = readyProcess("proc-1", 7777);

        gameLift.deregisterCompute(r -> r.fleetId(fleetId).computeName(compute));
        registry().check();
        JsonNode terminate = client.awaitPush("TerminateProcess");
        JsonNode ending = client.request("TerminateServerProcess");

        assertThat(terminate.has("TerminationTime")).isTrue();
        assertThat(ending.path("StatusCode").asInt()).isEqualTo(200);
        assertThat(sessions.next()).isEqualTo("processEnded proc-1 TRIGGERED_ON_PROCESS_TERMINATE");
        assertThat(activeIds()).isEmpty();
    }

    @Test
    void processToldToTerminate_thatNeverEnds_isForceTerminatedAfterItsTerminationTime() throws Exception {
        SdkTestClient client = readyProcess("proc-1", 7777);
        registry().startGameSession("proc-1", new GameSessionStart("arn:gs/1", "m", 4, 7777, "10.0.0.7", null,
                Map.of(), null, null));
        client.awaitPush("CreateGameSession");

        registry().terminateProcess("proc-1", server.clock().instant().plusSeconds(60));
        client.awaitPush("TerminateProcess");
        server.clock().advance(Duration.ofSeconds(80));
        registry().check();
        assertThat(sessions.calls).isEmpty();
        server.clock().advance(Duration.ofSeconds(10));
        registry().check();

        assertThat(sessions.next()).isEqualTo("processEnded proc-1 FORCE_TERMINATED");
        assertThat(client.awaitClose()).isEqualTo(1000);
    }

    @Test
    void deleteFleet_sendsTerminateProcess() {
        SdkTestClient client = readyProcess("proc-1", 7777);

        gameLift.deregisterCompute(r -> r.fleetId(fleetId).computeName(compute));
        gameLift.deleteFleet(r -> r.fleetId(fleetId));
        registry().check();

        assertThat(client.awaitPush("TerminateProcess").has("TerminationTime")).isTrue();
    }

    @Test
    void processEnding_endsTheProcessWithoutAReason() throws Exception {
        SdkTestClient client = readyProcess("proc-1", 7777);

        JsonNode reply = client.request("TerminateServerProcess");

        assertThat(reply.path("StatusCode").asInt()).isEqualTo(200);
        assertThat(sessions.next()).isEqualTo("processEnded proc-1 null");
        assertThat(activeIds()).isEmpty();
    }

    @Test
    void reconnect_withTheSameUrl_continuesTheProcessWithoutProcessReady() throws Exception {
        SdkTestClient client = readyProcess("proc-1", 7777);
        Instant activatedAt = registry().activeProcesses(fleetId, null).get(0).activatedAt();

        client.drop();
        awaitNoActiveProcess();
        client.open();
        assertThat(client.request("HeartbeatServerProcess", Map.of("HealthStatus", true))
                .path("StatusCode").asInt()).isEqualTo(200);
        registry().startGameSession("proc-1", new GameSessionStart("arn:gs/1", "m", 4, 7777, "10.0.0.7", null,
                Map.of(), null, null));

        assertThat(client.awaitPush("CreateGameSession").path("GameSessionId").asText()).isEqualTo("arn:gs/1");
        assertThat(registry().activeProcesses(fleetId, null)).singleElement()
                .satisfies(p -> assertThat(p.activatedAt()).isEqualTo(activatedAt));
        assertThat(client.request("HeartbeatServerProcess", Map.of("HealthStatus", true))
                .path("StatusCode").asInt()).isEqualTo(200);
    }

    @Test
    void droppedProcess_thatDoesNotReconnect_endsInterrupted() throws Exception {
        SdkTestClient client = readyProcess("proc-1", 7777);

        client.drop();
        awaitNoActiveProcess();
        server.clock().advance(Duration.ofMinutes(3));
        registry().check();

        assertThat(sessions.next()).isEqualTo("processEnded proc-1 INTERRUPTED");
    }

    @Test
    void secondConnection_forOneProcess_replacesTheFirst() {
        SdkTestClient first = readyProcess("proc-1", 7777);
        SdkTestClient second = SdkTestClient.connect(vertx, base, first.parameters());
        clients.add(second);
        second.request("HeartbeatServerProcess", Map.of("HealthStatus", true)); // answered once attached

        registry().startGameSession("proc-1", new GameSessionStart("arn:gs/1", "m", 4, 7777, "10.0.0.7", null,
                Map.of(), null, null));
        assertThat(second.awaitPush("CreateGameSession").path("GameSessionId").asText()).isEqualTo("arn:gs/1");
        server.clock().advance(Duration.ofSeconds(30));
        registry().check();

        assertThat(first.awaitClose()).isEqualTo(1000);
        assertThat(first.pushes).isEmpty();
        assertThat(activeIds()).containsExactly("proc-1");
    }

    @Test
    void refreshConnection_beforeTheTokenExpires_keepsTheProcessConnectedForDays() {
        SdkTestClient client = readyProcess("proc-1", 7777);
        Instant expiry = authToken().expirationTimestamp();

        liveFor(client, Duration.between(Instant.now(), expiry).minusMinutes(9));
        registry().check();
        JsonNode refresh = client.awaitPush("RefreshConnection");

        assertThat(refresh.has("RequestId")).isFalse();
        assertThat(refresh.path("RefreshConnectionEndpoint").asText()).isEqualTo(base);
        String fresh = refresh.path("AuthToken").asText();
        assertThat(fresh).isNotEqualTo(token);
        assertThat(server.server().computeTokenVerifier().verify(fresh)).isInstanceOfSatisfying(
                io.gatepass.core.token.Verification.Valid.class, v -> {
                    assertThat(v.expiry()).isAfter(expiry);
                    assertThat(((Registration) v.subject()).computeName()).isEqualTo(compute);
                });
        liveFor(client, Duration.ofHours(48));
        registry().startGameSession("proc-1", new GameSessionStart("arn:gs/1", "m", 4, 7777, "10.0.0.7", null,
                Map.of(), null, null));
        assertThat(client.awaitPush("CreateGameSession").path("GameSessionId").asText()).isEqualTo("arn:gs/1");
        assertThat(activeIds()).containsExactly("proc-1");
        assertThat(client.url()).doesNotContain(token);
    }

    /** Moves the clock in two-minute steps, heartbeating and running the timers after each, as time passes. */
    private void liveFor(SdkTestClient client, Duration duration) {
        Duration step = Duration.ofMinutes(2);
        for (Duration left = duration; !left.isNegative() && !left.isZero(); left = left.minus(step)) {
            server.clock().advance(left.compareTo(step) < 0 ? left : step);
            assertThat(client.request("HeartbeatServerProcess", Map.of("HealthStatus", true))
                    .path("StatusCode").asInt()).isEqualTo(200);
            registry().check();
        }
    }

    @Test
    void serverShutdown_sendsTerminateProcess() {
        SdkTestClient client = readyProcess("proc-1", 7777);

        long before = server.clock().millis();
        server.close();
        server = null;

        assertThat(client.awaitPush("TerminateProcess").path("TerminationTime").asLong()).isGreaterThanOrEqualTo(before);
    }

    @Test
    void serverShutdown_whenTheProcessAnswersWithProcessEnding_repliesBeforeClosing() throws Exception {
        SdkTestClient client = readyProcess("proc-1", 7777);
        TestServer closing = server;
        server = null;
        java.util.concurrent.CompletableFuture<Void> closed =
                java.util.concurrent.CompletableFuture.runAsync(closing::close);

        client.awaitPush("TerminateProcess");
        JsonNode reply = client.request("TerminateServerProcess");
        client.close();

        assertThat(reply.path("StatusCode").asInt()).as("ProcessEnding answered before the server closed").isEqualTo(200);
        closed.get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void activeProcessesGauge_countsConnectedActivatedProcesses() throws Exception {
        readyProcess("proc-1", 7777);
        connect("proc-2");

        assertThat(metrics()).contains("gatepass_sdk_processes_active 1.0");
    }

    @Test
    void sigV4QueryAuthorization_whenCallerMayUseGameLift_isAccepted_andOtherwiseRefused() throws Exception {
        var iam = server.iam(TestServer.admin());
        iam.createUser(r -> r.userName("builder"));
        var builderKey = iam.createAccessKey(r -> r.userName("builder")).accessKey();
        iam.createUser(r -> r.userName("reader"));
        var readerKey = iam.createAccessKey(r -> r.userName("reader")).accessKey();
        iam.putUserPolicy(r -> r.userName("builder").policyName("gamelift").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"gamelift:*\","
                        + "\"Resource\":\"*\"}]}"));
        iam.putUserPolicy(r -> r.userName("reader").policyName("describe").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"gamelift:Describe*\","
                        + "\"Resource\":\"*\"}]}"));

        SdkTestClient admin = SdkTestClient.connect(vertx, base, sigV4("proc-admin", compute, TestServer.ADMIN_ID,
                TestServer.ADMIN_SECRET));
        clients.add(admin);
        assertThat(admin.processReady(7777).path("StatusCode").asInt()).isEqualTo(200);
        assertThat(SdkTestClient.handshakeStatus(vertx, base, sigV4("proc-builder", compute,
                builderKey.accessKeyId(), builderKey.secretAccessKey()))).isEqualTo(101);
        assertThat(SdkTestClient.handshakeStatus(vertx, base, sigV4("proc-reader", compute,
                readerKey.accessKeyId(), readerKey.secretAccessKey()))).isEqualTo(403);
        assertThat(SdkTestClient.handshakeStatus(vertx, base, sigV4("proc-wrong", compute,
                builderKey.accessKeyId(), readerKey.secretAccessKey()))).isEqualTo(403);
        assertThat(SdkTestClient.handshakeStatus(vertx, base, sigV4("proc-elsewhere", "rack-9",
                builderKey.accessKeyId(), builderKey.secretAccessKey()))).isEqualTo(403);
        assertThat(activeIds()).containsExactly("proc-admin");
        Map<String, String> stale = sigV4("proc-stale", compute, builderKey.accessKeyId(),
                builderKey.secretAccessKey());
        server.clock().advance(Duration.ofMinutes(16));
        assertThat(SdkTestClient.handshakeStatus(vertx, base, stale)).isEqualTo(403);

        String metrics = metrics();
        assertThat(metrics).contains("gatepass_sdk_handshake_refusals_total{reason=\"sigv4_access_denied\"} 1.0")
                .contains("gatepass_sdk_handshake_refusals_total{reason=\"sigv4_bad_signature\"} 1.0")
                .contains("gatepass_sdk_handshake_refusals_total{reason=\"wrong_compute\"} 1.0")
                .contains("gatepass_sdk_handshake_refusals_total{reason=\"sigv4_stale\"} 1.0");
    }

    @Test
    void sigV4QueryAuthorization_whenMalformedUnknownOrExpired_isRefusedForThatReason() throws Exception {
        var iam = server.iam(TestServer.admin());
        iam.createUser(r -> r.userName("builder"));
        var key = iam.createAccessKey(r -> r.userName("builder")).accessKey();
        iam.putUserPolicy(r -> r.userName("builder").policyName("gamelift").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"gamelift:*\","
                        + "\"Resource\":\"*\"}]}"));
        var session = server.sts(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                key.accessKeyId(), key.secretAccessKey())).getSessionToken(r -> r.durationSeconds(900)).credentials();

        Map<String, String> sessionSigned = sigV4("proc-session", compute, session.accessKeyId(),
                session.secretAccessKey());
        sessionSigned.put("X-Amz-Security-Token", session.sessionToken());
        assertThat(SdkTestClient.handshakeStatus(vertx, base, sessionSigned)).as("a live session").isEqualTo(101);

        assertThat(SdkTestClient.handshakeStatus(vertx, base, without(sigV4("proc-m", compute, key.accessKeyId(),
                key.secretAccessKey()), "X-Amz-Credential"))).isEqualTo(403);
        assertThat(SdkTestClient.handshakeStatus(vertx, base, sigV4("proc-u", compute, "AKIAIOSFODNN7UNKNOWN",
                key.secretAccessKey()))).isEqualTo(403);
        server.clock().advance(Duration.ofMinutes(16));
        Map<String, String> expired = sigV4("proc-e", compute, session.accessKeyId(), session.secretAccessKey());
        expired.put("X-Amz-Security-Token", session.sessionToken());
        assertThat(SdkTestClient.handshakeStatus(vertx, base, expired)).isEqualTo(403);

        assertThat(metrics()).contains("gatepass_sdk_handshake_refusals_total{reason=\"sigv4_malformed\"} 1.0")
                .contains("gatepass_sdk_handshake_refusals_total{reason=\"sigv4_unknown_key\"} 1.0")
                .contains("gatepass_sdk_handshake_refusals_total{reason=\"sigv4_expired_credentials\"} 1.0");
    }

    /** The query parameters the SDK sends without a token: SigV4 over ComputeId, FleetId and pID. */
    private Map<String, String> sigV4(String processId, String computeName, String accessKeyId, String secret) {
        Map<String, String> p = SdkTestClient.tokenParameters(processId, fleetId, computeName, null);
        String amzDate = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(server.clock().instant());
        p.put("Authorization", "SigV4");
        p.put("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
        p.put("X-Amz-Credential", accessKeyId + "/" + amzDate.substring(0, 8) + "/" + TestServer.REGION
                + "/gamelift/aws4_request");
        p.put("X-Amz-Date", amzDate);
        p.put("X-Amz-Signature", io.gatepass.server.internal.auth.sigv4.SdkQuerySignature.sign(secret, amzDate,
                TestServer.REGION, Map.of("ComputeId", computeName, "FleetId", fleetId, "pID", processId)));
        return p;
    }

    private static Map<String, String> without(Map<String, String> parameters, String name) {
        Map<String, String> copy = new java.util.TreeMap<>(parameters);
        copy.remove(name);
        return copy;
    }
}
