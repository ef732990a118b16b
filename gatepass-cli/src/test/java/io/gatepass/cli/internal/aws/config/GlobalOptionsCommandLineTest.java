package io.gatepass.cli.internal.aws.config;

import io.gatepass.cli.testing.CliRun;
import io.gatepass.cli.testing.CliTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration global options through the whole {@code gatepass} command line, in-process. */
class GlobalOptionsCommandLineTest {

    private static final Path AWS_V2 = Path.of("/usr/bin/aws");

    @TempDir
    static Path dataDir;
    static CliTestServer server;

    @TempDir
    Path home;

    @BeforeAll
    static void startServer() {
        server = CliTestServer.start(dataDir);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private CliRun adminProfile() {
        return CliRun.inHome(home).env("AWS_ENDPOINT_URL", server.endpoint())
                .file(".aws/credentials", "[admin]\naws_access_key_id = " + CliTestServer.ADMIN_ID
                        + "\naws_secret_access_key = " + CliTestServer.ADMIN_SECRET + "\n")
                .file(".aws/config", "[profile admin]\nregion = us-east-1\noutput = text\n");
    }

    @Test
    void profileFlag_selectsCredentialsRegionAndOutputOfThatProfile() {
        CliRun.Result result = adminProfile().gatepass("--profile", "admin", "sts", "get-caller-identity",
                "--query", "Account");
        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(CliTestServer.ACCOUNT + "\n");
    }

    @Test
    void unknownProfile_failsWithAwsMessage() {
        CliRun.Result result = adminProfile().gatepass("--profile", "nope", "sts", "get-caller-identity");
        assertThat(result.exitCode()).isEqualTo(253);
        assertThat(result.err()).contains("The config profile (nope) could not be found");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void missingRegionAndMissingCredentials_printTheSameWordsAsAwsV2() {
        CliRun noRegion = CliRun.inHome(home).env("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEEXAMPLE01")
                .env("AWS_SECRET_ACCESS_KEY", "x").env("AWS_ENDPOINT_URL", server.endpoint());
        CliRun.Result ours = noRegion.gatepass("gamelift", "list-fleets");
        assertThat(ours.exitCode()).isEqualTo(253);
        CliRun noCredentials = CliRun.inHome(home).env("AWS_DEFAULT_REGION", "us-east-1")
                .env("AWS_ENDPOINT_URL", server.endpoint());
        CliRun.Result oursNoKeys = noCredentials.gatepass("gamelift", "list-fleets");
        assertThat(oursNoKeys.exitCode()).isEqualTo(253);
        if (Files.isExecutable(AWS_V2)) {
            CliRun.Result aws = noRegion.aws(AWS_V2, "gamelift", "list-fleets");
            assertThat(ours.err()).isEqualTo(aws.err().replace("\"aws configure\"", "\"gatepass configure\""));
            assertThat(ours.exitCode()).isEqualTo(aws.exitCode());
            CliRun.Result awsNoKeys = noCredentials.aws(AWS_V2, "gamelift", "list-fleets");
            assertThat(oursNoKeys.err())
                    .isEqualTo(awsNoKeys.err().replace("\"aws configure\"", "\"gatepass configure\""));
            assertThat(oursNoKeys.exitCode()).isEqualTo(awsNoKeys.exitCode());
        } else {
            assertThat(ours.err()).contains("You must specify a region.");
            assertThat(oursNoKeys.err()).contains("Unable to locate credentials.");
        }
    }

    @Test
    void noSignRequest_isRejectedByTheServerAsUnsigned() {
        CliRun.Result result = CliRun.against(server, home).gatepass("--no-sign-request", "gamelift", "list-fleets");
        assertThat(result.exitCode()).isEqualTo(254);
        assertThat(result.err()).contains("MissingAuthenticationToken").contains("ListFleets");
    }

    @Test
    void debug_showsTheRequestOnStderrWithoutTheSecretKey() {
        CliRun.Result result = CliRun.against(server, home).gatepass("--debug", "sts", "get-caller-identity");
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("Making request for GetCallerIdentity: POST " + server.endpoint())
                .contains("Signature=<redacted>").doesNotContain(CliTestServer.ADMIN_SECRET);
        assertThat(result.out()).contains("\"Account\": \"" + CliTestServer.ACCOUNT + "\"");
    }

    @Test
    void pager_receivesTheOutputOnlyWhenStdoutIsATerminal() throws Exception {
        Path paged = home.resolve("paged.json");
        CliRun run = CliRun.against(server, home).env("AWS_PAGER", "cat > " + paged);
        CliRun.Result piped = run.gatepass("sts", "get-caller-identity");
        assertThat(paged).doesNotExist();
        assertThat(piped.out()).contains(CliTestServer.ACCOUNT);
        CliRun.Result onTerminal = run.terminal(true).gatepass("--color", "off", "sts", "get-caller-identity");
        assertThat(onTerminal.exitCode()).isZero();
        assertThat(onTerminal.out()).isEmpty();
        assertThat(Files.readString(paged)).isEqualTo(piped.out());
        CliRun.Result noPager = run.gatepass("--no-cli-pager", "--color", "off", "sts", "get-caller-identity");
        assertThat(noPager.out()).isEqualTo(piped.out());
    }

    @Test
    void readTimeout_endsTheCallWithAwsMessage() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress())) {
            String endpoint = "http://127.0.0.1:" + silent.getLocalPort();
            CliRun.Result result = CliRun.against(server, home).env("AWS_MAX_ATTEMPTS", "1")
                    .gatepass("--endpoint-url", endpoint, "--cli-read-timeout", "1", "gamelift", "list-fleets");
            assertThat(result.exitCode()).isEqualTo(255);
            assertThat(result.err()).contains("Read timeout on endpoint URL: \"" + endpoint);
        }
    }
}
