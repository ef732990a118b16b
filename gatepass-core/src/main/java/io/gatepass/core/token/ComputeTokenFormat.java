package io.gatepass.core.token;

import javax.crypto.Mac;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The text of a compute auth token, 56 characters of {@code [0-9A-Za-z]}:
 * <pre>
 *   offset  0  1     version, always '1'
 *   offset  1  5     key id
 *   offset  6  6     expiry, epoch seconds, base 62
 *   offset 12 22     registration id (a UUID's 128 bits), base 62
 *   offset 34 22     the first 128 bits of HMAC-SHA256, base 62
 * </pre>
 * The MAC covers a domain label, the version, key id, fleet id, compute name, registration id and expiry, each field
 * length-prefixed so no two field lists give the same input. Every field has one text, so a token is genuine exactly
 * when it equals the token minted again from its own fields.
 */
final class ComputeTokenFormat {
    static final int LENGTH = 56;
    static final char VERSION = '1';
    /** 62^6 - 1 seconds: in the year 3769. */
    static final long MAX_EXPIRY = 56_800_235_583L;

    private static final int KEY_AT = 1;
    private static final int EXPIRY_AT = KEY_AT + SigningKey.KEY_ID_LENGTH;
    private static final int EXPIRY_WIDTH = 6;
    private static final int REGISTRATION_AT = EXPIRY_AT + EXPIRY_WIDTH;
    private static final int MAC_AT = REGISTRATION_AT + Base62.WIDTH_128;
    private static final byte[] DOMAIN = "gatepass/gamelift-compute-auth-token".getBytes(StandardCharsets.US_ASCII);

    /** A token's fields as read from its text; not yet checked against any key. */
    record Fields(String keyId, long expiry, String registrationId, long macHigh, long macLow) {
    }

    private ComputeTokenFormat() {
    }

    static String mint(MacKey key, String fleetId, String computeName, String registrationId, long expiry) {
        UUID registration = canonicalUuid(registrationId);
        if (expiry < 0 || expiry > MAX_EXPIRY) {
            throw new IllegalArgumentException("expiry out of range: " + expiry);
        }
        char[] out = new char[LENGTH];
        out[0] = VERSION;
        key.keyId().getChars(0, SigningKey.KEY_ID_LENGTH, out, KEY_AT);
        Base62.encode(expiry, out, EXPIRY_AT, EXPIRY_WIDTH);
        Base62.encode128(registration.getMostSignificantBits(), registration.getLeastSignificantBits(), out,
                REGISTRATION_AT);
        ByteBuffer mac = ByteBuffer.wrap(mac(key, fleetId, computeName, registrationId, expiry));
        Base62.encode128(mac.getLong(0), mac.getLong(8), out, MAC_AT);
        return new String(out);
    }

    /**
     * True when {@code token} (as {@link #parse} read it into {@code fields}) is exactly the token minted from its own
     * fields with this key for this fleet and compute; compared in constant time.
     */
    static boolean isGenuine(String token, Fields fields, MacKey key, String fleetId, String computeName) {
        // Every field is fixed-width and parse reads each one back to a single value (base 62 of a fixed width is a
        // bijection below its limit), so re-encoding the key id, expiry and registration would give the token's own
        // characters again: comparing the MAC bits is comparing the whole token.
        ByteBuffer mac = ByteBuffer.wrap(mac(key, fleetId, computeName, fields.registrationId(), fields.expiry()));
        long difference = (mac.getLong(0) ^ fields.macHigh()) | (mac.getLong(8) ^ fields.macLow());
        return difference == 0 && token.length() == LENGTH;
    }

    /** The token's fields, or null if it is not in this format. */
    static Fields parse(String token) {
        if (token == null || token.length() != LENGTH || token.charAt(0) != VERSION) {
            return null;
        }
        for (int i = KEY_AT; i < EXPIRY_AT; i++) {
            if (Base62.digit(token.charAt(i)) < 0) {
                return null;
            }
        }
        long expiry = Base62.decodeLong(token, EXPIRY_AT, EXPIRY_WIDTH);
        long[] registration = Base62.decode128(token, REGISTRATION_AT);
        long[] mac = Base62.decode128(token, MAC_AT);
        if (expiry < 0 || registration == null || mac == null) {
            return null;
        }
        return new Fields(token.substring(KEY_AT, EXPIRY_AT), expiry,
                new UUID(registration[0], registration[1]).toString(), mac[0], mac[1]);
    }

    private static byte[] mac(MacKey key, String fleetId, String computeName, String registrationId, long expiry) {
        byte[][] fields = {
                DOMAIN,
                {(byte) VERSION},
                key.keyId().getBytes(StandardCharsets.US_ASCII),
                fleetId.getBytes(StandardCharsets.UTF_8),
                computeName.getBytes(StandardCharsets.UTF_8),
                registrationId.getBytes(StandardCharsets.US_ASCII)};
        int size = Long.BYTES;
        for (byte[] field : fields) {
            size += Integer.BYTES + field.length;
        }
        ByteBuffer input = ByteBuffer.allocate(size);
        for (byte[] field : fields) {
            input.putInt(field.length).put(field);
        }
        input.putLong(expiry);
        Mac mac = key.mac();
        return mac.doFinal(input.array());
    }

    private static UUID canonicalUuid(String registrationId) {
        try {
            UUID uuid = UUID.fromString(registrationId);
            if (uuid.toString().equals(registrationId)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new IllegalArgumentException(
                "a registration id must be a UUID in canonical lower-case form (as UUID.toString() writes it)");
    }
}
