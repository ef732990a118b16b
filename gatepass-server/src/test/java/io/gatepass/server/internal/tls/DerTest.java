package io.gatepass.server.internal.tls;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DerTest {
    private static final long SEED = 0x6a7e_9a55L;
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void length_forSeededRandomLengths_decodesBackInTheShortestForm() {
        Random random = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            int length = switch (i % 4) {
                case 0 -> random.nextInt(0x80);
                case 1 -> 0x80 + random.nextInt(0x100 - 0x80);
                case 2 -> random.nextInt(0x1_0000);
                default -> random.nextInt(Integer.MAX_VALUE);
            };
            byte[] encoded = Der.length(length);
            assertThat(decodeLength(encoded)).as("length %d as %s", length, HEX.formatHex(encoded)).isEqualTo(length);
            if (length < 0x80) {
                assertThat(encoded).hasSize(1);
            } else {
                int octets = encoded[0] & 0x7f;
                assertThat(encoded).hasSize(1 + octets);
                assertThat(encoded[1]).as("no leading zero octet in %s", HEX.formatHex(encoded)).isNotZero();
            }
        }
    }

    @Test
    void integer_forSeededRandomValues_isMinimalTwosComplementThatDecodesBack() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 20_000; i++) {
            BigInteger value = new BigInteger(random.nextInt(300), random);
            if (random.nextBoolean()) {
                value = value.negate();
            }
            if (i % 7 == 0) { // boundaries around a sign bit
                value = BigInteger.ONE.shiftLeft(random.nextInt(64)).subtract(BigInteger.valueOf(random.nextInt(3)));
            }
            byte[] encoded = Der.integer(value);
            assertThat(encoded[0]).isEqualTo((byte) Der.INTEGER);
            int lengthOctets = encoded[1] < 0 ? 1 + (encoded[1] & 0x7f) : 1;
            int length = decodeLength(Arrays.copyOfRange(encoded, 1, 1 + lengthOctets));
            byte[] content = Arrays.copyOfRange(encoded, 1 + lengthOctets, encoded.length);
            assertThat(content).hasSize(length).isNotEmpty();
            assertThat(new BigInteger(content)).isEqualTo(value);
            if (content.length > 1) {
                boolean redundantZero = content[0] == 0 && content[1] >= 0;
                boolean redundantOnes = content[0] == (byte) 0xff && content[1] < 0;
                assertThat(redundantZero || redundantOnes).as("minimal: %s", HEX.formatHex(content)).isFalse();
            }
        }
    }

    @Test
    void encodings_matchX690KnownAnswers() {
        assertThat(hex(Der.integer(0))).isEqualTo("020100");
        assertThat(hex(Der.integer(127))).isEqualTo("02017f");
        assertThat(hex(Der.integer(128))).isEqualTo("02020080");
        assertThat(hex(Der.integer(-128))).isEqualTo("020180");
        assertThat(hex(Der.integer(-129))).isEqualTo("0202ff7f");
        assertThat(hex(Der.length(127))).isEqualTo("7f");
        assertThat(hex(Der.length(128))).isEqualTo("8180");
        assertThat(hex(Der.length(256))).isEqualTo("820100");
        assertThat(hex(Der.oid("1.2.840.113549.1.1.11"))).isEqualTo("06092a864886f70d01010b");
        assertThat(hex(Der.oid("2.5.29.17"))).isEqualTo("0603551d11");
        assertThat(hex(Der.oid("2.999.3"))).isEqualTo("0603883703");
        assertThat(hex(Der.bool(true))).isEqualTo("0101ff");
        assertThat(hex(Der.nullValue())).isEqualTo("0500");
        assertThat(hex(Der.namedBits(true, false, true))).isEqualTo("030205a0");
        assertThat(hex(Der.namedBits(true, false, false))).isEqualTo("03020780");
        assertThat(hex(Der.namedBits(false, false, false, false, false, false, false, false, true)))
                .isEqualTo("0303070080");
        assertThat(hex(Der.bitString(new byte[] {1, 2}))).isEqualTo("0303000102");
        assertThat(hex(Der.sequence())).isEqualTo("3000");
        assertThat(hex(Der.explicit(3, Der.nullValue()))).isEqualTo("a3020500");
        assertThat(hex(Der.implicitPrimitive(7, new byte[] {127, 0, 0, 1}))).isEqualTo("87047f000001");
    }

    @Test
    void time_isUtcTimeUntil2049_andGeneralizedTimeFrom2050() {
        assertThat(ascii(Der.time(Instant.parse("2049-12-31T23:59:59.900Z")))).isEqualTo("\u0017\r491231235959Z");
        assertThat(ascii(Der.time(Instant.parse("2050-01-01T00:00:00Z")))).isEqualTo("\u0018\u000f20500101000000Z");
    }

    @Test
    void oid_whenNotAnObjectIdentifier_isRefused() {
        assertThatThrownBy(() -> Der.oid("1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Der.oid("1.40")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Der.oid("3.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Der.length(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** X.690 8.1.3, written independently of the encoder. */
    private static int decodeLength(byte[] octets) {
        int first = octets[0] & 0xff;
        if (first < 0x80) {
            assertThat(octets).hasSize(1);
            return first;
        }
        int count = first & 0x7f;
        assertThat(octets).hasSize(1 + count);
        long value = 0;
        for (int i = 1; i <= count; i++) {
            value = (value << 8) | (octets[i] & 0xff);
        }
        assertThat(value).as("long form only from 128 on").isGreaterThanOrEqualTo(0x80);
        return Math.toIntExact(value);
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
