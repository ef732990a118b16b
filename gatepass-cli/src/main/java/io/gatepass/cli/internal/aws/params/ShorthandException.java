package io.gatepass.cli.internal.aws.params;

/** A shorthand value that does not parse; the message is aws's, pointing at the offending character. */
public final class ShorthandException extends RuntimeException {

    ShorthandException(String message) {
        super(message);
    }

    static ShorthandException syntax(String input, String expected, String actual, int index) {
        return new ShorthandException("Expected: '" + expected + "', received: '" + actual + "' for input:\n"
                + location(input, index));
    }

    static ShorthandException duplicateKey(String key, String input, int index) {
        return new ShorthandException("Second instance of key \"" + key + "\" encountered for input:\n"
                + location(input, index) + "\nThis is often because there is a preceding \",\" instead of a space.");
    }

    private static String location(String value, int index) {
        String consumed = value;
        String remaining = "";
        int spaces = index;
        String before = value.substring(0, Math.min(index, value.length()));
        if (before.contains("\n")) {
            spaces = index - before.lastIndexOf('\n') - 1;
        }
        String after = index <= value.length() ? value.substring(index) : "";
        if (after.contains("\n")) {
            int next = index + after.indexOf('\n');
            consumed = value.substring(0, next);
            remaining = value.substring(next);
        }
        return consumed + "\n" + " ".repeat(Math.max(spaces, 0)) + "^" + remaining;
    }
}
