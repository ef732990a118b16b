package io.gatepass.core.internal.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @Test
    void decrypt_whenSameKeyAndContext_returnsTheSecret(@TempDir Path dir) throws Exception {
        SecretCipher cipher = new SecretCipher(MasterKey.load(null, dir));
        String sealed = cipher.encrypt(SECRET, "AKIAEXAMPLE");
        assertThat(sealed).startsWith("v1:").doesNotContain(SECRET);
        assertThat(cipher.decrypt(sealed, "AKIAEXAMPLE")).isEqualTo(SECRET);
    }

    @Test
    void encrypt_twice_givesDifferentCiphertexts(@TempDir Path dir) throws Exception {
        SecretCipher cipher = new SecretCipher(MasterKey.load(null, dir));
        assertThat(cipher.encrypt(SECRET, "k")).isNotEqualTo(cipher.encrypt(SECRET, "k"));
    }

    @Test
    void decrypt_whenContextDiffers_fails(@TempDir Path dir) throws Exception {
        SecretCipher cipher = new SecretCipher(MasterKey.load(null, dir));
        String sealed = cipher.encrypt(SECRET, "AKIAONE");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "AKIATWO"))
                .isInstanceOf(SecretCipher.WrongMasterKeyException.class);
    }

    @Test
    void decrypt_whenOtherMasterKey_fails(@TempDir Path one, @TempDir Path two) throws Exception {
        String sealed = new SecretCipher(MasterKey.load(null, one)).encrypt(SECRET, "k");
        SecretCipher other = new SecretCipher(MasterKey.load(null, two));
        assertThatThrownBy(() -> other.decrypt(sealed, "k")).isInstanceOf(SecretCipher.WrongMasterKeyException.class);
    }

    @Test
    void load_whenNoKeyFile_createsOneOnlyTheOwnerCanRead_andReusesIt(@TempDir Path dir) throws Exception {
        MasterKey first = MasterKey.load(null, dir);
        Path file = dir.resolve(MasterKey.FILE_NAME);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String sealed = new SecretCipher(first).encrypt(SECRET, "k");
        assertThat(new SecretCipher(MasterKey.load(null, dir)).decrypt(sealed, "k")).isEqualTo(SECRET);
        assertThat(first.toString()).doesNotContain(Files.readString(file).trim());
    }

    @Test
    void load_whenConfiguredKeyGiven_usesItAndWritesNoFile(@TempDir Path dir) throws Exception {
        String configured = Base64.getEncoder().encodeToString(new byte[32]);
        String sealed = new SecretCipher(MasterKey.load(configured, dir)).encrypt(SECRET, "k");
        assertThat(dir.resolve(MasterKey.FILE_NAME)).doesNotExist();
        assertThat(new SecretCipher(MasterKey.fromBase64(configured)).decrypt(sealed, "k")).isEqualTo(SECRET);
    }

    @Test
    void fromBase64_whenWrongLength_explainsTheExpectedForm() {
        assertThatThrownBy(() -> MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
    }
}
