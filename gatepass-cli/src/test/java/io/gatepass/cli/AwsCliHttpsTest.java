package io.gatepass.cli;

import io.gatepass.cli.testing.CliTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unmodified AWS CLI (v2 and v1) over the TLS listener, trusting the self-signed certificate from the data dir
 * with {@code --ca-bundle}, as the README tells users to.
 */
class AwsCliHttpsTest {
    @TempDir
    static Path dataDir;
    static CliTestServer server;

    @BeforeAll
    static void start() {
        server = CliTestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void awsCliV2_withCaBundle_callsStsOverHttps() throws Exception {
        AwsClis.assumeOrFail(AwsClis.v2(), "aws-cli/2");
        Result result = aws(AwsClis.v2(), "--ca-bundle", dataDir.resolve("tls/gatepass-cert.pem").toString(),
                "sts", "get-caller-identity", "--query", "Arn", "--output", "text");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output().trim()).isEqualTo("arn:aws:iam::" + CliTestServer.ACCOUNT + ":root");
    }

    @Test
    void awsCliV1_withCaBundle_callsStsOverHttps() throws Exception {
        AwsClis.assumeOrFail(AwsClis.v1(), "aws-cli/1");
        Result result = aws(AwsClis.v1(), "--ca-bundle", server.server().tlsCertificatePath().toString(),
                "sts", "get-caller-identity", "--query", "Arn", "--output", "text");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output().trim()).isEqualTo("arn:aws:iam::" + CliTestServer.ACCOUNT + ":root");
    }

    @Test
    void awsCliV2_withoutCaBundle_refusesTheSelfSignedCertificate() throws Exception {
        AwsClis.assumeOrFail(AwsClis.v2(), "aws-cli/2");
        Result result = aws(AwsClis.v2(), "sts", "get-caller-identity");
        assertThat(result.exitCode()).isEqualTo(255);
        assertThat(result.output()).containsIgnoringCase("certificate verify failed");
    }

    record Result(int exitCode, String output) {
    }

    private static Result aws(Path aws, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(aws.toString(), "--endpoint-url",
                server.server().tlsEndpoint(), "--cli-read-timeout", "30", "--cli-connect-timeout", "10"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", CliTestServer.ADMIN_ID);
        env.put("AWS_SECRET_ACCESS_KEY", CliTestServer.ADMIN_SECRET);
        env.put("AWS_DEFAULT_REGION", CliTestServer.REGION);
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_PAGER", "");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("aws finished").isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
