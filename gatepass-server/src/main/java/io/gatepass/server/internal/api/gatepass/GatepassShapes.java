package io.gatepass.server.internal.api.gatepass;

import java.time.Instant;
import java.util.List;

/** Inputs and outputs of Gatepass's own API (JSON members in camelCase, timestamps in epoch seconds). */
public final class GatepassShapes {
    private GatepassShapes() {
    }

    /** @param ring compute, repository or all (the default) */
    public record RotateTokenKeysInput(String ring) {
    }

    /**
     * One key, never its secret.
     *
     * @param state         signing, verifying (newer than the signer: published, not yet signing) or retiring (older:
     *                      verifies the tokens it signed until {@code verifiesUntil})
     * @param verifiesUntil null for the newest key
     */
    public record TokenKey(String keyId, String state, Instant createdAt, Instant signsFrom, Instant verifiesUntil) {
    }

    /** A ring: its name on the command line (compute, repository), its purpose, its keys oldest first. */
    public record TokenKeyRing(String ring, String purpose, List<TokenKey> keys) {
    }

    public record ListTokenKeysOutput(List<TokenKeyRing> rings) {
    }

    /** A key a rotation added, and when it signs at the latest (once every live node has loaded it, sooner). */
    public record RotatedKey(String ring, String keyId, Instant createdAt, Instant signsAtLatest) {
    }

    public record RotateTokenKeysOutput(List<RotatedKey> rotated, List<TokenKeyRing> rings) {
    }

    /** The path's fleet id and compute name ({@code /gatepass/v1/fleets/{fleetId}/computes/{computeName}/processes}). */
    public record ListServerProcessesInput(String fleetId, String computeName) {
    }

    /**
     * A server process connected over the SDK websocket, as the store records it for every node.
     *
     * @param status          ACTIVE or UNHEALTHY: UNHEALTHY when its last heartbeat said so, or when it has sent none
     *                        for the server's heartbeat timeout (3 minutes)
     * @param healthy         status is ACTIVE
     * @param gameSessionId   the live game session it holds (ACTIVATING, ACTIVE or TERMINATING), or null
     * @param node            the id of the Gatepass node holding its connection
     */
    public record ServerProcess(String processId, String status, boolean healthy, int port, String sdkVersion,
                                String sdkLanguage, String gameSessionId, Instant activatedAt,
                                Instant lastHeartbeatAt, String node) {
    }

    public record ListServerProcessesOutput(List<ServerProcess> serverProcesses) {
    }
}
