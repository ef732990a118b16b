package io.gatepass.server.internal.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Per-thread SHA-256 and HMAC-SHA256 instances and scratch buffers, reused across verifications. */
final class Crypto {
    private static final ThreadLocal<Crypto> PER_THREAD = ThreadLocal.withInitial(Crypto::new);
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final String HMAC_SHA256 = "HmacSHA256";

    private final MessageDigest sha256;
    private final Mac hmac;
    /** The key {@link #hmac} was last initialized with (by identity), to skip initializing it again. */
    private byte[] hmacKey;
    /** Scratch space for the canonical request. */
    final ByteSink canonical = new ByteSink();
    /** Scratch space for the string to sign. */
    final ByteSink stringToSign = new ByteSink();
    /** Scratch space for one digest or MAC at a time (see {@link #sha256Scratch} and {@link #hmacScratch}). */
    private final byte[] scratch = new byte[32];
    /** Scratch space for a SHA-256 in hex (see {@link #hexScratch}). */
    private final byte[] hex = new byte[64];
    /** Scratch space for a client's signature, decoded. */
    private final byte[] decoded = new byte[32];
    /** This thread's last credential and signed headers, parsed. */
    final LastAuthorization last = new LastAuthorization();

    private Crypto() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
            hmac = Mac.getInstance(HMAC_SHA256);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256 or HmacSHA256", e);
        }
    }

    static Crypto get() {
        return PER_THREAD.get();
    }

    byte[] sha256(byte[] data) {
        return sha256(data, 0, data.length);
    }

    byte[] sha256(byte[] data, int from, int length) {
        sha256.reset();
        sha256.update(data, from, length);
        return sha256.digest();
    }

    /**
     * SHA-256 into this thread's scratch array, which the next {@code sha256Scratch} or {@link #hmacScratch} call
     * overwrites: for a hash that is used at once (hex-encoded or compared), without allocating.
     */
    byte[] sha256Scratch(byte[] data, int from, int length) {
        sha256.reset();
        sha256.update(data, from, length);
        try {
            sha256.digest(scratch, 0, scratch.length);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
        return scratch;
    }

    /**
     * HMAC-SHA256 into this thread's scratch array, as {@link #sha256Scratch}; never to be used as a key. Initializing
     * the MAC is skipped as in {@link #hmac(byte[], byte[], int, int)}.
     */
    byte[] hmacScratch(byte[] key, byte[] data, int from, int length) {
        init(key);
        hmac.update(data, from, length);
        try {
            hmac.doFinal(scratch, 0);
        } catch (javax.crypto.ShortBufferException e) {
            throw new IllegalStateException(e);
        }
        return scratch;
    }

    /**
     * HMAC-SHA256. Initializing the MAC is skipped when {@code key} is the same array as last time (a cached signing
     * key), so an array passed here must not be passed again with other contents.
     */
    byte[] hmac(byte[] key, byte[] data, int from, int length) {
        init(key);
        hmac.update(data, from, length);
        return hmac.doFinal();
    }

    private void init(byte[] key) {
        if (key != hmacKey) {
            try {
                hmac.init(new SecretKeySpec(key, HMAC_SHA256));
            } catch (java.security.InvalidKeyException e) {
                throw new IllegalStateException(e);
            }
            hmacKey = key;
        }
    }

    byte[] hmac(byte[] key, String asciiData) {
        byte[] data = asciiData.getBytes(StandardCharsets.UTF_8);
        return hmac(key, data, 0, data.length);
    }

    /**
     * A 32-byte digest as lower-case hex in ASCII bytes, in this thread's scratch array that the next call
     * overwrites.
     */
    byte[] hexScratch(byte[] digest) {
        byte[] out = hex;
        for (int i = 0; i < 32; i++) {
            out[2 * i] = (byte) HEX[(digest[i] >> 4) & 0xF];
            out[2 * i + 1] = (byte) HEX[digest[i] & 0xF];
        }
        return out;
    }

    /** Whether {@code text} (possibly null) is exactly the ASCII characters in {@code ascii}. */
    static boolean asciiEquals(byte[] ascii, String text) {
        if (text == null || text.length() != ascii.length) {
            return false;
        }
        for (int i = 0; i < ascii.length; i++) {
            if (text.charAt(i) != ascii[i]) {
                return false;
            }
        }
        return true;
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /**
     * Compares a computed MAC with a client's signature (64 lower-case hex digits) with {@link MessageDigest#isEqual},
     * whose time does not depend on where the two differ.
     */
    boolean signatureMatches(byte[] computed, String providedHex) {
        if (providedHex.length() != computed.length * 2) {
            return false;
        }
        byte[] provided = computed.length == decoded.length ? decoded : new byte[computed.length];
        for (int i = 0; i < provided.length; i++) {
            int high = lowerHexDigit(providedHex.charAt(2 * i));
            int low = lowerHexDigit(providedHex.charAt(2 * i + 1));
            if (high < 0 || low < 0) {
                return false;
            }
            provided[i] = (byte) (high << 4 | low);
        }
        return MessageDigest.isEqual(computed, provided);
    }

    private static int lowerHexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
