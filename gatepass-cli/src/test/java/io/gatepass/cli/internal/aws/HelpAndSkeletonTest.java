package io.gatepass.cli.internal.aws;

import io.gatepass.cli.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** help at every level, --version and the input skeletons: printed on stdout, exit 0, no server needed. */
class HelpAndSkeletonTest {

    @TempDir
    Path home;

    private CliRun.Result gatepass(String... args) {
        return CliRun.inHome(home).gatepass(args);
    }

    @Test
    void topHelp_listsTheServicesAndTheOtherCommands() {
        CliRun.Result result = gatepass("help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("o codeartifact", "o gamelift", "o iam", "o sts", "serve", "agent");
    }

    @Test
    void serviceHelp_listsItsOperations() {
        CliRun.Result result = gatepass("codeartifact", "help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("o get-authorization-token", "o list-domains", "o login");
    }

    @Test
    void operationHelp_marksRequiredOptionsAndTypes() {
        CliRun.Result result = gatepass("gamelift", "get-compute-auth-token", "help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("          --fleet-id <value>\n", "          --compute-name <value>\n",
                "--fleet-id (string) [required]", "--compute-name (string) [required]");
    }

    @Test
    void operationHelp_showsShorthandAndEnumsForStructures() {
        String out = gatepass("gamelift", "create-fleet", "help").out();

        assertThat(out).contains("[--tags <value>]", "--tags (list)", "Key=string,Value=string ...",
                "--compute-type (string)", "o ANYWHERE", "--anywhere-configuration (structure)", "Cost=string",
                "\"Cost\": \"string\"");
    }

    @Test
    void operationHelp_ofAPaginatedOperation_offersThePagingOptions() {
        String out = gatepass("gamelift", "list-fleets", "help").out();

        assertThat(out).contains("[--starting-token <value>]", "[--page-size <value>]", "[--max-items <value>]")
                .doesNotContain("--next-token");
    }

    @Test
    void booleanOptions_showTheirNegation() {
        assertThat(gatepass("iam", "create-login-profile", "help").out())
                .contains("[--password-reset-required | --no-password-reset-required]");
    }

    @Test
    void version_namesGatepassJavaAndTheSystem() {
        CliRun.Result result = gatepass("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).matches("gatepass/\\d+\\.\\d+\\.\\d+ Java/\\S+ \\S+/\\S+ \\S+\n");
    }

    @Test
    void inputSkeleton_usesEnumsFirstValuesAndEmptyValues() {
        CliRun.Result result = gatepass("gamelift", "create-fleet", "--generate-cli-skeleton", "input");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("{\n    \"Name\": \"\",\n    \"Description\": \"\",\n")
                .contains("    \"LogPaths\": [\n        \"\"\n    ],\n")
                .contains("    \"EC2InstanceType\": \"t2.micro\",\n")
                .contains("            \"FromPort\": 0,\n", "            \"Protocol\": \"TCP\"\n")
                .contains("    \"FleetType\": \"ON_DEMAND\",\n");
    }

    @Test
    void yamlInputSkeleton_isYamlInModelOrder_commentedLikeAws() {
        CliRun.Result result = gatepass("gamelift", "get-compute-auth-token", "--generate-cli-skeleton",
                "yaml-input");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("FleetId: ''  # [REQUIRED]\nComputeName: '' # [REQUIRED]\n");
    }

    @Test
    void yamlInputSkeleton_nestsListsOfStructures_withEnumValues() {
        String out = gatepass("gamelift", "create-fleet", "--generate-cli-skeleton", "yaml-input").out();

        assertThat(out).startsWith("Name: ''  # [REQUIRED]\n")
                .contains("\n- FromPort: 0  # [REQUIRED]\n  ToPort: 0 # [REQUIRED]\n")
                .contains("  Protocol: TCP # [REQUIRED] Valid values are: TCP, UDP.\n")
                .contains("\n  ServerProcesses:\n  - LaunchPath: ''  # [REQUIRED]\n");
    }

    /** aws adds the AWS documentation to each comment, which Gatepass does not ship; the YAML itself agrees. */
    @Test
    void yamlInputSkeleton_isAwsV2sYaml_withoutTheDocumentation() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/aws")), "aws v2 not installed");
        CliRun run = CliRun.inHome(home);

        CliRun.Result theirs = run.aws(Path.of("/usr/bin/aws"), "codeartifact", "get-authorization-token",
                "--generate-cli-skeleton", "yaml-input");
        CliRun.Result mine = run.gatepass("codeartifact", "get-authorization-token", "--generate-cli-skeleton",
                "yaml-input");

        assertThat(mine.exitCode()).isEqualTo(theirs.exitCode()).isZero();
        assertThat(mine.out()).isEqualTo(theirs.out()
                .replaceAll("(?m)(# \\[REQUIRED\\]) .*$", "$1")
                .replaceAll("(?m) # [^\\[].*$", ""));
    }

    @Test
    void operationHelp_listsEveryOptionWithItsType() {
        assertThat(gatepass("gamelift", "get-compute-auth-token", "help").out())
                .contains("DESCRIPTION\n       Calls the gamelift GetComputeAuthToken operation.\n")
                .contains("--fleet-id (string) [required]\n")
                .contains("--compute-name (string) [required]\n");
    }

    @Test
    void skeletonWithAnUnknownChoice_isAUsageError() {
        CliRun.Result result = gatepass("gamelift", "get-compute-auth-token", "--generate-cli-skeleton", "json");

        assertThat(result.exitCode()).isEqualTo(252);
        assertThat(result.err()).contains("argument --generate-cli-skeleton: Invalid choice, valid choices are:");
    }

    @Test
    void autoPrompt_asksForMissingRequiredParametersOnATerminal() {
        CliRun.Result result = CliRun.inHome(home).terminal(true).stdin("fleet-1\ncompute-1\n")
                .gatepass("gamelift", "get-compute-auth-token", "--cli-auto-prompt", "--generate-cli-skeleton",
                        "output");

        assertThat(result.err()).isEqualTo("--fleet-id (string): --compute-name (string): ");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("\"AuthToken\": \"AuthToken\"");
    }

    @Test
    void autoPrompt_isOffWithoutATerminal() {
        CliRun.Result result = CliRun.inHome(home).env("AWS_CLI_AUTO_PROMPT", "on").stdin("x\n")
                .gatepass("gamelift", "get-compute-auth-token");

        assertThat(result.exitCode()).isEqualTo(252);
        assertThat(result.err()).contains("the following arguments are required: --fleet-id, --compute-name");
    }
}
