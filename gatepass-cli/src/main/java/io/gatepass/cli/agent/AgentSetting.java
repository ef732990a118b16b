package io.gatepass.cli.agent;

import io.gatepass.cli.SettingKey;

/**
 * The settings of {@code gatepass agent}, each with its flag, environment variable and YAML key in one place.
 * Precedence: default &lt; config file &lt; environment &lt; flag.
 */
enum AgentSetting implements SettingKey {
    FLEET_ID("--fleet-id", null),
    LOCATION("--location", null),
    IP_ADDRESS("--ip-address", null),
    DNS_NAME("--dns-name", null),
    COMPUTE_NAME("--compute-name", null),
    ENDPOINT_URL("--endpoint-url", null),
    PROFILE("--profile", null),
    REGION("--region", null),
    TOKEN_FILE("--token-file", null),
    CONCURRENT_PROCESSES("--concurrent-processes", "1"),
    REFRESH_INTERVAL("--refresh-interval", "5m"),
    RETRY_MIN_DELAY("--retry-min-delay", "1s"),
    RETRY_MAX_DELAY("--retry-max-delay", "1m"),
    GRACE_PERIOD("--grace-period", "10s"),
    STATUS_PORT("--status-port", null),
    STATUS_BIND("--status-bind", "127.0.0.1"),
    LOG_FORMAT("--log-format", "text"),
    RUNTIME_CONFIGURATION("--runtime-configuration", null),
    /** The command after {@code --}; in the environment split at white space, in YAML a list or a string. */
    LAUNCH_COMMAND("--", null);

    final String flag;
    final String env;
    final String yamlKey;
    final String defaultValue;

    AgentSetting(String flag, String defaultValue) {
        String name = name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        this.flag = flag;
        this.env = "GATEPASS_AGENT_" + name();
        this.yamlKey = name;
        this.defaultValue = defaultValue;
    }

    @Override
    public String flag() {
        return flag;
    }

    @Override
    public String env() {
        return env;
    }

    @Override
    public String yamlKey() {
        return yamlKey;
    }

    @Override
    public String defaultValue() {
        return defaultValue;
    }
}
