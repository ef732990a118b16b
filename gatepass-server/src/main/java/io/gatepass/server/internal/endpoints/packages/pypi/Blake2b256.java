package io.gatepass.server.internal.endpoints.packages.pypi;

/**
 * BLAKE2b with a 32-byte digest and no key (RFC 7693), the {@code blake2_256_digest} twine sends with every upload.
 * The JDK has no BLAKE2; this is written from the RFC's description and checked against its known answers.
 */
final class Blake2b256 {
    private static final int BLOCK = 128;
    private static final int DIGEST_BYTES = 32;
    private static final long[] IV = {
        0x6A09E667F3BCC908L, 0xBB67AE8584CAA73BL, 0x3C6EF372FE94F82BL, 0xA54FF53A5F1D36F1L,
        0x510E527FADE682D1L, 0x9B05688C2B3E6C1FL, 0x1F83D9ABFB41BD6BL, 0x5BE0CD19137E2179L,
    };
    private static final byte[][] SIGMA = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
        {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
        {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
        {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
        {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
        {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
        {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
        {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
        {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
        {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    };

    private final long[] h = IV.clone();
    private final long[] v = new long[16];
    private final long[] m = new long[16];
    private final byte[] buffer = new byte[BLOCK];
    private int buffered;
    private long counterLow;
    private long counterHigh;

    Blake2b256() {
        h[0] ^= 0x01010000L ^ DIGEST_BYTES;
    }

    void update(byte[] data, int offset, int length) {
        while (length > 0) {
            if (buffered == BLOCK) {
                // Only now is it certain that this block is not the last one.
                count(BLOCK);
                compress(buffer, false);
                buffered = 0;
            }
            int n = Math.min(length, BLOCK - buffered);
            System.arraycopy(data, offset, buffer, buffered, n);
            buffered += n;
            offset += n;
            length -= n;
        }
    }

    byte[] digest() {
        count(buffered);
        java.util.Arrays.fill(buffer, buffered, BLOCK, (byte) 0);
        compress(buffer, true);
        byte[] out = new byte[DIGEST_BYTES];
        for (int i = 0; i < DIGEST_BYTES; i++) {
            out[i] = (byte) (h[i >> 3] >>> (8 * (i & 7)));
        }
        return out;
    }

    private void count(int bytes) {
        long before = counterLow;
        counterLow += bytes;
        if (Long.compareUnsigned(counterLow, before) < 0) {
            counterHigh++;
        }
    }

    private void compress(byte[] block, boolean last) {
        for (int i = 0; i < 16; i++) {
            long word = 0;
            for (int b = 7; b >= 0; b--) {
                word = word << 8 | (block[i * 8 + b] & 0xffL);
            }
            m[i] = word;
        }
        System.arraycopy(h, 0, v, 0, 8);
        System.arraycopy(IV, 0, v, 8, 8);
        v[12] ^= counterLow;
        v[13] ^= counterHigh;
        if (last) {
            v[14] = ~v[14];
        }
        for (int round = 0; round < 12; round++) {
            byte[] s = SIGMA[round % 10];
            mix(0, 4, 8, 12, m[s[0]], m[s[1]]);
            mix(1, 5, 9, 13, m[s[2]], m[s[3]]);
            mix(2, 6, 10, 14, m[s[4]], m[s[5]]);
            mix(3, 7, 11, 15, m[s[6]], m[s[7]]);
            mix(0, 5, 10, 15, m[s[8]], m[s[9]]);
            mix(1, 6, 11, 12, m[s[10]], m[s[11]]);
            mix(2, 7, 8, 13, m[s[12]], m[s[13]]);
            mix(3, 4, 9, 14, m[s[14]], m[s[15]]);
        }
        for (int i = 0; i < 8; i++) {
            h[i] ^= v[i] ^ v[i + 8];
        }
    }

    private void mix(int a, int b, int c, int d, long x, long y) {
        v[a] = v[a] + v[b] + x;
        v[d] = Long.rotateRight(v[d] ^ v[a], 32);
        v[c] = v[c] + v[d];
        v[b] = Long.rotateRight(v[b] ^ v[c], 24);
        v[a] = v[a] + v[b] + y;
        v[d] = Long.rotateRight(v[d] ^ v[a], 16);
        v[c] = v[c] + v[d];
        v[b] = Long.rotateRight(v[b] ^ v[c], 63);
    }
}
