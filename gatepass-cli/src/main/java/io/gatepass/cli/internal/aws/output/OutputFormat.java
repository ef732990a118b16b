package io.gatepass.cli.internal.aws.output;

import io.gatepass.cli.internal.aws.CliException;

import java.util.Locale;

/** The --output formats of aws v2. */
public enum OutputFormat {
    JSON, TEXT, TABLE, YAML, YAML_STREAM;

    public static OutputFormat parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw CliException.parameter("argument --output: Invalid choice, valid choices are:\n\n"
                    + "json                                     | text\n"
                    + "table                                    | yaml\n"
                    + "yaml-stream");
        }
    }
}
