package io.gatepass.server.internal.gamelift;

import java.util.regex.Pattern;

/**
 * GameLift's plain FleetId and ComputeName (an id, not an ARN), shared by the GameLift API, the Gatepass API and the
 * SDK websocket's handshake. The patterns are the first alternatives of the model's (their text is what a
 * ValidationException quotes); {@link #isFleetId} and {@link #isComputeName} accept exactly what they accept, without a
 * regular expression (matching the patterns was about a third of GetComputeAuthToken's own time).
 */
public final class GameLiftIds {
    /** A plain FleetId, whole. */
    public static final Pattern FLEET_ID = Pattern.compile("^[a-z]*fleet-[a-zA-Z0-9\\-]+$");
    /** A plain ComputeName, whole. */
    public static final Pattern COMPUTE_NAME = Pattern.compile("^[a-zA-Z0-9\\-]+(\\/[a-zA-Z0-9\\-]+)?$");

    private GameLiftIds() {
    }

    /** {@code [a-z]*fleet-[a-zA-Z0-9-]+}, whole. */
    public static boolean isFleetId(String value) {
        int length = value.length();
        int dash = 0;
        while (dash < length && isLower(value.charAt(dash))) {
            dash++;
        }
        // the first character that is not [a-z] must be the '-' of "fleet-"
        if (dash < 5 || dash + 1 >= length || value.charAt(dash) != '-' || !value.startsWith("fleet", dash - 5)) {
            return false;
        }
        for (int i = dash + 1; i < length; i++) {
            if (!isIdChar(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code [a-zA-Z0-9-]+(/[a-zA-Z0-9-]+)?}, whole. */
    public static boolean isComputeName(String value) {
        int length = value.length();
        int slash = -1;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == '/' && slash < 0 && i > 0 && i < length - 1) {
                slash = i;
            } else if (!isIdChar(c)) {
                return false;
            }
        }
        return length > 0;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isIdChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    }
}
