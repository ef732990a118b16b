package io.gatepass.server.testing;

import io.gatepass.server.internal.gamelift.GameSessionStart;
import io.gatepass.server.internal.gamelift.ServerProcess;
import io.gatepass.server.internal.gamelift.ServerProcesses;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Game server processes a test connects and disconnects by hand, standing in for the SDK websocket: it reports them
 * to game session placement and records what Gatepass pushes to them.
 */
public final class FakeServerProcesses implements ServerProcesses {
    /** A push to a process: {@code action} is CreateGameSession, UpdateGameSession or TerminateProcess. */
    public record Push(String processId, String action, GameSessionStart session, Instant terminationTime) {
    }

    private final Map<String, ServerProcess> connected = new ConcurrentHashMap<>();
    private final List<Push> pushes = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> unreachable = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicLong activations = new java.util.concurrent.atomic.AtomicLong();

    /** A process that called ProcessReady on compute {@code computeName} of the fleet. */
    public ServerProcess connect(String accountId, String fleetId, String computeName, String location,
                                 String processId, int port) {
        ServerProcess process = new ServerProcess(processId, accountId, fleetId, computeName, location, "10.0.0.7",
                null, port, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(activations.incrementAndGet()));
        connected.put(processId, process);
        return process;
    }

    public void disconnect(String processId) {
        connected.remove(processId);
    }

    /** The process stays listed, but pushes to it fail (its connection dropped a moment ago). */
    public void makeUnreachable(String processId) {
        unreachable.add(processId);
    }

    public List<Push> pushes() {
        return List.copyOf(pushes);
    }

    public List<Push> pushesTo(String processId) {
        return pushes.stream().filter(p -> p.processId().equals(processId)).toList();
    }

    @Override
    public List<ServerProcess> activeProcesses(String fleetId, String location) {
        return connected.values().stream()
                .filter(p -> p.fleetId().equals(fleetId) && (location == null || p.location().equals(location)))
                .sorted((a, b) -> a.activatedAt().compareTo(b.activatedAt())).toList();
    }

    @Override
    public boolean startGameSession(String processId, GameSessionStart session) {
        return push(new Push(processId, "CreateGameSession", session, null));
    }

    @Override
    public boolean updateGameSession(String processId, GameSessionStart session, String updateReason) {
        return push(new Push(processId, "UpdateGameSession", session, null));
    }

    @Override
    public boolean terminateProcess(String processId, Instant terminationTime) {
        return push(new Push(processId, "TerminateProcess", null, Objects.requireNonNull(terminationTime)));
    }

    private boolean push(Push push) {
        if (!connected.containsKey(push.processId()) || unreachable.contains(push.processId())) {
            return false;
        }
        pushes.add(push);
        return true;
    }
}
