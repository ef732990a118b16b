package io.gatepass.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.server.testing.GatepassServerExtension;
import io.gatepass.server.testing.TestServer;
import io.gatepass.server.testing.ToolRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS SDK for JavaScript v3 (its stock STS, GameLift and CodeArtifact clients, versions pinned in
 * {@code src/test/js-sdk/package-lock.json}) against a real Gatepass, with nothing but an endpoint override: the
 * script {@code gatepass-e2e.mjs} makes the calls and checks what the SDK returns (dates as {@code Date}s, the
 * paginator, each error's class, name, {@code $fault}, status, message and request id, GameLift over awsJson1_1 and
 * rpcv2Cbor, a client clock an hour off corrected from the {@code Date} header) and prints a JSON summary,
 * asserted here. {@code npm ci} installs the SDK into the project directory from npm's cache, or the registry the
 * first time (a registry that cannot be reached fails the test). Skipped, with a message, only where node or npm is
 * not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsSdkEndToEndTest {
    private static final Path PROJECT = Path.of("src/test/js-sdk").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension();
    private JsonNode summary;
    private ToolRun run;
    private JsonNode clockBehind;
    private ToolRun clockBehindRun;

    @BeforeAll
    void runTheScript() throws Exception {
        Assumptions.assumeTrue(ToolRun.onPath("node") && ToolRun.onPath("npm"), "node or npm is not installed: "
                + "skipping the AWS SDK for JavaScript v3 end-to-end test (install Node.js 18+ and npm; CI has them)");
        installOnce();
        TestServer server = GATEPASS.server();
        AwsBasicCredentials denied = userWithoutPolicy(server);
        Map<String, String> env = baseEnvironment();
        env.put("GATEPASS_ENDPOINT", server.endpoint().toString());
        env.put("AWS_REGION", TestServer.REGION);
        env.put("AWS_ACCESS_KEY_ID", TestServer.ADMIN_ID);
        env.put("AWS_SECRET_ACCESS_KEY", TestServer.ADMIN_SECRET);
        env.put("GATEPASS_DENIED_KEY_ID", denied.accessKeyId());
        env.put("GATEPASS_DENIED_SECRET", denied.secretAccessKey());
        env.put("GATEPASS_NAME_SUFFIX", "t1");
        run = ToolRun.run(PROJECT, env, 120, List.of("node", "gatepass-e2e.mjs"));
        assertThat(run.stdout()).as("the script's JSON summary; %s", run.output()).startsWith("{");
        summary = JSON.readTree(run.stdout());

        env.put("GATEPASS_PHASE", "clock-behind");
        server.clock().advance(Duration.ofHours(1)); // the client's clock is an hour behind the server's
        try {
            clockBehindRun = ToolRun.run(PROJECT, env, 120, List.of("node", "gatepass-e2e.mjs"));
        } finally {
            server.clock().advance(Duration.ofHours(-1));
        }
        assertThat(clockBehindRun.stdout()).as("the script's JSON summary; %s", clockBehindRun.output())
                .startsWith("{");
        clockBehind = JSON.readTree(clockBehindRun.stdout());
    }

    @Test
    void everyCall_whenMadeByTheJsSdkWithAnEndpointOverride_returnsWhatTheSdkExpects() {
        assertThat(summary.path("failure").isMissingNode() || summary.path("failure").isNull())
                .as("the script stopped on an unexpected error: %s", summary.path("failure")).isTrue();
        assertThat(summary.path("failed")).as("checks that failed; %s", run.stderr()).isEmpty();
        assertThat(summary.path("checks").size()).as("checks made").isGreaterThan(60);
        assertThat(summary.path("ok").asBoolean()).isTrue();
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @Test
    void modeledErrors_whenGatepassRefuses_areTheSdksExceptionClassesWithTheirStatus() {
        for (String protocol : List.of("awsJson1_1", "rpcv2Cbor")) {
            assertError("gamelift " + protocol + " NotFoundException", "NotFoundException", 400);
            assertError("gamelift " + protocol + " InvalidRequestException", "InvalidRequestException", 400);
        }
        assertError("codeartifact ResourceNotFoundException", "ResourceNotFoundException", 404);
        assertError("codeartifact ValidationException", "ValidationException", 400);
        assertThat(summary.at("/errors/codeartifact ResourceNotFoundException/modeled").asBoolean()).isTrue();
    }

    @Test
    void wrongSecretKey_whenSigning_isNamedAsAwsNamesASignatureMismatch() {
        assertError("sts wrong secret", "SignatureDoesNotMatch", 403);
        assertError("gamelift wrong secret", "InvalidSignatureException", 400);
        assertError("gamelift rpcv2Cbor wrong secret", "InvalidSignatureException", 400);
        assertError("codeartifact wrong secret", "InvalidSignatureException", 403);
    }

    @Test
    void keyWithoutPermission_whenCalling_isAccessDeniedNamingTheAction() {
        assertError("sts AccessDenied", "AccessDenied", 403);
        assertError("gamelift AccessDeniedException", "AccessDeniedException", 400);
        assertError("codeartifact AccessDeniedException", "AccessDeniedException", 403);
        assertThat(summary.at("/errors/codeartifact AccessDeniedException/message").asText())
                .contains("codeartifact:ListDomains");
    }

    @Test
    void clientClockAnHourBehind_whenRefusedAsExpired_isCorrectedFromTheDateHeaderAndTheRetrySucceeds() {
        assertThat(clockBehind.path("failed")).as("checks that failed; %s", clockBehindRun.stderr()).isEmpty();
        int seen = 0;
        for (JsonNode check : clockBehind.path("checks")) {
            if (check.path("name").asText().contains("clock an hour behind: corrected")) {
                seen++;
                assertThat(check.path("actual").asText()).as(check.path("name").asText()).isEqualTo("attempts 2");
            }
        }
        assertThat(seen).as("sts, GameLift on both protocols, CodeArtifact").isEqualTo(4);
        assertThat(clockBehindRun.exitCode()).as(clockBehindRun.output()).isZero();
    }

    private void assertError(String label, String name, int status) {
        JsonNode error = summary.path("errors").path(label);
        assertThat(error.isMissingNode()).as("%s was not reported; %s", label, run.output()).isFalse();
        assertThat(error.path("name").asText()).as(label).isEqualTo(name);
        assertThat(error.path("fault").asText()).as(label).isEqualTo("client");
        assertThat(error.path("httpStatusCode").asInt()).as(label).isEqualTo(status);
        assertThat(error.path("requestId").asText()).as(label).isNotEmpty();
        assertThat(error.path("message").asText()).as(label).isNotBlank();
    }

    /** {@code npm ci} unless node_modules already holds exactly the locked tree (npm's own record of it). */
    private static void installOnce() throws Exception {
        Path installed = PROJECT.resolve("node_modules/.package-lock.json");
        Path lock = PROJECT.resolve("package-lock.json");
        if (Files.exists(installed)
                && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) >= 0) {
            return;
        }
        ToolRun ci = ToolRun.run(PROJECT, baseEnvironment(), 300,
                List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund"));
        assertThat(ci.exitCode()).as("npm ci of the AWS SDK for JavaScript (the npm registry must be reachable "
                + "the first time; later runs use npm's cache): %s", ci.output()).isZero();
    }

    /** HOME (npm's cache and config) and any proxy settings, so npm reaches the registry as the user's npm does. */
    private static Map<String, String> baseEnvironment() {
        Map<String, String> env = new HashMap<>();
        for (String name : List.of("HOME", "npm_config_cache", "npm_config_registry", "HTTPS_PROXY", "https_proxy",
                "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy")) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        return env;
    }

    private static AwsBasicCredentials userWithoutPolicy(TestServer server) {
        try (IamClient iam = server.iam(TestServer.admin())) {
            iam.createUser(r -> r.userName("js-no-policy"));
            AccessKey key = iam.createAccessKey(r -> r.userName("js-no-policy")).accessKey();
            return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
        }
    }
}
