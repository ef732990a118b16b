package io.gatepass.server.internal.api.gatepass;

import io.gatepass.core.gamelift.GameSession;
import io.gatepass.server.internal.api.CallContext;
import io.gatepass.server.internal.api.Validation;
import io.gatepass.server.internal.api.gatepass.GatepassShapes.ListServerProcessesInput;
import io.gatepass.server.internal.api.gatepass.GatepassShapes.ListServerProcessesOutput;
import io.gatepass.server.internal.api.gatepass.GatepassShapes.ServerProcess;
import io.gatepass.server.internal.auth.Authorizer;
import io.gatepass.server.internal.gamelift.GameLiftIds;
import io.gatepass.store.ServerProcessRecord;
import io.gatepass.store.Store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The server processes connected to a compute, which no GameLift API lists: read from the store, where the node
 * holding each process's SDK websocket records it, so every node of a cluster answers the same. Authorized as
 * {@code gatepass:ListServerProcesses} on the compute's GameLift ARN
 * ({@code arn:aws:gamelift:<region>:<account>:compute/<name>}) before anything is looked up.
 */
final class ServerProcessOperations {
    private static final String ACTIVE = "ACTIVE";
    private static final String UNHEALTHY = "UNHEALTHY";

    private final Authorizer authorizer;
    private final String region;
    private final Store store;
    private final Duration heartbeatTimeout;
    private final Validation validation = new Validation(GatepassErrors.VALIDATION);

    /** @param heartbeatTimeout how long a process may send no heartbeat before it counts as unhealthy */
    ServerProcessOperations(Authorizer authorizer, String region, Store store, Duration heartbeatTimeout) {
        this.authorizer = authorizer;
        this.region = region;
        this.store = store;
        this.heartbeatTimeout = heartbeatTimeout;
    }

    ListServerProcessesOutput listServerProcesses(ListServerProcessesInput input, CallContext context) {
        // GameLift's plain ids only: an ARN has no place in a path segment
        String fleetId = validation.requiredString("fleetId", input.fleetId(), 1, 128, GameLiftIds.FLEET_ID);
        String computeName = validation.requiredString("computeName", input.computeName(), 1, 128,
                GameLiftIds.COMPUTE_NAME);
        String accountId = context.principal().accountId();
        authorizer.authorize(context.principal(), context.action(),
                "arn:aws:gamelift:" + region + ":" + accountId + ":compute/" + computeName, Map.of());
        if (store.fleets().find(accountId, fleetId).isEmpty()) {
            throw GatepassErrors.NOT_FOUND.exception("Fleet %s not found.", fleetId);
        }
        if (store.computes().find(fleetId, computeName).isEmpty()) {
            throw GatepassErrors.NOT_FOUND.exception("Compute %s not found in fleet %s.", computeName, fleetId);
        }
        Instant silentBefore = context.now().minus(heartbeatTimeout);
        Map<String, GameSession> live = store.gameSessions().findLiveOnCompute(fleetId, computeName);
        List<ServerProcess> processes = store.serverProcesses().list(fleetId, computeName).stream()
                .map(p -> shape(p, silentBefore, live.get(p.processId())))
                .toList();
        return new ListServerProcessesOutput(processes);
    }

    /** @param game the process's live game session, or null */
    private ServerProcess shape(ServerProcessRecord p, Instant silentBefore, GameSession game) {
        // The node holding the connection marks a silent process UNHEALTHY on its next check; a node that is gone
        // never will, so the read decides the same by the time of the last heartbeat.
        boolean silent = !p.lastHeartbeat().isAfter(silentBefore);
        String status = ACTIVE.equals(p.status()) && silent ? UNHEALTHY : p.status();
        String gameSessionId = game == null ? null : game.gameSessionId();
        return new ServerProcess(p.processId(), status, ACTIVE.equals(status), p.port(), p.sdkVersion(),
                p.sdkLanguage(), gameSessionId, p.activatedAt(), p.lastHeartbeat(), p.nodeId());
    }
}
