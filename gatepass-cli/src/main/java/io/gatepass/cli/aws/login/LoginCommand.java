package io.gatepass.cli.aws.login;

import io.gatepass.cli.aws.CliIo;
import io.gatepass.cli.aws.config.CliConfig;

import java.util.List;

/**
 * {@code gatepass codeartifact login --tool npm|pip|twine|maven|gradle --domain D [--domain-owner O] --repository R
 * [--namespace N] [--duration-seconds S] [--dry-run]}: fetches a token and endpoint and configures the tool as
 * {@code aws codeartifact login} does (maven and gradle, which aws lacks, too).
 */
public final class LoginCommand {

    private LoginCommand() {
    }

    /**
     * @param args   the arguments after {@code codeartifact login}, global options already removed
     * @param config resolved global configuration; {@code config.client(CodeartifactClient.builder(), "codeartifact")}
     *               gives the client
     * @return the exit code
     */
    public static int run(List<String> args, CliConfig config, CliIo io) {
        throw new UnsupportedOperationException("not built yet");
    }
}
