package io.gatepass.cli.internal.aws.params;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatepass.cli.internal.aws.CliException;
import io.gatepass.cli.internal.aws.model.Kind;
import io.gatepass.cli.internal.aws.model.Member;
import io.gatepass.cli.internal.aws.model.Names;
import io.gatepass.cli.internal.aws.model.OperationModel;
import io.gatepass.cli.internal.aws.model.Pagination;
import io.gatepass.cli.internal.aws.model.StreamingInput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An operation's options as aws's argparse reads them: {@code --member value} (or {@code --member=value}), several
 * words for lists, {@code --flag} / {@code --no-flag} for booleans, the last occurrence winning; plus the paging
 * options {@code --starting-token}, {@code --page-size}, {@code --max-items} of paginated operations, the path of a
 * streaming input ({@code --asset-content path}) and the positional {@code outfile} of a streaming output.
 *
 * @param parameters the members given, keyed by model name, in command-line order
 * @param given      the CLI names of the members given (to tell manual paging from automatic)
 * @param unknown    words no option took, for aws's "Unknown options:" error
 * @param streamingInput the value given to the streaming input's option (a path, before ~ and $VAR are expanded),
 *                   or null
 * @param outfile    the file a streaming output is saved to, as given (the first word no option took), or null
 */
public record OperationArguments(ObjectNode parameters, List<String> given, Paging paging, List<String> unknown,
                                 String streamingInput, String outfile) {

    /** --starting-token, --page-size and --max-items; null when not given. */
    public record Paging(String startingToken, Integer pageSize, Integer maxItems) {
        public boolean any() {
            return startingToken != null || pageSize != null || maxItems != null;
        }
    }

    public static OperationArguments parse(OperationModel operation, List<String> args, ArgumentValues values) {
        return parse(operation, args, values, false);
    }

    /**
     * @param noPaginate --no-paginate was given: then an operation member that a paging option shadows (IAM's
     *                   MaxItems behind --max-items) takes the option back, as aws does
     */
    public static OperationArguments parse(OperationModel operation, List<String> args, ArgumentValues values,
                                           boolean noPaginate) {
        Map<String, Member> options = new LinkedHashMap<>();
        Map<String, Member> negations = new LinkedHashMap<>();
        for (Member member : operation.input().members()) {
            options.put(member.cliName(), member);
            if (member.kind() == Kind.BOOLEAN) {
                negations.put("--no-" + Names.kebab(member.name()), member);
            }
        }
        StreamingInput streaming = operation.streamingInput().orElse(null);
        String streamingValue = null;
        boolean paginated = operation.pagination().isPresent();
        Map<String, List<String>> words = new LinkedHashMap<>();
        Map<String, String> paging = new LinkedHashMap<>();
        ObjectNode parameters = JsonNodeFactory.instance.objectNode();
        List<String> unknown = new ArrayList<>();
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i++);
            String inline = null;
            if (arg.startsWith("--") && arg.contains("=")) {
                inline = arg.substring(arg.indexOf('=') + 1);
                arg = arg.substring(0, arg.indexOf('='));
            }
            Member member = options.get(arg);
            if (paginated && isPagingOption(arg, operation.pagination().get()) && !(noPaginate && member != null)) {
                String value = inline != null ? inline : oneValue(args, i, arg);
                i += inline != null ? 0 : 1;
                paging.put(arg, value);
            } else if (streaming != null && arg.equals(streaming.cliName())) {
                streamingValue = inline != null ? inline : oneValue(args, i, arg);
                i += inline != null ? 0 : 1;
            } else if (member != null && member.kind() == Kind.BOOLEAN) {
                parameters.set(member.name(), BooleanNode.TRUE);
                words.remove(member.name());
            } else if (negations.containsKey(arg)) {
                parameters.set(negations.get(arg).name(), BooleanNode.FALSE);
            } else if (member != null && member.kind() == Kind.LIST) {
                List<String> list = new ArrayList<>();
                if (inline != null) {
                    list.add(inline);
                } else {
                    while (i < args.size() && !args.get(i).startsWith("--")) {
                        list.add(args.get(i++));
                    }
                }
                words.put(member.name(), list);
                parameters.putNull(member.name());
            } else if (member != null) {
                String value = inline != null ? inline : oneValue(args, i, arg);
                i += inline != null ? 0 : 1;
                words.put(member.name(), List.of(value));
                parameters.putNull(member.name());
            } else {
                unknown.add(inline != null ? arg + "=" + inline : arg);
            }
        }
        List<String> given = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : words.entrySet()) {
            Member member = operation.input().member(entry.getKey()).orElseThrow();
            parameters.set(member.name(), values.read(member, entry.getValue()));
        }
        parameters.fieldNames().forEachRemaining(name -> given.add(Names.option(name)));
        String outfile = operation.streamingOutput() ? positional(unknown) : null;
        return new OperationArguments(parameters, given, new Paging(paging.get("--starting-token"),
                intArgument(paging.get("--page-size"), "--page-size"),
                intArgument(paging.get("--max-items"), "--max-items")),
                unknown, streamingValue, outfile);
    }

    /**
     * Takes aws's positional outfile out of the words no option took: the first that argparse would not read as an
     * option (a lone "-" is a file name to argparse, and aws saves to a file of that name).
     */
    private static String positional(List<String> unknown) {
        for (int i = 0; i < unknown.size(); i++) {
            String word = unknown.get(i);
            if (!word.startsWith("-") || word.equals("-")) {
                return unknown.remove(i);
            }
        }
        return null;
    }

    private static boolean isPagingOption(String arg, Pagination pagination) {
        return arg.equals("--starting-token") || arg.equals("--max-items")
                || (arg.equals("--page-size") && pagination.limitKey() != null);
    }

    private static String oneValue(List<String> args, int i, String option) {
        if (i >= args.size() || (args.get(i).startsWith("--") && args.get(i).length() > 2)) {
            throw CliException.parameter("argument " + option + ": expected one argument");
        }
        return args.get(i);
    }

    /** An option that takes a whole number (null when absent); anything else is argparse's "invalid int value". */
    public static Integer intArgument(String value, String option) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw CliException.parameter("argument " + option + ": invalid int value: '" + value + "'");
        }
    }

    /**
     * The required arguments missing from the command line, in the order aws (argparse) lists them: the members in
     * model order, a streaming input among them, then a streaming output's outfile: "--fleet-id, --compute-name",
     * "--asset, outfile".
     */
    public List<String> missingRequired(OperationModel operation) {
        List<String> missing = new ArrayList<>();
        StreamingInput streaming = operation.streamingInput()
                .filter(input -> input.required() && streamingInput == null).orElse(null);
        for (Member member : operation.input().members()) {
            if (streaming != null && member.name().equals(streaming.before())) {
                missing.add(streaming.cliName());
            }
            if (member.required() && !parameters.has(member.name())) {
                missing.add(member.cliName());
            }
        }
        if (streaming != null && streaming.before() == null) {
            missing.add(streaming.cliName());
        }
        if (operation.streamingOutput() && outfile == null) {
            missing.add("outfile");
        }
        return missing;
    }
}
