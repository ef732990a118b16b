package io.gatepass.server.internal.endpoints.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.core.token.ComputeAuthTokens;
import io.gatepass.core.token.RepositoryTokens;
import io.gatepass.server.testing.TestServer;
import io.gatepass.server.testing.ToolRun;
import io.gatepass.store.StoredTokenKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's IAM pages in a real browser (gatepass-console/e2e/iam.mjs): users, a user's access keys, roles,
 * inline policies, the policy editor's checks, and token key rotation. Each action's effect is checked with the AWS
 * CLI v2 (/usr/bin/aws) or, for token keys, in the store and the JWKS document. The new secret never reaches this
 * test: the browser script uses it for one {@code aws sts get-caller-identity} and reports the ARN.
 */
class ConsoleIamBrowserTest {
    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String USER = "console-dev";
    static final String ROLE = "console-role";
    static TestServer server;
    static Path work;
    static String setupKey;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        work = dir;
        server = TestServer.start(null, dir.resolve("data"));
        var iam = server.iam(TestServer.admin());
        iam.createUser(r -> r.userName(USER));
        var created = iam.createAccessKey(r -> r.userName(USER)).accessKey();
        setupKey = created.accessKeyId();
        try (var sts = server.sts(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(setupKey,
                created.secretAccessKey()))) {
            sts.getCallerIdentity(); // used once, and recorded (GetAccessKeyLastUsed shows it)
        }
        server.server().flushAccessKeyUsage();
        iam.createRole(r -> r.roleName(ROLE).description("Assumed by the console test").assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},
                 "Action":"sts:AssumeRole"}]}""".formatted(TestServer.ACCOUNT)));
        iam.putRolePolicy(r -> r.roleName(ROLE).policyName("role-reads").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"gamelift:ListFleets","Resource":"*"}]}"""));
        Files.createDirectories(dir.resolve("aws-home"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void walksTheIamPages_createsDeactivatesAndDeletesKeys_checksPolicies_rotatesTokenKeys(@TempDir Path profile)
            throws Exception {
        assertThat(AWS).as("the AWS CLI v2 checks the console's actions").isExecutable();
        List<String> repositoryKeysBefore = storedKeys(RepositoryTokens.KEY_PURPOSE);

        JsonNode seen = ConsoleBrowser.run("iam.mjs", server.endpoint() + ConsoleRoute.PATH, profile,
                TestServer.ADMIN_ID, TestServer.ADMIN_SECRET, Map.of("IAM_USER", USER, "IAM_SETUP_KEY", setupKey,
                        "IAM_ROLE", ROLE, "AWS_CLI", AWS.toString(),
                        "AWS_CLI_HOME", work.resolve("aws-home").toString()));

        assertThat(ConsoleBrowser.texts(seen.get("navLinks"))).contains("IAM", "Token keys");
        assertThat(ConsoleBrowser.texts(seen.get("users"))).containsExactly(USER);
        assertThat(seen.get("userArn").asText()).isEqualTo("arn:aws:iam::" + TestServer.ACCOUNT + ":user/" + USER);
        assertThat(ConsoleBrowser.texts(seen.get("keysBefore"))).containsExactly(setupKey);
        assertThat(seen.get("accessKeysStatus").asText()).doesNotContain("does not record");
        assertThat(ConsoleBrowser.texts(seen.get("lastUsedCells"))).singleElement().asString()
                .endsWith("(sts, " + TestServer.REGION + ")");
        assertThat(seen.get("noGroupsNote").asText()).contains("no IAM groups");

        // the new key: shown once, works, kept nowhere
        String newKey = seen.get("newKeyId").asText();
        assertThat(newKey).startsWith("AKIA").isNotEqualTo(setupKey);
        assertThat(seen.get("focusAfterCreate").asText()).isEqualTo("new-key-title");
        assertThat(seen.get("newKeyWarning").asText()).contains("you will not see it again");
        assertThat(seen.get("secretLength").asInt()).isEqualTo(40);
        assertThat(ConsoleBrowser.texts(seen.get("keysAfterCreate"))).containsExactlyInAnyOrder(setupKey, newKey);
        assertThat(seen.get("newKeyCaller").has("error")).as("%s", seen.get("newKeyCaller")).isFalse();
        assertThat(seen.get("newKeyCaller").get("arn").asText())
                .as("aws sts get-caller-identity signed with the secret the page showed")
                .isEqualTo("arn:aws:iam::" + TestServer.ACCOUNT + ":user/" + USER);
        assertThat(seen.get("secretInStorage").asBoolean()).isFalse();
        assertThat(seen.get("secretInPageAfterDone").asBoolean()).isFalse();

        // deactivated and deleted, each confirmed (a cancelled delete changes nothing)
        assertThat(seen.get("deactivateMessage").asText()).contains(newKey);
        assertThat(seen.get("newKeyStatusShown").asText()).isEqualTo("Inactive");
        assertThat(seen.get("deleteMessage").asText()).contains(setupKey).contains("cannot be undone");
        assertThat(ConsoleBrowser.texts(seen.get("keysAfterCancel"))).contains(setupKey);
        assertThat(ConsoleBrowser.texts(seen.get("keysAfterDelete"))).containsExactly(newKey);
        JsonNode keys = aws("iam", "list-access-keys", "--user-name", USER).get("AccessKeyMetadata");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).get("AccessKeyId").asText()).isEqualTo(newKey);
        assertThat(keys.get(0).get("Status").asText()).isEqualTo("Inactive");

        // roles and policies
        assertThat(ConsoleBrowser.texts(seen.get("roles"))).containsExactly(ROLE);
        assertThat(seen.get("trustPolicy").asText()).contains("\"Action\": \"sts:AssumeRole\"")
                .contains("\n  \"Statement\"");
        assertThat(ConsoleBrowser.texts(seen.get("roleInlinePolicies"))).containsExactly("role-reads");
        assertThat(ConsoleBrowser.texts(seen.get("policies"))).containsExactly("role-reads|Role|" + ROLE);
        assertThat(seen.get("policyDocument").asText()).contains("\"Action\": \"gamelift:ListFleets\"");

        // the editor: problems shown as typed, the server's refusal shown plainly, then saved
        assertThat(seen.get("editorValidAtStart").asText()).isEqualTo("The document looks valid.");
        assertThat(ConsoleBrowser.texts(seen.get("syntaxProblems"))).singleElement().asString()
                .startsWith("Line 6, column 5: Not valid JSON");
        assertThat(seen.get("saveDisabledOnSyntaxError").asBoolean()).isTrue();
        assertThat(ConsoleBrowser.texts(seen.get("grammarProblems"))).containsExactlyInAnyOrder(
                "Statement: Effect must be \"Allow\" or \"Deny\", not \"Permit\".",
                "Statement: Resource (or NotResource) is missing.");
        assertThat(seen.get("problemsStatus").asText()).isEqualTo("2 problems to fix before saving.");
        assertThat(seen.get("saveEnabledWhenValid").asBoolean()).isTrue();
        assertThat(seen.get("serverRefusal").asText())
                .startsWith("The server refused the policy: MalformedPolicyDocument: ").contains("fleet-1");
        assertThat(seen.get("typedStatus").asText()).isEqualTo("The document looks valid.");
        assertThat(seen.get("savedRoute").asText()).isEqualTo("#/iam/policies/user/" + USER + "/console-written");
        assertThat(seen.get("savedDocument").asText()).contains("\"gamelift:ListFleets\"");
        JsonNode saved = aws("iam", "get-user-policy", "--user-name", USER, "--policy-name", "console-written");
        assertThat(saved.get("PolicyDocument").toString()).contains("gamelift:ListFleets");

        // token keys: one new key per ring, verifying (published) before it signs, in the store and the JWKS
        assertThat(seen.get("rotateMessage").asText()).contains("signs once every live node has loaded it");
        assertThat(ConsoleBrowser.texts(seen.get("statesBefore"))).containsOnly("signing");
        assertThat(ConsoleBrowser.texts(seen.get("newTokenKeys"))).hasSize(2);
        String repositoryKey = seen.get("newRepositoryKey").asText();
        assertThat(repositoryKeysBefore).doesNotContain(repositoryKey);
        assertThat(seen.get("rotateStatus").asText()).contains("Added repository key " + repositoryKey);
        assertThat(seen.get("newRepositoryKeyState").asText()).isEqualTo("verifying");
        assertThat(ConsoleBrowser.texts(seen.get("jwksKids"))).as("the JWKS the page's origin serves")
                .contains(repositoryKey);
        assertThat(storedKeys(RepositoryTokens.KEY_PURPOSE)).as("what `gatepass keys list` reads")
                .endsWith(repositoryKey);
        assertThat(storedKeys(ComputeAuthTokens.KEY_PURPOSE)).hasSize(2);
        assertThat(server.send("GET", "/.well-known/jwks.json", Map.of(), null).body()).contains(repositoryKey);

        assertThat(ConsoleBrowser.texts(seen.get("policyViolations"))).as("Content-Security-Policy violations").isEmpty();
        assertThat(ConsoleBrowser.texts(seen.get("refused")))
                .as("the page's refused requests: the policy the server refused")
                .containsExactly("400 PutUserPolicy");
        assertThat(ConsoleBrowser.texts(seen.get("errorUrls")))
                .as("browser console errors: the refusal above")
                .allSatisfy(url -> assertThat(url).matches(".*/(favicon\\.ico)?"))
                .filteredOn(url -> url.endsWith("/")).hasSize(1);
        assertThat(seen.get("consoleErrors")).hasSameSizeAs(seen.get("errorUrls"));
        for (String name : List.of("users", "user", "policy-editor", "token-keys")) {
            for (String scheme : List.of("light", "dark")) {
                assertThat(ConsoleBrowser.SCREENSHOTS.resolve("console-iam-" + name + "-" + scheme + ".png"))
                        .isNotEmptyFile();
            }
        }
    }

    private static List<String> storedKeys(String purpose) {
        return server.server().store().tokenKeys().load(purpose).stream().map(StoredTokenKey::keyId).toList();
    }

    /** The AWS CLI v2 with the administrator's keys, in an empty configuration; answers its JSON output. */
    private static JsonNode aws(String... arguments) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", TestServer.ADMIN_ID);
        env.put("AWS_SECRET_ACCESS_KEY", TestServer.ADMIN_SECRET);
        env.put("AWS_DEFAULT_REGION", TestServer.REGION);
        env.put("AWS_CONFIG_FILE", work.resolve("aws-home/config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("aws-home/credentials").toString());
        List<String> command = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url",
                server.endpoint().toString(), "--output", "json"));
        command.addAll(List.of(arguments));
        ToolRun run = ToolRun.run(work, env, 120, command);
        assertThat(run.exitCode()).as(run.output()).isZero();
        return JSON.readTree(run.stdout());
    }
}
