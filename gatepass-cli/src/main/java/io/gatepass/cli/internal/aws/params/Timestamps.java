package io.gatepass.cli.internal.aws.params;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Timestamps as aws reads and prints them: input as ISO 8601 (with or without offset; none means UTC) or epoch
 * seconds; output as Python's {@code datetime.isoformat()}, e.g. 2026-11-23T19:40:12+00:00, with microseconds only
 * when they are not zero.
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant parse(String value) {
        String text = value.trim();
        try {
            BigDecimal seconds = new BigDecimal(text);
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
        } catch (NumberFormatException | ArithmeticException notEpoch) {
            // not epoch seconds
        }
        try {
            return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException e) {
            // no offset
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // no time
        }
        try {
            return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Invalid timestamp value: " + value, e);
        }
    }

    public static boolean parses(String value) {
        try {
            parse(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Python's isoformat() of the instant in the given zone. Written digit by digit: a formatter or String.format
     * would load the locale data, a noticeable part of a short call's start-up.
     */
    public static String format(Instant instant, ZoneId zone) {
        ZonedDateTime time = instant.atZone(zone);
        StringBuilder out = new StringBuilder(32);
        if (time.getYear() < 1 || time.getYear() > 9999) {
            out.append(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").format(time));
        } else {
            digits(out, time.getYear(), 4).append('-');
            digits(out, time.getMonthValue(), 2).append('-');
            digits(out, time.getDayOfMonth(), 2).append('T');
            digits(out, time.getHour(), 2).append(':');
            digits(out, time.getMinute(), 2).append(':');
            digits(out, time.getSecond(), 2);
        }
        int micros = time.getNano() / 1000;
        if (micros != 0) {
            digits(out.append('.'), micros, 6);
        }
        int offset = time.getOffset().getTotalSeconds();
        out.append(offset < 0 ? '-' : '+');
        int abs = Math.abs(offset);
        digits(out, abs / 3600, 2).append(':');
        digits(out, (abs / 60) % 60, 2);
        if (abs % 60 != 0) {
            digits(out.append(':'), abs % 60, 2);
        }
        return out.toString();
    }

    /** Appends a non-negative number zero-padded to at least the given width. */
    private static StringBuilder digits(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(text);
    }
}
