package io.gatepass.server.internal.api.gamelift;

/**
 * Quick checks for the common form of a FleetId or ComputeName member: a plain id, not an ARN. Each accepts only what
 * the first alternative of the model's pattern ({@link GameLiftSupport#FLEET_ID_OR_ARN},
 * {@link GameLiftSupport#COMPUTE_NAME_OR_ARN}) accepts, so a value it accepts needs no regular expression (matching
 * them was about a third of GetComputeAuthToken's own time); anything else, ARNs and invalid values included, takes
 * the model's pattern as before.
 */
final class PlainIds {
    private PlainIds() {
    }

    /** {@code [a-z]*fleet-[a-zA-Z0-9-]+}, whole. */
    static boolean isFleetId(String value) {
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
    static boolean isComputeName(String value) {
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
