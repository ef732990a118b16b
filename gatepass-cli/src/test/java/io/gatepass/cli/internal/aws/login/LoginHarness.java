package io.gatepass.cli.internal.aws.login;

import io.gatepass.cli.internal.aws.CliException;
import io.gatepass.cli.internal.aws.CliIo;
import io.gatepass.cli.testing.CliRun;
import io.gatepass.cli.testing.CliTestServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs {@code codeartifact login} in-process against a client for the test server, and the real aws v2 with the same
 * home and environment, so tests compare what both leave behind. Tokens are masked before anything is compared.
 */
final class LoginHarness {

    static final Path AWS_V2 = Path.of("/usr/bin/aws");
    /** Debian's npm and pip; the pyenv shims would look for their versions under HOME. */
    static final String PATH = "/usr/bin:/bin";
    static final Pattern TOKEN_PATTERN = Pattern.compile("gpca2\\.[A-Za-z0-9._~-]+");

    /** What one run printed and returned; {@code err} holds the CliException's message for in-process runs. */
    record Outcome(int exitCode, String out, String err) {
        Outcome masked() {
            return new Outcome(exitCode, mask(out), mask(err));
        }
    }

    private LoginHarness() {
    }

    static CodeartifactClient client(CliTestServer server) {
        return CodeartifactClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(CliTestServer.ADMIN_ID, CliTestServer.ADMIN_SECRET)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    static void createRepository(CodeartifactClient client, String domain, String repository) {
        client.createDomain(b -> b.domain(domain));
        client.createRepository(b -> b.domain(domain).repository(repository));
    }

    /** A private home with the server's credentials and Debian's npm and pip on PATH. */
    static CliRun home(CliTestServer server, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CliRun.against(server, dir).env("PATH", PATH);
    }

    static Outcome gatepass(CodeartifactClient client, CliRun run, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            CliIo io = new CliIo(new ByteArrayInputStream(new byte[0]), outStream, errStream, run.environment(),
                    run.home(), false, false);
            int code;
            String message;
            try {
                code = LoginCommand.run(List.of(args), client, io);
                message = err.toString(StandardCharsets.UTF_8);
            } catch (CliException e) {
                code = e.exitCode();
                message = e.getMessage();
            }
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), message);
        }
    }

    /** aws v2's {@code codeartifact login}; its stderr without the blank line aws puts before an error. */
    static Outcome aws(CliTestServer server, CliRun run, String... args) {
        requireAwsV2();
        List<String> command = new ArrayList<>(List.of("--endpoint-url", server.endpoint(), "codeartifact", "login"));
        command.addAll(List.of(args));
        CliRun.Result result = run.aws(AWS_V2, command.toArray(String[]::new));
        return new Outcome(result.exitCode(), result.out(), result.err().strip());
    }

    static void requireAwsV2() {
        boolean usable = Files.isExecutable(AWS_V2);
        if (!usable && "true".equals(System.getenv("CI"))) {
            fail("aws v2 must be installed at " + AWS_V2 + " on CI");
        }
        assumeTrue(usable, "aws v2 at " + AWS_V2);
    }

    static String mask(String text) {
        return text == null ? null : TOKEN_PATTERN.matcher(text).replaceAll("<token>");
    }

    /** The single token in {@code text}, for checking it with the server; never print it. */
    static String token(String text) {
        var matcher = TOKEN_PATTERN.matcher(text);
        if (!matcher.find()) {
            fail("no token in the text");
        }
        return matcher.group();
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
