package io.gatepass.server.internal.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A reusable, growable byte buffer that text is written into as UTF-8, ASCII taking the fast path. Not thread-safe. */
final class ByteSink {
    private static final byte[] HEX_UPPER = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX_LOWER = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] buffer = new byte[1024];
    private int length;

    ByteSink reset() {
        length = 0;
        return this;
    }

    int length() {
        return length;
    }

    byte[] array() {
        return buffer;
    }

    ByteSink append(char asciiChar) {
        ensure(1);
        buffer[length++] = (byte) asciiChar;
        return this;
    }

    /** Appends the characters of {@code text} as UTF-8, without allocating when they are ASCII. */
    ByteSink append(String text) {
        return append(text, 0, text.length());
    }

    /** Appends the characters {@code from} to {@code to} of {@code text} as UTF-8. */
    ByteSink append(String text, int from, int to) {
        ensure(to - from);
        byte[] out = buffer;
        int at = length;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                length = at;
                byte[] utf8 = text.substring(i, to).getBytes(StandardCharsets.UTF_8);
                return append(utf8, 0, utf8.length);
            }
            out[at++] = (byte) c;
        }
        length = at;
        return this;
    }

    ByteSink append(byte[] bytes, int from, int to) {
        ensure(to - from);
        System.arraycopy(bytes, from, buffer, length, to - from);
        length += to - from;
        return this;
    }

    /** Appends {@code %XX} with upper-case hex digits. */
    ByteSink appendPercentEncoded(int octet) {
        ensure(3);
        buffer[length++] = '%';
        buffer[length++] = HEX_UPPER[(octet >> 4) & 0xF];
        buffer[length++] = HEX_UPPER[octet & 0xF];
        return this;
    }

    /** Appends the bytes as lower-case hex. */
    ByteSink appendHex(byte[] bytes) {
        ensure(bytes.length * 2);
        byte[] out = buffer;
        int at = length;
        for (byte b : bytes) {
            out[at++] = HEX_LOWER[(b >> 4) & 0xF];
            out[at++] = HEX_LOWER[b & 0xF];
        }
        length = at;
        return this;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    @Override
    public String toString() {
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }
}
