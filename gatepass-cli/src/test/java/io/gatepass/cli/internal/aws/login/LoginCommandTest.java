package io.gatepass.cli.internal.aws.login;

import io.gatepass.cli.internal.aws.CliException;
import io.gatepass.cli.internal.aws.CliIo;
import io.gatepass.cli.internal.aws.config.CliConfig;
import io.gatepass.cli.internal.aws.config.GlobalOptions;
import io.gatepass.cli.testing.CliRun;
import io.gatepass.cli.testing.CliTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The public entry point: the client comes from the resolved global configuration (environment and profiles). */
class LoginCommandTest {

    @TempDir
    static Path dir;
    static CliTestServer server;

    @BeforeAll
    static void start() {
        server = CliTestServer.start(dir.resolve("data"));
        try (CodeartifactClient client = LoginHarness.client(server)) {
            LoginHarness.createRepository(client, "wired", "libs");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void run_withKeysRegionAndEndpointFromTheEnvironment_logsIn() {
        CliRun home = LoginHarness.home(server, dir.resolve("env-home"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliIo io = io(home, out);

        int code = LoginCommand.run(List.of("--tool", "twine", "--domain", "wired", "--repository", "libs"),
                CliConfig.resolve(GlobalOptions.none(), io), io);

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Successfully configured twine to use AWS "
                + "CodeArtifact repository " + server.endpoint() + "/codeartifact/wired-111122223333/pypi/libs/ \n");
        String pypirc = LoginHarness.read(home.home().resolve(".pypirc"));
        assertThat(server.server().repositoryTokenVerifier().verify(LoginHarness.token(pypirc)).isValid()).isTrue();
    }

    @Test
    void run_withAProfileInTheConfigFiles_usesItsKeys() {
        CliRun home = CliRun.inHome(dir.resolve("profile-home")).env("PATH", LoginHarness.PATH)
                .file(".aws/config", "[profile ci]\nregion = us-east-1\nendpoint_url = " + server.endpoint() + "\n")
                .file(".aws/credentials", "[ci]\naws_access_key_id = " + CliTestServer.ADMIN_ID
                        + "\naws_secret_access_key = " + CliTestServer.ADMIN_SECRET + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliIo io = io(home, out);
        GlobalOptions profile = new GlobalOptions(false, null, false, false, null, null, "ci", null, null, false,
                null, null, null, null, false, null, null, null, null);

        int code = LoginCommand.run(List.of("--tool", "gradle", "--domain", "wired", "--repository", "libs"),
                CliConfig.resolve(profile, io), io);

        assertThat(code).isZero();
        assertThat(LoginHarness.mask(LoginHarness.read(home.home().resolve(".gradle/gradle.properties"))))
                .contains("codeartifactUrl=" + server.endpoint() + "/codeartifact/wired-111122223333/maven/libs/\n");
    }

    @Test
    void run_withUnknownDomain_failsWithTheServiceErrorAndExitCode254() {
        CliRun home = LoginHarness.home(server, dir.resolve("error-home"));
        CliIo io = io(home, new ByteArrayOutputStream());
        CliException failure = catchThrowableOfType(CliException.class, () -> LoginCommand.run(
                List.of("--tool", "npm", "--domain", "nowhere", "--repository", "libs"),
                CliConfig.resolve(GlobalOptions.none(), io), io));

        assertThat(failure.exitCode()).isEqualTo(CliException.SERVICE);
        assertThat(failure).hasMessage("An error occurred (ResourceNotFoundException) when calling the "
                + "GetAuthorizationToken operation: Domain nowhere owned by 111122223333 not found.");
    }

    private static CliIo io(CliRun home, ByteArrayOutputStream out) {
        return new CliIo(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), home.environment(),
                home.home(), false, false);
    }
}
