package io.gatepass.core.token;

import javax.crypto.Mac;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The text of a CodeArtifact repository authorization token, only {@code [A-Za-z0-9._-]}:
 * <pre>
 *   gpca2.KEYID.PAYLOAD.SIGNATURE
 *   "gpca2"    format version ("Gatepass CodeArtifact", format 2)
 *   KEYID      the signing key's id, five characters of [A-Za-z0-9]
 *   PAYLOAD    base64url without padding of the bytes below
 *   SIGNATURE  base64url without padding (86 characters) of the 64-byte Ed25519 signature of
 *              SIGNED_LABEL || "gpca2.KEYID.PAYLOAD", by the key's {@link Ed25519Key}
 * </pre>
 * Format 1, which Gatepass minted before format 2 and still verifies until those tokens expire, has the same payload:
 * <pre>
 *   gpca1.KEYID.PAYLOAD.MAC
 *   MAC      base64url without padding of the first 128 bits of HMAC-SHA256(key, LABEL || "gpca1.KEYID.PAYLOAD")
 * </pre>
 * The payload, big-endian:
 * <pre>
 *   1 byte      ARN form: 0 = the ARN follows whole; 1 = "arn:aws:iam::" + account + ":" is left out;
 *               2 = "arn:aws:sts::" + account + ":" is left out
 *   5 bytes     domain owner (12-digit account as a number)
 *   5 bytes     principal's account
 *   6 bytes     domain creation time, epoch milliseconds
 *   5 bytes     expiry, epoch seconds
 *   1 byte n    then n bytes: domain name (ASCII)
 *   2 bytes m   then m bytes: the ARN, or its rest after the left-out prefix (ASCII)
 * </pre>
 * The MAC or signature covers the exact text before it (a domain label first, so no other Gatepass MAC or signature
 * input can collide). The verifier compares MAC texts rather than decoded bytes, and accepts a signature text only if
 * it is the canonical base64url of its bytes, so any change to any character is refused.
 */
final class RepositoryTokenFormat {
    static final String VERSION = "gpca2";
    static final String LEGACY_VERSION = "gpca1";
    /** 2^40 - 1 seconds: in the year 36812. */
    static final long MAX_EXPIRY = (1L << 40) - 1;
    /** 2^48 - 1 milliseconds: in the year 10889. */
    static final long MAX_CREATED_MILLIS = (1L << 48) - 1;
    /** No valid token is longer: header, the largest payload, MAC. */
    static final int MAX_LENGTH = 4096;

    private static final String PREFIX = VERSION + ".";
    private static final String LEGACY_PREFIX = LEGACY_VERSION + ".";
    private static final int KEY_AT = PREFIX.length();
    private static final int PAYLOAD_AT = KEY_AT + SigningKey.KEY_ID_LENGTH + 1;
    private static final int MAC_BYTES = 16;
    private static final int MAC_CHARS = 22;
    private static final int SIGNATURE_CHARS = 86;
    private static final long MAX_ACCOUNT = 999_999_999_999L;
    private static final String IAM = "arn:aws:iam::";
    private static final String STS = "arn:aws:sts::";
    private static final byte[] LABEL =
            "gatepass/codeartifact-authorization-token\0".getBytes(StandardCharsets.US_ASCII);
    /** What an Ed25519 signature covers before the token text: this, then the token up to its last dot. */
    static final byte[] SIGNED_LABEL =
            "gatepass/codeartifact-authorization-token/ed25519\0".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /**
     * A token's fields as read from its text; not yet checked against any key.
     *
     * @param legacy true for format 1 ({@code mac} is the HMAC text), false for format 2 ({@code mac} is the signature
     *               text)
     */
    record Fields(boolean legacy, String keyId, RepositoryTokenSubject subject, long expiry, String signed,
                  String mac) {
    }

    private RepositoryTokenFormat() {
    }

