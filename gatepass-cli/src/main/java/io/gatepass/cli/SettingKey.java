package io.gatepass.cli;

/** A setting of {@code serve} or {@code agent}: its flag, environment variable, YAML key and default. */
public interface SettingKey {
    String flag();

    String env();

    String yamlKey();

    /** The default, or {@code null} for none. */
    String defaultValue();
}
