package io.gatepass.server.internal.auth.sigv4;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The SigV4 date forms: {@code yyyyMMdd'T'HHmmss'Z'} (ISO 8601 basic) and, for the {@code Date} header, RFC 1123. */
final class AmzDate {
    /** Returned by the parsers for text that is not a date of the expected form. */
    static final long INVALID = Long.MIN_VALUE;

    private AmzDate() {
    }

    /** Epoch seconds of an ISO 8601 basic date-time in UTC, or {@link #INVALID}. */
    static long parseBasic(String text) {
        if (text.length() != 16 || text.charAt(8) != 'T' || text.charAt(15) != 'Z') {
            return INVALID;
        }
        for (int i = 0; i < 15; i++) {
            char c = text.charAt(i);
            if (i != 8 && (c < '0' || c > '9')) {
                return INVALID;
            }
        }
        try {
            return LocalDateTime.of(digits(text, 0, 4), digits(text, 4, 6), digits(text, 6, 8), digits(text, 9, 11),
                    digits(text, 11, 13), digits(text, 13, 15)).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return INVALID;
        }
    }

    /** Epoch seconds of an RFC 1123 date ({@code Tue, 30 Aug 2015 12:36:00 GMT}), or {@link #INVALID}. */
    static long parseHttpDate(String text) {
        try {
            return ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
        } catch (DateTimeException e) {
            return INVALID;
        }
    }

    /** {@code yyyyMMdd'T'HHmmss'Z'}. */
    static String formatBasic(long epochSeconds) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(16);
        pad(out, t.getYear(), 4);
        pad(out, t.getMonthValue(), 2);
        pad(out, t.getDayOfMonth(), 2);
        out.append('T');
        pad(out, t.getHour(), 2);
        pad(out, t.getMinute(), 2);
        pad(out, t.getSecond(), 2);
        return out.append('Z').toString();
    }

    /** {@code yyyyMMdd}. */
    static String formatDate(long epochSeconds) {
        return formatBasic(epochSeconds).substring(0, 8);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static void pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }
}
