package io.gatepass.server.internal.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The few ASN.1 DER encodings (ITU-T X.690) an X.509 certificate needs. Every method returns one complete
 * tag-length-value; constructed values take their members already encoded.
 */
final class Der {
    static final int BOOLEAN = 0x01;
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OBJECT_IDENTIFIER = 0x06;
    static final int UTF8_STRING = 0x0c;
    static final int UTC_TIME = 0x17;
    static final int GENERALIZED_TIME = 0x18;
    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;

    private static final DateTimeFormatter UTC_TIME_FORMAT = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
    private static final DateTimeFormatter GENERALIZED_TIME_FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

    private Der() {
    }

    /** The length octets: short form below 128, else the long form with the fewest length bytes. */
    static byte[] length(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
        byte[] out = new byte[1 + bytes];
        out[0] = (byte) (0x80 | bytes);
        for (int i = 0; i < bytes; i++) {
            out[bytes - i] = (byte) (length >>> (8 * i));
        }
        return out;
    }

    static byte[] tlv(int tag, byte[] content) {
        byte[] length = length(content.length);
        byte[] out = new byte[1 + length.length + content.length];
        out[0] = (byte) tag;
        System.arraycopy(length, 0, out, 1, length.length);
        System.arraycopy(content, 0, out, 1 + length.length, content.length);
        return out;
    }

    static byte[] sequence(byte[]... members) {
        return tlv(SEQUENCE, concat(members));
    }

    static byte[] set(byte[]... members) {
        return tlv(SET, concat(members));
    }

    /** Two's complement in the fewest octets, which is what {@link BigInteger#toByteArray()} gives. */
    static byte[] integer(BigInteger value) {
        return tlv(INTEGER, value.toByteArray());
    }

    static byte[] integer(long value) {
        return integer(BigInteger.valueOf(value));
    }

    static byte[] bool(boolean value) {
        return tlv(BOOLEAN, new byte[] {(byte) (value ? 0xff : 0x00)});
    }

    static byte[] nullValue() {
        return tlv(NULL, new byte[0]);
    }

    static byte[] octetString(byte[] content) {
        return tlv(OCTET_STRING, content);
    }

    /** A bit string of whole octets (no unused bits), as keys and signatures are. */
    static byte[] bitString(byte[] content) {
        byte[] withUnusedBits = new byte[content.length + 1];
        System.arraycopy(content, 0, withUnusedBits, 1, content.length);
        return tlv(BIT_STRING, withUnusedBits);
    }

    /**
     * A named bit list (e.g. KeyUsage): bit 0 is the most significant bit of the first octet; trailing zero bits are
     * dropped and the count of unused bits in the last octet is stated, as DER requires.
     */
    static byte[] namedBits(boolean... bits) {
        int last = bits.length - 1;
        while (last >= 0 && !bits[last]) {
            last--;
        }
        if (last < 0) {
            return tlv(BIT_STRING, new byte[] {0});
        }
        int octets = last / 8 + 1;
        byte[] content = new byte[1 + octets];
        content[0] = (byte) (octets * 8 - (last + 1));
        for (int i = 0; i <= last; i++) {
            if (bits[i]) {
                content[1 + i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        return tlv(BIT_STRING, content);
    }

    static byte[] utf8String(String value) {
        return tlv(UTF8_STRING, value.getBytes(StandardCharsets.UTF_8));
    }

    /** UTCTime for the years 1950 to 2049 and GeneralizedTime otherwise, as RFC 5280 4.1.2.5 demands. */
    static byte[] time(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC).withNano(0);
        if (utc.getYear() >= 1950 && utc.getYear() < 2050) {
            return tlv(UTC_TIME, UTC_TIME_FORMAT.format(utc).getBytes(StandardCharsets.US_ASCII));
        }
        return tlv(GENERALIZED_TIME, GENERALIZED_TIME_FORMAT.format(utc).getBytes(StandardCharsets.US_ASCII));
    }

    /** An object identifier in dotted form, e.g. {@code 2.5.29.17}. */
    static byte[] oid(String dotted) {
        String[] parts = dotted.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("an object identifier has at least two arcs: " + dotted);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BigInteger first = new BigInteger(parts[0]);
        BigInteger second = new BigInteger(parts[1]);
        if (first.signum() < 0 || first.intValue() > 2 || (first.intValue() < 2 && second.intValue() >= 40)) {
            throw new IllegalArgumentException("not an object identifier: " + dotted);
        }
        base128(out, first.multiply(BigInteger.valueOf(40)).add(second));
        for (int i = 2; i < parts.length; i++) {
            base128(out, new BigInteger(parts[i]));
        }
        return tlv(OBJECT_IDENTIFIER, out.toByteArray());
    }

    /** {@code [n] EXPLICIT}: a constructed context-specific tag around one encoded value. */
    static byte[] explicit(int tagNumber, byte[] encoded) {
        return tlv(0xa0 | tagNumber, encoded);
    }

    /** {@code [n] IMPLICIT} for a primitive value: the context-specific tag replaces the value's own. */
    static byte[] implicitPrimitive(int tagNumber, byte[] content) {
        return tlv(0x80 | tagNumber, content);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static void base128(ByteArrayOutputStream out, BigInteger arc) {
        if (arc.signum() < 0) {
            throw new IllegalArgumentException("negative object identifier arc " + arc);
        }
        int groups = Math.max(1, (arc.bitLength() + 6) / 7);
        for (int i = groups - 1; i >= 0; i--) {
            int group = arc.shiftRight(7 * i).intValue() & 0x7f;
            out.write(i == 0 ? group : group | 0x80);
        }
    }
}
