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
 * compares the two).
 */
public final class AuditLine {
    /** UTC, always with milliseconds, so lines sort as text. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private AuditLine() {
    }

    public static String format(AuditEvent event) {
        StringBuilder json = new StringBuilder(384);
        json.append("{\"time\":\"");
        time(json, event.time());
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
            time(json, event.tokenExpiry());
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
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
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

    /** {@link #TIME}'s text, written directly for the years 0 to 9999 (a sign and more digits outside them). */
    static void time(StringBuilder json, Instant time) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(time.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            json.append(TIME.format(time));
            return;
        }
        digits(json, t.getYear(), 4).append('-');
        digits(json, t.getMonthValue(), 2).append('-');
        digits(json, t.getDayOfMonth(), 2).append('T');
        digits(json, t.getHour(), 2).append(':');
        digits(json, t.getMinute(), 2).append(':');
        digits(json, t.getSecond(), 2).append('.');
        digits(json, time.getNano() / 1_000_000, 3).append('Z');
    }

    private static StringBuilder digits(StringBuilder json, int value, int width) {
        for (int divisor = width == 4 ? 1000 : width == 3 ? 100 : 10; divisor > 0; divisor /= 10) {
            json.append((char) ('0' + value / divisor % 10));
        }
        return json;
    }
}
