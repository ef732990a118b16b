package io.gatepass.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.core.token.TokenVerifier;
import io.gatepass.server.config.AuditSettings;
import io.gatepass.server.testing.TestCertificate;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.ComputeType;
import software.amazon.awssdk.services.gamelift.model.LocationConfiguration;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log of a real server, read after the server closed (closing drains the writer): what a security
 * reviewer looks for in it (who minted, refused and revoked which token, who changed what, from where), and that
 * neither a token nor a secret, nor any 12-character piece of one, is anywhere in it.
 */
class AuditLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = TestServer.ACCOUNT;
    private static final String ROOT = "arn:aws:iam::" + ACCOUNT + ":root";

    @Test
    void calls_writeWhoWhatWhenAndWhere_withoutAnyTokenOrSecret(@TempDir Path dir) throws Exception {
        List<String> secrets = new ArrayList<>(List.of(TestServer.ADMIN_SECRET));
        String computeToken;
        String repositoryToken;
        Credentials session;
        AccessKey ciKey;
        String fleetId;
        String forgedComputeToken;
        String forgedRepositoryToken;
        String tamperedToken;
        try (TestServer server = TestServer.start(null, dir)) {
            IamClient iam = server.iam(TestServer.admin());
            iam.createUser(r -> r.userName("ci"));
            ciKey = iam.createAccessKey(r -> r.userName("ci")).accessKey();
            secrets.add(ciKey.secretAccessKey());
            iam.listUsers(); // a read: not audited by default
            AwsCredentials ci = AwsBasicCredentials.create(ciKey.accessKeyId(), ciKey.secretAccessKey());
            session = server.sts(ci).getSessionToken(r -> r.durationSeconds(900)).credentials();
            secrets.add(session.secretAccessKey());
            secrets.add(session.sessionToken());

            // a signature made with the wrong secret, and a session token that was tampered with
            AwsCredentials wrongSecret = AwsBasicCredentials.create(ciKey.accessKeyId(), "x" + ciKey.secretAccessKey());
            assertThatThrownBy(() -> server.iam(wrongSecret).listUsers()).isInstanceOf(IamException.class);
            tamperedToken = session.sessionToken().substring(0, 40) + "A" + session.sessionToken().substring(41);
            secrets.add(tamperedToken);
            AwsCredentials tampered = AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(),
                    tamperedToken);
            assertThatThrownBy(() -> server.iam(tampered).listUsers()).isInstanceOf(IamException.class);

            GameLiftClient gl = server.gameLift(TestServer.admin());
            gl.createLocation(r -> r.locationName("custom-audit"));
            fleetId = gl.createFleet(r -> r.name("audited").computeType(ComputeType.ANYWHERE)
                    .locations(LocationConfiguration.builder().location("custom-audit").build()))
                    .fleetAttributes().fleetId();
            gl.registerCompute(r -> r.fleetId(fleetId).computeName("rack-1").ipAddress("10.0.0.7")
                    .location("custom-audit"));
            computeToken = gl.getComputeAuthToken(r -> r.fleetId(fleetId).computeName("rack-1")).authToken();
            secrets.add(computeToken);
            forgedComputeToken = computeToken.substring(0, 50) + (computeToken.charAt(50) == 'a' ? 'b' : 'a')
                    + computeToken.substring(51);
            secrets.add(forgedComputeToken);
            assertThat(sdkHandshakeStatus(server, fleetId, forgedComputeToken)).isEqualTo(403);
            assertThat(handshakeStatus(server, "/gamelift/agent?ComputeName=rack-1&FleetId=" + fleetId,
                    forgedComputeToken)).isEqualTo(403);
            gl.deregisterCompute(r -> r.fleetId(fleetId).computeName("rack-1"));

            CodeartifactClient ca = server.codeArtifact(TestServer.admin());
            ca.createDomain(r -> r.domain("team"));
            ca.createRepository(r -> r.domain("team").repository("libs"));
            repositoryToken = ca.getAuthorizationToken(r -> r.domain("team").durationSeconds(900L))
                    .authorizationToken();
            secrets.add(repositoryToken);
            forgedRepositoryToken = repositoryToken.substring(0, repositoryToken.length() - 3) + "AAA";
            secrets.add(forgedRepositoryToken);
            String npm = "/codeartifact/team-" + ACCOUNT + "/npm/libs/";
            assertThat(server.send("GET", npm + "-/ping", Map.of("Authorization", "Bearer " + forgedRepositoryToken),
                    null).statusCode()).isEqualTo(401);
            assertThat(server.send("GET", npm + "-/ping", Map.of("Authorization", "Bearer " + repositoryToken),
                    null).statusCode()).isEqualTo(200);
            String pom = "/codeartifact/team-" + ACCOUNT + "/maven/libs/com/example/lib/1.0/lib-1.0.pom";
            assertThat(server.send("PUT", pom, Map.of("Authorization", "Bearer " + repositoryToken),
                    "<project/>".getBytes(java.nio.charset.StandardCharsets.UTF_8)).statusCode()).isBetween(200, 299);
            ca.deleteRepository(r -> r.domain("team").repository("libs"));
            ca.deleteDomain(r -> r.domain("team"));

            iam.updateAccessKey(r -> r.userName("ci").accessKeyId(ciKey.accessKeyId()).status("Inactive"));
            iam.deleteAccessKey(r -> r.userName("ci").accessKeyId(ciKey.accessKeyId()));
        }
        Path file = dir.resolve("audit").resolve("audit.log");
        String text = Files.readString(file);
        List<JsonNode> lines = parse(text);

        JsonNode createUser = only(lines, action("iam:CreateUser"));
        assertThat(createUser.get("kind").asText()).isEqualTo("change");
        assertThat(createUser.get("outcome").asText()).isEqualTo("success");
        assertThat(createUser.get("principal").asText()).isEqualTo(ROOT);
        assertThat(createUser.get("accountId").asText()).isEqualTo(ACCOUNT);
        assertThat(createUser.get("accessKeyId").asText()).isEqualTo(TestServer.ADMIN_ID);
        assertThat(createUser.get("resource").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/ci");
        assertThat(createUser.get("sourceAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(createUser.get("requestId").asText()).isNotBlank();
        assertThat(createUser.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(createUser.has("errorCode")).isFalse();

        assertThat(only(lines, action("iam:CreateAccessKey")).get("tokenId").asText())
                .isEqualTo(ciKey.accessKeyId());
        assertThat(lines).as("reads are not audited by default").noneMatch(action("iam:ListUsers")
                .and(l -> l.get("outcome").asText().equals("success")));

        JsonNode sessionMint = only(lines, action("sts:GetSessionToken"));
        assertThat(sessionMint.get("kind").asText()).isEqualTo("mint");
        assertThat(sessionMint.get("principal").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/ci");
        assertThat(sessionMint.get("accessKeyId").asText()).isEqualTo(ciKey.accessKeyId());
        assertThat(sessionMint.get("tokenId").asText()).isEqualTo(session.accessKeyId());
        assertThat(sessionMint.get("tokenFingerprint").asText()).isEqualTo(fingerprint(session.sessionToken()));
        assertThat(sessionMint.get("tokenExpiry").asText()).endsWith("Z");

        List<JsonNode> refusedSignatures = lines.stream().filter(kind("refusal").and(action("iam:ListUsers")))
                .toList();
        assertThat(refusedSignatures).hasSize(2);
        assertThat(refusedSignatures.get(0).get("errorCode").asText()).isEqualTo("SignatureDoesNotMatch");
        assertThat(refusedSignatures.get(0).get("accessKeyId").asText()).isEqualTo(ciKey.accessKeyId());
        assertThat(refusedSignatures.get(0).has("principal")).as("a refused signature proves no one").isFalse();
        assertThat(refusedSignatures.get(1).get("accessKeyId").asText()).isEqualTo(session.accessKeyId());
        assertThat(refusedSignatures.get(1).get("tokenFingerprint").asText()).isEqualTo(fingerprint(tamperedToken));
        assertThat(refusedSignatures.get(1).get("outcome").asText()).isEqualTo("failure");

        JsonNode computeMint = only(lines, action("gamelift:GetComputeAuthToken"));
        assertThat(computeMint.get("kind").asText()).isEqualTo("mint");
        assertThat(computeMint.get("tokenFingerprint").asText()).isEqualTo(fingerprint(computeToken));
        assertThat(computeMint.get("resource").asText()).startsWith("arn:aws:gamelift:us-east-1:" + ACCOUNT + ":");
        JsonNode sdkRefusal = only(lines, action("gamelift-sdk:Connect"));
        assertThat(sdkRefusal.get("kind").asText()).isEqualTo("refusal");
        assertThat(sdkRefusal.get("errorCode").asText()).isEqualTo("forged_token");
        assertThat(sdkRefusal.get("tokenFingerprint").asText()).isEqualTo(fingerprint(forgedComputeToken));
        assertThat(sdkRefusal.get("sourceAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(sdkRefusal.get("detail").asText()).contains(fleetId, "rack-1");
        JsonNode agentRefusal = only(lines, action("gamelift-agent:Connect"));
        assertThat(agentRefusal.get("kind").asText()).isEqualTo("refusal");
        assertThat(agentRefusal.get("errorCode").asText()).isEqualTo("forged_token");
        assertThat(agentRefusal.get("tokenFingerprint").asText()).isEqualTo(fingerprint(forgedComputeToken));
        assertThat(agentRefusal.get("detail").asText()).contains(fleetId, "rack-1");
        assertThat(only(lines, action("gamelift:DeregisterCompute")).get("kind").asText()).isEqualTo("revocation");
        assertThat(only(lines, action("gamelift:CreateFleet")).get("resource").asText()).contains(fleetId);

        JsonNode repositoryMint = only(lines, action("codeartifact:GetAuthorizationToken"));
        assertThat(repositoryMint.get("kind").asText()).isEqualTo("mint");
        assertThat(repositoryMint.get("resource").asText())
                .isEqualTo("arn:aws:codeartifact:us-east-1:" + ACCOUNT + ":domain/team");
        assertThat(repositoryMint.get("tokenFingerprint").asText()).isEqualTo(fingerprint(repositoryToken));
        JsonNode packageRefusal = only(lines, kind("refusal").and(action("codeartifact:ReadFromRepository")));
        assertThat(packageRefusal.get("errorCode").asText()).isEqualTo("Unauthorized");
        assertThat(packageRefusal.get("tokenFingerprint").asText()).isEqualTo(fingerprint(forgedRepositoryToken));
        assertThat(packageRefusal.get("resource").asText())
                .isEqualTo("arn:aws:codeartifact:us-east-1:" + ACCOUNT + ":repository/team/libs");
        assertThat(only(lines, action("codeartifact:DeleteDomain")).get("kind").asText()).isEqualTo("revocation");
        JsonNode publish = only(lines, action("codeartifact:PublishPackageVersion"));
        assertThat(publish.get("kind").asText()).isEqualTo("change");
        assertThat(publish.get("outcome").asText()).isEqualTo("success");
        assertThat(publish.get("principal").asText()).isEqualTo(ROOT);
        assertThat(publish.get("tokenFingerprint").asText()).isEqualTo(fingerprint(repositoryToken));
        assertThat(publish.get("detail").asText()).isEqualTo("maven PUT /com/example/lib/1.0/lib-1.0.pom");
        assertThat(lines).as("a successful package read has no line").noneMatch(kind("change")
                .and(action("codeartifact:ReadFromRepository")));

        JsonNode deactivated = only(lines, action("iam:UpdateAccessKey"));
        assertThat(deactivated.get("kind").asText()).isEqualTo("revocation");
        assertThat(deactivated.get("tokenId").asText()).isEqualTo(ciKey.accessKeyId());
        assertThat(only(lines, action("iam:DeleteAccessKey")).get("kind").asText()).isEqualTo("revocation");

        for (String secret : secrets) {
            for (int i = 0; i + 12 <= secret.length(); i++) {
                assertThat(text).as("no piece of a token or secret").doesNotContain(secret.substring(i, i + 12));
            }
        }
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void failedChange_isRecordedWithTheErrorCode(@TempDir Path dir) throws Exception {
        try (TestServer server = TestServer.start(null, dir)) {
            IamClient admin = server.iam(TestServer.admin());
            admin.createUser(r -> r.userName("reader"));
            AccessKey key = admin.createAccessKey(r -> r.userName("reader")).accessKey();
            IamClient reader = server.iam(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
            assertThatThrownBy(() -> reader.createUser(r -> r.userName("nope"))).isInstanceOf(IamException.class);
            assertThat(server.send("GET", "/metrics", Map.of(), null).body())
                    .as("drops are counted in /metrics").contains("gatepass_audit_dropped_lines 0.0");
        }
        JsonNode denied = only(parse(Files.readString(dir.resolve("audit/audit.log"))),
                action("iam:CreateUser").and(l -> l.get("outcome").asText().equals("failure")));
        assertThat(denied.get("errorCode").asText()).isEqualTo("AccessDenied");
        assertThat(denied.get("principal").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/reader");
        assertThat(denied.get("resource").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/nope");
    }

    @Test
    void packageEndpointDenial_isARefusalNamingTheTokenHolder(@TempDir Path dir) throws Exception {
        String token;
        try (TestServer server = TestServer.start(null, dir)) {
            server.codeArtifact(TestServer.admin()).createDomain(r -> r.domain("team"));
            server.codeArtifact(TestServer.admin()).createRepository(r -> r.domain("team").repository("libs"));
            IamClient admin = server.iam(TestServer.admin());
            admin.createUser(r -> r.userName("tokens-only"));
            admin.putUserPolicy(r -> r.userName("tokens-only").policyName("tokens").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                            + "[\"codeartifact:GetAuthorizationToken\",\"sts:GetServiceBearerToken\"],"
                            + "\"Resource\":\"*\"}]}"));
            AccessKey key = admin.createAccessKey(r -> r.userName("tokens-only")).accessKey();
            token = server.codeArtifact(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))
                    .getAuthorizationToken(r -> r.domain("team")).authorizationToken();
            assertThat(server.send("GET", "/codeartifact/team-" + ACCOUNT + "/npm/libs/-/ping",
                    Map.of("Authorization", "Bearer " + token), null).statusCode()).isEqualTo(403);
        }
        JsonNode denied = only(parse(Files.readString(dir.resolve("audit/audit.log"))),
                kind("refusal").and(action("codeartifact:ReadFromRepository")));
        assertThat(denied.get("errorCode").asText()).isEqualTo("AccessDenied");
        assertThat(denied.get("principal").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/tokens-only");
        assertThat(denied.get("accountId").asText()).isEqualTo(ACCOUNT);
        assertThat(denied.get("tokenFingerprint").asText()).isEqualTo(fingerprint(token));
        assertThat(denied.get("detail").asText()).isEqualTo("npm GET /-/ping");
    }

    @Test
    void smallFiles_rotateBySizeAndDay_andKeepTheRetainedCount(@TempDir Path dir) throws Exception {
        TestCertificate.seed(dir);
        Path log = dir.resolve("elsewhere").resolve("gatepass-audit.log");
        try (TestServer server = TestServer.start(TestServer.config(null, dir, 1024 * 1024)
                .withAudit(new AuditSettings(true, log, 1024, true, 3, true)))) {
            IamClient iam = server.iam(TestServer.admin());
            for (int i = 0; i < 20; i++) {
                int n = i;
                iam.createUser(r -> r.userName("user-" + n));
            }
            server.clock().advance(Duration.ofDays(1));
            // with reads audited: the first line of a new day starts a new file (signed at the server's new time)
            assertThat(server.signedQuery(TestServer.admin(), "iam", "Action=ListUsers&Version=2010-05-08",
                    server.clock()).statusCode()).isEqualTo(200);
        }
        try (Stream<Path> files = Files.list(log.getParent())) {
            List<Path> all = files.sorted().toList();
            assertThat(all).hasSize(4); // the current file and the 3 newest rotated ones
            for (Path file : all) {
                assertThat(Files.size(file)).isLessThanOrEqualTo(1024);
                assertThat(file.getFileName().toString())
                        .matches("gatepass-audit\\.log(\\.\\d{8}T\\d{6}\\.\\d{3}Z(-\\d+)?)?");
            }
        }
        List<JsonNode> current = parse(Files.readString(log));
        assertThat(current).hasSize(1);
        assertThat(current.get(0).get("action").asText()).isEqualTo("iam:ListUsers");
        assertThat(current.get(0).get("kind").asText()).isEqualTo("read");
    }

    @Test
    void off_writesNothing(@TempDir Path dir) {
        TestCertificate.seed(dir);
        try (TestServer server = TestServer.start(TestServer.config(null, dir, 1024 * 1024)
                .withAudit(AuditSettings.OFF))) {
            server.iam(TestServer.admin()).createUser(r -> r.userName("quiet"));
        }
        assertThat(dir.resolve("audit")).doesNotExist();
    }

    /** The HTTP status of a refused SDK websocket handshake. */
    private static int sdkHandshakeStatus(TestServer server, String fleetId, String token) throws Exception {
        return handshakeStatus(server, "/gamelift/sdk?pID=p-1&FleetId=" + fleetId + "&ComputeId=rack-1", token);
    }

    /** The status of a compute websocket handshake at {@code pathAndQuery} with {@code token}. */
    private static int handshakeStatus(TestServer server, String pathAndQuery, String token) throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + server.server().port() + pathAndQuery + "&Authorization=" + token);
        try {
            HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            }).get(10, TimeUnit.SECONDS).abort();
            return 101;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause() instanceof java.net.http.WebSocketHandshakeException refused
                    ? refused.getResponse().statusCode() : -1;
        }
    }

    private static List<JsonNode> parse(String text) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static JsonNode only(List<JsonNode> lines, Predicate<JsonNode> which) {
        List<JsonNode> found = lines.stream().filter(which).toList();
        assertThat(found).as("exactly one line in %s", lines).hasSize(1);
        return found.get(0);
    }

    private static Predicate<JsonNode> action(String action) {
        return line -> line.has("action") && line.get("action").asText().equals(action);
    }

    private static Predicate<JsonNode> kind(String kind) {
        return line -> line.get("kind").asText().equals(kind);
    }

    private static String fingerprint(String token) {
        return "sha256:" + TokenVerifier.fingerprint(token);
    }
}
