package io.gatepass.core.id;

import java.security.SecureRandom;
import java.util.Random;
import java.util.SplittableRandom;

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

    private final Random random;
    /**
     * Per-thread sources of request ids when the random source is a {@link SecureRandom}: a request id names a call
     * in logs and the audit log and must not repeat, but it is no secret (the client is told it, and it grants
     * nothing), so it need not come from the secure source, which costs a lock and a read of the system's generator.
     * Each thread's {@link SplittableRandom} is seeded once from the secure source: within a thread it gives no value
     * twice in 2^64 draws, and two threads' sequences (steps along the same cycle of 2^64 states from random
     * starting points) meet only if one thread draws as far as the other's start, a chance of about draws / 2^64.
     * Tokens, keys and secrets still come from the secure source.
     */
    private final ThreadLocal<SplittableRandom> requestIds;

    public IdGenerator(Random random) {
        this.random = random;
        this.requestIds = random instanceof SecureRandom
                ? ThreadLocal.withInitial(() -> new SplittableRandom(random.nextLong())) : null;
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

    /**
     * A request id in the UUID form AWS uses. Unique, but predictable to whoever has seen earlier ids of the same
     * thread: it names a call and must never serve as a secret, token, nonce or capability ({@link #uuid()} and the
     * key and secret methods draw from the secure source).
     */
    public String requestId() {
        if (requestIds != null) {
            SplittableRandom source = requestIds.get();
            return uuidOf(source.nextLong(), source.nextLong());
        }
        return uuidOf(random.nextLong(), random.nextLong());
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

    private String draw(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
