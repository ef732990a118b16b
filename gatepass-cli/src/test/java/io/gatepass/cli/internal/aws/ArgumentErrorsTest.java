package io.gatepass.cli.internal.aws;

import io.gatepass.cli.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Command-line mistakes give aws v2's messages (with gatepass for aws) and exit codes, before any request is sent. */
class ArgumentErrorsTest {

    private static final String USAGE = "\nusage: gatepass [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
            + "To see help text, you can run:\n\n  gatepass help\n  gatepass <command> help\n"
            + "  gatepass <command> <subcommand> help\n\n";

    @TempDir
    Path home;

    private CliRun.Result gatepass(String... args) {
        return CliRun.inHome(home).gatepass(args);
    }

    @Test
    void noCommand_isAUsageError() {
        CliRun.Result result = gatepass();

        assertThat(result.exitCode()).isEqualTo(252);
        assertThat(result.err()).isEqualTo(USAGE + "gatepass: error: the following arguments are required: command\n\n");
    }

    @Test
    void noOperation_isAUsageError() {
        assertThat(gatepass("gamelift").err())
                .isEqualTo(USAGE + "gatepass: error: the following arguments are required: operation\n\n");
    }

    @Test
    void missingRequiredOptions_areListedInModelOrder() {
        CliRun.Result result = gatepass("gamelift", "get-compute-auth-token");

        assertThat(result.exitCode()).isEqualTo(252);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo(USAGE
                + "gatepass: error: the following arguments are required: --fleet-id, --compute-name\n\n");
    }

    @Test
    void unknownOptions_areListedWithTheirValues() {
        CliRun.Result result = gatepass("gamelift", "get-compute-auth-token", "--fleet-id", "a", "--compute-name", "b",
                "--bogus", "1");

        assertThat(result.exitCode()).isEqualTo(252);
        assertThat(result.err()).isEqualTo(USAGE + "Unknown options: --bogus, 1\n\n");
    }

    @Test
    void misspelledOperation_listsChoicesAndTheCloseMatch() {
        CliRun.Result result = gatepass("gamelift", "get-compute-auth-tokn");

        assertThat(result.exitCode()).isEqualTo(252);
        assertThat(result.err()).startsWith(USAGE + "gatepass: error: argument operation: Invalid choice, valid "
                + "choices are:\n\naccept-match                             | claim-game-server                       \n");
        assertThat(result.err()).endsWith("\n\n\nInvalid choice: 'get-compute-auth-tokn', maybe you meant:\n\n"
                + "  * get-compute-auth-token\n\n");
    }

    @Test
    void unknownCommand_listsTheServices() {
        CliRun.Result result = gatepass("gamelft", "list-fleets");

        assertThat(result.exitCode()).isEqualTo(252);
        assertThat(result.err()).contains("argument command: Invalid choice, valid choices are:\n\ncodeartifact")
                .contains("gamelift").endsWith("  * gamelift\n\n");
    }

    @Test
    void optionWithoutItsValue_isAUsageError() {
        assertThat(gatepass("gamelift", "list-fleets", "--output").err())
                .isEqualTo(USAGE + "gatepass: error: argument --output: expected one argument\n\n");
    }

    @Test
    void badShorthand_pointsAtTheProblem() {
        CliRun.Result result = gatepass("gamelift", "create-fleet", "--name", "x", "--anywhere-configuration", "Cost=1,,");

        assertThat(result.exitCode()).isEqualTo(252);
        assertThat(result.err()).isEqualTo("\nError parsing parameter '--anywhere-configuration': Expected: '=', "
                + "received: 'EOF' for input:\nCost=1,,\n        ^\n");
    }

    @Test
    void incompleteListOfStructures_failsValidationLikeBotocore() {
        CliRun.Result result = gatepass("gamelift", "create-fleet", "--name", "x", "--tags", "Key=a", "Value=b");

        assertThat(result.exitCode()).isEqualTo(252);
        assertThat(result.err()).isEqualTo("\nParameter validation failed:\nMissing required parameter in Tags[0]: "
                + "\"Value\"\nMissing required parameter in Tags[1]: \"Key\"\n");
    }

