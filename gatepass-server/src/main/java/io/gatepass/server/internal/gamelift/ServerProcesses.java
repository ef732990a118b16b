package io.gatepass.server.internal.gamelift;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The connected, activated game server processes, as the control plane sees them. Implemented by the SDK websocket
 * endpoint; used by game session placement, TerminateGameSession and DescribeFleetUtilization. The push methods return
 * false when the process is not (or no longer) connected to this server.
 */
public interface ServerProcesses {
    /** Activated, healthy processes of the fleet, at {@code location} (null: every location), oldest first. */
    List<ServerProcess> activeProcesses(String fleetId, String location);

    /**
     * Names of the fleet's computes that have a connected, activated process this server sees as unhealthy (it
     * reported itself unhealthy or missed its heartbeats): DescribeCompute and ListCompute show them IMPAIRED.
     */
    default Set<String> impairedComputes(String fleetId) {
        return Set.of();
    }

    /** Pushes {@code CreateGameSession} to the process. */
    boolean startGameSession(String processId, GameSessionStart session);

    /** Pushes {@code UpdateGameSession} (for example after UpdateGameSession changed the session). */
    boolean updateGameSession(String processId, GameSessionStart session, String updateReason);

    /** Pushes {@code TerminateProcess}: the process should end its game session and call ProcessEnding. */
    boolean terminateProcess(String processId, Instant terminationTime);
}
