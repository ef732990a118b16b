package io.gatepass.core.gamelift;

import java.time.Instant;
import java.util.Set;

/**
 * A game session placed on a server process of an Anywhere fleet. {@code gameSessionId} is its ARN-form id
 * ({@code arn:aws:gamelift:<region>::gamesession/<fleetId>/<location>/<id>}). {@code status}, {@code statusReason},
 * {@code playerSessionCreationPolicy} and {@code protectionPolicy} hold AWS enum values as text.
 * {@code gamePropertiesJson} is the GameProperties list as JSON, opaque to the store. {@code currentPlayerSessionCount}
 * is computed by the store (RESERVED and ACTIVE player sessions) and ignored on create. {@code name}, {@code creatorId},
 * {@code statusReason}, {@code gameSessionData}, {@code matchmakerData}, {@code ipAddress}, {@code dnsName},
 * {@code idempotencyToken} and {@code terminatedAt} may be null.
 */
public record GameSession(String accountId, String gameSessionId, String fleetId, String location,
                          String computeName, String processId, String name, String creatorId,
                          int maximumPlayerSessionCount, int currentPlayerSessionCount, String status,
                          String statusReason, String playerSessionCreationPolicy, String protectionPolicy,
                          String gamePropertiesJson, String gameSessionData, String matchmakerData, String ipAddress,
                          String dnsName, int port, String idempotencyToken, Instant createdAt, Instant terminatedAt) {
    public static final String ACTIVATING = "ACTIVATING";
    public static final String ACTIVE = "ACTIVE";
    public static final String TERMINATING = "TERMINATING";
    public static final String TERMINATED = "TERMINATED";
    public static final String ERROR = "ERROR";
    /** While in one of these statuses a game session occupies its process. */
    public static final Set<String> LIVE = Set.of(ACTIVATING, ACTIVE, TERMINATING);

    public static final String ACCEPT_ALL = "ACCEPT_ALL";
    public static final String DENY_ALL = "DENY_ALL";

    public boolean isLive() {
        return LIVE.contains(status);
    }

    @Override
    public String toString() {
        return "GameSession[" + gameSessionId + ", " + status + ", process=" + computeName + "/" + processId
                + ", players=" + currentPlayerSessionCount + "/" + maximumPlayerSessionCount + "]";
    }
}
