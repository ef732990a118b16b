package io.gatepass.server.internal.api.gamelift;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Game session and player session members, named as in the AWS model (PascalCase on the wire). */
public final class GameSessionShapes {
    private GameSessionShapes() {
    }

    public record GameProperty(String key, String value) {
    }

    public record GameSession(String gameSessionId, String name, String fleetId, String fleetArn,
                              Instant creationTime, Instant terminationTime, Integer currentPlayerSessionCount,
                              Integer maximumPlayerSessionCount, String status, String statusReason,
                              List<GameProperty> gameProperties, String ipAddress, String dnsName, Integer port,
                              String playerSessionCreationPolicy, String creatorId, String gameSessionData,
                              String matchmakerData, String location, String computeName) {
        @Override
        public String toString() {
            return "GameSession[" + gameSessionId + ", " + status + "]";
        }
    }

    public record GameSessionOutput(GameSession gameSession) {
    }

    public record CreateGameSessionInput(String fleetId, String aliasId, Integer maximumPlayerSessionCount,
                                         String name, List<GameProperty> gameProperties, String creatorId,
                                         String gameSessionId, String idempotencyToken, String gameSessionData,
                                         String location) {
    }

    public record DescribeGameSessionsInput(String fleetId, String gameSessionId, String aliasId, String location,
                                            String statusFilter, Integer limit, String nextToken) {
    }

    public record DescribeGameSessionsOutput(List<GameSession> gameSessions, String nextToken) {
    }

    public record GameSessionDetail(GameSession gameSession, String protectionPolicy) {
    }

    public record DescribeGameSessionDetailsOutput(List<GameSessionDetail> gameSessionDetails, String nextToken) {
    }

    public record SearchGameSessionsInput(String fleetId, String aliasId, String location, String filterExpression,
                                          String sortExpression, Integer limit, String nextToken) {
    }

    public record UpdateGameSessionInput(String gameSessionId, Integer maximumPlayerSessionCount, String name,
                                         String playerSessionCreationPolicy, String protectionPolicy,
                                         List<GameProperty> gameProperties) {
    }

    public record TerminateGameSessionInput(String gameSessionId, String terminationMode) {
    }

    public record PlayerSession(String playerSessionId, String playerId, String gameSessionId, String fleetId,
                                String fleetArn, Instant creationTime, Instant terminationTime, String status,
                                String ipAddress, String dnsName, Integer port, String playerData) {
        @Override
        public String toString() {
            return "PlayerSession[" + playerSessionId + ", " + status + "]";
        }
    }

    public record CreatePlayerSessionInput(String gameSessionId, String playerId, String playerData) {
    }

    public record CreatePlayerSessionOutput(PlayerSession playerSession) {
    }

    public record CreatePlayerSessionsInput(String gameSessionId, List<String> playerIds,
                                            Map<String, String> playerDataMap) {
    }

    public record CreatePlayerSessionsOutput(List<PlayerSession> playerSessions) {
    }

    public record DescribePlayerSessionsInput(String gameSessionId, String playerId, String playerSessionId,
                                              String playerSessionStatusFilter, Integer limit, String nextToken) {
    }

    public record DescribePlayerSessionsOutput(List<PlayerSession> playerSessions, String nextToken) {
    }

    public record DescribeFleetUtilizationInput(List<String> fleetIds, Integer limit, String nextToken) {
    }

    public record FleetUtilization(String fleetId, String fleetArn, Integer activeServerProcessCount,
                                   Integer activeGameSessionCount, Integer currentPlayerSessionCount,
                                   Integer maximumPlayerSessionCount, String location) {
    }

    public record DescribeFleetUtilizationOutput(List<FleetUtilization> fleetUtilization, String nextToken) {
    }
}
