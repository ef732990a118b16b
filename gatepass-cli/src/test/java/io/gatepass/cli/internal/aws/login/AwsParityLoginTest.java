package io.gatepass.cli.internal.aws.login;

import io.gatepass.cli.internal.aws.login.LoginHarness.Outcome;
import io.gatepass.cli.testing.CliRun;
import io.gatepass.cli.testing.CliTestServer;
import io.gatepass.core.token.Verification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static io.gatepass.cli.internal.aws.login.LoginHarness.mask;
import static io.gatepass.cli.internal.aws.login.LoginHarness.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * npm, pip and twine configured by {@code gatepass codeartifact login} exactly as by {@code aws codeartifact login}
 * (v2): both run against the same server in twin private homes, with the real npm and pip, and leave the same files
 * and print the same lines, tokens aside.
 */
class AwsParityLoginTest {

    private static final String DOMAIN = "parity";
    private static final String REPOSITORY = "libs";
    private static final String[] REPO = {"--domain", DOMAIN, "--repository", REPOSITORY};
    private static final AtomicInteger HOMES = new AtomicInteger();

    @TempDir
    static Path dir;
    static CliTestServer server;
    static CodeartifactClient client;

    @BeforeAll
    static void start() {
        server = CliTestServer.start(dir.resolve("data"));
        client = LoginHarness.client(server);
        LoginHarness.createRepository(client, DOMAIN, REPOSITORY);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void npm_login_writesTheSameNpmrcAsAws() {
        Twins twins = twins();
        Outcome ours = twins.gatepass("--tool", "npm");
        Outcome theirs = twins.aws("--tool", "npm");

        assertSameSuccess(ours, theirs);
        assertThat(ours.out()).startsWith("Successfully configured npm to use AWS CodeArtifact repository "
                + endpoint("npm") + " \nLogin expires in 12 hours at ");
        String npmrc = read(twins.ours.home().resolve(".npmrc"));
        assertThat(mask(npmrc)).isEqualTo(mask(read(twins.theirs.home().resolve(".npmrc"))))
                .contains("registry=" + endpoint("npm"));
        assertTokenIsValid(npmrc);
    }

    @Test
    void npm_withNamespace_setsTheSameScopedRegistryAsAws() {
        Twins twins = twins();
        assertSameSuccess(twins.gatepass("--tool", "npm", "--namespace", "team"),
                twins.aws("--tool", "npm", "--namespace", "team"));
        assertThat(mask(read(twins.ours.home().resolve(".npmrc"))))
                .isEqualTo(mask(read(twins.theirs.home().resolve(".npmrc"))))
                .contains("@team:registry=" + endpoint("npm"));
    }

    @Test
    void pip_login_writesTheSamePipConfAsAws() {
        Twins twins = twins();
        assertSameSuccess(twins.gatepass("--tool", "pip"), twins.aws("--tool", "pip"));
        String pipConf = read(twins.ours.home().resolve(".config/pip/pip.conf"));
        assertThat(mask(pipConf)).isEqualTo(mask(read(twins.theirs.home().resolve(".config/pip/pip.conf"))))
                .contains("index-url = http://aws:<token>@" + endpoint("pypi").substring("http://".length())
                        + "simple/");
        assertTokenIsValid(pipConf);
    }

    @Test
    void twine_withoutPypirc_writesTheSameFileAsAws_readableByItsOwnerOnly() throws Exception {
        Twins twins = twins();
        assertSameSuccess(twins.gatepass("--tool", "twine"), twins.aws("--tool", "twine"));
        Path pypirc = twins.ours.home().resolve(".pypirc");
        assertThat(mask(read(pypirc))).isEqualTo(mask(read(twins.theirs.home().resolve(".pypirc"))));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pypirc))).isEqualTo("rw-------");
        assertTokenIsValid(read(pypirc));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[distutils]\nindex-servers =\n    pypi\n    private\n\n# the team's own index\n[private]\nrepository: "
                    + "https://pypi.example.com/\nUserName = me\n\n[pypi]\nusername = __token__\n",
            "[distutils]\nindex-servers=pypi codeartifact\n[codeartifact]\nrepository = https://old.example/\n"
                    + "password = old\nextra = kept\n",
            "[DEFAULT]\nusername = everyone\n[distutils]\nindex-servers =\n\tcodeartifact\n\n\tpypi\n; trailing\n",
            "[distutils]\n  index-servers = pypi\n    local\n[pypi]\nkey = a: b = c\nmulti = one\n\n  two\n\n",
    })
    void twine_withExistingPypirc_rewritesItAsAwsDoes(String existing) {
        Twins twins = twins();
        twins.ours.file(".pypirc", existing);
        twins.theirs.file(".pypirc", existing);
        assertSameSuccess(twins.gatepass("--tool", "twine"), twins.aws("--tool", "twine"));
        assertThat(mask(read(twins.ours.home().resolve(".pypirc"))))
                .isEqualTo(mask(read(twins.theirs.home().resolve(".pypirc"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[pypi]\nusername = me\n", "index-servers = pypi\n", "[distutils]\nnot an option\n",
            "[distutils]\nindex-servers = a\n[x]\n[x]\n", "[pypi]\n[distutils]\nkey = 1\n"})
    void twine_withPypircAwsCannotRead_failsAsAws_andLeavesTheFile(String existing) {
        Twins twins = twins();
        twins.ours.file(".pypirc", existing);
        twins.theirs.file(".pypirc", existing);
        Outcome ours = twins.gatepass("--tool", "twine");
        Outcome theirs = twins.aws("--tool", "twine");
        assertThat(ours.masked()).isEqualTo(theirs.masked());
        assertThat(ours.exitCode()).isEqualTo(255);
        assertThat(mask(read(twins.ours.home().resolve(".pypirc")))).isEqualTo(existing);
    }

    @ParameterizedTest
    @ValueSource(strings = {"npm", "pip", "twine"})
    void dryRun_printsWhatAwsPrints_andWritesNothing(String tool) throws Exception {
        Twins twins = twins();
        Outcome ours = twins.gatepass("--tool", tool, "--dry-run");
        Outcome theirs = twins.aws("--tool", tool, "--dry-run");
        assertThat(ours.masked()).isEqualTo(theirs.masked());
        String hostAndPath = endpoint(tool.equals("npm") ? "npm" : "pypi").substring("http://".length());
        assertThat(mask(ours.out())).contains(hostAndPath);
        try (var files = Files.list(twins.ours.home())) {
            assertThat(files.map(p -> p.getFileName().toString())).isEmpty();
        }
    }

    @Test
    void dryRun_printsTheTokenAsAwsDoes_aValidOne() {
        Outcome ours = twins().gatepass("--tool", "npm", "--dry-run");
        assertTokenIsValid(ours.out());
    }

    @Test
    void durationSeconds_900_expiresInFifteenMinutes_andSaysSoAsAws() {
        Twins twins = twins();
        Outcome ours = twins.gatepass("--tool", "twine", "--duration-seconds", "900");
        assertSameSuccess(ours, twins.aws("--tool", "twine", "--duration-seconds", "900"));
        assertThat(ours.out()).contains("\nLogin expires in 15 minutes at ");
        Instant expiry = ((Verification.Valid) server.server().repositoryTokenVerifier()
                .verify(LoginHarness.token(read(twins.ours.home().resolve(".pypirc"))))).expiry();
        assertThat(Instant.now().plusSeconds(900).getEpochSecond() - expiry.getEpochSecond()).isBetween(0L, 60L);
        // seconds always printed, as Python prints them (LocalDateTime.toString drops ":00")
        assertThat(ours.out()).endsWith(" at " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(expiry.atOffset(ZoneOffset.UTC)) + "+00:00\n");
    }

    @Test
    void durationSecondsZero_isLeftOut_soTheDefaultTwelveHoursApply() {
        Outcome ours = twins().gatepass("--tool", "twine", "--duration-seconds", "0");
        assertThat(ours.out()).contains("\nLogin expires in 12 hours at ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "--tool npm --domain nowhere --repository libs",
            "--tool npm --domain parity --repository nothing",
            "--tool twine --domain parity --repository libs --duration-seconds 10",
            "--tool npm --domain parity --repository libs --domain-owner 999988887777",
            "--tool pip --domain parity --repository libs --namespace team",
            "--tool npm --domain parity --repository libs --namespace _team",
            "--tool npm --domain parity --repository libs --duration-seconds soon",
    })
    void failures_reportAwsMessageAndExitCode(String line) {
        Twins twins = twins();
        Outcome ours = twins.gatepass(line.split(" "));
        Outcome theirs = twins.aws(line.split(" "));
        assertThat(ours.masked()).isEqualTo(theirs.masked());
        assertThat(ours.exitCode()).isIn(254, 255);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--repository libs", "--tool npm --repository libs", "--tool pip --domain parity",
            "--domain parity --repository libs --tool"})
    void usageErrors_exit252_withAwsWording(String line) {
        Twins twins = twins();
        Outcome ours = twins.gatepass(line.split(" "));
        Outcome theirs = twins.aws(line.split(" "));
        assertThat(ours.exitCode()).isEqualTo(theirs.exitCode()).isEqualTo(252);
        assertThat(theirs.err()).contains("aws: error: " + ours.err());
    }

    @Test
    void failingToolCommand_isReportedAsAws_withTheTokenRedacted() throws Exception {
        Twins twins = twins();
        Path bin = Files.createDirectories(dir.resolve("failing-bin"));
        Path pip = bin.resolve("pip");
        Files.writeString(pip, "#!/bin/sh\necho \"refused $*\" >&2\nexit 3\n");
        pip.toFile().setExecutable(true);
        twins.ours.env("PATH", bin + ":" + LoginHarness.PATH);
        twins.theirs.env("PATH", bin + ":" + LoginHarness.PATH);
        Outcome ours = twins.gatepass("--tool", "pip");
        Outcome theirs = twins.aws("--tool", "pip");

        assertThat(ours.exitCode()).isEqualTo(theirs.exitCode()).isEqualTo(255);
        assertThat(LoginHarness.TOKEN_PATTERN.matcher(ours.err()).find()).as("the token is in the message").isFalse();
        assertThat(ours.err().replace("<redacted>", "<token>")).isEqualTo(mask(theirs.err()))
                .startsWith("Command '['pip', 'config', 'set', 'global.index-url', 'http://aws:<token>@");
    }

    @ParameterizedTest
    @ValueSource(strings = {"npm", "pip"})
    void toolNotOnPath_isReportedAsAwsReportsIt(String tool) throws Exception {
        Twins twins = twins();
        Path emptyBin = Files.createDirectories(dir.resolve("empty-bin"));
        twins.ours.env("PATH", emptyBin.toString());
        twins.theirs.env("PATH", emptyBin.toString());
        Outcome ours = twins.gatepass("--tool", tool);
        assertThat(ours).isEqualTo(twins.aws("--tool", tool));
        assertThat(ours.err()).isEqualTo(tool + " was not found. Please verify installation.");
        assertThat(ours.exitCode()).isEqualTo(255);
    }

    private static String endpoint(String format) {
        return server.endpoint() + "/codeartifact/" + DOMAIN + "-" + CliTestServer.ACCOUNT + "/" + format + "/"
                + REPOSITORY + "/";
    }

    private static void assertTokenIsValid(String text) {
        assertThat(server.server().repositoryTokenVerifier().verify(LoginHarness.token(text)).isValid())
                .as("the token written is one the server accepts").isTrue();
    }

    /** Same exit code and stderr, and the same stdout once the expiry times (seconds apart) are masked. */
    private static void assertSameSuccess(Outcome ours, Outcome theirs) {
        assertThat(theirs.exitCode()).as("aws: " + mask(theirs.err())).isZero();
        assertThat(ours.exitCode()).as("gatepass: " + mask(ours.err())).isZero();
        assertThat(maskTime(ours.out())).isEqualTo(maskTime(theirs.out()));
        assertThat(ours.out()).matches("(?s).* at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\+00:00\n");
    }

    private static String maskTime(String text) {
        return text.replaceAll(" at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d+)?[+-]\\d\\d:\\d\\d",
                " at <time>");
    }

    private static Twins twins() {
        int n = HOMES.incrementAndGet();
        return new Twins(LoginHarness.home(server, dir.resolve("gatepass-" + n)),
                LoginHarness.home(server, dir.resolve("aws-" + n)));
    }

    /** Two private homes: one for gatepass, one for aws. */
    private record Twins(CliRun ours, CliRun theirs) {
        Outcome gatepass(String... args) {
            return homeless(LoginHarness.gatepass(client, ours, withRepository(args)), ours);
        }

        Outcome aws(String... args) {
            return homeless(LoginHarness.aws(server, theirs, withRepository(args)), theirs);
        }

        /** The outcome with the home directory written as "~", so the twins' outcomes compare. */
        private static Outcome homeless(Outcome outcome, CliRun run) {
            String home = run.home().toString();
            return new Outcome(outcome.exitCode(), outcome.out().replace(home, "~"),
                    outcome.err() == null ? null : outcome.err().replace(home, "~"));
        }

        private static String[] withRepository(String[] args) {
            String line = String.join(" ", args);
            if (line.contains("--domain") || line.contains("--repository")) {
                return args;
            }
            String[] all = new String[args.length + REPO.length];
            System.arraycopy(args, 0, all, 0, args.length);
            System.arraycopy(REPO, 0, all, args.length, REPO.length);
            return all;
        }
    }
}
