package io.gatepass.cli.internal.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatepass.core.id.IdGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.gamelift.GameLiftClient;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One running agent: registers the compute, keeps its token fresh, writes the token file, runs the game server
 * processes once the first token is there, and serves its status. {@link #stop()} undoes it all in reverse.
 */
public final class Agent {
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentSettings settings;
    private final Clock clock;
    private final ComputeRegistration registration;
    private final TokenKeeper keeper;
    private final TokenFile tokenFile;
    private final GameLiftClient client;
    private final Scheduler processScheduler;
    private final Random random;
    /** The ids of the processes it starts (from the injected random source). */
    private final IdGenerator ids;
    /** One per kind of process; made when the first token is there (from the fleet's runtime configuration). */
    private volatile List<ProcessSupervisor> supervisors = List.of();
    private boolean stopped;
    private final AgentMetrics metrics = new AgentMetrics();
    private final CompletableFuture<RuntimeException> fatal = new CompletableFuture<>();
    private final AtomicBoolean processesStarted = new AtomicBoolean();
    private StatusServer statusServer;

    /**
     * @param tokenScheduler   runs the token refreshes (they block on the network)
     * @param processScheduler runs the delayed process restarts
     */
    public Agent(AgentSettings settings, GameLiftClient client, Clock clock, Scheduler tokenScheduler,
                 Scheduler processScheduler, Random random) {
        this.settings = settings;
        this.clock = clock;
        this.registration = new ComputeRegistration(client, settings);
        this.tokenFile = settings.tokenFile() == null ? null : new TokenFile(settings.tokenFile());
        this.keeper = new TokenKeeper(registration, clock, tokenScheduler,
                new Backoff(settings.retryMinDelay(), settings.retryMaxDelay(), random), settings.refreshInterval(),
                metrics, this::onNewToken, fatal::complete);
        this.client = client;
        this.processScheduler = processScheduler;
        this.random = random;
        this.ids = new IdGenerator(random);
        metrics.bind(keeper::current, keeper::hasValidToken,
                () -> supervisors.stream().mapToInt(ProcessSupervisor::running).sum());
    }

    /** Starts the status endpoint (if configured) and the first registration and token request. */
    public void start() throws IOException {
        if (settings.statusPort() != null) {
            statusServer = StatusServer.start(settings.statusBind(), settings.statusPort(), this::status,
                    keeper::hasValidToken, metrics);
            LOG.info("status at http://{}:{}/status, metrics at /metrics", settings.statusBind(), statusServer.port());
        }
        keeper.start();
    }

    /** Completes with the failure if the agent cannot go on (e.g. the fleet does not exist). */
    public CompletableFuture<RuntimeException> fatal() {
        return fatal;
    }

    /** Stops the processes, deregisters the compute and removes the token file; true if deregistration worked. */
    public boolean stop() {
        LOG.info("stopping: game server processes, then compute {}", settings.computeName());
        keeper.stop();
        List<ProcessSupervisor> running;
        synchronized (this) {
            stopped = true;
            running = supervisors;
        }
        running.forEach(s -> s.stop(settings.gracePeriod()));
        boolean deregistered = registration.current() == null || registration.deregister();
        if (tokenFile != null && deregistered) {
            tokenFile.delete();
        }
        if (statusServer != null) {
            statusServer.close();
        }
        return deregistered;
    }

    public TokenKeeper keeper() {
        return keeper;
    }

    public ComputeRegistration registration() {
        return registration;
    }

    public AgentMetrics metrics() {
        return metrics;
    }

    /** The status endpoint's port, or -1 without one. */
    public int statusPort() {
        return statusServer == null ? -1 : statusServer.port();
    }

    private void onNewToken(AuthToken token) {
        if (tokenFile != null) {
            try {
                tokenFile.write(token);
            } catch (RuntimeException e) {
                LOG.error("cannot write the token file: {}", e.getMessage());
            }
        }
        if (processesStarted.compareAndSet(false, true)) {
            startProcesses();
        }
    }

    /** The command after --, or the fleet's runtime configuration's processes with --runtime-configuration fleet. */
    private List<FleetRuntimeConfiguration.Launch> launches() {
        if (AgentSettings.FLEET_RUNTIME_CONFIGURATION.equals(settings.runtimeConfiguration())) {
            List<FleetRuntimeConfiguration.Launch> launches = FleetRuntimeConfiguration.launches(client,
                    settings.fleetId());
            LOG.info("runtime configuration of fleet {}: {}", settings.fleetId(), launches);
            return launches;
        }
        return settings.command().isEmpty() ? List.of()
                : List.of(new FleetRuntimeConfiguration.Launch(settings.command(), settings.concurrentProcesses()));
    }

    private void startProcesses() {
        List<FleetRuntimeConfiguration.Launch> launches;
        try {
            launches = launches();
        } catch (RuntimeException e) {
            LOG.error("cannot read the runtime configuration: {}", e.getMessage());
            fatal.complete(new AgentFatalException("cannot read the runtime configuration of fleet "
                    + settings.fleetId() + ": " + e.getMessage(), e));
            return;
        }
        List<ProcessSupervisor> made = launches.stream().map(launch -> new ProcessSupervisor(launch.command(),
                launch.count(),
                processId -> GameServerEnvironment.of(registration.lastKnown(), keeper.current(), processId),
                new Backoff(settings.retryMinDelay(), settings.retryMaxDelay(), random), processScheduler, clock,
                ids, metrics)).toList();
        synchronized (this) {
            if (stopped) {
                return;
            }
            supervisors = made;
        }
        made.forEach(ProcessSupervisor::start);
    }

    ObjectNode status() {
        ObjectNode status = JSON.createObjectNode();
        RegisteredCompute compute = registration.lastKnown();
        status.put("fleetId", settings.fleetId()).put("computeName", settings.computeName())
                .put("location", settings.location()).put("registered", registration.current() != null);
        if (compute != null) {
            status.put("computeArn", compute.computeArn()).put("gameLiftServiceSdkEndpoint", compute.sdkEndpoint());
        }
        AuthToken token = keeper.current();
        if (token == null) {
            status.putNull("token");
        } else {
            status.putObject("token").put("sha256", token.fingerprint()).put("expiry", token.expiry().toString())
                    .put("valid", token.validAt(clock.instant()));
        }
        status.put("tokenFile", tokenFile == null ? null : tokenFile.path().toString());
        Instant lastRefresh = keeper.lastRefresh();
        status.put("lastRefresh", lastRefresh == null ? null : lastRefresh.toString())
                .put("consecutiveFailures", keeper.failures()).put("lastError", keeper.lastError());
        ArrayNode processes = status.putArray("processes");
        for (ProcessSupervisor supervisor : supervisors) {
            for (ProcessSupervisor.ProcessInfo info : supervisor.processes()) {
                processes.addObject().put("slot", info.slot()).put("processId", info.processId())
                        .put("pid", info.pid()).put("alive", info.alive()).put("starts", info.starts())
                        .put("startedAt", info.startedAt() == null ? null : info.startedAt().toString());
            }
        }
        return status;
    }
}
