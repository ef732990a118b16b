package io.gatepass.cli.aws.params;

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

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

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

    /** Python's isoformat() of the instant in the given zone. */
    public static String format(Instant instant, ZoneId zone) {
        ZonedDateTime time = instant.atZone(zone);
        StringBuilder out = new StringBuilder(SECONDS.format(time));
        int micros = time.getNano() / 1000;
        if (micros != 0) {
            out.append('.').append(String.format("%06d", micros));
        }
        int offset = time.getOffset().getTotalSeconds();
        out.append(offset < 0 ? '-' : '+');
        int abs = Math.abs(offset);
        out.append(String.format("%02d:%02d", abs / 3600, (abs / 60) % 60));
        if (abs % 60 != 0) {
            out.append(String.format(":%02d", abs % 60));
        }
        return out.toString();
    }
}
