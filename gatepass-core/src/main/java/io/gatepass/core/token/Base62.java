package io.gatepass.core.token;

/**
 * Fixed-width base-62 ({@code 0-9A-Za-z}, most significant digit first) for non-negative longs and unsigned 128-bit
 * values. Fixed width makes the encoding a bijection: every value has one text, and a text that decodes to a value
 * too large for its type is refused, so no two texts mean the same thing.
 */
final class Base62 {
    static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** Characters needed for 128 bits: 62^22 > 2^128. */
    static final int WIDTH_128 = 22;

    private static final long MASK_32 = 0xFFFF_FFFFL;

    private Base62() {
    }

    /** The digit's value, or -1 if the character is not a base-62 digit. */
    static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 36;
        }
        return -1;
    }

    /** Writes {@code value} in {@code width} digits; throws if it is negative or does not fit. */
    static void encode(long value, char[] out, int offset, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value");
        }
        long rest = value;
        for (int i = offset + width - 1; i >= offset; i--) {
            out[i] = DIGITS.charAt((int) (rest % 62));
            rest /= 62;
        }
        if (rest != 0) {
            throw new IllegalArgumentException("value does not fit in " + width + " base-62 digits");
        }
    }

    /** The value of {@code width} (at most 10) digits, or -1 if any character is not a digit. */
    static long decodeLong(String text, int offset, int width) {
        long value = 0;
        for (int i = offset; i < offset + width; i++) {
            int d = digit(text.charAt(i));
            if (d < 0) {
                return -1;
            }
            value = value * 62 + d;
        }
        return value;
    }

    /** Writes the unsigned 128-bit value {@code hi:lo} in {@link #WIDTH_128} digits. */
    static void encode128(long hi, long lo, char[] out, int offset) {
        int[] limbs = {(int) (hi >>> 32), (int) hi, (int) (lo >>> 32), (int) lo};
        for (int i = offset + WIDTH_128 - 1; i >= offset; i--) {
            long rem = 0;
            for (int j = 0; j < limbs.length; j++) {
                long cur = (rem << 32) | (limbs[j] & MASK_32);
                limbs[j] = (int) (cur / 62);
                rem = cur % 62;
            }
            out[i] = DIGITS.charAt((int) rem);
        }
    }

    /**
     * The unsigned 128-bit value of {@link #WIDTH_128} digits as {@code {hi, lo}}, or null if a character is not a
     * digit or the value is 2^128 or more.
     */
    static long[] decode128(String text, int offset) {
        int[] limbs = new int[4];
        for (int i = offset; i < offset + WIDTH_128; i++) {
            long carry = digit(text.charAt(i));
            if (carry < 0) {
                return null;
            }
            for (int j = limbs.length - 1; j >= 0; j--) {
                long cur = (limbs[j] & MASK_32) * 62 + carry;
                limbs[j] = (int) cur;
                carry = cur >>> 32;
            }
            if (carry != 0) {
                return null;
            }
        }
        return new long[] {
                ((long) limbs[0] << 32) | (limbs[1] & MASK_32),
                ((long) limbs[2] << 32) | (limbs[3] & MASK_32)};
    }
}
