package io.gatepass.cli;

import io.gatepass.cli.testing.CliRun;
import io.gatepass.cli.testing.CliTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * CodeArtifact's two streaming operations through gatepass against a real server, beside the aws CLI:
 * get-package-version-asset (body saved to the positional outfile, the other members printed) against aws v2, byte
 * for byte; publish-package-version (body streamed from the --asset-content path) against aws v1, because Debian's
 * aws 2.9.19 predates that operation: the same stdout and error text, with aws v2's exit codes (252 bad parameters,
 * 254 service errors) where v1 exits 255.
 */
class StreamingOperationsParityTest {

    private static final String DOMAIN = "streams";
    private static final String REPOSITORY = "files";
    /** The one asset the get tests read: small, text, published once. */
    private static final byte[] NOTES = "release notes\nline two\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dataDir;
    @TempDir
    static Path home;
    @TempDir
    static Path files;
    static CliTestServer server;
    static CliRun run;

    @BeforeAll
    static void start() throws Exception {
        AwsClis.assumeOrFail(AwsClis.v2(), "aws-cli/2");
        // multi-megabyte assets: today's server buffers API bodies up to --max-body-bytes
        server = CliTestServer.start(dataDir, 8 * 1024 * 1024);
        run = CliRun.against(server, home);
        succeed("codeartifact", "create-domain", "--domain", DOMAIN);
        succeed("codeartifact", "create-repository", "--domain", DOMAIN, "--repository", REPOSITORY);
        Path notes = Files.write(files.resolve("notes.txt"), NOTES);
        CliRun.Result published = gatepass(publish("docs", "1.0", notes.toString(), "notes.txt", sha256(NOTES)));
        assertThat(published.exitCode()).as(published.err()).isZero();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void publishThenGet_multiMegabyteFile_comesBackByteForByte() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(20261206L).nextBytes(content);
        Path upload = Files.write(files.resolve("game-build.zip"), content);
        String sha256 = sha256(content);

        CliRun.Result published = gatepass(publish("game-build", "2.4.1", upload.toString(), "game-build.zip", sha256,
                "--query", "asset.[size,hashes.\"SHA-256\"]", "--output", "text"));
        Path download = files.resolve("downloaded.zip");
        CliRun.Result fetched = gatepass(get("game-build", "2.4.1", "game-build.zip", download.toString(),
                "--query", "assetName", "--output", "text"));

        assertThat(published.exitCode()).as(published.err()).isZero();
        assertThat(published.out()).isEqualTo(content.length + "\t" + sha256 + "\n");
        assertThat(fetched.exitCode()).as(fetched.err()).isZero();
        assertThat(fetched.out()).isEqualTo("game-build.zip\n");
        assertThat(Files.mismatch(upload, download)).isEqualTo(-1L);
        assertThat(sha256(Files.readAllBytes(download))).isEqualTo(sha256);
    }

    @Test
    void getPackageVersionAsset_savesTheBodyAndPrintsTheRest_asAwsV2Does() throws Exception {
        List<List<String>> variants = List.of(List.of("--output", "json"), List.of("--output", "text"),
                List.of("--output", "table"), List.of("--output", "yaml"), List.of("--output", "yaml-stream"),
                List.of("--query", "[assetName,packageVersion]", "--output", "text"),
                List.of("--package-version-revision", revision("docs", "1.0"), "--output", "yaml"));
        assertSoftly(softly -> {
            for (int i = 0; i < variants.size(); i++) {
                Path awsFile = longerFile("aws-" + i + ".txt");
                Path gatepassFile = longerFile("gatepass-" + i + ".txt");
                CliRun.Result aws = run.aws(AwsClis.v2(), get("docs", "1.0", "notes.txt", awsFile.toString(),
                        variants.get(i).toArray(String[]::new)));
                CliRun.Result gatepass = gatepass(get("docs", "1.0", "notes.txt", gatepassFile.toString(),
                        variants.get(i).toArray(String[]::new)));
                softly.assertThat(aws.exitCode()).as("aws %s: %s", variants.get(i), aws.err()).isZero();
                softly.assertThat(gatepass.out()).as("gatepass %s: %s", variants.get(i), gatepass.err())
                        .isEqualTo(aws.out());
                softly.assertThat(gatepass.exitCode()).isZero();
                // an existing, longer file is overwritten, as Python's open(outfile, 'wb') does
                softly.assertThat(read(gatepassFile)).isEqualTo(NOTES).isEqualTo(read(awsFile));
            }
        });
    }

    @Test
    void missingOutfile_isTheUsageErrorAwsV2Gives() {
        assertSameAsAwsV2(252, get("docs", "1.0", "notes.txt", null));
        assertSameAsAwsV2(252, new String[] {"--endpoint-url", server.endpoint(), "codeartifact",
            "get-package-version-asset", "--domain", DOMAIN, "--repository", REPOSITORY, "--format", "generic",
            "--package", "docs", "--package-version", "1.0"});
    }

