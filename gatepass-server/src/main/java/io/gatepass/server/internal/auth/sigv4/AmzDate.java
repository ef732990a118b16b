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
        return epochSecond(digits(text, 0, 4), digits(text, 4, 6), digits(text, 6, 8), digits(text, 9, 11),
                digits(text, 11, 13), digits(text, 13, 15));
    }

    /**
     * Epoch seconds of a UTC date-time of the proleptic Gregorian calendar (as {@link LocalDateTime#of} takes it,
     * year 0 to 9999), or {@link #INVALID} for a month, day, hour, minute or second out of range; computed without
     * creating date objects (every signed request parses one).
     */
    static long epochSecond(int year, int month, int day, int hour, int minute, int second) {
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour > 23 || minute > 59
                || second > 59) {
            return INVALID;
        }
        // days since 1970-01-01, counting years from March so that the leap day ends the year
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        long epochDay = era * 146_097L + dayOfEra - 719_468;
        return epochDay * 86_400 + hour * 3_600 + minute * 60 + second;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
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
