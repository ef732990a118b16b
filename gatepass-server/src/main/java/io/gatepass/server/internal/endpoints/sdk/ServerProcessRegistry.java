package io.gatepass.server.internal.endpoints.sdk;

import io.gatepass.server.internal.gamelift.GameSessionEvents;
import io.gatepass.server.internal.gamelift.GameSessionEvents.PlayerSessionPage;
import io.gatepass.server.internal.gamelift.GameSessionEvents.PlayerSessionQuery;
import io.gatepass.server.internal.gamelift.GameSessionStart;
import io.gatepass.server.internal.gamelift.ProcessAgents;
import io.gatepass.server.internal.gamelift.ServerProcess;
import io.gatepass.server.internal.gamelift.ServerProcesses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The game server processes connected to this node, by {@code pID}: their connection, activation, health and
 * timers, and the pushes to them. A process outlives its connection: a reconnect with the same pID (after a network
 * drop or a RefreshConnection) continues it, and a newer connection replaces an older one. Everything that depends on
 * time is decided in {@link #check()}, which the server runs periodically with its clock. Thread-safe.
 */
public final class ServerProcessRegistry implements ServerProcesses {
    private static final Logger LOG = LoggerFactory.getLogger(ServerProcessRegistry.class);
    private static final short NORMAL_CLOSURE = 1000;
    /** How long after its TerminationTime a process may take to call ProcessEnding (as GameLift's exit timeout). */
    static final Duration EXIT_GRACE = Duration.ofSeconds(30);

    private final Clock clock;
    private final SdkSettings settings;
    private final Supplier<GameSessionEvents> events;
    private final ComputeTokenRefresher tokens;
    private final ProcessRecords records;
    private final SdkMessages messages = new SdkMessages();
    private final Map<String, Process> processes = new HashMap<>();
    private final Supplier<ProcessAgents> agents;

    /**
     * @param events  the game sessions' side of the seam (a supplier, as the two sides are built in either order)
     * @param records where processes are recorded for other nodes to see
     */
    public ServerProcessRegistry(Clock clock, SdkSettings settings, Supplier<GameSessionEvents> events,
                                 ComputeTokenRefresher tokens, ProcessRecords records) {
        this(clock, settings, events, tokens, records, () -> ProcessAgents.NONE);
    }

    /** @param agents the agents on the computes, told of registrations, activations and forced exits */
    public ServerProcessRegistry(Clock clock, SdkSettings settings, Supplier<GameSessionEvents> events,
                                 ComputeTokenRefresher tokens, ProcessRecords records,
                                 Supplier<ProcessAgents> agents) {
        this.agents = agents;
        this.clock = clock;
        this.settings = settings;
        this.events = events;
        this.tokens = tokens;
        this.records = records;
    }

    /** A process's state; every field is guarded by the registry. */
    static final class Process {
        final String processId;
        ConnectedCompute compute;
        ProcessConnection connection;
        String refreshEndpoint;
        final Instant connectedAt;
        Instant disconnectedAt;
        ServerProcess activated;
        String sdkVersion;
        String sdkLanguage;
        Instant lastHeartbeat;
        Instant unhealthySince;
        Instant terminationSentAt;
        /** When a process told to terminate is given up on, if it has not ended by then. */
        Instant terminationDeadline;
        Instant refreshSentAt;
        boolean ended;
        final Map<ProcessConnection, Instant> replaced = new LinkedHashMap<>();

        Process(String processId, ConnectedCompute compute, Instant connectedAt) {
            this.processId = processId;
            this.compute = compute;
            this.connectedAt = connectedAt;
        }

        boolean healthy() {
            return unhealthySince == null;
        }
    }

    /**
     * Attaches a new connection for a pID: a new process, or the same process again (reconnect). A live older
     * connection is replaced: pushes go to the new one, and the old one is closed after a drain period.
     *
     * @return the process, or empty if the pID is live for another fleet or compute
     */
    public synchronized Optional<Process> attach(String processId, ConnectedCompute compute,
                                                 ProcessConnection connection, String refreshEndpoint) {
        Instant now = clock.instant();
        Process process = processes.get(processId);
        if (process != null && !process.ended && (!process.compute.fleetId().equals(compute.fleetId())
                || !process.compute.computeName().equals(compute.computeName()))) {
            return Optional.empty();
        }
        if (process == null || process.ended) {
            process = new Process(processId, compute, now);
            processes.put(processId, process);
        } else {
            if (process.connection != null) {
                process.replaced.put(process.connection, now.plus(settings.replacedDrain()));
                LOG.info("SDK process {} (fleet {}, compute {}) connected again: the newer connection replaces "
                        + "the older", processId, compute.fleetId(), compute.computeName());
            } else {
                LOG.info("SDK process {} (fleet {}, compute {}) reconnected", processId, compute.fleetId(),
                        compute.computeName());
            }
            if (compute.tokenExpiry() == null || process.compute.tokenExpiry() == null
                    || compute.tokenExpiry().isAfter(process.compute.tokenExpiry())) {
                process.refreshSentAt = null;
            }
            process.compute = compute;
        }
        process.connection = connection;
        process.refreshEndpoint = refreshEndpoint;
        process.disconnectedAt = null;
        return Optional.of(process);
    }

    /** True if the pID is live for another fleet or compute than this one. */
    public synchronized boolean conflicts(String processId, ConnectedCompute compute) {
        Process process = processes.get(processId);
        return process != null && !process.ended && (!process.compute.fleetId().equals(compute.fleetId())
                || !process.compute.computeName().equals(compute.computeName()));
    }

    /** The connection closed. The process stays for {@link SdkSettings#reconnectGrace()} if it was its current one. */
    public synchronized void detach(Process process, ProcessConnection connection) {
        process.replaced.remove(connection);
        if (process.connection == connection) {
            process.connection = null;
            process.disconnectedAt = clock.instant();
            notifyAll();
            if (process.activated == null && !process.ended) {
                process.ended = true;
                processes.remove(process.processId, process);
            }
        }
    }

    /** ActivateServerProcess (ProcessReady). Again on an active process, it updates the port. */
    ServerProcess activate(Process process, String sdkVersion, String sdkLanguage, int port) {
        return activate(process, sdkVersion, sdkLanguage, port, List.of());
    }

    /** ActivateServerProcess with the log paths the process gave, which its agent is told. */
    ServerProcess activate(Process process, String sdkVersion, String sdkLanguage, int port, List<String> logPaths) {
        ServerProcess view;
        synchronized (this) {
            requireLive(process);
            ConnectedCompute c = process.compute;
            Instant now = clock.instant();
            Instant activatedAt = process.activated == null ? now : process.activated.activatedAt();
            view = new ServerProcess(process.processId, c.accountId(), c.fleetId(), c.computeName(), c.location(),
                    c.ipAddress(), c.dnsName(), port, activatedAt);
            process.activated = view;
            process.sdkVersion = sdkVersion;
            process.sdkLanguage = sdkLanguage;
            process.lastHeartbeat = now;
        }
        records.activated(view, sdkVersion, sdkLanguage);
        agents.get().processRegistered(view, logPaths);
        return view;
    }

    /** HeartbeatServerProcess: healthy or not. */
    void heartbeat(Process process, boolean healthy) {
        ServerProcess view;
        Instant now = clock.instant();
        synchronized (this) {
            requireLive(process);
            process.lastHeartbeat = now;
            if (healthy) {
                process.unhealthySince = null;
            } else if (process.unhealthySince == null) {
                process.unhealthySince = now;
                LOG.info("SDK process {} (fleet {}, compute {}) reports itself unhealthy", process.processId,
                        process.compute.fleetId(), process.compute.computeName());
            }
            view = process.activated;
        }
        if (view != null) {
            records.heartbeat(view, healthy, now);
        }
    }

    /** TerminateServerProcess (ProcessEnding): the process ends; its game session, if any, is over. */
    void ending(Process process) {
        ServerProcess view;
        String reason;
        synchronized (this) {
            if (process.ended) {
                return;
            }
            process.ended = true;
            processes.remove(process.processId, process);
            view = process.activated;
            reason = process.terminationSentAt == null ? null : "TRIGGERED_ON_PROCESS_TERMINATE";
        }
        LOG.info("SDK process {} (fleet {}, compute {}) ends (ProcessEnding)", process.processId,
                process.compute.fleetId(), process.compute.computeName());
        if (view != null) {
            events.get().processEnded(view, reason);
            records.ended(view);
        }
    }

    /** The activated view of the process, or null before ActivateServerProcess. */
    synchronized ServerProcess activated(Process process) {
        return process.activated;
    }

    private static void requireLive(Process process) {
        if (process.ended) {
            throw new IllegalStateException("The process has ended (ProcessEnding); start a new one.");
        }
    }

    /** The game session was activated: the process's agent is told. */
    void gameSessionActivated(ServerProcess process, String gameSessionId) {
        agents.get().gameSessionActivated(process, gameSessionId);
    }

    /**
     * The live processes of a compute that called ProcessReady, by pID: true if healthy, false if unhealthy (it
     * reported so, missed its heartbeats, or was told to terminate and did not).
     */
    public synchronized Map<String, Boolean> registeredOn(String fleetId, String computeName) {
        Map<String, Boolean> out = new HashMap<>();
        for (Process process : processes.values()) {
            if (!process.ended && process.activated != null && process.compute.fleetId().equals(fleetId)
                    && process.compute.computeName().equals(computeName)) {
                out.put(process.processId, process.healthy());
            }
        }
        return out;
    }

    /**
     * The compute's agent saw the process exit (NotifyServerProcessTermination). A process that had not called
     * ProcessEnding is over now rather than after the reconnect grace: its game session is INTERRUPTED.
     *
     * @return true if the process was live here
     */
    public boolean exited(String fleetId, String computeName, String processId) {
        Process process;
        ProcessConnection connection;
        synchronized (this) {
            process = processes.get(processId);
            if (process == null || process.ended || !process.compute.fleetId().equals(fleetId)
                    || !process.compute.computeName().equals(computeName)) {
                return false;
            }
            process.ended = true;
            processes.remove(processId, process);
            connection = process.connection;
            notifyAll();
        }
        LOG.info("SDK process {} (fleet {}, compute {}) exited, says the compute's agent", processId, fleetId,
                computeName);
        if (connection != null) {
            connection.close(NORMAL_CLOSURE, "The process exited");
        }
        if (process.activated != null) {
            events.get().processEnded(process.activated, "INTERRUPTED");
            records.ended(process.activated);
        }
        return true;
    }

    @Override
    public synchronized List<ServerProcess> activeProcesses(String fleetId, String location) {
        return processes.values().stream()
                .filter(p -> !p.ended && p.activated != null && p.connection != null && p.healthy()
                        && p.terminationSentAt == null)
                .map(p -> p.activated)
                .filter(v -> v.fleetId().equals(fleetId) && (location == null || location.equals(v.location())))
                .sorted(Comparator.comparing(ServerProcess::activatedAt).thenComparing(ServerProcess::processId))
                .toList();
    }

    @Override
    public synchronized java.util.Set<String> impairedComputes(String fleetId) {
        return processes.values().stream()
                .filter(p -> !p.ended && p.activated != null && p.connection != null && !p.healthy()
                        && p.activated.fleetId().equals(fleetId))
                .map(p -> p.activated.computeName())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean startGameSession(String processId, GameSessionStart session) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("GameSessionId", session.gameSessionId());
        members.put("GameSessionName", nonNull(session.gameSessionName()));
        members.put("MaximumPlayerSessionCount", session.maximumPlayerSessionCount());
        members.put("Port", session.port());
        members.put("IpAddress", nonNull(session.ipAddress()));
        members.put("DnsName", nonNull(session.dnsName()));
        members.put("GameProperties", session.gameProperties() == null ? Map.of() : session.gameProperties());
        members.put("GameSessionData", nonNull(session.gameSessionData()));
        members.put("MatchmakerData", nonNull(session.matchmakerData()));
        return push(processId, messages.push("CreateGameSession", members));
    }

    @Override
    public boolean updateGameSession(String processId, GameSessionStart session, String updateReason) {
        ServerProcess view;
        synchronized (this) {
            Process process = processes.get(processId);
            view = process == null ? null : process.activated;
        }
        Map<String, Object> gameSession = new LinkedHashMap<>();
        gameSession.put("GameSessionId", session.gameSessionId());
        gameSession.put("Name", nonNull(session.gameSessionName()));
        gameSession.put("FleetId", view == null ? "" : view.fleetId());
        gameSession.put("Location", view == null ? "" : nonNull(view.location()));
        gameSession.put("MaximumPlayerSessionCount", session.maximumPlayerSessionCount());
        gameSession.put("IpAddress", nonNull(session.ipAddress()));
        gameSession.put("Port", session.port());
        gameSession.put("DnsName", nonNull(session.dnsName()));
        gameSession.put("GameProperties", session.gameProperties() == null ? Map.of() : session.gameProperties());
        gameSession.put("GameSessionData", nonNull(session.gameSessionData()));
        gameSession.put("MatchmakerData", nonNull(session.matchmakerData()));
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("GameSession", gameSession);
        members.put("UpdateReason", nonNull(updateReason));
        members.put("BackfillTicketId", "");
        return push(processId, messages.push("UpdateGameSession", members));
    }

    @Override
    public boolean terminateProcess(String processId, Instant terminationTime) {
        synchronized (this) {
            Process process = processes.get(processId);
            if (process == null || process.ended || process.connection == null) {
                return false;
            }
            process.terminationSentAt = clock.instant();
            process.terminationDeadline = terminationTime.plus(EXIT_GRACE);
        }
        return push(processId, terminateMessage(terminationTime));
    }

    /**
     * Server shutdown: tells every activated process to terminate, then waits, at most {@code patience} of real time,
     * until each has closed its connection. The SDKs call ProcessEnding when told to terminate and hang up only once
     * they have its reply; closing the listeners earlier would cut that reply off, and the game server would hang in
     * ProcessEnding. True if all hung up in time.
     */
    public boolean terminateAll(Duration patience) {
        return awaitDisconnected(tellAllToTerminate(), patience);
    }

    private List<Process> tellAllToTerminate() {
        List<Process> told = new ArrayList<>();
        List<ProcessConnection> connections = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            for (Process process : processes.values()) {
                if (!process.ended && process.connection != null && process.activated != null) {
                    process.terminationSentAt = now;
                    process.terminationDeadline = now.plus(settings.terminationNotice()).plus(EXIT_GRACE);
                    told.add(process);
                    connections.add(process.connection);
                }
            }
        }
        String message = terminateMessage(clock.instant());
        connections.forEach(c -> c.send(message));
        return told;
    }

    private boolean awaitDisconnected(List<Process> told, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (this) {
            while (told.stream().anyMatch(p -> p.connection != null)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private String terminateMessage(Instant terminationTime) {
        // Epoch milliseconds, as the Go SDK's model documents TerminationTime.
        return messages.push("TerminateProcess", Map.of("TerminationTime", terminationTime.toEpochMilli()));
    }

    private boolean push(String processId, String message) {
        ProcessConnection connection;
        synchronized (this) {
            Process process = processes.get(processId);
            connection = process == null || process.ended ? null : process.connection;
        }
        if (connection == null) {
            return false;
        }
        connection.send(message);
        return true;
    }

    /**
     * The timers: drops connections that never activated, marks silent processes unhealthy, sends TerminateProcess
     * to processes unhealthy too long or whose compute was deregistered (or fleet deleted), ends processes that did
     * not reconnect in time, closes replaced connections, and pushes RefreshConnection before a connection's token
     * expires. Blocking (reads the store); run it off the event loop.
     */
    public void check() {
        Instant now = clock.instant();
        List<Runnable> afterwards = new ArrayList<>();
        List<Process> lost = new ArrayList<>();
        List<Process> forced = new ArrayList<>();
        Set<String> registrations;
        synchronized (this) {
            for (Process process : List.copyOf(processes.values())) {
                checkTimers(process, now, afterwards, lost, forced);
            }
            registrations = processes.values().stream().filter(p -> !p.ended)
                    .map(p -> p.compute.registrationId()).collect(Collectors.toSet());
        }
        afterwards.forEach(Runnable::run);
        for (Process process : lost) {
            LOG.info("SDK process {} (fleet {}, compute {}) did not reconnect within {}: it has ended",
                    process.processId, process.compute.fleetId(), process.compute.computeName(),
                    settings.reconnectGrace());
            events.get().processEnded(process.activated, "INTERRUPTED");
            records.ended(process.activated);
        }
        for (Process process : forced) {
            events.get().processEnded(process.activated, "FORCE_TERMINATED");
            records.ended(process.activated);
            agents.get().forceExit(process.activated, "SERVER_PROCESS_FORCE_TERMINATED");
        }
        Set<String> gone = registrations.stream().filter(r -> !tokens.registered(r)).collect(Collectors.toSet());
        if (!gone.isEmpty()) {
            terminateDeregistered(gone, now);
        }
        refreshConnections(now);
    }

    private void checkTimers(Process process, Instant now, List<Runnable> afterwards, List<Process> lost,
                             List<Process> forced) {
        process.replaced.entrySet().removeIf(entry -> {
            if (!now.isBefore(entry.getValue())) {
                ProcessConnection old = entry.getKey();
                afterwards.add(() -> old.close(NORMAL_CLOSURE, "Replaced by a newer connection"));
                return true;
            }
            return false;
        });
        if (process.ended) {
            return;
        }
        String who = process.processId + " (fleet " + process.compute.fleetId() + ", compute "
                + process.compute.computeName() + ")";
        if (process.terminationDeadline != null && !now.isBefore(process.terminationDeadline)
                && process.activated != null) {
            process.ended = true;
            processes.remove(process.processId, process);
            forced.add(process);
            ProcessConnection connection = process.connection;
            LOG.info("SDK process {} did not call ProcessEnding after TerminateProcess: it is over", who);
            if (connection != null) {
                afterwards.add(() -> connection.close(NORMAL_CLOSURE, "Terminated"));
            }
            return;
        }
        if (process.connection == null) {
            if (process.disconnectedAt != null
                    && !now.isBefore(process.disconnectedAt.plus(settings.reconnectGrace()))) {
                process.ended = true;
                processes.remove(process.processId, process);
                if (process.activated != null) {
                    lost.add(process);
                }
            }
            return;
        }
        if (process.activated == null) {
            if (!now.isBefore(process.connectedAt.plus(settings.activationTimeout()))) {
                process.ended = true;
                processes.remove(process.processId, process);
                ProcessConnection connection = process.connection;
                LOG.info("SDK process {} connected but did not call ProcessReady within {}: closed", who,
                        settings.activationTimeout());
                afterwards.add(() -> connection.close(NORMAL_CLOSURE, "ProcessReady was not called in time"));
            }
            return;
        }
        if (process.unhealthySince == null
                && !now.isBefore(process.lastHeartbeat.plus(settings.heartbeatTimeout()))) {
            process.unhealthySince = process.lastHeartbeat.plus(settings.heartbeatTimeout());
            LOG.info("SDK process {} sent no heartbeat for {}: unhealthy", who, settings.heartbeatTimeout());
            ServerProcess view = process.activated;
            Instant last = process.lastHeartbeat;
            afterwards.add(() -> records.heartbeat(view, false, last));
        }
        if (process.unhealthySince != null && process.terminationSentAt == null
                && !now.isBefore(process.unhealthySince.plus(settings.unhealthyTimeout()))) {
            process.terminationSentAt = now;
            process.terminationDeadline = now.plus(settings.terminationNotice()).plus(EXIT_GRACE);
            LOG.info("SDK process {} unhealthy for {}: sending TerminateProcess", who, settings.unhealthyTimeout());
            String message = terminateMessage(now.plus(settings.terminationNotice()));
            ProcessConnection connection = process.connection;
            afterwards.add(() -> connection.send(message));
        }
    }

    private void terminateDeregistered(Set<String> registrations, Instant now) {
        List<ProcessConnection> connections = new ArrayList<>();
        synchronized (this) {
            for (Process process : processes.values()) {
                if (!process.ended && process.terminationSentAt == null && process.connection != null
                        && registrations.contains(process.compute.registrationId())) {
                    process.terminationSentAt = now;
                    process.terminationDeadline = now.plus(settings.terminationNotice()).plus(EXIT_GRACE);
                    connections.add(process.connection);
                    LOG.info("SDK process {} (fleet {}, compute {}): the compute was deregistered or its fleet "
                                    + "deleted: sending TerminateProcess", process.processId,
                            process.compute.fleetId(), process.compute.computeName());
                }
            }
        }
        String message = terminateMessage(now.plus(settings.terminationNotice()));
        connections.forEach(c -> c.send(message));
    }

    private void refreshConnections(Instant now) {
        List<Process> due = new ArrayList<>();
        synchronized (this) {
            for (Process process : processes.values()) {
                Instant expiry = process.compute.tokenExpiry();
                if (process.ended || process.connection == null || expiry == null
                        || process.terminationSentAt != null || process.refreshEndpoint == null) {
                    continue;
                }
                Duration lifetime = Duration.between(process.connectedAt, expiry);
                Duration before = settings.refreshBefore().compareTo(lifetime.dividedBy(2)) < 0
                        ? settings.refreshBefore() : lifetime.dividedBy(2);
                boolean dueNow = !now.isBefore(expiry.minus(before)) && (process.refreshSentAt == null
                        || !now.isBefore(process.refreshSentAt.plus(settings.refreshRetry())));
                if (dueNow) {
                    due.add(process);
                }
            }
        }
        for (Process process : due) {
            Optional<ComputeTokenRefresher.CurrentToken> token = tokens.current(process.compute.registrationId());
            if (token.isEmpty() || !token.get().expiry().isAfter(Objects.requireNonNull(
                    process.compute.tokenExpiry()))) {
                continue;
            }
            ProcessConnection connection;
            String endpoint;
            synchronized (this) {
                connection = process.connection;
                endpoint = process.refreshEndpoint;
                process.refreshSentAt = now;
            }
            if (connection != null) {
                LOG.info("SDK process {} (fleet {}, compute {}): RefreshConnection before its token expires at {}",
                        process.processId, process.compute.fleetId(), process.compute.computeName(),
                        process.compute.tokenExpiry());
                connection.send(messages.push("RefreshConnection", Map.of(
                        "RefreshConnectionEndpoint", endpoint, "AuthToken", token.get().token())));
            }
        }
    }

    /** How many processes are connected and activated (for metrics). */
    public synchronized int activeCount() {
        return (int) processes.values().stream().filter(p -> !p.ended && p.activated != null && p.connection != null)
                .count();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
