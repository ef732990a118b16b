package io.gatepass.server.internal.endpoints.agent;

import io.gatepass.server.internal.endpoints.sdk.ComputeTokenRefresher;
import io.gatepass.server.internal.endpoints.sdk.ConnectedCompute;
import io.gatepass.server.internal.endpoints.sdk.ProcessConnection;
import io.gatepass.server.internal.endpoints.sdk.SdkMessages;
import io.gatepass.server.internal.gamelift.ProcessAgents;
import io.gatepass.server.internal.gamelift.ServerProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agents connected to this node, one per compute: the newest connection of a compute is the one pushes go to (an
 * agent told to RefreshConnection opens a new one and closes the old one itself, minutes later). Pushes
 * NotifyProcessRegistered, NotifyGameSessionActivated and ForceExitServerProcess for what the SDK websocket sees, and,
 * from {@link #check()}, RefreshConnection before the connection's token expires and StartComputeTermination once
 * the compute is deregistered. Thread-safe.
 */
public final class ComputeAgents implements ProcessAgents {
    private static final Logger LOG = LoggerFactory.getLogger(ComputeAgents.class);

    private final Clock clock;
    private final ComputeTokenRefresher tokens;
    private final Duration refreshBefore;
    private final Duration refreshRetry;
    private final SdkMessages messages = new SdkMessages();
    private final Map<String, Agent> agents = new HashMap<>();

    /**
     * @param refreshBefore RefreshConnection is pushed this long before the connection's token expires ...
     * @param refreshRetry  ... and again this often until the agent has connected with the new token
     */
    public ComputeAgents(Clock clock, ComputeTokenRefresher tokens, Duration refreshBefore, Duration refreshRetry) {
        this.clock = clock;
        this.tokens = tokens;
        this.refreshBefore = refreshBefore;
        this.refreshRetry = refreshRetry;
    }

    /** One agent connection; its mutable fields are guarded by the registry. */
    public static final class Agent {
        final ConnectedCompute compute;
        final ProcessConnection connection;
        final String endpoint;
        final Instant connectedAt;
        String status = "Initializing";
        Instant refreshSentAt;
        boolean terminationSent;

        Agent(ConnectedCompute compute, ProcessConnection connection, String endpoint, Instant connectedAt) {
            this.compute = compute;
            this.connection = connection;
            this.endpoint = endpoint;
            this.connectedAt = connectedAt;
        }

        public ConnectedCompute compute() {
            return compute;
        }
    }

    private static String key(String fleetId, String computeName) {
        return fleetId + "/" + computeName;
    }

    /**
     * A new connection for the compute; it becomes the one pushes go to.
     *
     * @param endpoint where RefreshConnection sends the agent: the URL it reached us at; null if unknown
     */
    public synchronized Agent attach(ConnectedCompute compute, ProcessConnection connection, String endpoint) {
        Agent agent = new Agent(compute, connection, endpoint, clock.instant());
        Agent previous = agents.put(key(compute.fleetId(), compute.computeName()), agent);
        if (previous != null) {
            agent.status = previous.status;
            agent.terminationSent = previous.terminationSent;
        }
        return agent;
    }

    /** The connection closed; the compute has no agent here unless a newer connection replaced this one. */
    public synchronized void detach(Agent agent) {
        agents.remove(key(agent.compute.fleetId(), agent.compute.computeName()), agent);
    }

    /** The status the agent reported in its last heartbeat. */
    synchronized void reported(Agent agent, String status) {
        agent.status = status;
    }

    /** True once the compute was told to terminate. */
    synchronized boolean terminating(Agent agent) {
        return agent.terminationSent;
    }

    /** How many computes have an agent connected here (for metrics). */
    public synchronized int connectedCount() {
        return agents.size();
    }

    @Override
    public void processRegistered(ServerProcess process, List<String> logPaths) {
        if (logPaths.isEmpty()) {
            LOG.warn("Process {} (fleet {}, compute {}) called ProcessReady without LogPaths: the Amazon GameLift "
                            + "Agent keeps such a process as not registered and kills it after its timeout",
                    process.processId(), process.fleetId(), process.computeName());
        }
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("ProcessId", process.processId());
        members.put("LogPaths", logPaths);
        push(process.fleetId(), process.computeName(), "NotifyProcessRegistered", members);
    }

    @Override
    public void gameSessionActivated(ServerProcess process, String gameSessionId) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("ProcessId", process.processId());
        members.put("GameSessionId", gameSessionId);
        push(process.fleetId(), process.computeName(), "NotifyGameSessionActivated", members);
    }

    @Override
    public void forceExit(ServerProcess process, String terminationReason) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("ProcessId", process.processId());
        members.put("TerminationReason", terminationReason);
        push(process.fleetId(), process.computeName(), "ForceExitServerProcess", members);
    }

    private void push(String fleetId, String computeName, String action, Map<String, Object> members) {
        ProcessConnection connection;
        synchronized (this) {
            Agent agent = agents.get(key(fleetId, computeName));
            connection = agent == null ? null : agent.connection;
        }
        if (connection != null) {
            connection.send(messages.push(action, members));
        }
    }

    /**
     * The timers: StartComputeTermination to agents whose compute was deregistered (or fleet deleted), and
     * RefreshConnection with the compute's current token before a connection's token expires. Blocking (reads the
     * store); run it off the event loop.
     */
    public void check() {
        Instant now = clock.instant();
        List<Agent> current;
        synchronized (this) {
            current = new ArrayList<>(agents.values());
        }
        for (Agent agent : current) {
            if (!tokens.registered(agent.compute.registrationId())) {
                boolean first;
                synchronized (this) {
                    first = !agent.terminationSent;
                    agent.terminationSent = true;
                }
                if (first) {
                    LOG.info("Agent of compute {} (fleet {}): the compute was deregistered or its fleet deleted: "
                            + "StartComputeTermination", agent.compute.computeName(), agent.compute.fleetId());
                    agent.connection.send(messages.push("StartComputeTermination", Map.of()));
                }
                continue;
            }
            refreshIfDue(agent, now);
        }
    }

    private void refreshIfDue(Agent agent, Instant now) {
        Instant expiry = agent.compute.tokenExpiry();
        if (expiry == null || agent.endpoint == null) {
            return;
        }
        Duration lifetime = Duration.between(agent.connectedAt, expiry);
        Duration before = refreshBefore.compareTo(lifetime.dividedBy(2)) < 0 ? refreshBefore : lifetime.dividedBy(2);
        synchronized (this) {
            if (now.isBefore(expiry.minus(before))
                    || (agent.refreshSentAt != null && now.isBefore(agent.refreshSentAt.plus(refreshRetry)))) {
                return;
            }
        }
        Optional<ComputeTokenRefresher.CurrentToken> token = tokens.current(agent.compute.registrationId());
        if (token.isEmpty() || !token.get().expiry().isAfter(expiry)) {
            return;
        }
        synchronized (this) {
            agent.refreshSentAt = now;
        }
        LOG.info("Agent of compute {} (fleet {}): RefreshConnection before its token expires at {}",
                agent.compute.computeName(), agent.compute.fleetId(), expiry);
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("RefreshConnectionEndpoint", agent.endpoint);
        members.put("AuthToken", token.get().token());
        // epoch seconds: what the agent's JSON mapper reads as an Instant
        members.put("ExpirationTime", token.get().expiry().getEpochSecond());
        agent.connection.send(messages.push("RefreshConnection", members));
    }
}
