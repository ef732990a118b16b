package io.gatepass.store;

import io.gatepass.core.gamelift.PlayerSession;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Player sessions, keyed by {@code psess-} id. A game session never holds more RESERVED and ACTIVE player sessions
 * than its maximum: {@link #create} checks and inserts under a lock on the game session's row.
 */
public interface PlayerSessionStore {
    /** What {@link #create} did. */
    enum Admission {
        ADMITTED,
        /** No such game session. */
        NO_GAME_SESSION,
        /** The game session is not ACTIVE. */
        NOT_ACTIVE,
        /** Its player session creation policy is DENY_ALL. */
        DENY_ALL,
        /** Not enough free slots for all of them. */
        FULL
    }

    /**
     * Reserves slots for all the player sessions (all of one game session) or none. Reservations of that game session
     * made before {@code expireReservedBefore} become TIMEDOUT first, so they no longer hold a slot.
     *
     * @throws DuplicateEntityException if a player session id exists
     */
    Admission create(List<PlayerSession> sessions, Instant expireReservedBefore);

    Optional<PlayerSession> find(String playerSessionId);

    /**
     * Player sessions of the account, of {@code gameSessionIdOrNull} and of {@code playerIdOrNull} and in
     * {@code statusOrNull} unless null, ordered by id, strictly after {@code afterPlayerSessionId}, at most
     * {@code limit}.
     *
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    List<PlayerSession> list(String accountId, String gameSessionIdOrNull, String playerIdOrNull, String statusOrNull,
                             String afterPlayerSessionId, int limit);

    /**
     * Moves the player session from {@code expected} to {@code newStatus}; {@code terminatedAt} (or null) becomes its
     * termination time.
     *
     * @return false if it is gone or not in {@code expected}
     */
    boolean changeStatus(String playerSessionId, String expected, String newStatus, Instant terminatedAt);

    /**
     * RESERVED player sessions created before {@code reservedBefore} become TIMEDOUT, terminated at {@code now}.
     *
     * @return how many
     */
    int expireReservations(Instant reservedBefore, Instant now);

    /**
     * Removes player sessions that ended (COMPLETED or TIMEDOUT) before {@code terminatedBefore}, also those of game
     * sessions that are still running.
     *
     * @return how many
     */
    int deleteTerminatedBefore(Instant terminatedBefore);
}
