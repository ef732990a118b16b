package io.gatepass.server.internal.gamelift;

import java.util.Map;

/**
 * What a process is told when a game session is placed on it or updated: the members of the SDK's
 * {@code CreateGameSession} / {@code UpdateGameSession} push.
 *
 * @param gameSessionId             the game session's ARN-form id
 * @param gameProperties            key/value game properties, in the order they were given
 * @param gameSessionData           or null
 * @param matchmakerData            or null
 */
public record GameSessionStart(String gameSessionId, String gameSessionName, int maximumPlayerSessionCount,
                               int port, String ipAddress, String dnsName, Map<String, String> gameProperties,
                               String gameSessionData, String matchmakerData) {
}
