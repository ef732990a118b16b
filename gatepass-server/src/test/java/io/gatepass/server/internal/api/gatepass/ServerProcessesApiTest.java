package io.gatepass.server.internal.api.gatepass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.server.internal.endpoints.sdk.SdkSettings;
import io.gatepass.server.internal.endpoints.sdk.SdkTestClient;
import io.gatepass.server.testing.PlainHttp;
import io.gatepass.server.testing.TestServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.ComputeType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gatepass's server process API ({@code GET /gatepass/v1/fleets/{fleetId}/computes/{computeName}/processes}) against
 * a real server, with real SDK websocket clients as the game servers of registered computes: each connected process
 * with its health (as its heartbeats report it, or unhealthy once they stop), its game session, gone once it ends;
 * authorized as {@code gatepass:ListServerProcesses} on the compute's ARN; errors in the restJson shape.
 */
class ServerProcessesApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = PlainHttp.client();

    private static TestServer server;
    private static Vertx vertx;
    private static GameLiftClient gameLift;
    private String fleetId;
    private final List<SdkTestClient> gameServers = new ArrayList<>();

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        server = TestServer.start(null, dataDir);
        vertx = Vertx.vertx();
        gameLift = server.gameLift(TestServer.admin());
        gameLift.createLocation(r -> r.locationName("custom-home"));
    }

    /** Each test its own fleet, with the computes rack-1 and rack-2. */
    @BeforeEach
    void fleet() {
        fleetId = gameLift.createFleet(r -> r.name("studio").computeType(ComputeType.ANYWHERE)
                .locations(l -> l.location("custom-home"))).fleetAttributes().fleetId();
        for (String compute : List.of("rack-1", "rack-2")) {
            gameLift.registerCompute(r -> r.fleetId(fleetId).computeName(compute).ipAddress("10.0.0.7")
                    .location("custom-home"));
        }
    }

    @AfterEach
    void closeGameServers() {
        for (SdkTestClient client : gameServers) {
            try {
                client.close();
            } catch (RuntimeException ignored) {
                // the server closed it already
            }
        }
    }

    @AfterAll
    static void stop() {
        server.close();
        vertx.close().await();
    }

    /** A process id of this test's own: a pID stays taken by its fleet for a while after its connection closed. */
    private String pid(String name) {
        return name + "-" + fleetId.substring("fleet-".length(), "fleet-".length() + 8);
    }

    /** A game server on the compute that called ProcessReady (and sent its first heartbeat, healthy). */
    private SdkTestClient gameServer(String compute, String processId, int port) {
        var endpoint = gameLift.describeCompute(r -> r.fleetId(fleetId).computeName(compute)).compute()
                .gameLiftServiceSdkEndpoint();
        String token = gameLift.getComputeAuthToken(r -> r.fleetId(fleetId).computeName(compute)).authToken();
        SdkTestClient client = SdkTestClient.connect(vertx, endpoint,
                SdkTestClient.tokenParameters(processId, fleetId, compute, token));
        gameServers.add(client);
        assertThat(client.processReady(port).path("StatusCode").asInt()).isEqualTo(200);
        return client;
    }

    @Test
    void listsTheComputesConnectedProcesses_withTheirHealthAndGameSession() throws Exception {
        SdkTestClient healthy = gameServer("rack-1", pid("proc-a"), 7777);
        SdkTestClient sick = gameServer("rack-1", pid("proc-b"), 7778);
        sick.request("HeartbeatServerProcess", Map.of("HealthStatus", false));
        String session = gameLift.createGameSession(r -> r.fleetId(fleetId).location("custom-home")
                .maximumPlayerSessionCount(4)).gameSession().gameSessionId();
        healthy.awaitPush("CreateGameSession");
        gameServer("rack-2", pid("proc-elsewhere"), 7779);

        HttpResponse<String> response = list(TestServer.admin(), fleetId, "rack-1");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode processes = JSON.readTree(response.body()).get("serverProcesses");
        assertThat(processes.findValuesAsText("processId")).containsExactly(pid("proc-a"), pid("proc-b"));
        JsonNode a = processes.get(0);
        assertThat(a.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(a.get("healthy").asBoolean()).isTrue();
        assertThat(a.get("port").asInt()).isEqualTo(7777);
        assertThat(a.get("sdkVersion").asText()).isEqualTo("5.4.0");
        assertThat(a.get("sdkLanguage").asText()).isEqualTo("Cpp");
        assertThat(a.get("gameSessionId").asText()).isEqualTo(session);
        assertThat(a.get("node").asText()).isNotBlank();
        long now = server.clock().instant().getEpochSecond();
        assertThat(a.get("activatedAt").asLong()).isBetween(now - 60, now);
        assertThat(a.get("lastHeartbeatAt").asLong()).isBetween(a.get("activatedAt").asLong(), now);
        JsonNode b = processes.get(1);
        assertThat(b.get("status").asText()).as("its last heartbeat said unhealthy").isEqualTo("UNHEALTHY");
        assertThat(b.get("healthy").asBoolean()).isFalse();
        assertThat(b.get("port").asInt()).isEqualTo(7778);
        assertThat(b.has("gameSessionId")).isFalse();

        sick.request("HeartbeatServerProcess", Map.of("HealthStatus", true));
        JsonNode again = JSON.readTree(list(TestServer.admin(), fleetId, "rack-1").body()).get("serverProcesses");
        assertThat(again.get(1).get("healthy").asBoolean()).as("healthy again").isTrue();
    }

    @Test
    void aProcessWhoseHeartbeatsStopped_isUnhealthy_untilItBeatsAgain() throws Exception {
        SdkTestClient quiet = gameServer("rack-1", pid("proc-quiet"), 7777);
        Duration timeout = SdkSettings.DEFAULTS.heartbeatTimeout();

        server.clock().advance(timeout.minusSeconds(30));
        assertThat(only(list(TestServer.admin(), fleetId, "rack-1")).get("healthy").asBoolean()).isTrue();
        server.clock().advance(Duration.ofSeconds(30));
        JsonNode silent = only(list(TestServer.admin(), fleetId, "rack-1"));

        assertThat(silent.get("status").asText()).isEqualTo("UNHEALTHY");
        assertThat(silent.get("healthy").asBoolean()).isFalse();
        quiet.request("HeartbeatServerProcess", Map.of("HealthStatus", true));
        assertThat(only(list(TestServer.admin(), fleetId, "rack-1")).get("healthy").asBoolean()).isTrue();
    }

    @Test
    void aProcessThatEnded_isGone() throws Exception {
        SdkTestClient ending = gameServer("rack-1", pid("proc-done"), 7777);
        gameServer("rack-1", pid("proc-stays"), 7778);

        ending.request("TerminateServerProcess");
        ending.close();

        JsonNode processes = JSON.readTree(list(TestServer.admin(), fleetId, "rack-1").body()).get("serverProcesses");
        assertThat(processes.findValuesAsText("processId")).containsExactly(pid("proc-stays"));
    }

    @Test
    void aComputeWithoutProcesses_listsNone() throws Exception {
        HttpResponse<String> response = list(TestServer.admin(), fleetId, "rack-2");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("serverProcesses")).isEmpty();
    }

    @Test
    void unknownFleetOrCompute_notFoundException() throws Exception {
        HttpResponse<String> fleet = list(TestServer.admin(), "fleet-00000000-0000-0000-0000-000000000000", "rack-1");
        HttpResponse<String> compute = list(TestServer.admin(), fleetId, "rack-9");

        assertThat(fleet.statusCode()).isEqualTo(400);
        assertThat(fleet.headers().firstValue("x-amzn-ErrorType").orElse("")).startsWith("NotFoundException");
        assertThat(JSON.readTree(fleet.body()).get("__type").asText()).isEqualTo("NotFoundException");
        assertThat(JSON.readTree(fleet.body()).get("message").asText())
                .isEqualTo("Fleet fleet-00000000-0000-0000-0000-000000000000 not found.");
        assertThat(compute.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(compute.body()).get("__type").asText()).isEqualTo("NotFoundException");
        assertThat(JSON.readTree(compute.body()).get("message").asText())
                .isEqualTo("Compute rack-9 not found in fleet " + fleetId + ".");
    }

    @Test
    void authorizedOnTheComputesArn_aUserAllowedOneComputeIsDeniedTheOther() throws Exception {
        gameServer("rack-2", pid("proc-hidden"), 7777);
        var iam = server.iam(TestServer.admin());
        iam.createUser(r -> r.userName("rack-1-watcher"));
        iam.putUserPolicy(r -> r.userName("rack-1-watcher").policyName("watch").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"gatepass:ListServerProcesses",
                 "Resource":"arn:aws:gamelift:*:*:compute/rack-1"}]}"""));
        var key = iam.createAccessKey(r -> r.userName("rack-1-watcher")).accessKey();
        AwsCredentials watcher = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());

        HttpResponse<String> allowed = list(watcher, fleetId, "rack-1");
        HttpResponse<String> denied = list(watcher, fleetId, "rack-2");
        HttpResponse<String> deniedUnknown = list(watcher, "fleet-00000000-0000-0000-0000-000000000000", "rack-2");

        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        for (HttpResponse<String> response : List.of(denied, deniedUnknown)) {
            assertThat(response.statusCode()).isEqualTo(403);
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.get("__type").asText()).isEqualTo("AccessDeniedException");
            assertThat(error.get("message").asText()).contains("gatepass:ListServerProcesses")
                    .contains("arn:aws:gamelift:" + TestServer.REGION + ":" + TestServer.ACCOUNT + ":compute/rack-2");
            assertThat(response.body()).doesNotContain(pid("proc-hidden")).doesNotContain("not found");
        }
    }

    @Test
    void badPathParameters_validationException() throws Exception {
        List<HttpResponse<String>> responses = List.of(
                list(TestServer.admin(), "studio", "rack-1"),
                list(TestServer.admin(), fleetId, "rack_1"),
                list(TestServer.admin(), fleetId, "r".repeat(129)));

        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("__type").asText()).isEqualTo("ValidationException");
        }
        assertThat(JSON.readTree(responses.get(0).body()).get("message").asText()).contains("fleetId");
        assertThat(JSON.readTree(responses.get(1).body()).get("message").asText()).contains("computeName");
    }

    @Test
    void unsigned_refused() throws Exception {
        gameServer("rack-1", pid("proc-a"), 7777);

        HttpResponse<String> response = server.send("GET",
                "/gatepass/v1/fleets/" + fleetId + "/computes/rack-1/processes", Map.of(), null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain(pid("proc-a"));
    }

    private static JsonNode only(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode processes = JSON.readTree(response.body()).get("serverProcesses");
        assertThat(processes).hasSize(1);
        return processes.get(0);
    }

    private static HttpResponse<String> list(AwsCredentials credentials, String fleet, String compute) throws Exception {
        return get(credentials, "/gatepass/v1/fleets/" + fleet + "/computes/" + compute + "/processes");
    }

    /** A GET signed with the SDK's own SigV4 signer at the server's clock (which a test may have moved). */
    private static HttpResponse<String> get(AwsCredentials credentials, String path) throws Exception {
        URI uri = URI.create(server.endpoint() + path);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri).build();
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey()))
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(new byte[0]))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "gatepass")
                .putProperty(AwsV4HttpSigner.REGION_NAME, TestServer.REGION)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, server.clock()));
        HttpRequest.Builder out = HttpRequest.newBuilder(uri).GET();
        signed.request().headers().forEach((name, values) -> {
            if (!List.of("host", "content-length").contains(name.toLowerCase())) {
                values.forEach(v -> out.header(name, v));
            }
        });
        return HTTP.send(out.build(), HttpResponse.BodyHandlers.ofString());
    }
}
