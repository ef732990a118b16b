package io.gatepass.cli.internal.aws.config;

import io.gatepass.cli.internal.aws.CliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.gatepass.cli.internal.aws.config.TestIo.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CliConfigSettingsTest {

    @TempDir
    Path home;

    private TestIo io() {
        return new TestIo(home);
    }

    @Test
    void region_whenFlagEnvAndProfileAllSet_flagWins() {
        TestIo io = io().env("AWS_REGION", "eu-west-1").env("AWS_DEFAULT_REGION", "eu-west-2")
                .file(".aws/config", "[default]\nregion = eu-west-3\n");
        assertThat(io.resolve(options().region("ap-south-1").build()).region()).isEqualTo("ap-south-1");
    }

    @Test
    void region_whenOnlyEnvironmentAndProfile_awsRegionThenDefaultRegionThenProfile() {
        TestIo io = io().file(".aws/config", "[default]\nregion = eu-west-3\n");
        assertThat(io.resolve().region()).isEqualTo("eu-west-3");
        io.env("AWS_DEFAULT_REGION", "eu-west-2");
        assertThat(io.resolve().region()).isEqualTo("eu-west-2");
        io.env("AWS_REGION", "eu-west-1");
        assertThat(io.resolve().region()).isEqualTo("eu-west-1");
    }

    @Test
    void region_whenNothingConfigured_failsWithConfigureHint() {
        CliConfig config = io().resolve();
        assertThatThrownBy(config::region).isInstanceOfSatisfying(CliException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(253);
            assertThat(e.getMessage()).isEqualTo("You must specify a region. You can also configure your region by "
                    + "running \"gatepass configure\".");
        });
    }

    @Test
    void profile_whenChosenByEnvironment_readsItsSectionOfTheConfigFile() {
        TestIo io = io().env("AWS_PROFILE", "dev")
                .file(".aws/config", "[default]\nregion = us-east-1\n\n"
                        + "[profile dev]\nregion = eu-north-1\noutput = text\n");
        CliConfig config = io.resolve();
        assertThat(config.profileName()).isEqualTo("dev");
        assertThat(config.region()).isEqualTo("eu-north-1");
        assertThat(config.output()).isEqualTo("text");
    }

    @Test
    void profile_whenFlagAndEnvironmentDisagree_flagWins() {
        TestIo io = io().env("AWS_PROFILE", "dev").file(".aws/config",
                "[profile dev]\nregion = eu-north-1\n\n[profile prod]\nregion = sa-east-1\n");
        assertThat(io.resolve(options().profile("prod").build()).region()).isEqualTo("sa-east-1");
    }

    @Test
    void profile_whenConfigFileIsElsewhere_followsAwsConfigFile() {
        TestIo io = io().file("elsewhere/cfg", "[profile x]\nregion = ca-central-1\n")
                .env("AWS_CONFIG_FILE", home.resolve("elsewhere/cfg").toString());
        assertThat(io.resolve(options().profile("x").build()).region()).isEqualTo("ca-central-1");
    }

    @Test
    void profile_whenMissing_failsWithAwsMessage() {
        TestIo io = io().file(".aws/config", "[profile dev]\nregion = eu-north-1\n");
        assertThatThrownBy(() -> io.resolve(options().profile("nope").build()))
                .isInstanceOfSatisfying(CliException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(253);
                    assertThat(e.getMessage()).isEqualTo("The config profile (nope) could not be found");
                });
        io.env("AWS_PROFILE", "gone");
        assertThatThrownBy(io::resolve).hasMessage("The config profile (gone) could not be found");
    }

    @Test
    void profile_whenOnlyInCredentialsFile_isFound() {
        TestIo io = io().file(".aws/credentials", "[ci]\naws_access_key_id = AKIACI\naws_secret_access_key = s\n");
        assertThat(io.resolve(options().profile("ci").build()).profileName()).isEqualTo("ci");
    }

    @Test
    void output_followsFlagThenEnvironmentThenProfileThenJson() {
        TestIo io = io();
        assertThat(io.resolve().output()).isEqualTo("json");
        io.file(".aws/config", "[default]\noutput = table\n");
        assertThat(io.resolve().output()).isEqualTo("table");
        io.env("AWS_DEFAULT_OUTPUT", "yaml");
        assertThat(io.resolve().output()).isEqualTo("yaml");
        assertThat(io.resolve(options().output("text").build()).output()).isEqualTo("text");
    }

    @Test
    void output_whenFlagIsNotAChoice_isAParameterErrorListingTheChoices() {
        assertThatThrownBy(() -> io().resolve(options().output("xml").build()))
                .isInstanceOfSatisfying(CliException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(252);
                    assertThat(e.getMessage()).startsWith("argument --output: Invalid choice, valid choices are:\n\n")
                            .contains("json").contains("yaml-stream");
                });
    }

    @Test
    void output_whenProfileNamesAnUnknownFormat_failsLikeAws() {
        TestIo io = io().file(".aws/config", "[default]\noutput = xml\n");
        assertThatThrownBy(io::resolve).hasMessage("Unknown output type: xml");
    }

    @Test
    void binaryFormat_isFlagThenProfileThenBase64() {
        TestIo io = io();
        assertThat(io.resolve().binaryFormat()).isEqualTo("base64");
        io.file(".aws/config", "[default]\ncli_binary_format = raw-in-base64-out\n");
        assertThat(io.resolve().binaryFormat()).isEqualTo("raw-in-base64-out");
        assertThat(io.resolve(options().binaryFormat("base64").build()).binaryFormat()).isEqualTo("base64");
    }

    @Test
    void color_autoFollowsTheTerminal_onAndOffDoNot() {
        assertThat(io().terminal(true).resolve().color()).isTrue();
        assertThat(io().terminal(false).resolve().color()).isFalse();
        assertThat(io().terminal(false).resolve(options().color("on").build()).color()).isTrue();
        assertThat(io().terminal(true).resolve(options().color("off").build()).color()).isFalse();
        assertThatThrownBy(() -> io().resolve(options().color("always").build()))
                .hasMessageStartingWith("argument --color: Invalid choice");
    }

    @Test
    void timeouts_whenNegative_failLikeAws() {
        assertThatThrownBy(() -> io().resolve(options().connectTimeout(-1).build()))
                .hasMessage("Attempted to set connect timeout to -1, but the timeout cannot be set to a value less "
                        + "than or equal to 0.");
    }

    @Test
    void endpoint_followsFlagServiceEnvServicesSectionGlobalEnvProfile() {
        TestIo io = io().file(".aws/config", "[default]\nendpoint_url = http://profile.test\nservices = local\n\n"
                + "[services local]\ngamelift =\n  endpoint_url = http://services.test\n");
        assertThat(io.resolve().endpoint("gamelift")).hasValueSatisfying(
                uri -> assertThat(uri).hasToString("http://services.test"));
        assertThat(io.resolve().endpoint("sts")).hasValueSatisfying(
                uri -> assertThat(uri).hasToString("http://profile.test"));
        io.env("AWS_ENDPOINT_URL", "http://global-env.test");
        assertThat(io.resolve().endpoint("sts").orElseThrow()).hasToString("http://global-env.test");
        assertThat(io.resolve().endpoint("gamelift").orElseThrow()).hasToString("http://services.test");
        io.env("AWS_ENDPOINT_URL_GAMELIFT", "http://service-env.test");
        assertThat(io.resolve().endpoint("gamelift").orElseThrow()).hasToString("http://service-env.test");
        assertThat(io.resolve(options().endpointUrl("http://flag.test").build()).endpoint("gamelift").orElseThrow())
                .hasToString("http://flag.test");
        io.env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        assertThat(io.resolve().endpoint("gamelift")).isEmpty();
    }

    @Test
    void endpoint_whenFlagHasNoScheme_isAParameterError() {
        CliConfig config = io().resolve(options().endpointUrl("localhost:8080").build());
        assertThatThrownBy(() -> config.endpoint("sts")).isInstanceOfSatisfying(CliException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(252);
            assertThat(e.getMessage())
                    .startsWith("Bad value for --endpoint-url \"localhost:8080\": scheme is missing.");
        });
    }

    @Test
    void pager_isAwsPagerThenCliPagerThenPagerThenLess_andNoCliPagerTurnsItOff() {
        TestIo io = io();
        assertThat(io.resolve().pager()).hasValue("less -R");
        io.env("PAGER", "more");
        assertThat(io.resolve().pager()).hasValue("more");
        io.file(".aws/config", "[default]\ncli_pager = most\n");
        assertThat(io.resolve().pager()).hasValue("most");
        io.env("AWS_PAGER", "");
        assertThat(io.resolve().pager()).isEmpty();
        io.env("AWS_PAGER", "cat");
        assertThat(io.resolve().pager()).hasValue("cat");
        assertThat(io.resolve(options().noCliPager().build()).pager()).isEmpty();
    }

    @Test
    void autoPrompt_isFlagThenEnvironmentThenProfileThenOff() {
        TestIo io = io();
        assertThat(io.resolve().autoPrompt()).isEqualTo("off");
        io.file(".aws/config", "[default]\ncli_auto_prompt = on-partial\n");
        assertThat(io.resolve().autoPrompt()).isEqualTo("on-partial");
        io.env("AWS_CLI_AUTO_PROMPT", "on");
        assertThat(io.resolve().autoPrompt()).isEqualTo("on");
        GlobalOptions noPrompt = new GlobalOptions(false, null, false, false, null, null, null, null, null, false,
                null, null, null, null, false, Boolean.FALSE, null, null, null);
        assertThat(io.resolve(noPrompt).autoPrompt()).isEqualTo("off");
    }

    @Test
    void timestampFormat_isIso8601UnlessTheProfileSaysWire() {
        TestIo io = io();
        assertThat(io.resolve().timestampFormat()).isEqualTo("iso8601");
        io.file(".aws/config", "[default]\ncli_timestamp_format = wire\n");
        assertThat(io.resolve().timestampFormat()).isEqualTo("wire");
        io.file(".aws/config", "[default]\ncli_timestamp_format = epoch\n");
        assertThatThrownBy(() -> io.resolve().timestampFormat())
                .hasMessage("Unknown cli_timestamp_format value: epoch, valid values are \"wire\" or \"iso8601\"");
    }

    @Test
    void region_whenMalformed_failsLikeAws() {
        assertThatThrownBy(() -> io().resolve(options().region("us east 1").build()))
                .hasMessage("Provided region_name 'us east 1' doesn't match a supported format.");
    }

    @Test
    void client_forStsWithoutRegion_needsOneOnlyWhenAnEndpointIsConfigured() {
        TestIo io = io().env("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEEXAMPLE01").env("AWS_SECRET_ACCESS_KEY", "x");
        try (var sts = io.resolve().client(software.amazon.awssdk.services.sts.StsClient.builder(), "sts")) {
            assertThat(sts.serviceClientConfiguration().region().id()).isEqualTo("us-east-1");
        }
        io.env("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        CliConfig withEndpoint = io.resolve();
        assertThatThrownBy(() -> withEndpoint.client(software.amazon.awssdk.services.sts.StsClient.builder(), "sts"))
                .hasMessageStartingWith("You must specify a region.");
    }
}