    @Test
    void extraWordsAndInputDocumentOptions_areUnknownOptions_asForAwsV2() {
        Path first = files.resolve("first.txt");
        assertSameAsAwsV2(252, get("docs", "1.0", "notes.txt", first.toString(), "second.txt"));
        // aws has no input documents for an operation with an outfile: '{}' is then the outfile, the rest unknown
        assertSameAsAwsV2(252, get("docs", "1.0", "notes.txt", "--cli-input-json", "{}", first.toString()));
        assertThat(first).doesNotExist();
    }

    @Test
    void serviceError_isPrintedAsAwsV2Does_andCreatesNoFile() {
        Path awsFile = files.resolve("missing-aws.txt");
        Path gatepassFile = files.resolve("missing-gatepass.txt");
        CliRun.Result aws = run.aws(AwsClis.v2(), get("docs", "1.0", "nope.txt", awsFile.toString()));
        CliRun.Result gatepass = gatepass(get("docs", "1.0", "nope.txt", gatepassFile.toString()));

        assertThat(aws.exitCode()).isEqualTo(254);
        assertThat(gatepass.exitCode()).isEqualTo(254);
        assertThat(gatepass.err()).isEqualTo(aws.err())
                .contains("(ResourceNotFoundException) when calling the GetPackageVersionAsset operation");
        assertThat(awsFile).doesNotExist();
        assertThat(gatepassFile).doesNotExist();
    }

    @Test
    void unsignedRequest_isRefusedAsAwsV2ReportsIt_andCreatesNoFile() {
        Path outfile = files.resolve("unsigned.txt");
        assertSameAsAwsV2(254, get("docs", "1.0", "notes.txt", outfile.toString(), "--no-sign-request"));
        assertThat(outfile).doesNotExist();
    }

    @Test
    void publish_withTemporaryCredentials_signsTheSessionTokenToo() throws Exception {
        String[] keys = succeed("sts", "get-session-token", "--query",
                "Credentials.[AccessKeyId,SecretAccessKey,SessionToken]", "--output", "text").strip().split("\t");
        CliRun temporary = CliRun.against(server, home).env("AWS_ACCESS_KEY_ID", keys[0])
                .env("AWS_SECRET_ACCESS_KEY", keys[1]).env("AWS_SESSION_TOKEN", keys[2]);

        CliRun.Result result = temporary.gatepass(publish("temporary", "1.0", files.resolve("notes.txt").toString(),
                "notes.txt", sha256(NOTES), "--query", "asset.size"));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(NOTES.length + "\n");
    }

    @Test
    void outfileThatCannotBeOpened_failsAsAwsV2Does() throws Exception {
        assertSameAsAwsV2(255, get("docs", "1.0", "notes.txt", files.resolve("no-such-dir/notes.txt").toString()));
        Path directory = Files.createDirectories(files.resolve("a-directory"));
        assertSameAsAwsV2(255, get("docs", "1.0", "notes.txt", directory.toString()));
    }

    @Test
    void publishPackageVersion_printsWhatAwsV1Prints() throws Exception {
        AwsClis.assumeOrFail(AwsClis.v1(), "aws-cli/1");
        String notes = files.resolve("notes.txt").toString();
        String query = "{format:format,namespace:namespace,package:package,status:status,asset:asset}";
        assertSoftly(softly -> {
            // aws v1 has no yaml output; names of one length keep the tables' widths alike
            for (String format : List.of("json", "text", "table")) {
                CliRun.Result aws = run.aws(AwsClis.v1(), publish("by-aws1", format, notes, "notes.txt",
                        sha256(NOTES), "--query", query, "--output", format));
                CliRun.Result gatepass = gatepass(publish("by-gate", format, notes, "notes.txt", sha256(NOTES),
                        "--query", query, "--output", format));
                softly.assertThat(aws.exitCode()).as("aws %s: %s", format, aws.err()).isZero();
                softly.assertThat(gatepass.out()).as("gatepass %s: %s", format, gatepass.err())
                        .isEqualTo(aws.out().replace("by-aws1", "by-gate"));
                softly.assertThat(gatepass.exitCode()).isZero();
            }
        });
    }

