package io.gatepass.core.gamelift.search;

import java.math.BigDecimal;

/** A game session attribute named in a search expression, and its value for one game session (null: none). */
record Operand(Kind kind, String name, String propertyKey) {
    static final String PROPERTIES_PREFIX = "gameSessionProperties.";
    static final String NAMES = "gameSessionName, gameSessionId, gameSessionProperties.<key>, maximumSessions, "
            + "creationTimeMillis, playerSessionCount, hasAvailablePlayerSessions";

    enum Type { STRING, NUMBER, BOOLEAN }

    enum Kind {
        GAME_SESSION_NAME("gameSessionName", Type.STRING),
        GAME_SESSION_ID("gameSessionId", Type.STRING),
        GAME_SESSION_PROPERTY(null, Type.STRING),
        MAXIMUM_SESSIONS("maximumSessions", Type.NUMBER),
        CREATION_TIME_MILLIS("creationTimeMillis", Type.NUMBER),
        PLAYER_SESSION_COUNT("playerSessionCount", Type.NUMBER),
        HAS_AVAILABLE_PLAYER_SESSIONS("hasAvailablePlayerSessions", Type.BOOLEAN);

        final String word;
        final Type type;

        Kind(String word, Type type) {
            this.word = word;
            this.type = type;
        }
    }

    /** The operand a word names, or null if it names none. Operand names are case-sensitive, as in GameLift. */
    static Operand named(String word) {
        if (word.startsWith(PROPERTIES_PREFIX)) {
            String key = word.substring(PROPERTIES_PREFIX.length());
            if (key.isEmpty() || key.contains(".")) {
                return null;
            }
            return new Operand(Kind.GAME_SESSION_PROPERTY, word, key);
        }
        for (Kind kind : Kind.values()) {
            if (word.equals(kind.word)) {
                return new Operand(kind, word, null);
            }
        }
        return null;
    }

    Type type() {
        return kind.type;
    }

    /** The value as a String, BigDecimal or Boolean; null when the game session has none. */
    Comparable<?> valueOf(SearchableGameSession session) {
        return switch (kind) {
            case GAME_SESSION_NAME -> session.gameSessionName();
            case GAME_SESSION_ID -> session.gameSessionId();
            case GAME_SESSION_PROPERTY -> session.properties().get(propertyKey);
            case MAXIMUM_SESSIONS -> BigDecimal.valueOf(session.maximumSessions());
            case CREATION_TIME_MILLIS -> BigDecimal.valueOf(session.creationTimeMillis());
            case PLAYER_SESSION_COUNT -> BigDecimal.valueOf(session.playerSessionCount());
            case HAS_AVAILABLE_PLAYER_SESSIONS -> session.hasAvailablePlayerSessions();
        };
    }
}
