package io.gatepass.server.internal.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * An event as one JSON object on one line, fields in a fixed order and absent when null:
 * {@code {"time":"2026-12-06T11:07:26.123Z","kind":"change","action":"iam:CreateUser","outcome":"success",...}}.
 * The field names are what {@code gatepass audit tail} reads.
 *
 * <p>Written by hand rather than through a Jackson generator: every token mint has a line, and at thousands of mints
 * a second the generator's set-up and the two date formats per line were most of the writer thread's time. The
 * writer keeps one {@code AuditLine}, which encodes each line straight into its own reused byte buffer: a value of
 * plain ASCII (nearly every one) is copied in as it is scanned; the rare one that needs escaping or holds other
 * characters goes through {@link #escaped} and its UTF-8 encoding. It also makes the date-time text up to the
 * milliseconds once a second, for the event's time and for the expiry's: consecutive events share them. The bytes
 * are those of Jackson's default generator's line in UTF-8 ({@code AuditLineTest} compares the two).
 */
public final class AuditLine {
    /** UTC, always with milliseconds, so lines sort as text. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final byte[] TIME_FIELD = ascii("{\"time\":\"");
    private static final byte[] KIND = ascii("\",\"kind\":\"");
    private static final byte[] ACTION = name("action");
    private static final byte[] OUTCOME = ascii(",\"outcome\":\"");
    private static final byte[] ERROR_CODE = name("errorCode");
    private static final byte[] PRINCIPAL = name("principal");
    private static final byte[] ACCOUNT_ID = name("accountId");
    private static final byte[] ACCESS_KEY_ID = name("accessKeyId");
    private static final byte[] RESOURCE = name("resource");
    private static final byte[] SOURCE_ADDRESS = name("sourceAddress");
    private static final byte[] REQUEST_ID = name("requestId");
    private static final byte[] TOKEN_FINGERPRINT = name("tokenFingerprint");
    private static final byte[] TOKEN_ID = name("tokenId");
    private static final byte[] TOKEN_EXPIRY = name("tokenExpiry");
    private static final byte[] DETAIL = name("detail");
    private static final byte[][] KINDS = Arrays.stream(AuditEvent.Kind.values())
            .map(k -> ascii(k.wireName())).toArray(byte[][]::new);
    private static final byte[][] OUTCOMES = Arrays.stream(AuditEvent.Outcome.values())
            .map(o -> ascii(o.wireName())).toArray(byte[][]::new);

    private final Second time = new Second();
    private final Second expiry = new Second();
    private byte[] bytes = new byte[1024];
    private int length;

    /** A formatter for one thread at a time. */
    AuditLine() {
    }

    /** The line of one event (by a formatter of its own: the writer keeps one, see {@link #utf8}). */
    public static String format(AuditEvent event) {
        AuditLine line = new AuditLine();
        int length = line.utf8(event);
        return new String(line.bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** Encodes the line of {@code event} in UTF-8, without a line break, into {@link #bytes}; returns its length. */
    int utf8(AuditEvent event) {
        length = 0;
        put(TIME_FIELD);
        time.put(this, event.time());
        put(KIND);
        put(KINDS[event.kind().ordinal()]);
        put((byte) '"');
        field(ACTION, event.action());
        put(OUTCOME);
        put(OUTCOMES[event.outcome().ordinal()]);
        put((byte) '"');
        field(ERROR_CODE, event.errorCode());
        field(PRINCIPAL, event.principal());
        field(ACCOUNT_ID, event.accountId());
        field(ACCESS_KEY_ID, event.accessKeyId());
        field(RESOURCE, event.resource());
        field(SOURCE_ADDRESS, event.sourceAddress());
        field(REQUEST_ID, event.requestId());
        field(TOKEN_FINGERPRINT, event.tokenFingerprint());
        field(TOKEN_ID, event.tokenId());
        if (event.tokenExpiry() != null) {
            put(TOKEN_EXPIRY);
            expiry.put(this, event.tokenExpiry());
            put((byte) '"');
        }
        field(DETAIL, event.detail());
        put((byte) '}');
        return length;
    }

    /** The buffer {@link #utf8} encodes into; the next call reuses it. */
    byte[] bytes() {
        return bytes;
    }

    /** {@code ,"name":"value"} when the value is not null. */
    private void field(byte[] name, String value) {
        if (value != null) {
            put(name);
            value(value);
            put((byte) '"');
        }
    }

    /** A string value, escaped and in UTF-8. */
    private void value(String value) {
        room(value.length());
        byte[] to = bytes;
        int at = length;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80 || !plain(c)) {
                StringBuilder text = new StringBuilder(value.length() + 16);
                escaped(text, value);
                put(text.toString().getBytes(StandardCharsets.UTF_8));
                return;
            }
            to[at + i] = (byte) c;
        }
        length = at + value.length();
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

    private void put(byte b) {
        room(1);
        bytes[length++] = b;
    }

    private void put(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    private static byte[] name(String name) {
        return ascii(",\"" + name + "\":\"");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * {@link #TIME}'s text, written directly for the years 0 to 9999 (a sign and more digits outside them): the part
     * up to the milliseconds is made once a second.
     */
    private static final class Second {
        private long epochSecond = Long.MIN_VALUE;
        /** {@code 2026-12-06T11:07:26.} of {@link #epochSecond}, or null outside the years 0 to 9999. */
        private byte[] text;

        void put(AuditLine line, Instant time) {
            if (time.getEpochSecond() != epochSecond) {
                epochSecond = time.getEpochSecond();
                text = text(epochSecond);
            }
            if (text == null) {
                line.put(ascii(TIME.format(time)));
                return;
            }
            int millis = time.getNano() / 1_000_000;
            line.put(text);
            line.put((byte) ('0' + millis / 100));
            line.put((byte) ('0' + millis / 10 % 10));
            line.put((byte) ('0' + millis % 10));
            line.put((byte) 'Z');
        }

        private static byte[] text(long epochSecond) {
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
            return ascii(text.toString());
        }

        private static StringBuilder digits(StringBuilder text, int value, int width) {
            for (int divisor = width == 4 ? 1000 : 10; divisor > 0; divisor /= 10) {
                text.append((char) ('0' + value / divisor % 10));
            }
            return text;
        }
    }
}
