package io.gatepass.cli;

import io.gatepass.server.GatepassServer;
import io.gatepass.server.config.ServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the unmodified AWS CLI, v2 (Debian's package) and v1 (in the machine's Python), through
 * the tours in src/test/shell/ (identities, GameLift, CodeArtifact) against a real server. With CI=true a missing CLI is a failure, not a skip.
 */
class AwsCliToursTest {
    private static final String ADMIN_ID = "AKIAGATEPASSCLITEST1";
    private static final String ADMIN_SECRET = "cliTestSecretcliTestSecretcliTestSecret0";

    @TempDir
    static Path dataDir;
    static GatepassServer server;

    @BeforeAll
    static void start() {
        server = GatepassServer.start(new ServerConfig(0, "127.0.0.1", dataDir, null, "us-east-1", "text",
                ServerConfig.DEFAULT_MAX_BODY_BYTES, null,
                new ServerConfig.Bootstrap("111122223333", ADMIN_ID, ADMIN_SECRET)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void awsCliV2_identityTour_passesEveryCheck() throws Exception {
        runTour("aws-cli-identities.sh", AwsClis.v2(), "aws-cli/2");
    }

    @Test
    void awsCliV1_identityTour_passesEveryCheck() throws Exception {
        runTour("aws-cli-identities.sh", AwsClis.v1(), "aws-cli/1");
    }

    /** AWS CLI v2 (2.9) speaks awsJson1_1 to GameLift. */
    @Test
    void awsCliV2_gameLiftTour_passesEveryCheck() throws Exception {
        runTour("aws-cli-gamelift.sh", AwsClis.v2(), "aws-cli/2");
    }

    /** AWS CLI v1 on a recent botocore speaks rpcv2Cbor to GameLift. */
    @Test
    void awsCliV1_gameLiftTour_passesEveryCheck() throws Exception {
        runTour("aws-cli-gamelift.sh", AwsClis.v1(), "aws-cli/1");
    }

    @Test
    void awsCliV2_codeArtifactTour_passesEveryCheck() throws Exception {
        runTour("aws-cli-codeartifact.sh", AwsClis.v2(), "aws-cli/2");
    }

    @Test
    void awsCliV1_codeArtifactTour_passesEveryCheck() throws Exception {
        runTour("aws-cli-codeartifact.sh", AwsClis.v1(), "aws-cli/1");
    }

    private static void runTour(String tour, Path aws, String expectedVersion) throws Exception {
        AwsClis.assumeOrFail(aws, expectedVersion);
        Path script = Path.of("src/test/shell", tour).toAbsolutePath();
        Process process = new ProcessBuilder(List.of("bash", script.toString(), aws.toString(), server.endpoint(),
                ADMIN_ID, ADMIN_SECRET)).redirectErrorStream(true).start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).as("the script finished").isTrue();
        assertThat(output).as(output).contains(" passed, 0 failed");
        assertThat(process.exitValue()).as(output).isZero();
    }
}
