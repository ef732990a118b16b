package io.gatepass.server.internal.endpoints.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.core.token.TokenVerifier;
import io.gatepass.server.testing.TestServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.ComputeType;
import software.amazon.awssdk.services.gamelift.model.GetComputeAuthTokenResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the SDK websocket mints for a connected game server is audited like an API mint: fleet role credentials and
 * the fresh compute token of a RefreshConnection, each with its fingerprint, never the secret or token.
 */
class SdkAuditTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fleetRoleCredentials_andRefreshConnection_areAuditedAsMints(@TempDir Path dir) throws Exception {
        Vertx vertx = Vertx.vertx();
        TestServer server = TestServer.start(null, dir, new FakeGameSessions());
        String sessionToken;
        String secret;
        String fresh;
        String roleArn;
        try {
            var iam = server.iam(TestServer.admin());
            String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Principal\":{\"Service\":\"gamelift.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
            roleArn = iam.createRole(r -> r.roleName("game-server").assumeRolePolicyDocument(trust)).role().arn();
            GameLiftClient gameLift = server.gameLift(TestServer.admin());
            gameLift.createLocation(r -> r.locationName("custom-home"));
            String role = roleArn;
            String fleetId = gameLift.createFleet(r -> r.name("studio").computeType(ComputeType.ANYWHERE)
                    .instanceRoleArn(role).locations(l -> l.location("custom-home"))).fleetAttributes().fleetId();
            gameLift.registerCompute(r -> r.fleetId(fleetId).computeName("rack-1").ipAddress("10.0.0.7")
                    .location("custom-home"));
            GetComputeAuthTokenResponse token = gameLift.getComputeAuthToken(r -> r.fleetId(fleetId)
                    .computeName("rack-1"));
            String base = server.endpoint().toString().replaceFirst("^http", "ws") + "/gamelift/sdk";
            SdkTestClient process = SdkTestClient.connect(vertx, base,
                    SdkTestClient.tokenParameters("proc-1", fleetId, "rack-1", token.authToken()));
            assertThat(process.processReady(7777).path("StatusCode").asInt()).isEqualTo(200);

            JsonNode granted = process.request("GetFleetRoleCredentials",
                    Map.of("RoleArn", roleArn, "RoleSessionName", "s-1"));
            sessionToken = granted.path("SessionToken").asText();
            secret = granted.path("SecretAccessKey").asText();
            assertThat(sessionToken).isNotEmpty();

            Duration step = Duration.ofMinutes(2);
            Duration left = Duration.between(server.clock().instant(), token.expirationTimestamp()).minusMinutes(9);
            // heartbeats keep the process healthy while the clock moves to 9 minutes before the token's expiry
            for (; !left.isNegative() && !left.isZero(); left = left.minus(step)) {
                server.clock().advance(left.compareTo(step) < 0 ? left : step);
                process.request("HeartbeatServerProcess", Map.of("HealthStatus", true));
                server.server().serverProcesses().check();
            }
            fresh = process.awaitPush("RefreshConnection").path("AuthToken").asText();
            process.close();
        } finally {
            server.close();
            vertx.close().await();
        }

        String text = everyAuditLine(dir.resolve("audit"));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        JsonNode credentials = lines.stream()
                .filter(l -> l.path("action").asText().equals("gamelift-sdk:GetFleetRoleCredentials")).findFirst()
                .orElseThrow();
        assertThat(credentials.path("kind").asText()).isEqualTo("mint");
        assertThat(credentials.path("resource").asText()).isEqualTo(roleArn);
        assertThat(credentials.path("tokenId").asText()).startsWith("ASIA");
        assertThat(credentials.path("tokenFingerprint").asText()).isEqualTo("sha256:"
                + TokenVerifier.fingerprint(sessionToken));
        assertThat(credentials.path("detail").asText()).contains("rack-1", "s-1");
        JsonNode refreshed = lines.stream()
                .filter(l -> l.path("action").asText().equals("gamelift-sdk:RefreshConnection")).findFirst()
                .orElseThrow();
        assertThat(refreshed.path("tokenFingerprint").asText())
                .isEqualTo("sha256:" + TokenVerifier.fingerprint(fresh));
        assertThat(Instant.parse(refreshed.path("tokenExpiry").asText())).isAfter(server.clock().instant());
        for (String hidden : List.of(sessionToken, secret, fresh)) {
            assertThat(text).doesNotContain(hidden.substring(0, 12))
                    .doesNotContain(hidden.substring(hidden.length() - 12));
        }
    }

    /**
     * The audit log's lines, oldest file first. The test moves the server's clock about three hours on, so when it
     * runs late in the UTC day the file rotates at midnight and the first lines are in {@code audit.log.<time>}.
     */
    private static String everyAuditLine(Path auditDir) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(auditDir)) {
            files = listed.filter(f -> f.getFileName().toString().startsWith("audit.log."))
                    .sorted().collect(Collectors.toCollection(ArrayList::new));
        }
        files.add(auditDir.resolve("audit.log"));
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            text.append(Files.readString(file));
        }
        return text.toString();
    }
}
