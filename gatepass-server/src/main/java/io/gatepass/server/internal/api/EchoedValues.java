package io.gatepass.server.internal.api;

import io.gatepass.core.error.ServiceException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps what an error echoes of the request short: a bad value is quoted up to {@link #MAX_VALUE_CHARS} characters
 * and marked with "..." when cut, and a whole message is at most {@link #MAX_MESSAGE_CHARS}, so a 900 KB input gives a
 * short error in every protocol.
 */
public final class EchoedValues {
    public static final int MAX_VALUE_CHARS = 256;
    public static final int MAX_MESSAGE_CHARS = 2048;
    private static final Pattern LONG_QUOTE = Pattern.compile("'([^']{" + (MAX_VALUE_CHARS + 1) + ",})'");

    private EchoedValues() {
    }

    /** The value as an error quotes it: cut at {@link #MAX_VALUE_CHARS} characters, marked with "...". */
    public static String of(Object value) {
        String text = String.valueOf(value);
        if (text.length() <= MAX_VALUE_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_VALUE_CHARS - 1)) ? MAX_VALUE_CHARS - 1 : MAX_VALUE_CHARS;
        return text.substring(0, end) + "...";
    }

    /** The error with every long quoted value in its message cut, and the message itself bounded. */
    public static ServiceException bounded(ServiceException error) {
        String message = error.getMessage();
        if (message == null || message.length() <= MAX_VALUE_CHARS) {
            return error;
        }
        Matcher quoted = LONG_QUOTE.matcher(message);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            quoted.appendReplacement(out, Matcher.quoteReplacement("'" + of(quoted.group(1)) + "'"));
        }
        quoted.appendTail(out);
        String bounded = out.length() <= MAX_MESSAGE_CHARS ? out.toString()
                : out.substring(0, MAX_MESSAGE_CHARS) + "...";
        return bounded.equals(message) ? error : new ServiceException(error.errorCode(), bounded);
    }
}
