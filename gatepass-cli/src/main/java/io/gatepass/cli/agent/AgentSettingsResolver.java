package io.gatepass.cli.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resolves each {@link AgentSetting} from flags, {@code GATEPASS_AGENT_*} variables, a YAML file and the defaults. */
final class AgentSettingsResolver {
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|h|m|s)");

    private final Map<AgentSetting, String> flags;
    private final Function<String, String> environment;
    private final JsonNode file;

    AgentSettingsResolver(Map<AgentSetting, String> flags, Function<String, String> environment, Path configFile) {
        this.flags = new EnumMap<>(AgentSetting.class);
        this.flags.putAll(flags);
        this.environment = environment;
        this.file = configFile == null ? null : read(configFile);
    }

    String get(AgentSetting setting) {
        String value = flags.get(setting);
        if (value == null) {
            value = blankToNull(environment.apply(setting.env));
        }
        if (value == null && file != null && file.hasNonNull(setting.yamlKey)) {
            value = file.get(setting.yamlKey).asText();
        }
        return value != null ? value : setting.defaultValue;
    }

    /** The launch command: the arguments after {@code --} if any, else the environment, else the YAML file. */
    List<String> command(List<String> arguments) {
        if (arguments != null && !arguments.isEmpty()) {
            return List.copyOf(arguments);
        }
        String fromEnv = blankToNull(environment.apply(AgentSetting.LAUNCH_COMMAND.env));
        if (fromEnv != null) {
            return Arrays.asList(fromEnv.trim().split("\\s+"));
        }
        JsonNode node = file == null ? null : file.get(AgentSetting.LAUNCH_COMMAND.yamlKey);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            return Arrays.asList(node.asText().trim().split("\\s+"));
        }
        List<String> command = new ArrayList<>();
        node.forEach(part -> command.add(part.asText()));
        return List.copyOf(command);
    }

    int getInt(AgentSetting setting) {
        String value = get(setting);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting.flag + " must be a whole number, got '" + value + "'");
        }
    }

    /** A duration written as {@code 5m}, {@code 1h30m}, {@code 90s}, {@code 250ms} or ISO-8601 ({@code PT5M}). */
    Duration getDuration(AgentSetting setting) {
        String value = get(setting).trim();
        Duration duration = parseDuration(value);
        if (duration == null || duration.isZero()) {
            throw new IllegalArgumentException(setting.flag + " must be a duration longer than zero such as 5m, 30s "
                    + "or 250ms, got '" + value + "'");
        }
        return duration;
    }

    private static Duration parseDuration(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("p")) {
            try {
                Duration parsed = Duration.parse(value);
                return parsed.isNegative() ? null : parsed;
            } catch (java.time.format.DateTimeParseException e) {
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
                if (Arrays.stream(AgentSetting.values()).noneMatch(s -> s.yamlKey.equals(name))) {
                    throw new IllegalArgumentException(configFile + ": unknown setting '" + name + "'");
                }
            }
            return root;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + configFile + ": " + e.getMessage(), e);
        }
    }
}
