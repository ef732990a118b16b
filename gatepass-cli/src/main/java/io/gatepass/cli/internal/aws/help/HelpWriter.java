package io.gatepass.cli.internal.aws.help;

import io.gatepass.cli.internal.aws.model.AwsService;
import io.gatepass.cli.internal.aws.model.Kind;
import io.gatepass.cli.internal.aws.model.Member;
import io.gatepass.cli.internal.aws.model.Names;
import io.gatepass.cli.internal.aws.model.OperationModel;
import io.gatepass.cli.internal.aws.model.StreamingInput;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code help} at each level, laid out like aws's help pages: {@code gatepass help} (the commands),
 * {@code gatepass <service> help} (its operations), {@code gatepass <service> <operation> help} (synopsis and
 * options with their types, required ones marked, and shorthand and JSON syntax for structures and lists; a streaming
 * input's file path and a streaming output's {@code <outfile>} where aws lists them).
 */
public final class HelpWriter {

    private static final String INDENT = "       ";
    private static final List<String> GLOBAL_SYNOPSIS = List.of("--debug", "--endpoint-url <value>",
            "--no-verify-ssl", "--no-paginate", "--output <value>", "--query <value>", "--profile <value>",
            "--region <value>", "--version <value>", "--color <value>", "--no-sign-request", "--ca-bundle <value>",
            "--cli-read-timeout <value>", "--cli-connect-timeout <value>", "--cli-binary-format <value>",
            "--no-cli-pager", "--cli-auto-prompt", "--no-cli-auto-prompt");

    private final PrintStream out;

    public HelpWriter(PrintStream out) {
        this.out = out;
    }

    /** gatepass help */
    public void top() {
        out.println("GATEPASS()\n\nNAME\n" + INDENT + "gatepass -\n");
        out.println("DESCRIPTION");
        out.println(INDENT + "The  Gatepass  command line: AWS-CLI-compatible commands for the services a");
        out.println(INDENT + "Gatepass server speaks, and the server and agent themselves.\n");
        out.println("SYNOPSIS\n" + INDENT + "gatepass [options] <command> <subcommand> [parameters]\n");
        out.println("OPTIONS");
        for (String option : GLOBAL_SYNOPSIS) {
            out.println(INDENT + option);
        }
        out.println();
        out.println("AVAILABLE SERVICES");
        for (String service : AwsService.cliNames()) {
            out.println(INDENT + "o " + service + "\n");
        }
        out.println("OTHER COMMANDS");
        out.println(INDENT + "o serve: run the Gatepass server\n");
        out.println(INDENT + "o agent: keep a GameLift Anywhere compute's auth token fresh\n");
    }

    /** gatepass <service> help */
    public void service(AwsService service) {
        String name = service.cliName();
        out.println(name.toUpperCase(java.util.Locale.ROOT) + "()\n\nNAME\n" + INDENT + name + " -\n");
        out.println("DESCRIPTION");
        out.println(INDENT + "The " + name + " operations a Gatepass server (or AWS) answers.\n");
        out.println("AVAILABLE COMMANDS");
        for (String operation : service.operations().keySet()) {
            out.println(INDENT + "o " + operation + "\n");
        }
        if (service == AwsService.CODEARTIFACT) {
            out.println(INDENT + "o login\n");
        }
    }

