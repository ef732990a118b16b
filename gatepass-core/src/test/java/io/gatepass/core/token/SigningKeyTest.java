package io.gatepass.core.token;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyTest {
    private static final Instant CREATED = Instant.parse("2026-11-23T10:00:00Z");

    private static byte[] secret(int fill) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) fill);
        return secret;
    }

    @Test
    void toString_always_hidesTheSecret() {
        byte[] secret = secret(0xAB);
        String text = new SigningKey("Ab3dE", secret, CREATED).toString();
        assertThat(text).contains("Ab3dE", CREATED.toString(), "redacted")
                .doesNotContainIgnoringCase(HexFormat.of().formatHex(secret, 0, 4))
                .doesNotContain(Arrays.toString(secret).substring(1, 10));
    }

    @Test
    void secret_whenCallerChangesArrays_keyIsUnchanged() {
        byte[] given = secret(1);
        SigningKey key = new SigningKey("Ab3dE", given, CREATED);
        given[0] = 9;
        key.secret()[1] = 9;
        assertThat(key.secret()).isEqualTo(secret(1));
    }

    @Test
    void constructor_whenKeyIdNotFiveAlphanumerics_throws() {
        for (String id : new String[] {"Ab3d", "Ab3dEf", "Ab-dE", "Ab3d_", ""}) {
            assertThatThrownBy(() -> new SigningKey(id, secret(1), CREATED)).as(id)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void constructor_whenSecretNot32Bytes_throws() {
        assertThatThrownBy(() -> new SigningKey("Ab3dE", new byte[31], CREATED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("0, 0");
        assertThatThrownBy(() -> new SigningKey("Ab3dE", new byte[33], CREATED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equals_whenSameIdTimeAndSecret_equal_otherwiseNot() {
        SigningKey key = new SigningKey("Ab3dE", secret(1), CREATED);
        assertThat(key).isEqualTo(new SigningKey("Ab3dE", secret(1), CREATED))
                .hasSameHashCodeAs(new SigningKey("Ab3dE", secret(1), CREATED))
                .isNotEqualTo(new SigningKey("Ab3dE", secret(2), CREATED))
                .isNotEqualTo(new SigningKey("Ab3dF", secret(1), CREATED));
    }
}
