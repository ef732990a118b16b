package io.gatepass.cli.agent;

import io.gatepass.cli.LogSetup;
import io.gatepass.cli.SettingsResolver;
import io.gatepass.cli.Signals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.gamelift.GameLiftClient;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/** {@code gatepass agent}: registers a compute, keeps its auth token fresh and runs game server processes with it. */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = {"Register this host as a GameLift Anywhere compute and keep its auth token fresh.",
                "Each option can also be set as GATEPASS_AGENT_<NAME> in the environment (e.g. "
                        + "GATEPASS_AGENT_FLEET_ID) or in a YAML file given with --config (e.g. fleet-id: ...)."})
public final class AgentCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(AgentCommand.class);

    @Option(names = "--fleet-id", paramLabel = "ID", description = "Anywhere fleet to register with (required)")
    String fleetId;

    @Option(names = "--location", paramLabel = "custom-...", description = "Custom location of the fleet (required)")
    String location;

    @Option(names = "--ip-address", paramLabel = "ADDRESS", description = "Address game clients connect to")
    String ipAddress;

    @Option(names = "--dns-name", paramLabel = "NAME", description = "DNS name game clients connect to")
    String dnsName;

    @Option(names = "--compute-name", paramLabel = "NAME", description = "Compute name (default: the host name)")
    String computeName;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "GameLift endpoint, e.g. the Gatepass server")
    String endpointUrl;

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile for credentials and region")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", description = "Region (default: AWS_REGION or the profile's)")
    String region;

    @Option(names = "--token-file", paramLabel = "PATH",
            description = "Keep the current auth token in this file (mode 0600, replaced atomically)")
    String tokenFile;

    @Option(names = "--concurrent-processes", paramLabel = "N",
            description = "Game server processes to keep running (default 1)")
    String concurrentProcesses;

    @Option(names = "--refresh-interval", paramLabel = "DURATION",
            description = "Ask for the token this often at least (default 5m)")
    String refreshInterval;

    @Option(names = "--retry-min-delay", paramLabel = "DURATION",
            description = "First delay after a failure; doubles up to --retry-max-delay (default 1s)")
    String retryMinDelay;

    @Option(names = "--retry-max-delay", paramLabel = "DURATION", description = "Longest retry delay (default 1m)")
    String retryMaxDelay;

    @Option(names = "--grace-period", paramLabel = "DURATION",
            description = "Time between SIGTERM and SIGKILL for game server processes on stop (default 10s)")
    String gracePeriod;

    @Option(names = "--status-port", paramLabel = "PORT",
            description = "Serve GET /status and /metrics on this port (default: off; 0 picks a free one)")
    String statusPort;

    @Option(names = "--status-bind", paramLabel = "ADDRESS", description = "Address of the status endpoint "
            + "(default 127.0.0.1)")
    String statusBind;

    @Option(names = "--log-format", paramLabel = "text|json", description = "Log format (default text)")
    String logFormat;

    @Option(names = "--runtime-configuration", paramLabel = "fleet", description = "Launch the processes of the "
            + "fleet's RuntimeConfiguration (LaunchPath, Parameters, ConcurrentExecutions), as the Amazon GameLift "
            + "Agent does, instead of a command after --")
    String runtimeConfiguration;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML file with settings (keys as the long options)")
    Path config;

    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "After --: the game server command to launch with the GAMELIFT_SDK_* variables")
    List<String> command;

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = System.getenv();
        AgentSettings settings;
        GameLiftClient client;
        try {
            String configFile = env.get("GATEPASS_AGENT_CONFIG");
            SettingsResolver<AgentSetting> resolver = new SettingsResolver<>(AgentSetting.class, flags(), env::get,
                    config != null ? config : configFile == null || configFile.isBlank() ? null : Path.of(configFile));
            settings = AgentSettings.resolve(resolver, command);
            LogSetup.configure(settings.logFormat());
            client = GameLiftClients.build(settings, env);
        } catch (IllegalArgumentException e) {
            System.err.println("gatepass agent: " + e.getMessage());
            return 2;
        }
        return run(settings, client);
    }

    private static int run(AgentSettings settings, GameLiftClient gameLift) throws Exception {
        ScheduledExecutorService tokenThread = Scheduler.daemonExecutor("gatepass-agent-token");
        ScheduledExecutorService processThread = Scheduler.daemonExecutor("gatepass-agent-processes");
        try (GameLiftClient client = gameLift) {
            Agent agent = new Agent(settings, client, Clock.systemUTC(), Scheduler.of(tokenThread),
                    Scheduler.of(processThread), new SecureRandom());
            CompletableFuture<String> stop = new CompletableFuture<>();
            Signals.onTermination(() -> stop.complete("signal"));
            agent.fatal().thenAccept(e -> stop.complete("fatal"));
            LOG.info("agent for compute {} in fleet {} starting", settings.computeName(), settings.fleetId());
            try {
                agent.start();
            } catch (IOException e) {
                System.err.println("gatepass agent: cannot serve the status endpoint on " + settings.statusBind()
                        + ":" + settings.statusPort() + ": " + e.getMessage());
                return 1;
            }
            String reason = stop.get();
            boolean deregistered = agent.stop();
            if (reason.equals("fatal")) {
                return 1;
            }
            return deregistered ? 0 : 1;
        } catch (IllegalArgumentException e) {
            System.err.println("gatepass agent: " + e.getMessage());
            return 2;
        } finally {
            tokenThread.shutdownNow();
            processThread.shutdownNow();
        }
    }

    private Map<AgentSetting, String> flags() {
        Map<AgentSetting, String> flags = new EnumMap<>(AgentSetting.class);
        put(flags, AgentSetting.FLEET_ID, fleetId);
        put(flags, AgentSetting.LOCATION, location);
        put(flags, AgentSetting.IP_ADDRESS, ipAddress);
        put(flags, AgentSetting.DNS_NAME, dnsName);
        put(flags, AgentSetting.COMPUTE_NAME, computeName);
        put(flags, AgentSetting.ENDPOINT_URL, endpointUrl);
        put(flags, AgentSetting.PROFILE, profile);
        put(flags, AgentSetting.REGION, region);
        put(flags, AgentSetting.TOKEN_FILE, tokenFile);
        put(flags, AgentSetting.CONCURRENT_PROCESSES, concurrentProcesses);
        put(flags, AgentSetting.REFRESH_INTERVAL, refreshInterval);
        put(flags, AgentSetting.RETRY_MIN_DELAY, retryMinDelay);
        put(flags, AgentSetting.RETRY_MAX_DELAY, retryMaxDelay);
        put(flags, AgentSetting.GRACE_PERIOD, gracePeriod);
        put(flags, AgentSetting.STATUS_PORT, statusPort);
        put(flags, AgentSetting.STATUS_BIND, statusBind);
        put(flags, AgentSetting.LOG_FORMAT, logFormat);
        put(flags, AgentSetting.RUNTIME_CONFIGURATION, runtimeConfiguration);
        return flags;
    }

    private static void put(Map<AgentSetting, String> flags, AgentSetting setting, String value) {
        if (value != null) {
            flags.put(setting, value);
        }
    }
}