    @Test
    void wrongSha256_isTheServicesError_printedAsAwsPrintsIt() throws Exception {
        AwsClis.assumeOrFail(AwsClis.v1(), "aws-cli/1");
        String wrong = "0".repeat(64);
        String notes = files.resolve("notes.txt").toString();
        CliRun.Result aws = run.aws(AwsClis.v1(), publish("mismatch", "1.0", notes, "notes.txt", wrong));
        CliRun.Result gatepass = gatepass(publish("mismatch", "1.0", notes, "notes.txt", wrong));
        CliRun.Result afterwards = gatepass("--endpoint-url", server.endpoint(), "codeartifact",
                "describe-package-version", "--domain", DOMAIN,
                "--repository", REPOSITORY, "--format", "generic", "--namespace", "ns", "--package", "mismatch",
                "--package-version", "1.0");

        assertThat(aws.exitCode()).as(aws.err()).isNotZero();
        assertThat(gatepass.out()).isEmpty();
        assertThat(gatepass.err()).isEqualTo(aws.err())
                .startsWith("\nAn error occurred (").contains("when calling the PublishPackageVersion operation");
        assertThat(gatepass.exitCode()).isEqualTo(254);
        assertThat(afterwards.exitCode()).isEqualTo(254);
        assertThat(afterwards.err()).contains("ResourceNotFoundException");
    }

    @Test
    void assetContentThatIsNotAFile_isAParameterError_asAwsWordsIt() throws Exception {
        AwsClis.assumeOrFail(AwsClis.v1(), "aws-cli/1");
        String sha256 = sha256(NOTES);
        for (String path : List.of(files.resolve("absent.zip").toString(), files.toString(),
                "fileb://" + files.resolve("notes.txt"))) {
            CliRun.Result aws = run.aws(AwsClis.v1(), publish("absent", "1.0", path, "a.zip", sha256));
            CliRun.Result gatepass = gatepass(publish("absent", "1.0", path, "a.zip", sha256));

            assertThat(gatepass.err()).as(path).isEqualTo(aws.err())
                    .isEqualTo("\nError parsing parameter '--asset-content': Blob values must be a path to a file.\n");
            assertThat(gatepass.exitCode()).isEqualTo(252);
        }
    }

    @Test
    void debug_showsTheGivenSha256Signed_andNamesTheBodyWithoutPrintingIt() throws Exception {
        byte[] content = "a body that --debug must not print".getBytes(StandardCharsets.UTF_8);
        Path upload = Files.write(files.resolve("quiet.txt"), content);
        String sha256 = sha256(content);

        CliRun.Result result = gatepass(publish("quiet", "1.0", upload.toString(), "quiet.txt", sha256, "--debug"));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("'x-amz-content-sha256': '" + sha256 + "'",
                        "'Content-Length': '" + content.length + "'", ";x-amz-content-sha256;",
                        "Request body: (streamed from the file, " + content.length + " bytes)")
                .doesNotContain("must not print");
    }

    private static void assertSameAsAwsV2(int exitCode, String[] args) {
        CliRun.Result aws = run.aws(AwsClis.v2(), args);
        CliRun.Result gatepass = run.gatepass(args);
        assertThat(aws.exitCode()).as("aws: %s", aws.err()).isEqualTo(exitCode);
        assertThat(gatepass.exitCode()).as("gatepass: %s", gatepass.err()).isEqualTo(exitCode);
        assertThat(gatepass.err()).isEqualTo(aws.err().replace("aws", "gatepass"));
        assertThat(gatepass.out()).isEqualTo(aws.out());
    }

    private static String[] publish(String pkg, String version, String content, String assetName, String sha256,
                                    String... more) {
        List<String> args = new ArrayList<>(List.of("--endpoint-url", server.endpoint(), "codeartifact",
                "publish-package-version", "--domain", DOMAIN, "--repository", REPOSITORY, "--format", "generic",
                "--namespace", "ns", "--package", pkg, "--package-version", version, "--asset-content", content,
                "--asset-name", assetName, "--asset-sha256", sha256));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** get-package-version-asset of one asset; a null outfile leaves it out. */
    private static String[] get(String pkg, String version, String asset, String outfile, String... more) {
        List<String> args = new ArrayList<>(List.of("--endpoint-url", server.endpoint(), "codeartifact",
                "get-package-version-asset", "--domain", DOMAIN, "--repository", REPOSITORY, "--format", "generic",
                "--namespace", "ns", "--package", pkg, "--package-version", version, "--asset", asset));
        if (outfile != null) {
            args.add(outfile);
        }
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static String revision(String pkg, String version) {
        return succeed("codeartifact", "describe-package-version", "--domain", DOMAIN, "--repository", REPOSITORY,
                "--format", "generic", "--namespace", "ns", "--package", pkg, "--package-version", version,
                "--query", "packageVersion.revision", "--output", "text").strip();
    }

    private static CliRun.Result gatepass(String... args) {
        return run.gatepass(args);
    }

    private static String succeed(String... args) {
        List<String> all = new ArrayList<>(List.of("--endpoint-url", server.endpoint()));
        all.addAll(List.of(args));
        CliRun.Result result = run.gatepass(all.toArray(String[]::new));
        assertThat(result.exitCode()).as("gatepass %s: %s", String.join(" ", args), result.err()).isZero();
        return result.out();
    }

    private static Path longerFile(String name) {
        try {
            return Files.write(files.resolve(name), new byte[NOTES.length * 10]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
