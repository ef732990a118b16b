package io.gatepass.cli.internal.aws;

import io.gatepass.cli.internal.aws.config.GlobalOptions;
import io.gatepass.cli.internal.aws.params.OperationArguments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a command line into aws's global options, which may stand anywhere on the line, and the rest
 * ({@code <service> <operation> [options]}).
 *
 * @param version  --version was given
 * @param rest     the words that are not global options, in order
 */
public record GlobalArguments(GlobalOptions options, boolean version, List<String> rest) {

    private static final Set<String> FLAGS = Set.of("--debug", "--no-verify-ssl", "--no-paginate", "--version",
            "--no-sign-request", "--no-cli-pager", "--cli-auto-prompt", "--no-cli-auto-prompt");
    private static final Set<String> VALUED = Set.of("--endpoint-url", "--output", "--query", "--profile", "--region",
            "--color", "--ca-bundle", "--cli-read-timeout", "--cli-connect-timeout", "--cli-binary-format",
            "--cli-input-json", "--cli-input-yaml");
    private static final Set<String> INPUT_DOCUMENTS = Set.of("--cli-input-json", "--cli-input-yaml",
            "--generate-cli-skeleton");
    private static final List<String> SKELETON_CHOICES = List.of("input", "yaml-input", "output");

    public static GlobalArguments parse(String[] args) {
        return parse(args, true);
    }

    /**
     * @param inputDocuments whether --cli-input-json, --cli-input-yaml and --generate-cli-skeleton are options; aws
     *                       has none of them for an operation with a streaming output, where they are plain words
     */
    public static GlobalArguments parse(String[] args, boolean inputDocuments) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new java.util.HashSet<>();
        List<String> rest = new ArrayList<>();
        String skeleton = null;
        int i = 0;
        while (i < args.length) {
            String arg = args[i++];
            String name = arg;
            String inline = null;
            if (arg.startsWith("--") && arg.contains("=")) {
                name = arg.substring(0, arg.indexOf('='));
                inline = arg.substring(arg.indexOf('=') + 1);
            }
            if (FLAGS.contains(name) && inline == null) {
                flags.add(name);
            } else if (!inputDocuments && INPUT_DOCUMENTS.contains(name)) {
                rest.add(arg);
            } else if (VALUED.contains(name)) {
                if (inline == null) {
                    if (i >= args.length || args[i].startsWith("--")) {
                        throw CliException.parameter("argument " + name + ": expected one argument");
                    }
                    inline = args[i++];
                }
                values.put(name, inline);
            } else if (name.equals("--generate-cli-skeleton")) {
                if (inline == null && i < args.length && (SKELETON_CHOICES.contains(args[i])
                        || (!args[i].startsWith("--") && rest.size() >= 2))) {
                    inline = args[i++];
                }
                skeleton = inline == null ? "input" : inline;
                if (!SKELETON_CHOICES.contains(skeleton)) {
                    throw CliException.parameter("argument --generate-cli-skeleton: Invalid choice, valid choices "
                            + "are:\n\n" + Choices.table(SKELETON_CHOICES));
                }
            } else {
                rest.add(arg);
            }
        }
        if (flags.contains("--cli-auto-prompt") && flags.contains("--no-cli-auto-prompt")) {
            throw CliException.parameter("argument --no-cli-auto-prompt: not allowed with argument --cli-auto-prompt");
        }
        Boolean autoPrompt = flags.contains("--cli-auto-prompt") ? Boolean.TRUE
                : flags.contains("--no-cli-auto-prompt") ? Boolean.FALSE : null;
        GlobalOptions options = new GlobalOptions(flags.contains("--debug"), values.get("--endpoint-url"),
                flags.contains("--no-verify-ssl"), flags.contains("--no-paginate"), values.get("--output"),
                values.get("--query"), values.get("--profile"), values.get("--region"), values.get("--color"),
                flags.contains("--no-sign-request"), values.get("--ca-bundle"),
                OperationArguments.intArgument(values.get("--cli-read-timeout"), "--cli-read-timeout"),
                OperationArguments.intArgument(values.get("--cli-connect-timeout"), "--cli-connect-timeout"),
                values.get("--cli-binary-format"), flags.contains("--no-cli-pager"), autoPrompt,
                values.get("--cli-input-json"), values.get("--cli-input-yaml"), skeleton);
        return new GlobalArguments(options, flags.contains("--version"), List.copyOf(rest));
    }
}
