package io.gatepass.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves each setting of one command from flags, the environment, an optional YAML file and the defaults, in that
 * order. The settings are declared in an enum of {@link SettingKey}s; commands pass
 * {@link ProcessEnvironment#variables()} as the environment, tests a map.
 */
public final class SettingsResolver<K extends Enum<K> & SettingKey> {
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|h|m|s)");

    private final Map<K, String> flags;
    private final Function<String, String> environment;
    private final JsonNode file;

    /**
     * Settings from these flags, this environment, and the YAML file named by the {@link SettingKey.Form#CONFIG_FILE}
     * setting (its flag, else its environment variable), if any.
     */
    public SettingsResolver(Class<K> keys, Map<K, String> flags, Function<String, String> environment) {
        this(keys, flags, environment, configFile(keys, flags, environment));
    }

    public SettingsResolver(Class<K> keys, Map<K, String> flags, Function<String, String> environment,
                            Path configFile) {
        this.flags = new EnumMap<>(keys);
        this.flags.putAll(flags);
        this.environment = environment;
        this.file = configFile == null ? null : read(configFile, keys);
    }

    public String get(K setting) {
        String value = flags.get(setting);
        if (value == null) {
            value = blankToNull(environment.apply(setting.env()));
        }
        if (value == null && file != null && setting.yamlKey() != null && file.hasNonNull(setting.yamlKey())) {
            value = file.get(setting.yamlKey()).asText();
        }
        return value != null ? value : setting.defaultValue();
    }

    public int getInt(K setting) {
        String value = get(setting);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting.flag() + " must be a whole number, got '" + value + "'");
        }
    }

    /** A duration longer than zero: {@code 3h}, {@code 90m}, {@code 1h30m}, {@code 250ms} or ISO ({@code PT3H}). */
    public Duration getDuration(K setting) {
        String value = get(setting).trim();
        Duration duration = parseDuration(value);
        if (duration == null || duration.isZero()) {
            throw new IllegalArgumentException(setting.flag() + " must be a duration longer than zero such as 3h, "
                    + "90m, 30s or 250ms, got '" + value + "'");
        }
        return duration;
    }

    /** A list: in the environment split at white space, in YAML a list or a string split at white space. */
    public List<String> getList(K setting) {
        String fromFlagOrEnv = flags.containsKey(setting) ? flags.get(setting)
                : blankToNull(environment.apply(setting.env()));
        if (fromFlagOrEnv != null) {
            return Arrays.asList(fromFlagOrEnv.trim().split("\\s+"));
        }
        JsonNode node = file == null || setting.yamlKey() == null ? null : file.get(setting.yamlKey());
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            return Arrays.asList(node.asText().trim().split("\\s+"));
        }
        List<String> values = new ArrayList<>();
        node.forEach(part -> values.add(part.asText()));
        return List.copyOf(values);
    }

    private static Duration parseDuration(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("p")) {
            try {
                Duration parsed = Duration.parse(value);
                return parsed.isNegative() ? null : parsed;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Matcher part = DURATION_PART.matcher(lower);
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMillis(amount);
            });
            end = part.end();
        }
        return end == lower.length() && end > 0 ? total : null;
    }

    private static <K extends Enum<K> & SettingKey> Path configFile(Class<K> keys, Map<K, String> flags,
                                                                    Function<String, String> environment) {
        for (K key : keys.getEnumConstants()) {
            if (key.form() == SettingKey.Form.CONFIG_FILE) {
                String value = flags.containsKey(key) ? flags.get(key) : blankToNull(environment.apply(key.env()));
                return value == null ? null : Path.of(value);
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static <K extends Enum<K> & SettingKey> JsonNode read(Path configFile, Class<K> keys) {
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
                if (EnumSet.allOf(keys).stream().noneMatch(key -> name.equals(key.yamlKey()))) {
                    throw new IllegalArgumentException(configFile + ": unknown setting '" + name + "'");
                }
            }
            return root;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + configFile + ": " + e.getMessage(), e);
        }
    }
}
