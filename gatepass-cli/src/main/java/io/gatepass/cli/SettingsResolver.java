package io.gatepass.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/** Resolves each {@link Setting} from flags, environment, an optional YAML file and the defaults, in that order. */
final class SettingsResolver {
    private final Map<Setting, String> flags;
    private final Function<String, String> environment;
    private final JsonNode file;

    SettingsResolver(Map<Setting, String> flags, Function<String, String> environment, Path configFile) {
        this.flags = new EnumMap<>(Setting.class);
        this.flags.putAll(flags);
        this.environment = environment;
        this.file = configFile == null ? null : read(configFile);
    }

    String get(Setting setting) {
        String value = flags.get(setting);
        if (value == null) {
            value = blankToNull(environment.apply(setting.env));
        }
        if (value == null && file != null && file.hasNonNull(setting.yamlKey)) {
            value = file.get(setting.yamlKey).asText();
        }
        return value != null ? value : setting.defaultValue;
    }

    int getInt(Setting setting) {
        String value = get(setting);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting.flag + " must be a whole number, got '" + value + "'");
        }
    }

    /** A duration written as {@code 3h}, {@code 90m}, {@code 1h30m}, {@code 600s} or ISO-8601 ({@code PT3H}). */
    java.time.Duration getDuration(Setting setting) {
        String value = get(setting).trim();
        try {
            java.time.Duration duration = value.toUpperCase(java.util.Locale.ROOT).startsWith("P")
                    ? java.time.Duration.parse(value)
                    : java.time.Duration.parse("PT" + value.toUpperCase(java.util.Locale.ROOT));
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(setting.flag + " must be longer than zero, got '" + value + "'");
            }
            return duration;
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(setting.flag + " must be a duration such as 3h, 90m or 600s, got '"
                    + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static JsonNode read(Path configFile) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(configFile));
            if (root == null || root.isMissingNode() || root.isNull()) {
                return null;
            }
            if (!root.isObject()) {
                throw new IllegalArgumentException(configFile + ": expected a mapping of setting names to values");
            }
            for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                boolean known = false;
                for (Setting setting : Setting.values()) {
                    known |= setting.yamlKey.equals(name);
                }
                if (!known) {
                    throw new IllegalArgumentException(configFile + ": unknown setting '" + name + "'");
                }
            }
            return root;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + configFile + ": " + e.getMessage(), e);
        }
    }
}
