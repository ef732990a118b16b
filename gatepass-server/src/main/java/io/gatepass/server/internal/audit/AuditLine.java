package io.gatepass.server.internal.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An event as one JSON object on one line, fields in a fixed order and absent when null:
 * {@code {"time":"2026-12-06T11:07:26.123Z","kind":"change","action":"iam:CreateUser","outcome":"success",...}}.
 * The field names are what {@code gatepass audit tail} reads.
 *
 * <p>Written by hand into one builder rather than through a Jackson generator: every token mint has a line, and at
 * thousands of mints a second the generator's set-up and the two date formats per line were most of the writer
 * thread's time. Strings are escaped exactly as Jackson's default generator escapes them ({@code AuditLineTest}
 * compares the two). The writer thread keeps one {@code AuditLine}, which remembers the text of the last second of
 * each of the two times a line has: consecutive events share it.
 */
public final class AuditLine {
    /** UTC, always with milliseconds, so lines sort as text. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final Second time = new Second();
    private final Second expiry = new Second();

    /** A formatter for one thread at a time. */
    AuditLine() {
    }

    /** The line of one event (by a formatter of its own: the writer keeps one, see {@link #line}). */
    public static String format(AuditEvent event) {
        return new AuditLine().line(event);
    }

    /** The line of {@code event}, the same as {@link #format} gives. */
    String line(AuditEvent event) {
        StringBuilder json = new StringBuilder(512);
        json.append("{\"time\":\"");
        time.append(json, event.time());
        json.append("\",\"kind\":\"").append(event.kind().wireName()).append('"');
        field(json, "action", event.action());
        json.append(",\"outcome\":\"").append(event.outcome().wireName()).append('"');
        field(json, "errorCode", event.errorCode());
        field(json, "principal", event.principal());
        field(json, "accountId", event.accountId());
        field(json, "accessKeyId", event.accessKeyId());
        field(json, "resource", event.resource());
        field(json, "sourceAddress", event.sourceAddress());
        field(json, "requestId", event.requestId());
        field(json, "tokenFingerprint", event.tokenFingerprint());
        field(json, "tokenId", event.tokenId());
        if (event.tokenExpiry() != null) {
            json.append(",\"tokenExpiry\":\"");
            expiry.append(json, event.tokenExpiry());
            json.append('"');
        }
        field(json, "detail", event.detail());
        return json.append('}').toString();
    }

    /** {@code ,"name":"value"} when the value is not null (names are plain ASCII and need no escaping). */
    private static void field(StringBuilder json, String name, String value) {
        if (value != null) {
            json.append(",\"").append(name).append("\":\"");
            escaped(json, value);
            json.append('"');
        }
    }

    /**
     * As Jackson escapes a string by default: quote and backslash with a backslash; backspace, tab, line feed, form
     * feed and carriage return by their short escapes; every other character below U+0020 as {@code \\u00XX}
     * (upper-case hex); everything else, non-ASCII included, as it is.
     */
    static void escaped(StringBuilder json, String value) {
        int i = 0;
        while (i < value.length() && plain(value.charAt(i))) {
            i++;
        }
        if (i == value.length()) { // nearly always: one array copy rather than a character at a time
            json.append(value);
            return;
        }
        int start = 0;
        for (; i < value.length(); i++) {
            char c = value.charAt(i);
            if (plain(c)) {
                continue;
            }
            json.append(value, start, i);
            start = i + 1;
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\t' -> json.append("\\t");
                case '\n' -> json.append("\\n");
                case '\f' -> json.append("\\f");
                case '\r' -> json.append("\\r");
                default -> json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        json.append(value, start, value.length());
    }

    private static boolean plain(char c) {
        return c >= 0x20 && c != '"' && c != '\\';
    }

    /**
     * {@link #TIME}'s text, written directly for the years 0 to 9999 (a sign and more digits outside them): the part
     * up to the milliseconds is made once a second.
     */
    private static final class Second {
        private long epochSecond = Long.MIN_VALUE;
        /** {@code 2026-12-06T11:07:26.} of {@link #epochSecond}, or null outside the years 0 to 9999. */
        private String text;

        void append(StringBuilder json, Instant time) {
            if (time.getEpochSecond() != epochSecond) {
                epochSecond = time.getEpochSecond();
                text = text(epochSecond);
            }
            if (text == null) {
                json.append(TIME.format(time));
                return;
            }
            int millis = time.getNano() / 1_000_000;
            json.append(text).append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                    .append((char) ('0' + millis % 10)).append('Z');
        }

        private static String text(long epochSecond) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
            if (t.getYear() < 0 || t.getYear() > 9999) {
                return null;
            }
            StringBuilder text = new StringBuilder(20);
            digits(text, t.getYear(), 4).append('-');
            digits(text, t.getMonthValue(), 2).append('-');
            digits(text, t.getDayOfMonth(), 2).append('T');
            digits(text, t.getHour(), 2).append(':');
            digits(text, t.getMinute(), 2).append(':');
            digits(text, t.getSecond(), 2).append('.');
            return text.toString();
        }
    }

    private static StringBuilder digits(StringBuilder json, int value, int width) {
        for (int divisor = width == 4 ? 1000 : width == 3 ? 100 : 10; divisor > 0; divisor /= 10) {
            json.append((char) ('0' + value / divisor % 10));
        }
        return json;
    }
}
