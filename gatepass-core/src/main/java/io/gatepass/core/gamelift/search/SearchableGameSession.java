package io.gatepass.core.gamelift.search;

import java.util.Map;

/**
 * The attributes of a game session that SearchGameSessions filters and sorts on. {@code gameSessionName} may be null;
 * {@code properties} are the game properties (key to value).
 */
public record SearchableGameSession(String gameSessionId, String gameSessionName, long creationTimeMillis,
                                    int playerSessionCount, int maximumSessions, Map<String, String> properties) {
    public boolean hasAvailablePlayerSessions() {
        return playerSessionCount < maximumSessions;
    }
}
