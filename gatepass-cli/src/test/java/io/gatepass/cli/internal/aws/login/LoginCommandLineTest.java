package io.gatepass.cli.internal.aws.login;

import io.gatepass.cli.testing.CliRun;
import io.gatepass.cli.testing.CliTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.gatepass.cli.internal.aws.login.LoginHarness.mask;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole {@code gatepass ... codeartifact login ...} command line against aws's: exit codes, stdout, stderr. */
class LoginCommandLineTest {

    private static final AtomicInteger HOMES = new AtomicInteger();

    @TempDir
    static Path dir;
    static CliTestServer server;

    @BeforeAll
    static void start() {
        server = CliTestServer.start(dir.resolve("data"));
        try (CodeartifactClient client = LoginHarness.client(server)) {
            LoginHarness.createRepository(client, "line", "libs");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "--tool npm --domain nowhere --repository libs",
            "--tool npm --repository libs",
            "--tool npm --domain line --repository libs --bogus x",
            "--tool twine --domain line --repository libs --namespace team",
            "--tool twine --domain line --repository libs --duration-seconds 60",
            "--domain line --repository libs --tool",
    })
    void failures_printWhatAwsPrints(String line) {
        CliRun.Result ours = gatepass(home(), line);
        CliRun.Result theirs = aws(home(), line);
        assertThat(ours.exitCode()).isEqualTo(theirs.exitCode());
        assertThat(ours.err().replace("gatepass", "aws")).isEqualTo(theirs.err());
        assertThat(ours.out()).isEqualTo(theirs.out()).isEmpty();
    }

    @Test
    void npmNotOnPath_printsWhatAwsPrints() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-tools"));
        String line = "--tool npm --domain line --repository libs";
        CliRun.Result ours = gatepass(home().env("PATH", empty.toString()), line);
        CliRun.Result theirs = aws(home().env("PATH", empty.toString()), line);
        assertThat(ours).isEqualTo(theirs);
        assertThat(ours.err()).isEqualTo("\nnpm was not found. Please verify installation.\n");
    }

    @Test
    void pipLogin_printsWhatAwsPrints_andLeavesTheSameConfig() {
        CliRun ourHome = home();
        CliRun theirHome = home();
        CliRun.Result ours = gatepass(ourHome, "--tool pip --domain line --repository libs");
        CliRun.Result theirs = aws(theirHome, "--tool pip --domain line --repository libs");

        assertThat(ours.exitCode()).as(mask(ours.err())).isEqualTo(theirs.exitCode()).isZero();
        assertThat(maskTime(ours.out())).isEqualTo(maskTime(theirs.out()));
        assertThat(mask(LoginHarness.read(ourHome.home().resolve(".config/pip/pip.conf"))))
                .isEqualTo(mask(LoginHarness.read(theirHome.home().resolve(".config/pip/pip.conf"))));
    }

    @Test
    void unreachableEndpoint_isReportedAsAwsReportsIt() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + closedPort;
        String[] args = {"--endpoint-url", endpoint, "--cli-connect-timeout", "5", "codeartifact", "login",
                "--tool", "npm", "--domain", "line", "--repository", "libs", "--duration-seconds", "900"};
        CliRun.Result ours = home().gatepass(args);
        LoginHarness.requireAwsV2();
        CliRun.Result theirs = home().aws(LoginHarness.AWS_V2, args);
        assertThat(ours).isEqualTo(theirs);
        assertThat(ours.err()).isEqualTo("\nCould not connect to the endpoint URL: \"" + endpoint
                + "/v1/authorization-token?domain=line&duration=900\"\n");
    }

    @Test
    void help_describesEveryToolAndOption() {
        CliRun.Result help = home().gatepass("codeartifact", "login", "help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("* npm", "* pip", "* twine", "* maven", "* gradle", "--domain-owner",
                "--namespace", "--duration-seconds", "--server-id", "--dry-run");
    }

    private static CliRun.Result gatepass(CliRun home, String line) {
        return home.gatepass(command(line));
    }

    private static CliRun.Result aws(CliRun home, String line) {
        LoginHarness.requireAwsV2();
        return home.aws(LoginHarness.AWS_V2, command(line));
    }

    private static String[] command(String line) {
        List<String> command = new ArrayList<>(List.of("--endpoint-url", server.endpoint(), "codeartifact", "login"));
        command.addAll(List.of(line.split(" ")));
        return command.toArray(String[]::new);
    }

    private static CliRun home() {
        return LoginHarness.home(server, dir.resolve("home-" + HOMES.incrementAndGet()));
    }

    private static String maskTime(String text) {
        return text.replaceAll(" at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d", " at <time>");
    }
}
