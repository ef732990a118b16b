package io.gatepass.cli.internal.aws.login;

import io.gatepass.cli.internal.aws.CliException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code codeartifact login}, parsed as aws's argparse does: {@code --name value} or
 * {@code --name=value}, the last occurrence wins, unknown words are reported together.
 *
 * @param domainOwner     null when not given
 * @param namespace       null when not given (npm only)
 * @param durationSeconds null when not given; 0 is treated as not given, as aws does
 * @param serverId        null when not given (maven: the server id; gradle: the repository name)
 */
record LoginArguments(LoginTool tool, String domain, String domainOwner, String repository, String namespace,
                      Integer durationSeconds, boolean dryRun, String serverId) {

    private static final List<String> VALUED = List.of("tool", "domain", "domain-owner", "namespace",
            "duration-seconds", "repository", "server-id");
    /** The required options in the order aws lists them when they are missing. */
    private static final List<String> REQUIRED = List.of("tool", "domain", "repository");

    static LoginArguments parse(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean dryRun = false;
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                unknown.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = arg.substring(2, equals < 0 ? arg.length() : equals);
            if (name.equals("dry-run") && equals < 0) {
                dryRun = true;
            } else if (VALUED.contains(name)) {
                String value;
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    value = args.get(++i);
                } else {
                    throw CliException.parameter("argument --" + name + ": expected one argument");
                }
                values.put(name, value);
            } else {
                unknown.add(arg);
            }
        }
        if (values.containsKey("tool") && LoginTool.named(values.get("tool")).isEmpty()) {
            throw invalidTool();
        }
        List<String> missing = REQUIRED.stream().filter(name -> !values.containsKey(name)).map(n -> "--" + n).toList();
        if (!missing.isEmpty()) {
            throw CliException.parameter("the following arguments are required: " + String.join(", ", missing));
        }
        LoginTool tool = LoginTool.named(values.get("tool")).orElseThrow();
        if (!unknown.isEmpty()) {
            // aws's own commands join them with "," and print no usage hint.
            throw CliException.invalidParameter("Unknown options: " + String.join(",", unknown));
        }
        return new LoginArguments(tool, values.get("domain"), values.get("domain-owner"), values.get("repository"),
                values.get("namespace"), integer(values.get("duration-seconds")), dryRun, values.get("server-id"));
    }

    private static CliException invalidTool() {
        StringBuilder message = new StringBuilder("argument --tool: Invalid choice, valid choices are:\n");
        LoginTool[] tools = LoginTool.values();
        for (int i = 0; i < tools.length; i += 2) {
            message.append('\n').append(String.format("%-40s", tools[i].cliName()));
            if (i + 1 < tools.length) {
                message.append(" | ").append(String.format("%-40s", tools[i + 1].cliName()));
            }
        }
        return CliException.parameter(message.toString());
    }

    private static Integer integer(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            // aws v2 fails the same way, with Python's wording and exit code 255.
            throw CliException.other("invalid literal for int() with base 10: '" + value + "'", e);
        }
    }
}
