package io.gatepass.server.internal.endpoints.packages.pypi;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Known answers computed with Python's hashlib.blake2b(digest_size=32), which twine uses. */
class Blake2b256Test {
    private static final long SEED = 20261206L;

    @Test
    void digest_knownAnswers_matchPythonHashlib() {
        assertThat(hex(new byte[0])).isEqualTo("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
        assertThat(hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
        assertThat(hex(repeat('a', 127))).isEqualTo("59e2f1aba240f20aa591016f5ef429990bc9c2131dcd0d30f0ffd75ed18f317d");
        assertThat(hex(repeat('a', 128))).isEqualTo("ae2aa48507885c4c950fb809b2076f959cde9f8ea6da260d9a3587df33dac450");
        assertThat(hex(repeat('a', 129))).isEqualTo("2f64744a6de0d2c0b56e64cf6e29a5aaa255010d415d51c75ccc82f73dccd865");
        byte[] ramp = new byte[768];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (byte) i;
        }
        assertThat(hex(ramp)).isEqualTo("b8007121274217790e2923e0ad7027986e5a99d5531ef6ae7d294140fc81615d");
    }

    @Test
    void update_inRandomChunks_sameDigestAsAtOnce() {
        Random random = new Random(SEED);
        for (int i = 0; i < 300; i++) {
            byte[] data = new byte[random.nextInt(2_000)];
            random.nextBytes(data);
            Blake2b256 chunked = new Blake2b256();
            int offset = 0;
            while (offset < data.length) {
                int n = Math.min(data.length - offset, random.nextInt(300));
                chunked.update(data, offset, n);
                offset += n;
            }
            assertThat(HexFormat.of().formatHex(chunked.digest())).as("seed %d case %d", SEED, i)
                    .isEqualTo(hex(data));
        }
    }

    private static byte[] repeat(char c, int n) {
        return String.valueOf(c).repeat(n).getBytes(StandardCharsets.US_ASCII);
    }

    private static String hex(byte[] data) {
        Blake2b256 digest = new Blake2b256();
        digest.update(data, 0, data.length);
        return HexFormat.of().formatHex(digest.digest());
    }
}