    /** gatepass <service> <operation> help */
    public void operation(OperationModel operation) {
        out.println(operation.cliName().toUpperCase(java.util.Locale.ROOT) + "()\n\nNAME\n" + INDENT
                + operation.cliName() + " -\n");
        out.println("DESCRIPTION");
        out.println(INDENT + "Calls the " + operation.service().cliName() + " " + operation.name() + " operation.\n");
        operation.pagination().ifPresent(p -> out.println(INDENT + operation.cliName()
                + " is a paginated operation. Multiple API calls may be issued in order to retrieve the entire data"
                + "\n" + INDENT + "set of results. You can disable pagination by providing the --no-paginate argument."
                + "\n" + INDENT + "When using --output text and the --query argument on a paginated response, the"
                + "\n" + INDENT + "--query argument must extract data from the results of the following query"
                + "\n" + INDENT + "expressions: " + String.join(", ", p.resultKeys()) + "\n"));
        out.println("SYNOPSIS");
        out.println("            " + operation.cliName());
        List<Member> members = documented(operation);
        StreamingInput streaming = operation.streamingInput().orElse(null);
        boolean outfile = operation.streamingOutput();
        for (Member member : members) {
            if (streaming != null && member.name().equals(streaming.before())) {
                streamingSynopsis(streaming);
            }
            String usage = member.kind() == Kind.BOOLEAN
                    ? member.cliName() + " | --no-" + Names.kebab(member.name())
                    : member.cliName() + " <value>";
            out.println("          " + (member.required() ? usage : "[" + usage + "]"));
        }
        if (streaming != null && streaming.before() == null) {
            streamingSynopsis(streaming);
        }
        if (outfile) {
            out.println("          <outfile>");
        } else {
            out.println("          [--cli-input-json | --cli-input-yaml]");
        }
        if (operation.pagination().isPresent()) {
            out.println("          [--starting-token <value>]");
            if (operation.pagination().get().limitKey() != null) {
                out.println("          [--page-size <value>]");
            }
            out.println("          [--max-items <value>]");
        }
        if (!outfile) {
            out.println("          [--generate-cli-skeleton <value>]");
        }
        for (String option : GLOBAL_SYNOPSIS) {
            out.println("          [" + option + "]");
        }
        out.println();
        out.println("OPTIONS");
        for (Member member : members) {
            if (streaming != null && member.name().equals(streaming.before())) {
                streamingOption(streaming);
            }
            option(member);
        }
        if (streaming != null && streaming.before() == null) {
            streamingOption(streaming);
        }
        if (outfile) {
            out.println(INDENT + "outfile (string) Filename where the content will be saved\n");
            return;
        }
        out.println(INDENT + "--cli-input-json | --cli-input-yaml (string) Reads arguments from the JSON string");
        out.println(INDENT + "provided. The JSON string follows the format provided by --generate-cli-skeleton.");
        out.println(INDENT + "If other arguments are provided on the command line, those values will override");
        out.println(INDENT + "the JSON-provided values.\n");
        out.println(INDENT + "--generate-cli-skeleton (string) Prints a JSON skeleton to standard output without");
        out.println(INDENT + "sending an API request. If provided with no value or the value input, prints a");
        out.println(INDENT + "sample input JSON; yaml-input prints a sample input YAML; output validates the");
        out.println(INDENT + "command inputs and returns a sample output JSON for that command.\n");
    }

    private void streamingSynopsis(StreamingInput streaming) {
        String usage = streaming.cliName() + " <value>";
        out.println("          " + (streaming.required() ? usage : "[" + usage + "]"));
    }

    private void streamingOption(StreamingInput streaming) {
        out.println(INDENT + streaming.cliName() + " (streaming blob)" + (streaming.required() ? " [required]" : ""));
        out.println();
        out.println(INDENT + "This argument is of type: streaming blob. Its value must be the path to a file");
        out.println(INDENT + "(e.g. path/to/file) and must not be prefixed with file:// or fileb://\n");
    }

    private static List<Member> documented(OperationModel operation) {
        List<String> hidden = operation.pagination()
                .map(p -> {
                    List<String> names = new java.util.ArrayList<>(List.of(p.inputToken().split(",")));
                    if (p.limitKey() != null) {
                        names.add(p.limitKey());
                    }
                    return names;
                })
                .orElse(List.of());
        return operation.input().members().stream().filter(m -> !hidden.contains(m.name())).toList();
    }

    private void option(Member member) {
        String type = member.kind() == Kind.LIST ? "list" : member.kind().modelName();
        String heading = member.kind() == Kind.BOOLEAN
                ? member.cliName() + " | --no-" + Names.kebab(member.name()) + " (" + type + ")"
                : member.cliName() + " (" + type + ")";
        out.println(INDENT + heading + (member.required() ? " [required]" : ""));
        List<String> values = member.kind() == Kind.LIST ? member.element().enumValues() : member.enumValues();
        if (!values.isEmpty()) {
            out.println("\n" + INDENT + "Possible values:\n");
            for (String value : values) {
                out.println(INDENT + "o " + value + "\n");
            }
        }
        String shorthand = ShorthandSyntax.of(member);
        if (shorthand != null && !shorthand.isEmpty()) {
            out.println("\n" + INDENT + "Shorthand Syntax:\n");
            out.println(INDENT + "   " + shorthand.replace("\n", "\n" + INDENT + "   "));
        }
        if (!member.kind().scalar()) {
            out.println("\n" + INDENT + "JSON Syntax:\n");
            String json = JsonSyntax.of(member);
            out.println(INDENT + "   " + json.replace("\n", "\n" + INDENT + "   "));
        }
        out.println();
    }
}
