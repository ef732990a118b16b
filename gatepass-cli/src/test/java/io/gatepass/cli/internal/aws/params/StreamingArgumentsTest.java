package io.gatepass.cli.internal.aws.params;

import io.gatepass.cli.internal.aws.CliException;
import io.gatepass.cli.internal.aws.model.AwsService;
import io.gatepass.cli.internal.aws.model.OperationModel;
import io.gatepass.cli.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the streaming operations' command lines read, as aws's argparse reads them: the positional outfile of
 * get-package-version-asset, the --asset-content path of publish-package-version, what is missing, and their help.
 * No server: everything here fails or prints before a request would be sent.
 */
class StreamingArgumentsTest {

    private static final List<String> GET = List.of("--domain", "d1", "--repository", "r1", "--format", "generic",
            "--package", "p", "--package-version", "1.0", "--asset", "a.txt");

    @TempDir
    Path home;

    private OperationArguments parse(String operationName, List<String> args) {
        OperationModel operation = AwsService.CODEARTIFACT.operation(operationName).orElseThrow();
        return OperationArguments.parse(operation, args, new ArgumentValues(new ParamFile(home, Map.of())));
    }

    private static List<String> with(List<String> first, String... more) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void outfile_isTheFirstWordNoOptionTakes_wherever_itStands() {
        OperationArguments after = parse("get-package-version-asset", with(GET, "out.txt", "extra.txt"));
        List<String> before = new java.util.ArrayList<>(List.of("out.txt"));
        before.addAll(GET);

        assertThat(after.outfile()).isEqualTo("out.txt");
        assertThat(after.unknown()).containsExactly("extra.txt");
        assertThat(parse("get-package-version-asset", before).outfile()).isEqualTo("out.txt");
        assertThat(after.parameters().has("asset")).isTrue();
    }

    @Test
    void loneDash_isAFileName_notAnOption() {
        OperationArguments arguments = parse("get-package-version-asset", with(GET, "-"));

        assertThat(arguments.outfile()).isEqualTo("-");
        assertThat(arguments.unknown()).isEmpty();
    }

    @Test
    void unknownOptions_areNotTakenForTheOutfile() {
        OperationArguments arguments = parse("get-package-version-asset", with(GET, "--bogus", "out.txt"));

        assertThat(arguments.outfile()).isEqualTo("out.txt");
        assertThat(arguments.unknown()).containsExactly("--bogus");
    }

    @Test
    void missingOutfile_isListedAfterTheMissingOptions() {
        CliRun.Result result = CliRun.inHome(home).gatepass("codeartifact", "get-package-version-asset",
                "--domain", "d1", "--repository", "r1", "--format", "generic", "--package", "p",
                "--package-version", "1.0");

        assertThat(result.exitCode()).isEqualTo(252);
        assertThat(result.err())
                .endsWith("gatepass: error: the following arguments are required: --asset, outfile\n\n");
    }

    @Test
    void assetContent_takesOnePath_andIsNotARequestMember() {
        OperationArguments arguments = parse("publish-package-version", List.of("--asset-content", "build.zip",
                "--asset-name", "build.zip"));

        assertThat(arguments.streamingInput()).isEqualTo("build.zip");
        assertThat(arguments.parameters().has("assetContent")).isFalse();
        assertThat(arguments.outfile()).isNull();
    }

    @Test
    void missingAssetContent_isListedInModelOrder() {
        CliRun.Result result = CliRun.inHome(home).gatepass("codeartifact", "publish-package-version",
                "--domain", "d1", "--repository", "r1", "--format", "generic", "--package", "p",
                "--package-version", "1.0", "--asset-sha256", "00");

        assertThat(result.exitCode()).isEqualTo(252);
        assertThat(result.err()).endsWith(
                "gatepass: error: the following arguments are required: --asset-content, --asset-name\n\n");
    }

    @Test
    void assetContentPath_expandsVariablesAndHome_asPythonDoes() throws Exception {
        Path file = Files.writeString(home.resolve("build.zip"), "zip");
        ParamFile files = new ParamFile(home, Map.of());

        assertThat(StreamingInputFile.resolve("--asset-content", "~/build.zip", files, home, Map.of()))
                .isEqualTo(file);
        assertThat(StreamingInputFile.resolve("--asset-content", "${OUT}/build.zip", files, home,
                Map.of("OUT", home.toString()))).isEqualTo(file);
        assertThatThrownBy(() -> StreamingInputFile.resolve("--asset-content", "$UNSET/build.zip", files, home,
                Map.of()))
                .isInstanceOf(CliException.class)
                .hasMessage("Error parsing parameter '--asset-content': Blob values must be a path to a file.");
    }

    @Test
    void fileUrlOfABinaryFile_failsAsAParamFile() throws Exception {
        Path file = Files.write(home.resolve("build.zip"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});

        assertThatThrownBy(() -> StreamingInputFile.resolve("--asset-content", "file://" + file,
                new ParamFile(home, Map.of()), home, Map.of()))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("Error parsing parameter '--asset-content': Unable to load paramfile (" + file
                        + "), text contents could not be decoded.");
    }

    @Test
    void publishSkeleton_holdsAssetContentAsNull_inModelOrder() {
        CliRun.Result result = CliRun.inHome(home).gatepass("codeartifact", "publish-package-version",
                "--generate-cli-skeleton");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains(
                "    \"packageVersion\": \"\",\n    \"assetContent\": null,\n    \"assetName\": \"\",\n");
    }

    @Test
    void inputDocumentWithoutAssetContent_failsValidationAsBotocore() {
        CliRun.Result result = CliRun.inHome(home).gatepass("codeartifact", "publish-package-version",
                "--cli-input-json", "{\"domain\": \"d1\", \"repository\": \"r1\", \"format\": \"generic\", "
                        + "\"package\": \"p\", \"packageVersion\": \"1\", \"assetName\": \"a\", "
                        + "\"assetSHA256\": \"00\"}");

        assertThat(result.exitCode()).isEqualTo(252);
        assertThat(result.err())
                .isEqualTo("\nParameter validation failed:\nMissing required parameter in input: \"assetContent\"\n");
    }

    @Test
    void getHelp_listsTheOutfile_andNoInputDocuments() {
        CliRun.Result result = CliRun.inHome(home).gatepass("codeartifact", "get-package-version-asset", "help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("          [--package-version-revision <value>]\n          <outfile>\n",
                "outfile (string) Filename where the content will be saved")
                .doesNotContain("--cli-input-json", "--generate-cli-skeleton");
    }

    @Test
    void publishHelp_listsAssetContentWhereAwsDoes_asAStreamingBlob() {
        CliRun.Result result = CliRun.inHome(home).gatepass("codeartifact", "publish-package-version", "help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains(
                "          --package-version <value>\n          --asset-content <value>\n"
                        + "          --asset-name <value>\n",
                "--asset-content (streaming blob) [required]", "must not be prefixed with file:// or fileb://",
                "[--cli-input-json | --cli-input-yaml]");
    }
}
