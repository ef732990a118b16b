package io.gatepass.cli;

import java.util.Locale;

/**
 * One setting of {@code serve} or {@code agent}, declared once as a constant of the command's settings enum
 * ({@link Setting}, {@code AgentSetting}): how it is given, its flag, default, and the parameter label and description
 * {@code --help} shows; the environment variable and YAML key follow from the constant's name. The command's picocli
 * options ({@link SettingOptions}), the environment and file lookups ({@link SettingsResolver}) and the README's
 * configuration tables (checked by {@code SettingDeclarationsTest}) all come from it.
 */
public interface SettingKey {
    /** How a setting can be given. */
    enum Form {
        /** A flag, an environment variable and a YAML key. */
        OPTION,
        /** As {@link #OPTION}, the flag repeatable (its values joined with commas, as the environment gives them). */
        REPEATABLE_OPTION,
        /** A flag and an environment variable naming the YAML file the other settings may be read from. */
        CONFIG_FILE,
        /** The command's positional parameters (after {@code --}), an environment variable and a YAML key. */
        ARGUMENTS,
        /** An environment variable only (secrets and first-start values). */
        ENVIRONMENT
    }

    /** What a constant declares: how the setting is given, its flag, label, default and description. */
    record Declaration(Form form, String flag, String paramLabel, String defaultValue, String description) {
    }

    /** The enum constant's name, e.g. {@code MAX_BODY_BYTES}. */
    String name();

    /** The constant's declaration. */
    Declaration declaration();

    /** The command's environment variable prefix ({@code GATEPASS_}, {@code GATEPASS_AGENT_}). */
    String envPrefix();

    default Form form() {
        return declaration().form();
    }

    /** The long option ({@code --max-body-bytes}), {@code --} for positional parameters, null for none. */
    default String flag() {
        return declaration().flag();
    }

    /** The environment variable: the command's prefix and {@link #name()}. */
    default String env() {
        return envPrefix() + name();
    }

    /** The default, or {@code null} for none. */
    default String defaultValue() {
        return declaration().defaultValue();
    }

    /** The option's parameter label in {@code --help} (null when there is no option). */
    default String paramLabel() {
        return declaration().paramLabel();
    }

    /** The option's description in {@code --help}; for an environment-only setting, what it means. */
    default String description() {
        return declaration().description();
    }

    /** The key in the YAML file ({@code max-body-bytes}), or null when the file cannot set it. */
    default String yamlKey() {
        return switch (form()) {
            case OPTION, REPEATABLE_OPTION, ARGUMENTS -> name().toLowerCase(Locale.ROOT).replace('_', '-');
            case CONFIG_FILE, ENVIRONMENT -> null;
        };
    }

    /** True if the command line has an option for this setting. */
    default boolean isOption() {
        return form() == Form.OPTION || form() == Form.REPEATABLE_OPTION || form() == Form.CONFIG_FILE;
    }

    /** True if the flag may be repeated. */
    default boolean repeatable() {
        return form() == Form.REPEATABLE_OPTION;
    }
}
