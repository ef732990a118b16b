package io.gatepass.server.internal.gamelift;

import java.util.List;

/**
 * What a connected game server process tells the control plane about its game and player sessions. Implemented by
 * the game sessions (api/gamelift); called by the SDK websocket endpoint, which maps a thrown
 * {@link io.gatepass.core.error.ServiceException} to the reply's {@code StatusCode} (its error's HTTP-like status:
 * 400 invalid, 404 not found, 409 conflict, ...) and {@code ErrorMessage}. Every method checks that the game session
 * belongs to {@code process}.
 */
public interface GameSessionEvents {
    /** The SDK's ActivateGameSession: the game session moves ACTIVATING → ACTIVE. */
    void activateGameSession(ServerProcess process, String gameSessionId);

    /** AcceptPlayerSession: RESERVED → ACTIVE; refused when the session is not RESERVED or timed out. */
    void acceptPlayerSession(ServerProcess process, String gameSessionId, String playerSessionId);

    /** RemovePlayerSession: → COMPLETED. */
    void removePlayerSession(ServerProcess process, String gameSessionId, String playerSessionId);

    /** UpdatePlayerSessionCreationPolicy: ACCEPT_ALL or DENY_ALL. */
    void updatePlayerSessionCreationPolicy(ServerProcess process, String gameSessionId, String policy);

    /**
     * DescribePlayerSessions from the game server: by player session id, or by game session id and/or player id,
     * optionally filtered by status; {@code limit} and {@code nextToken} page through them.
     */
    PlayerSessionPage describePlayerSessions(ServerProcess process, PlayerSessionQuery query);

    /**
     * The process ended (ProcessEnding, TerminateProcess answered, or its connection was lost and not re-opened in
     * time): its game session, if any, becomes TERMINATED with {@code statusReason} (null, or an AWS
     * GameSessionStatusReason such as INTERRUPTED or TRIGGERED_ON_PROCESS_TERMINATE) and its player sessions COMPLETED.
     */
    void processEnded(ServerProcess process, String statusReason);

    /** The filters of the SDK's DescribePlayerSessions; unused ones are null. */
    record PlayerSessionQuery(String gameSessionId, String playerId, String playerSessionId,
                              String playerSessionStatusFilter, Integer limit, String nextToken) {
    }

    /** One page of player sessions; {@code nextToken} is null on the last page. */
    record PlayerSessionPage(List<PlayerSessionView> playerSessions, String nextToken) {
    }
}
