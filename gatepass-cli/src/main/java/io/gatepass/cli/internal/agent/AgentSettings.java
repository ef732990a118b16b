package io.gatepass.cli.internal.agent;

import io.gatepass.cli.ProcessEnvironment;
import io.gatepass.cli.SettingsResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Everything {@code gatepass agent} runs with, resolved once at start.
 *
 * @param statusPort the status endpoint's port, 0 for a free one, or null for no endpoint
 * @param command    the game server command to launch, empty to launch nothing
 * @param runtimeConfiguration {@value #FLEET_RUNTIME_CONFIGURATION}: launch the processes of the fleet's
 *                             RuntimeConfiguration instead of {@code command}; null: {@code command}
 */
public record AgentSettings(String fleetId, String location, String ipAddress, String dnsName, String computeName,
                            String endpointUrl, String profile, String region, Path tokenFile, List<String> command,
                            int concurrentProcesses, Duration refreshInterval, Duration retryMinDelay,
                            Duration retryMaxDelay, Duration gracePeriod, Integer statusPort, String statusBind,
                            String logFormat, String runtimeConfiguration) {
    /** The one value of {@code --runtime-configuration}: the fleet's (DescribeRuntimeConfiguration). */
    public static final String FLEET_RUNTIME_CONFIGURATION = "fleet";

    /** Settings that launch {@code command} (no {@code --runtime-configuration}). */
    public AgentSettings(String fleetId, String location, String ipAddress, String dnsName, String computeName,
                         String endpointUrl, String profile, String region, Path tokenFile, List<String> command,
                         int concurrentProcesses, Duration refreshInterval, Duration retryMinDelay,
                         Duration retryMaxDelay, Duration gracePeriod, Integer statusPort, String statusBind,
                         String logFormat) {
        this(fleetId, location, ipAddress, dnsName, computeName, endpointUrl, profile, region, tokenFile, command,
                concurrentProcesses, refreshInterval, retryMinDelay, retryMaxDelay, gracePeriod, statusPort,
                statusBind, logFormat, null);
    }

    public AgentSettings {
        require(fleetId, "--fleet-id");
        require(location, "--location");
        if (ipAddress == null && dnsName == null) {
            throw new IllegalArgumentException("give --ip-address or --dns-name: where game clients reach this host");
        }
        require(computeName, "--compute-name");
        command = command == null ? List.of() : List.copyOf(command);
        if (concurrentProcesses < 1) {
            throw new IllegalArgumentException("--concurrent-processes must be at least 1");
        }
        if (retryMaxDelay.compareTo(retryMinDelay) < 0) {
            throw new IllegalArgumentException("--retry-max-delay must not be shorter than --retry-min-delay");
        }
        if (runtimeConfiguration != null && !runtimeConfiguration.equals(FLEET_RUNTIME_CONFIGURATION)) {
            throw new IllegalArgumentException("--runtime-configuration takes one value: fleet (the processes of the "
                    + "fleet's RuntimeConfiguration)");
        }
        if (runtimeConfiguration != null && !command.isEmpty()) {
            throw new IllegalArgumentException("give either --runtime-configuration fleet or a game server command "
                    + "after --, not both");
        }
        if (statusPort != null && (statusPort < 0 || statusPort > 65535)) {
            throw new IllegalArgumentException("--status-port must be between 0 and 65535");
        }
    }

    static AgentSettings resolve(SettingsResolver<AgentSetting> settings, List<String> arguments) {
        String computeName = settings.get(AgentSetting.COMPUTE_NAME);
        String statusPort = settings.get(AgentSetting.STATUS_PORT);
        String tokenFile = settings.get(AgentSetting.TOKEN_FILE);
        return new AgentSettings(settings.get(AgentSetting.FLEET_ID), settings.get(AgentSetting.LOCATION),
                settings.get(AgentSetting.IP_ADDRESS), settings.get(AgentSetting.DNS_NAME),
                computeName != null ? computeName : hostComputeName(),
                settings.get(AgentSetting.ENDPOINT_URL), settings.get(AgentSetting.PROFILE),
                settings.get(AgentSetting.REGION), tokenFile == null ? null : Path.of(tokenFile),
                arguments != null && !arguments.isEmpty() ? arguments : settings.getList(AgentSetting.LAUNCH_COMMAND),
                settings.getInt(AgentSetting.CONCURRENT_PROCESSES),
                settings.getDuration(AgentSetting.REFRESH_INTERVAL), settings.getDuration(AgentSetting.RETRY_MIN_DELAY),
                settings.getDuration(AgentSetting.RETRY_MAX_DELAY), settings.getDuration(AgentSetting.GRACE_PERIOD),
                statusPort == null ? null : settings.getInt(AgentSetting.STATUS_PORT),
                settings.get(AgentSetting.STATUS_BIND), settings.get(AgentSetting.LOG_FORMAT),
                settings.get(AgentSetting.RUNTIME_CONFIGURATION));
    }

    /** The host's short name, made a valid compute name (letters, digits and hyphens). */
    static String hostComputeName() {
        String host = ProcessEnvironment.variables().get("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
        }
        String shortName = host.split("\\.", 2)[0].replaceAll("[^A-Za-z0-9-]", "-");
        return shortName.isEmpty() ? "localhost" : shortName.toLowerCase(Locale.ROOT);
    }

    private static void require(String value, String flag) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(flag + " is required");
        }
    }
}
