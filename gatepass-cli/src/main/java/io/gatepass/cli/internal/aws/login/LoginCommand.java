package io.gatepass.cli.internal.aws.login;

import io.gatepass.cli.internal.aws.CliException;
import io.gatepass.cli.internal.aws.CliIo;
import io.gatepass.cli.internal.aws.config.CliConfig;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

import java.util.List;

/**
 * {@code gatepass codeartifact login --tool npm|pip|twine|maven|gradle --domain D [--domain-owner O] --repository R
 * [--namespace N] [--duration-seconds S] [--server-id ID] [--dry-run]}: fetches a token and endpoint and configures
 * the tool as {@code aws codeartifact login} does (maven and gradle, which aws lacks, too). See docs/cli-login.md.
 */
public final class LoginCommand {

    private LoginCommand() {
    }

    /**
     * @param args   the arguments after {@code codeartifact login}, global options already removed
     * @param config resolved global configuration; {@code config.client(CodeartifactClient.builder(), "codeartifact")}
     *               gives the client
     * @return the exit code (0); failures are thrown as {@link CliException} with aws's message and exit code
     */
    public static int run(List<String> args, CliConfig config, CliIo io) {
        if (args.equals(List.of("help"))) {
            io.out().print(LoginHelp.TEXT);
            io.out().flush();
            return 0;
        }
        LoginArguments arguments = LoginArguments.parse(args);
        try (CodeartifactClient client = config.client(CodeartifactClient.builder(), "codeartifact")) {
            return run(arguments, client, io);
        }
    }

    /** The login itself, against a client built elsewhere (tests build one directly). */
    static int run(List<String> args, CodeartifactClient client, CliIo io) {
        return run(LoginArguments.parse(args), client, io);
    }

    private static int run(LoginArguments arguments, CodeartifactClient client, CliIo io) {
        RepositoryAccess access = RepositoryAccess.fetch(client, arguments);
        LoginTool tool = arguments.tool();
        // aws checks --namespace only after both calls; Gatepass keeps that order so the errors match.
        if (!tool.namespaceSupport() && arguments.namespace() != null && !arguments.namespace().isEmpty()) {
            throw CliException.other("Argument --namespace is not supported for " + tool.cliName(), null);
        }
        if (arguments.serverId() != null && tool != LoginTool.MAVEN && tool != LoginTool.GRADLE) {
            throw CliException.other("Argument --server-id is not supported for " + tool.cliName(), null);
        }
        ToolLogin.of(tool).login(new LoginContext(arguments, access, io));
        return 0;
    }
}
