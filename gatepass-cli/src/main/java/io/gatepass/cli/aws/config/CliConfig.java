package io.gatepass.cli.aws.config;

import io.gatepass.cli.aws.CliIo;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;

import java.io.PrintStream;

/**
 * The global options resolved the way aws resolves them: flag, then environment (AWS_PROFILE, AWS_REGION /
 * AWS_DEFAULT_REGION, AWS_ENDPOINT_URL[_SERVICE], AWS_PAGER, ...), then the profile in ~/.aws/config and
 * ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE). Bad configuration fails with
 * {@code CliException.configuration} (exit 253).
 */
public final class CliConfig {

    private CliConfig() {
    }

    public static CliConfig resolve(GlobalOptions options, CliIo io) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Region to sign for and to pick endpoints in. */
    public String region() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** json (default), text, table, yaml or yaml-stream: flag, AWS_DEFAULT_OUTPUT, then the profile's output. */
    public String output() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** base64 (default) or raw-in-base64-out. */
    public String binaryFormat() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Whether to colour output (--color on|off|auto; auto means stdout is a terminal). */
    public boolean color() {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * Builds a synchronous SDK client for one service: credentials (static keys, session token, profiles with
     * role_arn + source_profile, or anonymous for --no-sign-request), region, endpoint (--endpoint-url, then
     * AWS_ENDPOINT_URL[_SERVICE] and endpoint_url in the profile), TLS (--no-verify-ssl, --ca-bundle), timeouts,
     * and the --debug trace with secrets redacted.
     *
     * @param serviceId the service id as aws names it in env and config: "gamelift", "codeartifact", "sts", "iam"
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
            B builder, String serviceId) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * Where command output goes: stdout, or the pager (--no-cli-pager, AWS_PAGER, cli_pager; default "less -R")
     * when stdout is a terminal. Closing the stream waits for the pager.
     */
    public PrintStream openOutput() {
        throw new UnsupportedOperationException("not built yet");
    }
}
