package io.gatepass.cli.internal.aws;

import io.gatepass.cli.internal.aws.call.ClientWarmUp;
import io.gatepass.cli.internal.aws.config.CliConfig;
import io.gatepass.cli.internal.aws.help.HelpWriter;
import io.gatepass.cli.internal.aws.login.LoginCommand;
import io.gatepass.cli.internal.aws.model.AwsService;
import io.gatepass.cli.internal.aws.model.OperationModel;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code gatepass <service> <operation> [options]}: the AWS-CLI-compatible command line. Parses the global options
 * (anywhere on the line, as aws does), finds the operation in the service model, builds the SDK request, calls it,
 * and renders the response.
 */
public final class AwsCommandLine {

    private AwsCommandLine() {
    }

    /** Runs one command line and returns its exit code; never calls System.exit. */
    public static int run(String[] args, CliIo io) {
        try {
            return dispatch(args, io);
        } catch (CliException e) {
            io.err().print(e.stderrText());
            io.err().flush();
            return e.exitCode();
        } catch (RuntimeException e) {
            io.err().print("\n" + e.getMessage() + "\n");
            io.err().flush();
            return CliException.OTHER;
        }
    }

    private static int dispatch(String[] args, CliIo io) {
        GlobalArguments line = GlobalArguments.parse(args, !streamsOutput(GlobalArguments.parse(args, false).rest()));
        if (line.version()) {
            io.out().println(Version.text());
            return 0;
        }
        List<String> rest = line.rest();
        if (rest.isEmpty()) {
            throw CliException.parameter("the following arguments are required: command");
        }
        String command = rest.get(0);
        HelpWriter help = new HelpWriter(io.out());
        if (command.equals("help")) {
            help.top();
            return 0;
        }
        AwsService service = AwsService.byCliName(command)
                .orElseThrow(() -> Choices.invalid("command", command, commands()));
        if (rest.size() < 2) {
            throw CliException.parameter("the following arguments are required: operation");
        }
        String operationName = rest.get(1);
        List<String> operationArgs = rest.subList(2, rest.size());
        if (operationName.equals("help")) {
            help.service(service);
            return 0;
        }
        boolean login = service == AwsService.CODEARTIFACT && operationName.equals("login");
        ClientWarmUp.start(service, login); // a call (or login) follows: its start-up work begins now
        if (login) {
            return LoginCommand.run(List.copyOf(operationArgs), CliConfig.resolve(line.options(), io), io);
        }
        OperationModel operation = service.operation(operationName)
                .orElseThrow(() -> Choices.invalid("operation", operationName, operations(service)));
        if (!operationArgs.isEmpty() && operationArgs.get(0).equals("help")) {
            help.operation(operation);
            return 0;
        }
        return new OperationCommand(operation, line.options(), io).run(operationArgs);
    }

    /** Whether the words name an operation with a streaming output, which takes no input document options. */
    private static boolean streamsOutput(List<String> rest) {
        return rest.size() >= 2 && AwsService.byCliName(rest.get(0)).map(s -> s.streamsOutput(rest.get(1)))
                .orElse(false);
    }

    private static List<String> commands() {
        List<String> commands = new ArrayList<>(AwsService.cliNames());
        commands.add("serve");
        commands.add("agent");
        commands.add("help");
        return commands;
    }

    private static List<String> operations(AwsService service) {
        List<String> operations = new ArrayList<>(service.operations().keySet());
        if (service == AwsService.CODEARTIFACT) {
            operations.add("login");
        }
        operations.add("help");
        return operations;
    }
}
