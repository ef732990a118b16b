package io.gatepass.store;

import io.gatepass.core.gamelift.FleetUsage;
import io.gatepass.core.gamelift.GameSession;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Game sessions, keyed by their ARN-form id. A process (fleet, compute name, process id) holds at most one live game
 * session (ACTIVATING, ACTIVE or TERMINATING) at a time, on every node: {@link #create} refuses a second one. A game
 * session leaving the live statuses frees its process and completes its RESERVED and ACTIVE player sessions in the
 * same transaction. Read game sessions carry {@link GameSession#currentPlayerSessionCount()}.
 */
public interface GameSessionStore {
    /**
     * Places the game session on its process.
     *
     * @throws DuplicateEntityException    if the id exists, or the process already holds a live game session
     * @throws ReferenceViolationException if the fleet does not exist (deleted meanwhile)
     */
    void create(GameSession session);

    Optional<GameSession> find(String gameSessionId);

    /** The live game session of the process, if any. */
    Optional<GameSession> findLive(String fleetId, String computeName, String processId);

    /** The live game sessions of the compute's processes, by process id: one read for all of them. */
    Map<String, GameSession> findLiveOnCompute(String fleetId, String computeName);

    /** The processes of the fleet that hold a live game session, as {@code "<compute name>/<process id>"}. */
    Set<String> busyProcesses(String fleetId);

    /**
     * Game sessions of the fleet, only in {@code locationOrNull} and {@code statusOrNull} unless null, ordered by id
     * (code point order), strictly after {@code afterGameSessionId} (null: from the start), at most {@code limit}.
     *
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    List<GameSession> list(String fleetId, String locationOrNull, String statusOrNull, String afterGameSessionId,
                           int limit);

    /**
     * Moves the game session to {@code newStatus} if its status is one of {@code expected}. A status outside the live
     * ones frees the process, sets the termination time to {@code at} and completes its RESERVED and ACTIVE player
     * sessions (at {@code at}).
     *
     * @param statusReason the new StatusReason, or null to keep the current one
     * @return false if the game session is gone or its status is not one of {@code expected}
     */
    boolean changeStatus(String gameSessionId, Set<String> expected, String newStatus, String statusReason,
                         Instant at);

    /**
     * Replaces name, maximum player session count, player session creation policy, protection policy and game
     * properties with {@code updated}'s, if the game session is still live.
     *
     * @return false if it is gone or no longer live
     */
    boolean update(GameSession updated);

    /**
     * Game sessions of the fleet still ACTIVATING that were created before {@code createdBefore} go to ERROR (their
     * process is freed), with termination time {@code now}.
     *
     * @return how many
     */
    int expireActivations(String fleetId, Instant createdBefore, Instant now);

    /** Removes a game session that is still in {@code expectedStatus} (a placement whose push failed). */
    boolean delete(String gameSessionId, String expectedStatus);

    /**
     * Removes game sessions that ended (were terminated, or failed to activate) before {@code terminatedBefore},
     * with their player sessions: GameLift keeps ended game sessions visible for a limited time, not forever.
     *
     * @return how many game sessions
     */
    int deleteTerminatedBefore(Instant terminatedBefore);

    /** What the fleet's ACTIVE game sessions hold. */
    FleetUsage usage(String fleetId);
}
