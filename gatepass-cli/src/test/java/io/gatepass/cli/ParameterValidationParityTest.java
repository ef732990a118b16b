package io.gatepass.cli;

import io.gatepass.cli.testing.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Invalid parameters and retry settings, run through aws CLI v2 (Debian's 2.9.19) and gatepass against an endpoint
 * nothing listens on: the same stderr, stdout and exit code. What aws rejects never reaches the network; what it sends
 * (an empty fleet id, which its GameLift model does not bound) fails to connect in both.
 */
class ParameterValidationParityTest {

    private static final String NOWHERE = "http://127.0.0.1:1";

    @TempDir
    static Path home;

    @BeforeAll
    static void requireAwsV2() throws Exception {
        AwsClis.assumeOrFail(AwsClis.v2(), "aws-cli/2");
    }

    private static CliRun run() {
        return CliRun.inHome(home).env("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE").env("AWS_SECRET_ACCESS_KEY", "secret")
                .env("AWS_DEFAULT_REGION", "us-east-1").env("AWS_MAX_ATTEMPTS", "1");
    }

    private static void sameAsAws(CliRun run, List<List<String>> commands) {
        assertSoftly(soft -> {
            for (List<String> command : commands) {
                List<String> all = new java.util.ArrayList<>(List.of("--endpoint-url", NOWHERE));
                all.addAll(command);
                String[] args = all.toArray(String[]::new);
                CliRun.Result aws = run.aws(AwsClis.v2(), args);
                CliRun.Result gatepass = run.gatepass(args);
                String what = String.join(" ", command);
                soft.assertThat(gatepass.err()).as(what).isEqualTo(aws.err());
                soft.assertThat(gatepass.out()).as(what).isEqualTo(aws.out());
                soft.assertThat(gatepass.exitCode()).as(what + ": " + gatepass.err()).isEqualTo(aws.exitCode());
            }
        });
    }

    @Test
    void valuesBelowTheModelsMinimums_failBeforeAnythingIsSent() {
        sameAsAws(run(), List.of(
                List.of("codeartifact", "get-authorization-token", "--domain", "a", "--duration-seconds", "-5"),
                List.of("codeartifact", "get-authorization-token", "--duration-seconds", "-5", "--domain", "a"),
                List.of("codeartifact", "get-authorization-token", "--domain", "\uD83C\uDFAE"),
                List.of("codeartifact", "get-authorization-token", "--cli-input-json",
                        "{\"domainOwner\": \"1\", \"bogus\": 1}"),
                List.of("codeartifact", "copy-package-versions", "--cli-input-json", "{\"domain\": \"dd\","
                        + " \"sourceRepository\": \"ss\", \"destinationRepository\": \"tt\", \"format\": \"npm\","
                        + " \"package\": \"p\", \"versionRevisions\": {\"\": \"r\", \"1.0\": \"\"}}"),
                List.of("gamelift", "create-fleet", "--name", "", "--tags", "Key=,Value=v"),
                List.of("gamelift", "create-fleet", "--cli-input-json", "{\"Name\": \"f\", \"Tags\": [{\"Key\": \"ok\","
                        + " \"Value\": \"\"}, {\"Key\": \"\", \"Value\": \"v\"}], \"LogPaths\": [\"/a\", \"\"],"
                        + " \"Locations\": []}"),
                List.of("gamelift", "describe-fleet-attributes", "--cli-input-json", "{\"FleetIds\": []}"),
                List.of("sts", "assume-role", "--role-arn", "arn:aws:iam::1:role/r", "--role-session-name", "s",
                        "--duration-seconds", "899"),
                List.of("sts", "get-session-token", "--duration-seconds", "899", "--token-code", "12345"),
                List.of("iam", "create-user", "--user-name", "", "--tags", "Key=,Value=")));
    }

    @Test
    void loginsCallsAreValidatedToo() {
        sameAsAws(run(), List.of(
                List.of("codeartifact", "login", "--tool", "npm", "--domain", "a", "--repository", "r",
                        "--duration-seconds", "-5", "--dry-run"),
                List.of("codeartifact", "login", "--tool", "twine", "--domain", "aa", "--repository", "r",
                        "--duration-seconds", "-1", "--dry-run")));
    }

    @Test
    void emptyFleetIds_areSent_becauseAwsV2sGameLiftModelSetsNoMinimum() {
        sameAsAws(run(), List.of(
                List.of("gamelift", "get-compute-auth-token", "--fleet-id", "", "--compute-name", "c"),
                List.of("gamelift", "describe-fleet-attributes", "--fleet-ids", "")));
    }

    @Test
    void retryModesAwsV2DoesNotKnow_failWhenTheClientIsCreated() {
        for (String mode : List.of("legacy", "Standard", " standard", "", "bogus")) {
            sameAsAws(run().env("AWS_RETRY_MODE", mode), List.of(
                    List.of("sts", "get-caller-identity"),
                    List.of("codeartifact", "get-authorization-token", "--domain", "a")));
        }
        sameAsAws(run().file(".aws/config", "[default]\nretry_mode = legacy\n"), List.of(
                List.of("gamelift", "list-fleets")));
        sameAsAws(run().file(".aws/config", "[default]\nretry_mode = legacy\n").env("AWS_RETRY_MODE", "standard"),
                List.of(List.of("sts", "get-caller-identity")));
        sameAsAws(run().file(".aws/config", "[default]\nretry_mode = standard\n").env("AWS_RETRY_MODE", ""),
                List.of(List.of("sts", "get-caller-identity")));
        assertThat(run().file(".aws/config", "[default]\nretry_mode = legacy\n")
                .gatepass("gamelift", "get-compute-auth-token", "--generate-cli-skeleton").exitCode()).isZero();
    }
}
