package io.gatepass.core.gamelift;

import java.time.Instant;

/**
 * A player's reserved slot in a game session ({@code psess-<uuid>}). {@code status} is an AWS PlayerSessionStatus as
 * text. {@code playerData} and {@code terminatedAt} may be null.
 */
public record PlayerSession(String accountId, String playerSessionId, String gameSessionId, String fleetId,
                            String playerId, String playerData, String status, Instant createdAt,
                            Instant terminatedAt) {
    public static final String RESERVED = "RESERVED";
    public static final String ACTIVE = "ACTIVE";
    public static final String COMPLETED = "COMPLETED";
    public static final String TIMEDOUT = "TIMEDOUT";

    @Override
    public String toString() {
        return "PlayerSession[" + playerSessionId + ", " + status + ", game session " + gameSessionId + "]";
    }
}
