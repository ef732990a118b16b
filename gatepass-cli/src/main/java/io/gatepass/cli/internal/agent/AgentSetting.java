package io.gatepass.cli.internal.agent;

import io.gatepass.cli.SettingKey;

/**
 * The settings of {@code gatepass agent}, each declared once: flag, parameter label, default and {@code --help}
 * description; the environment variable ({@code GATEPASS_AGENT_<NAME>}) and YAML key ({@code <name>} with hyphens)
 * follow from the constant's name. Precedence: default &lt; config file &lt; environment &lt; flag.
 */
public enum AgentSetting implements SettingKey {
    FLEET_ID("--fleet-id", "ID", null, "Anywhere fleet to register with (required)"),
    LOCATION("--location", "custom-...", null, "Custom location of the fleet (required)"),
    IP_ADDRESS("--ip-address", "ADDRESS", null, "Address game clients connect to"),
    DNS_NAME("--dns-name", "NAME", null, "DNS name game clients connect to"),
    COMPUTE_NAME("--compute-name", "NAME", null, "Compute name (default: the host name)"),
    ENDPOINT_URL("--endpoint-url", "URL", null, "GameLift endpoint, e.g. the Gatepass server"),
    PROFILE("--profile", "NAME", null, "AWS profile for credentials and region"),
    REGION("--region", "REGION", null, "Region (default: AWS_REGION or the profile's)"),
    TOKEN_FILE("--token-file", "PATH", null,
            "Keep the current auth token in this file (mode 0600, replaced atomically)"),
    CONCURRENT_PROCESSES("--concurrent-processes", "N", "1", "Game server processes to keep running (default 1)"),
    REFRESH_INTERVAL("--refresh-interval", "DURATION", "5m", "Ask for the token this often at least (default 5m)"),
    RETRY_MIN_DELAY("--retry-min-delay", "DURATION", "1s",
            "First delay after a failure; doubles up to --retry-max-delay (default 1s)"),
    RETRY_MAX_DELAY("--retry-max-delay", "DURATION", "1m", "Longest retry delay (default 1m)"),
    GRACE_PERIOD("--grace-period", "DURATION", "10s",
            "Time between SIGTERM and SIGKILL for game server processes on stop (default 10s)"),
    STATUS_PORT("--status-port", "PORT", null,
            "Serve GET /status and /metrics on this port (default: off; 0 picks a free one)"),
    STATUS_BIND("--status-bind", "ADDRESS", "127.0.0.1", "Address of the status endpoint (default 127.0.0.1)"),
    LOG_FORMAT("--log-format", "text|json", "text", "Log format (default text)"),
    RUNTIME_CONFIGURATION("--runtime-configuration", "fleet", null, "Launch the processes of the "
            + "fleet's RuntimeConfiguration (LaunchPath, Parameters, ConcurrentExecutions), as the Amazon GameLift "
            + "Agent does, instead of a command after --"),
    CONFIG(Form.CONFIG_FILE, "--config", "FILE", null, "YAML file with settings (keys as the long options)"),
    /** The command after {@code --}; in the environment split at white space, in YAML a list or a string. */
    LAUNCH_COMMAND(Form.ARGUMENTS, "--", "COMMAND", null,
            "After --: the game server command to launch with the GAMELIFT_SDK_* variables");

    /** The prefix of every environment variable of {@code agent}. */
    public static final String ENV_PREFIX = "GATEPASS_AGENT_";

    private final Declaration declaration;

    AgentSetting(String flag, String paramLabel, String defaultValue, String description) {
        this(Form.OPTION, flag, paramLabel, defaultValue, description);
    }

    AgentSetting(Form form, String flag, String paramLabel, String defaultValue, String description) {
        this.declaration = new Declaration(form, flag, paramLabel, defaultValue, description);
    }

    @Override
    public Declaration declaration() {
        return declaration;
    }

    @Override
    public String envPrefix() {
        return ENV_PREFIX;
    }
}
