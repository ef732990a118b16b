package io.gatepass.cli.internal.aws.config;

import io.gatepass.cli.internal.aws.CliException;

import java.util.List;

/** Checks for global option values, failing with aws's messages. */
public final class ConfigValues {

    public static final List<String> OUTPUTS = List.of("json", "text", "table", "yaml", "yaml-stream");
    public static final List<String> COLORS = List.of("on", "off", "auto");
    public static final List<String> BINARY_FORMATS = List.of("base64", "raw-in-base64-out");

    private ConfigValues() {
    }

    /**
     * A command-line value that must be one of {@code choices}; otherwise a parameter error (exit 252) worded as aws
     * words it: {@code argument --output: Invalid choice, valid choices are:} and the choices two to a line.
     */
    public static String choice(String option, String value, List<String> choices) {
        if (value == null || choices.contains(value)) {
            return value;
        }
        StringBuilder message = new StringBuilder("argument ").append(option)
                .append(": Invalid choice, valid choices are:\n");
        for (int i = 0; i < choices.size(); i += 2) {
            message.append('\n').append(String.format("%-40s", choices.get(i)));
            if (i + 1 < choices.size()) {
                message.append(" | ").append(String.format("%-40s", choices.get(i + 1)));
            }
        }
        throw CliException.parameter(message.toString());
    }

    /** A timeout in seconds: null means the default of 60, 0 means no timeout, negative is an error as in aws. */
    static java.time.Duration timeout(Integer seconds, String what) {
        if (seconds == null) {
            return java.time.Duration.ofSeconds(60);
        }
        if (seconds < 0) {
            throw CliException.other("Attempted to set " + what + " timeout to " + seconds
                    + ", but the timeout cannot be set to a value less than or equal to 0.", null);
        }
        return java.time.Duration.ofSeconds(seconds);
    }

    static int positiveInt(String value) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw CliException.configuration("Invalid value: " + value + " (expected a positive whole number)");
    }
}
