package io.gatepass.cli.internal.aws.login;

import io.gatepass.cli.internal.aws.CliException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LoginArgumentsTest {

    @Test
    void parse_whenEverythingIsGiven_readsBothSpellingsAndTheLastOccurrenceWins() {
        LoginArguments args = LoginArguments.parse(List.of("--tool", "npm", "--domain=first", "--domain", "team",
                "--domain-owner", "111122223333", "--repository", "libs", "--namespace", "@scope",
                "--duration-seconds", " 900 ", "--dry-run", "--server-id", "id"));

        assertThat(args).isEqualTo(new LoginArguments(LoginTool.NPM, "team", "111122223333", "libs", "@scope", 900,
                true, "id"));
    }

    @Test
    void parse_whenRequiredOptionsAreMissing_namesThemInAwsOrder() {
        assertThat(failure(List.of("--repository", "r")))
                .hasMessage("the following arguments are required: --tool, --domain");
        assertThat(failure(List.of()))
                .hasMessage("the following arguments are required: --tool, --domain, --repository");
        assertThat(failure(List.of()).exitCode()).isEqualTo(CliException.PARAMETER);
    }

    @Test
    void parse_whenTheToolIsUnknown_listsTheChoices_beforeComplainingAboutMissingOptions() {
        CliException failure = failure(List.of("--tool", "NPM"));
        assertThat(failure.exitCode()).isEqualTo(CliException.PARAMETER);
        assertThat(failure.getMessage()).isEqualTo("argument --tool: Invalid choice, valid choices are:\n\n"
                + "%-40s | %-40s\n%-40s | %-40s\n%-40s".formatted("npm", "pip", "twine", "maven", "gradle"));
    }

    @Test
    void parse_whenWordsAreUnknownOrAValueIsMissing_failsAsAws() {
        assertThat(failure(List.of("--tool", "pip", "--domain", "d", "--repository", "r", "--bogus", "x", "y")))
                .hasMessage("Unknown options: --bogus,x,y");
        assertThat(failure(List.of("--tool", "pip", "--domain", "--repository", "r")))
                .hasMessage("argument --domain: expected one argument");
    }

    @Test
    void parse_whenTheDurationIsNotANumber_failsWithExitCode255AsAws() {
        CliException failure = failure(List.of("--tool", "pip", "--domain", "d", "--repository", "r",
                "--duration-seconds", "12h"));
        assertThat(failure.exitCode()).isEqualTo(CliException.OTHER);
        assertThat(failure).hasMessage("invalid literal for int() with base 10: '12h'");
    }

    private static CliException failure(List<String> args) {
        return catchThrowableOfType(CliException.class, () -> LoginArguments.parse(args));
    }
}
