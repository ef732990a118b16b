package io.gatepass.core.id;

import java.security.SecureRandom;
import java.util.Random;

/**
 * Makes identifiers and secrets in the forms AWS uses. The random source is injected so tests can be repeatable;
 * production uses {@link SecureRandom}.
 */
public final class IdGenerator {
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
    private static final char[] TOKEN_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    /** Request ids take 16 bytes each from a per-thread block this large, refilled from the random source. */
    private static final int REQUEST_ID_BLOCK = 1024;

    private final Random random;
    /**
     * Per-thread blocks of the random source's bytes for request ids, when it is a {@link SecureRandom}: one call to
     * it (a lock and a read of the system's generator) per 64 ids instead of two per id; every id is still 122 bits
     * from the secure source, none drawn twice.
     */
    private final ThreadLocal<RandomBlock> requestIdBytes;

    public IdGenerator(Random random) {
        this.random = random;
        this.requestIdBytes = random instanceof SecureRandom
                ? ThreadLocal.withInitial(() -> new RandomBlock(new byte[REQUEST_ID_BLOCK])) : null;
    }

    /** A block of random bytes and how far it has been used. */
    private static final class RandomBlock {
        final byte[] bytes;
        int used;

        RandomBlock(byte[] bytes) {
            this.bytes = bytes;
            this.used = bytes.length;
        }
    }

    public static IdGenerator secure() {
        return new IdGenerator(new SecureRandom());
    }

    /** A long-term access key id: {@code AKIA} and 16 base-32 characters (20 in all). */
    public String longTermAccessKeyId() {
        return "AKIA" + draw(BASE32, 16);
    }

    /** A temporary access key id: {@code ASIA} and 16 base-32 characters (20 in all). */
    public String temporaryAccessKeyId() {
        return "ASIA" + draw(BASE32, 16);
    }

    /** A 40-character secret access key. */
    public String secretAccessKey() {
        return draw(SECRET_ALPHABET, 40);
    }

    /** An IAM user's unique id: {@code AIDA} and 17 base-32 characters. */
    public String userId() {
        return "AIDA" + draw(BASE32, 17);
    }

    /** An IAM role's unique id: {@code AROA} and 17 base-32 characters. */
    public String roleId() {
        return "AROA" + draw(BASE32, 17);
    }

    /** A 12-digit account id that does not start with 0. */
    public String accountId() {
        return (char) ('1' + random.nextInt(9)) + draw("0123456789".toCharArray(), 11);
    }

    /** An opaque session token for temporary credentials. */
    public String sessionToken() {
        return "FQoGZXIvYXdzE" + draw(TOKEN_ALPHABET, 299);
    }

    /** A request id in the UUID form AWS uses. */
    public String requestId() {
        long hi;
        long lo;
        if (requestIdBytes != null) {
            RandomBlock block = requestIdBytes.get();
            if (block.used == block.bytes.length) {
                random.nextBytes(block.bytes);
                block.used = 0;
            }
            hi = longAt(block.bytes, block.used);
            lo = longAt(block.bytes, block.used + 8);
            java.util.Arrays.fill(block.bytes, block.used, block.used + 16, (byte) 0);
            block.used += 16;
        } else {
            hi = random.nextLong();
            lo = random.nextLong();
        }
        return uuidOf(hi, lo);
    }

    /** A random (version 4) UUID, as {@link java.util.UUID#randomUUID()} makes, but drawn from this generator. */
    public String uuid() {
        return uuidOf(random.nextLong(), random.nextLong());
    }

    /** A version 4 UUID's text from 128 random bits (6 of them overwritten by the version and variant). */
    private static String uuidOf(long hi, long lo) {
        return new java.util.UUID((hi & ~0xF000L) | 0x4000L, (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    /** A stored document's revision (a policy's, a package version's): a UUID. */
    public String revision() {
        return uuid();
    }

    /** A GameLift fleet id: {@code fleet-} and a UUID. */
    public String fleetId() {
        return "fleet-" + uuid();
    }

    /** The id GameLift gives a game session created without an idempotency token or id: {@code gsess-} and a UUID. */
    public String gameSessionId() {
        return "gsess-" + uuid();
    }

    /** A GameLift player session id: {@code psess-} and a UUID. */
    public String playerSessionId() {
        return "psess-" + uuid();
    }

    private static long longAt(byte[] bytes, int at) {
        long value = 0;
        for (int i = at; i < at + 8; i++) {
            value = value << 8 | (bytes[i] & 0xFF);
        }
        return value;
    }

    private String draw(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
