package io.gatepass.cli.internal.aws.config;

import io.gatepass.cli.internal.aws.CliException;
import io.gatepass.cli.testing.CliTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import java.nio.file.Path;

import static io.gatepass.cli.internal.aws.config.TestIo.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Clients built by {@link CliConfig} calling a real Gatepass server. */
class CliConfigClientTest {

    @TempDir
    static Path dataDir;
    static CliTestServer server;
    static String deployerKeyId;
    static String deployerSecret;

    @TempDir
    Path home;

    @BeforeAll
    static void startServer() {
        server = CliTestServer.start(dataDir);
        TestIo admin = new TestIo(dataDir.resolve("admin-home")).env("AWS_ACCESS_KEY_ID", CliTestServer.ADMIN_ID)
                .env("AWS_SECRET_ACCESS_KEY", CliTestServer.ADMIN_SECRET).env("AWS_REGION", CliTestServer.REGION)
                .env("AWS_ENDPOINT_URL", server.endpoint());
        try (IamClient iam = admin.resolve().client(IamClient.builder(), "iam")) {
            iam.createRole(r -> r.roleName("deployer").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                     "Principal":{"AWS":"arn:aws:iam::%s:root"},"Action":"sts:AssumeRole"}]}
                    """.formatted(CliTestServer.ACCOUNT)));
            iam.createUser(r -> r.userName("ci"));
            iam.putUserPolicy(r -> r.userName("ci").policyName("assume").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}
                    """));
            var key = iam.createAccessKey(r -> r.userName("ci")).accessKey();
            deployerKeyId = key.accessKeyId();
            deployerSecret = key.secretAccessKey();
        }
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private TestIo adminEnv() {
        return new TestIo(home).env("AWS_ACCESS_KEY_ID", CliTestServer.ADMIN_ID)
                .env("AWS_SECRET_ACCESS_KEY", CliTestServer.ADMIN_SECRET).env("AWS_REGION", CliTestServer.REGION);
    }

    private static GetCallerIdentityResponse whoAmI(CliConfig config) {
        try (StsClient sts = config.client(StsClient.builder(), "sts")) {
            return sts.getCallerIdentity();
        }
    }

    @Test
    void client_withKeysInEnvironmentAndEndpointFlag_callsTheServerAsThatKey() {
        CliConfig config = adminEnv().resolve(options().endpointUrl(server.endpoint()).build());
        assertThat(whoAmI(config).account()).isEqualTo(CliTestServer.ACCOUNT);
    }

    @Test
    void client_withKeysInCredentialsFileAndEndpointInProfile_callsTheServer() {
        TestIo io = new TestIo(home)
                .file(".aws/credentials", "[default]\naws_access_key_id = " + CliTestServer.ADMIN_ID
                        + "\naws_secret_access_key = " + CliTestServer.ADMIN_SECRET + "\n")
                .file(".aws/config", "[default]\nregion = us-east-1\nendpoint_url = " + server.endpoint() + "\n");
        assertThat(whoAmI(io.resolve()).account()).isEqualTo(CliTestServer.ACCOUNT);
    }

    @Test
    void client_whenCredentialsFileAndConfigFileBothHaveKeys_credentialsFileWins() {
        TestIo io = new TestIo(home).env("AWS_ENDPOINT_URL", server.endpoint())
                .file(".aws/credentials", "[default]\naws_access_key_id = " + CliTestServer.ADMIN_ID
                        + "\naws_secret_access_key = " + CliTestServer.ADMIN_SECRET + "\n")
                .file(".aws/config", "[default]\nregion = us-east-1\naws_access_key_id = AKIAWRONGWRONGWRONG1\n"
                        + "aws_secret_access_key = wrong\n");
        assertThat(whoAmI(io.resolve()).account()).isEqualTo(CliTestServer.ACCOUNT);
    }

    @Test
    void client_whenProfileFlagGiven_ignoresKeysInEnvironment() {
        TestIo io = new TestIo(home).env("AWS_ENDPOINT_URL", server.endpoint())
                .env("AWS_ACCESS_KEY_ID", "AKIAWRONGWRONGWRONG1").env("AWS_SECRET_ACCESS_KEY", "wrong")
                .file(".aws/credentials", "[admin]\naws_access_key_id = " + CliTestServer.ADMIN_ID
                        + "\naws_secret_access_key = " + CliTestServer.ADMIN_SECRET + "\n")
                .file(".aws/config", "[profile admin]\nregion = us-east-1\n");
        assertThat(whoAmI(io.resolve(options().profile("admin").build())).account())
                .isEqualTo(CliTestServer.ACCOUNT);
        io.env("AWS_PROFILE", "admin");
        assertThatThrownBy(() -> whoAmI(io.resolve())).isInstanceOf(StsException.class);
    }

    @Test
    void client_withRoleProfile_assumesTheRoleThroughGatepassSts() {
        TestIo io = new TestIo(home).env("AWS_ENDPOINT_URL", server.endpoint())
                .file(".aws/credentials", "[ci]\naws_access_key_id = " + deployerKeyId
                        + "\naws_secret_access_key = " + deployerSecret + "\n")
                .file(".aws/config", "[profile deploy]\nregion = us-east-1\nrole_arn = arn:aws:iam::"
                        + CliTestServer.ACCOUNT + ":role/deployer\nsource_profile = ci\n"
                        + "role_session_name = ci-run\n");
        assertThat(whoAmI(io.resolve(options().profile("deploy").build())).arn())
                .isEqualTo("arn:aws:sts::" + CliTestServer.ACCOUNT + ":assumed-role/deployer/ci-run");
    }

    @Test
    void client_withRoleProfileForUnknownRole_failsWithTheAssumeRoleError() {
        TestIo io = new TestIo(home).env("AWS_ENDPOINT_URL", server.endpoint())
                .file(".aws/credentials", "[admin]\naws_access_key_id = " + CliTestServer.ADMIN_ID
                        + "\naws_secret_access_key = " + CliTestServer.ADMIN_SECRET + "\n")
                .file(".aws/config", "[profile deploy]\nregion = us-east-1\nrole_arn = arn:aws:iam::"
                        + CliTestServer.ACCOUNT + ":role/nobody\nsource_profile = admin\n");
        assertThatThrownBy(() -> whoAmI(io.resolve(options().profile("deploy").build())))
                .isInstanceOfSatisfying(CliException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(254);
                    assertThat(e.getMessage()).contains("when calling the AssumeRole operation");
                });
    }

    @Test
    void client_whenNoCredentialsAnywhere_failsFastWithConfigureHint() {
        CliConfig config = new TestIo(home).env("AWS_REGION", "us-east-1")
                .env("AWS_ENDPOINT_URL", server.endpoint()).resolve();
        assertThatThrownBy(() -> whoAmI(config)).isInstanceOfSatisfying(CliException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(253);
            assertThat(e.getMessage()).isEqualTo("Unable to locate credentials. You can configure credentials by "
                    + "running \"gatepass configure\".");
        });
    }

    @Test
    void client_withNoSignRequest_sendsAnUnsignedRequestTheServerRejects() {
        CliConfig config = new TestIo(home).env("AWS_ENDPOINT_URL", server.endpoint())
                .resolve(options().noSignRequest().region("us-east-1").build());
        assertThatThrownBy(() -> whoAmI(config)).isInstanceOfSatisfying(StsException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingAuthenticationToken"));
    }

    @Test
    void debug_tracesTheRequestButNeitherSecretsNorTokens() {
        TestIo io = new TestIo(home).env("AWS_ENDPOINT_URL", server.endpoint())
                .file(".aws/credentials", "[ci]\naws_access_key_id = " + deployerKeyId
                        + "\naws_secret_access_key = " + deployerSecret + "\n")
                .file(".aws/config", "[profile deploy]\nregion = us-east-1\nrole_arn = arn:aws:iam::"
                        + CliTestServer.ACCOUNT + ":role/deployer\nsource_profile = ci\n");
        CliConfig config = io.resolve(options().profile("deploy").debug().build());
        whoAmI(config);
        var session = (software.amazon.awssdk.auth.credentials.AwsSessionCredentials) config.credentials();
        assertThat(io.err())
                .contains("Making request for AssumeRole: POST " + server.endpoint())
                .contains("Making request for GetCallerIdentity: POST " + server.endpoint())
                .contains("Action=GetCallerIdentity")
                .contains("Signature=<redacted>")
                .contains("<SecretAccessKey><redacted></SecretAccessKey>")
                .contains(session.accessKeyId())
                .doesNotContain(deployerSecret)
                .doesNotContain(session.secretAccessKey())
                .doesNotContain(session.sessionToken());
        assertThat(io.out()).isEmpty();
    }

    @Test
    void debug_whenNotAsked_printsNothing() {
        TestIo io = adminEnv().env("AWS_ENDPOINT_URL", server.endpoint());
        whoAmI(io.resolve());
        assertThat(io.err()).isEmpty();
    }

    @Test
    void debug_hidesTheCodeArtifactAuthorizationTokenInTheResponse() {
        TestIo io = adminEnv().env("AWS_ENDPOINT_URL", server.endpoint());
        CliConfig config = io.resolve(options().debug().build());
        String token;
        try (CodeartifactClient codeartifact = config.client(CodeartifactClient.builder(), "codeartifact")) {
            codeartifact.createDomain(r -> r.domain("debug-trace"));
            token = codeartifact.getAuthorizationToken(r -> r.domain("debug-trace")).authorizationToken();
        }
        assertThat(token).isNotBlank();
        assertThat(io.err()).contains("Making request for GetAuthorizationToken: POST " + server.endpoint())
                .contains("\"authorizationToken\":\"<redacted>\"")
                .doesNotContain(token)
                .doesNotContain(CliTestServer.ADMIN_SECRET);
    }

    @Test
    void client_withRoleProfileSourcedFromEnvironment_assumesTheRoleWithTheEnvironmentKeys() {
        TestIo io = new TestIo(home).env("AWS_ENDPOINT_URL", server.endpoint())
                .env("AWS_ACCESS_KEY_ID", deployerKeyId).env("AWS_SECRET_ACCESS_KEY", deployerSecret)
                .file(".aws/config", "[profile deploy]\nregion = us-east-1\nrole_arn = arn:aws:iam::"
                        + CliTestServer.ACCOUNT + ":role/deployer\ncredential_source = Environment\n"
                        + "role_session_name = from-env\n");
        assertThat(whoAmI(io.resolve(options().profile("deploy").build())).arn())
                .endsWith(":assumed-role/deployer/from-env");
    }

    @Test
    void client_whenSourceProfilesFormACycle_failsWithAConfigurationError() {
        TestIo io = new TestIo(home).env("AWS_ENDPOINT_URL", server.endpoint())
                .file(".aws/config", "[profile a]\nregion = us-east-1\nrole_arn = arn:aws:iam::"
                        + CliTestServer.ACCOUNT + ":role/deployer\nsource_profile = b\n\n[profile b]\n"
                        + "role_arn = arn:aws:iam::" + CliTestServer.ACCOUNT + ":role/deployer\nsource_profile = a\n");
        assertThatThrownBy(() -> whoAmI(io.resolve(options().profile("a").build())))
                .isInstanceOfSatisfying(CliException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(253);
                    assertThat(e.getMessage()).startsWith("Infinite loop in credential configuration detected");
                });
    }

    @Test
    void client_whenEnvironmentHasKeyIdButNoSecret_reportsPartialCredentials() {
        CliConfig config = new TestIo(home).env("AWS_REGION", "us-east-1").env("AWS_ENDPOINT_URL", server.endpoint())
                .env("AWS_ACCESS_KEY_ID", CliTestServer.ADMIN_ID).resolve();
        assertThatThrownBy(() -> whoAmI(config))
                .hasMessage("Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY");
    }

    @Test
    void client_withSessionTokenInEnvironment_signsWithTheTemporaryCredentials() {
        var session = (software.amazon.awssdk.auth.credentials.AwsSessionCredentials) new TestIo(home)
                .env("AWS_ENDPOINT_URL", server.endpoint())
                .file(".aws/credentials", "[ci]\naws_access_key_id = " + deployerKeyId
                        + "\naws_secret_access_key = " + deployerSecret + "\n")
                .file(".aws/config", "[profile deploy]\nregion = us-east-1\nrole_arn = arn:aws:iam::"
                        + CliTestServer.ACCOUNT + ":role/deployer\nsource_profile = ci\nrole_session_name = tmp\n")
                .resolve(options().profile("deploy").build()).credentials();
        TestIo io = new TestIo(home.resolve("other")).env("AWS_ENDPOINT_URL", server.endpoint())
                .env("AWS_REGION", "us-east-1").env("AWS_ACCESS_KEY_ID", session.accessKeyId())
                .env("AWS_SECRET_ACCESS_KEY", session.secretAccessKey());
        assertThatThrownBy(() -> whoAmI(io.resolve())).isInstanceOf(StsException.class);
        io.env("AWS_SESSION_TOKEN", session.sessionToken());
        assertThat(whoAmI(io.resolve()).arn()).endsWith(":assumed-role/deployer/tmp");
    }

    @Test
    void client_withCredentialProcess_usesTheKeysTheProcessPrints() {
        TestIo io = new TestIo(home).env("AWS_ENDPOINT_URL", server.endpoint())
                .file(".aws/config", "[profile proc]\nregion = us-east-1\ncredential_process = echo '{\"Version\": 1, "
                        + "\"AccessKeyId\": \"" + deployerKeyId + "\", \"SecretAccessKey\": \"" + deployerSecret
                        + "\"}'\n");
        assertThat(whoAmI(io.resolve(options().profile("proc").build())).arn()).endsWith(":user/ci");
    }

    @Test
    void client_withSsoProfile_explainsThatSsoIsNotSupported() {
        CliConfig config = new TestIo(home).file(".aws/config", "[profile sso]\nregion = us-east-1\n"
                + "sso_start_url = https://example.awsapps.com/start\nsso_account_id = 1\n")
                .resolve(options().profile("sso").build());
        assertThatThrownBy(() -> whoAmI(config)).hasMessageContaining("IAM Identity Center");
    }

    @Test
    void client_withRoleProfile_reusesTheAssumedRoleOnTheNextCall() {
        TestIo io = new TestIo(home).env("AWS_ENDPOINT_URL", server.endpoint())
                .file(".aws/credentials", "[ci]\naws_access_key_id = " + deployerKeyId
                        + "\naws_secret_access_key = " + deployerSecret + "\n")
                .file(".aws/config", "[profile deploy]\nregion = us-east-1\nrole_arn = arn:aws:iam::"
                        + CliTestServer.ACCOUNT + ":role/deployer\nsource_profile = ci\nrole_session_name = cached\n");
        GlobalOptions deploy = options().profile("deploy").debug().build();
        String first = whoAmI(io.resolve(deploy)).arn();
        int assumeCallsAfterFirst = occurrences(io.err(), "Making request for AssumeRole");
        String second = whoAmI(io.resolve(deploy)).arn();
        assertThat(second).isEqualTo(first).endsWith(":assumed-role/deployer/cached");
        assertThat(assumeCallsAfterFirst).isEqualTo(1);
        assertThat(occurrences(io.err(), "Making request for AssumeRole")).isEqualTo(1);
        assertThat(io.err()).contains("Using cached credentials of role");
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
