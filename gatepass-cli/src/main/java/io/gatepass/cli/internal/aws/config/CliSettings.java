package io.gatepass.cli.internal.aws.config;

import io.gatepass.cli.internal.aws.CliException;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The plain settings of one call, each resolved along aws's chain (flag, environment, profile, default) and checked
 * with aws's messages.
 *
 * @param region          null when none is configured (global services can do without)
 * @param output          json, text, table, yaml or yaml-stream
 * @param binaryFormat    base64 or raw-in-base64-out
 * @param color           on, off or auto
 * @param pager           the pager command, null or blank for none
 * @param autoPrompt      on, on-partial or off
 * @param timestampFormat iso8601 or wire
 */
record CliSettings(String region, String output, String binaryFormat, String color, String pager, String autoPrompt,
                   String timestampFormat) {

    private static final Pattern REGION_FORMAT = Pattern.compile("^[a-zA-Z0-9](?:[a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9])?$");

    static CliSettings resolve(GlobalOptions options, Map<String, String> env, ConfigFiles files) {
        return new CliSettings(region(options, env, files), output(options, env, files),
                ConfigValues.choice("--cli-binary-format", options.cliBinaryFormat() != null ? options.cliBinaryFormat()
                        : setting(files, "cli_binary_format").orElse("base64"), ConfigValues.BINARY_FORMATS),
                options.color() == null ? "auto" : ConfigValues.choice("--color", options.color(), ConfigValues.COLORS),
                pager(options, env, files), autoPrompt(options, env, files), timestampFormat(files));
    }

    private static Optional<String> setting(ConfigFiles files, String name) {
        return files.setting(name).map(String::trim);
    }

    private static String region(GlobalOptions options, Map<String, String> env, ConfigFiles files) {
        String value = ConfigFiles.firstNonBlank(options.region(), env.get("AWS_REGION"),
                env.get("AWS_DEFAULT_REGION"), files.setting("region").orElse(null));
        if (value != null && !REGION_FORMAT.matcher(value.trim()).matches()) {
            throw CliException.other("Provided region_name '" + value + "' doesn't match a supported format.", null);
        }
        return value == null ? null : value.trim();
    }

    private static String output(GlobalOptions options, Map<String, String> env, ConfigFiles files) {
        if (options.output() != null) {
            return ConfigValues.choice("--output", options.output(), ConfigValues.OUTPUTS);
        }
        String value = ConfigFiles.firstNonBlank(env.get("AWS_DEFAULT_OUTPUT"), files.setting("output").orElse(null));
        if (value == null) {
            return "json";
        }
        if (!ConfigValues.OUTPUTS.contains(value.trim())) {
            throw CliException.other("Unknown output type: " + value.trim(), null);
        }
        return value.trim();
    }

    /** AWS_PAGER (even empty), cli_pager, PAGER, then "less -R"; --no-cli-pager turns paging off. */
    private static String pager(GlobalOptions options, Map<String, String> env, ConfigFiles files) {
        if (options.noCliPager()) {
            return null;
        }
        if (env.containsKey("AWS_PAGER")) {
            return env.get("AWS_PAGER");
        }
        return setting(files, "cli_pager").orElse(env.getOrDefault("PAGER", "less -R"));
    }

    private static String autoPrompt(GlobalOptions options, Map<String, String> env, ConfigFiles files) {
        if (options.cliAutoPrompt() != null) {
            return options.cliAutoPrompt() ? "on" : "off";
        }
        String value = ConfigFiles.firstNonBlank(env.get("AWS_CLI_AUTO_PROMPT"),
                files.setting("cli_auto_prompt").orElse(null));
        if (value == null) {
            return "off";
        }
        String mode = value.trim().toLowerCase(Locale.ROOT);
        if (!List.of("on", "on-partial", "off").contains(mode)) {
            throw CliException.configuration("Invalid value for cli_auto_prompt: " + value.trim()
                    + " (valid values are on, on-partial, off)");
        }
        return mode;
    }

    private static String timestampFormat(ConfigFiles files) {
        String value = setting(files, "cli_timestamp_format").orElse("iso8601");
        if (!value.equals("iso8601") && !value.equals("wire")) {
            throw CliException.configuration("Unknown cli_timestamp_format value: " + value
                    + ", valid values are \"wire\" or \"iso8601\"");
        }
        return value;
    }
}
