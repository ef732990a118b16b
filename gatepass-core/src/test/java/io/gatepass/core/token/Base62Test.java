package io.gatepass.core.token;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Base62Test {
    private static final long SEED = 20261123L;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Test
    void encode128_whenRandomValues_roundTripsAndMatchesBigInteger() {
        Random random = new Random(SEED);
        for (int i = 0; i < 5_000; i++) {
            long hi = i == 0 ? 0 : i == 1 ? -1 : random.nextLong();
            long lo = i == 0 ? 0 : i == 1 ? -1 : random.nextLong();
            char[] out = new char[22];
            Base62.encode128(hi, lo, out, 0);
            String text = new String(out);
            assertThat(Base62.decode128(text, 0)).as("seed %d case %d", SEED, i).containsExactly(hi, lo);
            assertThat(text).as("seed %d case %d", SEED, i).isEqualTo(viaBigInteger(hi, lo));
        }
    }

    @Test
    void decode128_whenValueIs2Pow128OrMore_null() {
        String twoPow128 = toBase62(BigInteger.ONE.shiftLeft(128), 22);
        assertThat(Base62.decode128(twoPow128, 0)).isNull();
        assertThat(Base62.decode128("z".repeat(22), 0)).isNull();
        assertThat(Base62.decode128(toBase62(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE), 22), 0))
                .containsExactly(-1L, -1L);
    }

    @Test
    void decode_whenNotADigit_refused() {
        assertThat(Base62.decode128("0".repeat(21) + "-", 0)).isNull();
        assertThat(Base62.decodeLong("00_000", 0, 6)).isEqualTo(-1);
    }

    @Test
    void encode_whenLongTooWideOrNegative_throws() {
        char[] out = new char[6];
        Base62.encode(56_800_235_583L, out, 0, 6);
        assertThat(new String(out)).isEqualTo("zzzzzz");
        assertThat(Base62.decodeLong("zzzzzz", 0, 6)).isEqualTo(56_800_235_583L);
        assertThatThrownBy(() -> Base62.encode(56_800_235_584L, out, 0, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base62.encode(-1, out, 0, 6)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String viaBigInteger(long hi, long lo) {
        BigInteger value = new BigInteger(Long.toUnsignedString(hi)).shiftLeft(64)
                .or(new BigInteger(Long.toUnsignedString(lo)));
        return toBase62(value, 22);
    }

    static String toBase62(BigInteger value, int width) {
        StringBuilder out = new StringBuilder();
        BigInteger rest = value;
        for (int i = 0; i < width; i++) {
            BigInteger[] qr = rest.divideAndRemainder(BigInteger.valueOf(62));
            out.append(ALPHABET.charAt(qr[1].intValue()));
            rest = qr[0];
        }
        return out.reverse().toString();
    }
}