    /** A format 2 token, signed with the key's Ed25519 key. */
    static String mint(MacKey key, RepositoryTokenSubject subject, long expiry) {
        if (expiry < 0 || expiry > MAX_EXPIRY) {
            throw new IllegalArgumentException("expiry out of range: " + expiry);
        }
        String signed = PREFIX + key.keyId() + "." + ENCODER.encodeToString(payload(subject, expiry));
        byte[] signature = key.ed25519().sign(SIGNED_LABEL, signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + ENCODER.encodeToString(signature);
    }

    /** A format 1 token (HMAC), as Gatepass minted them before format 2; for tests of the upgrade. */
    static String mintLegacy(MacKey key, RepositoryTokenSubject subject, long expiry) {
        if (expiry < 0 || expiry > MAX_EXPIRY) {
            throw new IllegalArgumentException("expiry out of range: " + expiry);
        }
        String signed = LEGACY_PREFIX + key.keyId() + "." + ENCODER.encodeToString(payload(subject, expiry));
        return signed + "." + mac(key, signed);
    }

    /** True if the parsed format 2 token carries a valid signature by this key. */
    static boolean isSigned(MacKey key, Fields fields) {
        byte[] signature;
        try {
            signature = DECODER.decode(fields.mac());
        } catch (IllegalArgumentException e) {
            return false;
        }
        // base64url of 64 bytes has 2 spare bits in its last character: only the canonical text is accepted
        if (signature.length != Ed25519Key.SIGNATURE_BYTES || !ENCODER.encodeToString(signature).equals(fields.mac())) {
            return false;
        }
        return key.ed25519().verify(SIGNED_LABEL, fields.signed().getBytes(StandardCharsets.US_ASCII), signature);
    }

    /** The MAC text for the signed part of a token. */
    static String mac(MacKey key, String signed) {
        Mac mac = key.mac();
        mac.update(LABEL);
        byte[] full = mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        byte[] truncated = new byte[MAC_BYTES];
        System.arraycopy(full, 0, truncated, 0, MAC_BYTES);
        return ENCODER.encodeToString(truncated);
    }

    /** The token's fields, or null if it is not in this format. */
    static Fields parse(String token) {
        if (token == null || token.length() > MAX_LENGTH || token.length() < PAYLOAD_AT + 2 + MAC_CHARS
                || token.charAt(PAYLOAD_AT - 1) != '.') {
            return null;
        }
        boolean legacy;
        if (token.startsWith(PREFIX)) {
            legacy = false;
        } else if (token.startsWith(LEGACY_PREFIX)) {
            legacy = true;
        } else {
            return null;
        }
        int macChars = legacy ? MAC_CHARS : SIGNATURE_CHARS;
        if (token.length() < PAYLOAD_AT + 2 + macChars) {
            return null;
        }
        for (int i = KEY_AT; i < PAYLOAD_AT - 1; i++) {
            if (Base62.digit(token.charAt(i)) < 0) {
                return null;
            }
        }
        int macDot = token.length() - macChars - 1;
        if (token.charAt(macDot) != '.' || macDot <= PAYLOAD_AT
                || !base64url(token, PAYLOAD_AT, macDot) || !base64url(token, macDot + 1, token.length())) {
            return null;
        }
        try {
            ByteBuffer payload = ByteBuffer.wrap(DECODER.decode(token.substring(PAYLOAD_AT, macDot)));
            int form = payload.get();
            String owner = account(uint(payload, 5));
            String account = account(uint(payload, 5));
            long created = uint(payload, 6);
            long expiry = uint(payload, 5);
            String domain = ascii(payload, payload.get() & 0xFF);
            String arn = ascii(payload, payload.getShort() & 0xFFFF);
            if (payload.hasRemaining() || owner == null || account == null) {
                return null;
            }
            arn = switch (form) {
                case 0 -> arn;
                case 1 -> IAM + account + ":" + arn;
                case 2 -> STS + account + ":" + arn;
                default -> null;
            };
            if (arn == null) {
                return null;
            }
            RepositoryTokenSubject subject =
                    new RepositoryTokenSubject(owner, domain, Instant.ofEpochMilli(created), arn, account);
            return new Fields(legacy, token.substring(KEY_AT, PAYLOAD_AT - 1), subject, expiry,
                    token.substring(0, macDot), token.substring(macDot + 1));
        } catch (IllegalArgumentException | BufferUnderflowException e) {
            return null; // not base64url, short payload, or a field the subject refuses
        }
    }

    private static byte[] payload(RepositoryTokenSubject subject, long expiry) {
        String arn = subject.principalArn();
        int form = 0;
        String suffix = subject.accountId() + ":";
        if (arn.startsWith(IAM) && arn.startsWith(suffix, IAM.length())) {
            form = 1;
            arn = arn.substring(IAM.length() + suffix.length());
        } else if (arn.startsWith(STS) && arn.startsWith(suffix, STS.length())) {
            form = 2;
            arn = arn.substring(STS.length() + suffix.length());
        }
        byte[] domain = subject.domainName().getBytes(StandardCharsets.US_ASCII);
        byte[] rest = arn.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(1 + 5 + 5 + 6 + 5 + 1 + domain.length + 2 + rest.length);
        out.put((byte) form);
        putUint(out, Long.parseLong(subject.domainOwner()), 5);
        putUint(out, Long.parseLong(subject.accountId()), 5);
        putUint(out, subject.domainCreatedAt().toEpochMilli(), 6);
        putUint(out, expiry, 5);
        out.put((byte) domain.length).put(domain);
        out.putShort((short) rest.length).put(rest);
        return out.array();
    }

    private static void putUint(ByteBuffer out, long value, int bytes) {
        for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
            out.put((byte) (value >>> shift));
        }
    }

    private static long uint(ByteBuffer in, int bytes) {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value = (value << 8) | (in.get() & 0xFF);
        }
        return value;
    }

    private static String account(long value) {
        if (value > MAX_ACCOUNT) {
            return null;
        }
        String digits = Long.toString(value);
        return "000000000000".substring(digits.length()) + digits;
    }

    private static String ascii(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        for (byte b : bytes) {
            if (b < 0x21 || b > 0x7E) {
                throw new IllegalArgumentException("not printable ASCII");
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static boolean base64url(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Base62.digit(c) < 0 && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }
}