    @Test
    void wrongJsonType_failsValidationWithPythonTypes() {
        CliRun.Result result = gatepass("gamelift", "create-fleet", "--name", "x", "--anywhere-configuration",
                "{\"Cost\": 1}");

        assertThat(result.err()).isEqualTo("\nParameter validation failed:\nInvalid type for parameter "
                + "AnywhereConfiguration.Cost, value: 1, type: <class 'int'>, valid types: <class 'str'>\n");
    }

    @Test
    void unknownMember_namesTheValidOnes() {
        CliRun.Result result = gatepass("gamelift", "create-fleet", "--name", "x", "--anywhere-configuration",
                "Costx=1");

        assertThat(result.err()).isEqualTo("\nParameter validation failed:\nMissing required parameter in "
                + "AnywhereConfiguration: \"Cost\"\nUnknown parameter in AnywhereConfiguration: \"Costx\", must be one "
                + "of: Cost\n");
    }

    @Test
    void notAnIntegerInShorthand_failsLikePythonsInt() {
        CliRun.Result result = gatepass("gamelift", "create-fleet", "--name", "x", "--ec2-inbound-permissions",
                "FromPort=a");

        assertThat(result.exitCode()).isEqualTo(255);
        assertThat(result.err()).isEqualTo("\ninvalid literal for int() with base 10: 'a'\n");
    }

    @Test
    void missingParamFile_namesTheFile() {
        CliRun.Result result = gatepass("gamelift", "create-fleet", "--name", "x", "--certificate-configuration",
                "file:///nonexist");

        assertThat(result.exitCode()).isEqualTo(252);
        assertThat(result.err()).isEqualTo("\nError parsing parameter '--certificate-configuration': Unable to load "
                + "paramfile file:///nonexist: [Errno 2] No such file or directory: '/nonexist'\n");
    }

    @Test
    void bothCliInputs_areRefused() {
        CliRun.Result result = gatepass("gamelift", "get-compute-auth-token", "--cli-input-json", "{}",
                "--cli-input-yaml", "a: b");

        assertThat(result.exitCode()).isEqualTo(252);
        assertThat(result.err()).isEqualTo("\nOnly one --cli-input- parameter may be specified.\n");
    }

    @Test
    void cliInputThatIsNotAnObject_isRefused() {
        assertThat(gatepass("gamelift", "create-fleet", "--name", "x", "--cli-input-json", "[1]").err())
                .isEqualTo("\nError parsing parameter '--cli-input-json': Invalid type: expecting map, received "
                        + "<class 'list'>\n");
    }

    @Test
    void cliInputJson_missingRequiredMemberFailsValidation() {
        CliRun.Result result = gatepass("gamelift", "get-compute-auth-token", "--cli-input-json",
                "{\"FleetId\": \"f\"}");

        assertThat(result.exitCode()).isEqualTo(252);
        assertThat(result.err()).isEqualTo("\nParameter validation failed:\nMissing required parameter in input: "
                + "\"ComputeName\"\n");
    }

    @Test
    void noPaginateWithPagingOptions_isRefused() {
        CliRun.Result result = gatepass("gamelift", "describe-fleet-attributes", "--no-paginate", "--max-items", "2");

        assertThat(result.exitCode()).isEqualTo(252);
        assertThat(result.err()).isEqualTo("\nCannot specify --no-paginate along with pagination arguments: "
                + "--max-items\n");
    }

    @Test
    void pagingOptionThatIsNotANumber_isAUsageError() {
        assertThat(gatepass("gamelift", "list-fleets", "--max-items", "x").err())
                .isEqualTo(USAGE + "gatepass: error: argument --max-items: invalid int value: 'x'\n\n");
    }

    @Test
    void unknownOutputFormat_isRefusedBeforeAnyRequest() {
        CliRun.Result result = CliRun.inHome(home).env("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
                .env("AWS_SECRET_ACCESS_KEY", "secret").env("AWS_DEFAULT_REGION", "us-east-1")
                .gatepass("--endpoint-url", "http://127.0.0.1:1", "gamelift", "list-fleets", "--output", "foo");

        assertThat(result.exitCode()).isEqualTo(252);
        assertThat(result.err()).contains("argument --output: Invalid choice").doesNotContain("Could not connect");
    }

    @Test
    void strayWords_areUnknownOptions() {
        assertThat(gatepass("sts", "get-caller-identity", "extra").err()).endsWith("\nUnknown options: extra\n\n");
    }
}
