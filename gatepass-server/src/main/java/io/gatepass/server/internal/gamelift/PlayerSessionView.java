package io.gatepass.server.internal.gamelift;

import java.time.Instant;

/**
 * A player session as the SDK's DescribePlayerSessions reply carries it (the AWS model's {@code PlayerSession}).
 * {@code terminationTime}, {@code playerData}, {@code ipAddress} and {@code dnsName} may be null.
 */
public record PlayerSessionView(String playerSessionId, String playerId, String gameSessionId, String fleetId,
                                String fleetArn, Instant creationTime, Instant terminationTime, String status,
                                String ipAddress, String dnsName, int port, String playerData) {
}
