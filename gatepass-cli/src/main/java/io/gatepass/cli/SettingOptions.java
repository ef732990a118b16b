package io.gatepass.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The picocli options of a command's settings, made from their declarations: a command names its settings enum in a
 * {@link Transformer} ({@code @Command(modelTransformer = ...)}) and reads what was given with {@link #given}.
 */
public final class SettingOptions {
    private SettingOptions() {
    }

    /**
     * Adds a string option (a list of strings if repeatable) for each setting that has a flag, and the positional
     * parameters for an {@link SettingKey.Form#ARGUMENTS} setting.
     */
    public static <K extends Enum<K> & SettingKey> CommandSpec add(CommandSpec spec, Class<K> keys) {
        for (K key : keys.getEnumConstants()) {
            if (key.form() == SettingKey.Form.ARGUMENTS) {
                spec.addPositional(PositionalParamSpec.builder().paramLabel(key.paramLabel()).arity("0..*")
                        .type(List.class).auxiliaryTypes(String.class).description(key.description()).build());
            }
            if (!key.isOption()) {
                continue;
            }
            OptionSpec.Builder option = OptionSpec.builder(key.flag()).paramLabel(key.paramLabel())
                    .description(key.description());
            if (key.repeatable()) {
                option.type(List.class).auxiliaryTypes(String.class);
            } else {
                option.type(String.class);
            }
            spec.addOption(option.build());
        }
        return spec;
    }

    /** The settings given as flags on the parsed command line (repeated flags joined with commas). */
    public static <K extends Enum<K> & SettingKey> Map<K, String> given(CommandSpec spec, Class<K> keys) {
        Map<K, String> flags = new EnumMap<>(keys);
        for (K key : keys.getEnumConstants()) {
            if (!key.isOption()) {
                continue;
            }
            Object value = spec.findOption(key.flag()).getValue();
            if (value instanceof List<?> values) {
                if (!values.isEmpty()) {
                    flags.put(key, String.join(",", values.stream().map(String::valueOf).toList()));
                }
            } else if (value != null) {
                flags.put(key, value.toString());
            }
        }
        return flags;
    }

    /** The positional parameters given on the parsed command line (empty if none). */
    public static List<String> arguments(CommandSpec spec) {
        List<String> values = new ArrayList<>();
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            Object value = positional.getValue();
            if (value instanceof List<?> list) {
                list.forEach(item -> values.add(String.valueOf(item)));
            }
        }
        return values;
    }

    /** Adds the options of one settings enum to the command it is named on. */
    public abstract static class Transformer<K extends Enum<K> & SettingKey> implements CommandLine.IModelTransformer {
        private final Class<K> keys;

        protected Transformer(Class<K> keys) {
            this.keys = keys;
        }

        @Override
        public CommandSpec transform(CommandSpec spec) {
            return add(spec, keys);
        }
    }
}
