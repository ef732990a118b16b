package io.gatepass.server.internal.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SigningKeyCacheTest {
    private static final String KEY_ID = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final CredentialScope SCOPE = new CredentialScope("20150830", "us-east-1", "iam");

    @Test
    void signingKey_whenAwsDocumentationExample_derivesTheDocumentedKey() {
        byte[] key = new SigningKeyCache(8).signingKey(Crypto.get(), KEY_ID, SECRET, SCOPE);

        assertThat(Crypto.hex(key)).isEqualTo("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
    }

    @Test
    void signingKey_whenAskedAgain_returnsTheCachedKey() {
        SigningKeyCache cache = new SigningKeyCache(8);

        byte[] first = cache.signingKey(Crypto.get(), KEY_ID, SECRET, SCOPE);

        assertThat(cache.signingKey(Crypto.get(), KEY_ID, SECRET, SCOPE)).isSameAs(first);
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.derivations()).isEqualTo(1);
    }

    @Test
    void signingKey_whenTheSameSecretComesInAnotherObject_returnsTheCachedKeyWithoutDerivingAgain() {
        SigningKeyCache cache = new SigningKeyCache(8);
        byte[] first = cache.signingKey(Crypto.get(), KEY_ID, SECRET, SCOPE);

        String decryptedAgain = new String(SECRET.toCharArray());

        assertThat(cache.signingKey(Crypto.get(), KEY_ID, decryptedAgain, SCOPE)).isSameAs(first);
        assertThat(cache.signingKey(Crypto.get(), KEY_ID, decryptedAgain, SCOPE)).isSameAs(first);
        assertThat(cache.derivations()).isEqualTo(1);
    }

    @Test
    void signingKey_whenTheKeysSecretIsRotated_neverServesTheOldSecretsKey() {
        SigningKeyCache cache = new SigningKeyCache(8);
        String rotated = "AnotherSecretForTheSameKeyIdEXAMPLEKEY00";
        byte[] old = cache.signingKey(Crypto.get(), KEY_ID, SECRET, SCOPE);

        byte[] current = cache.signingKey(Crypto.get(), KEY_ID, rotated, SCOPE);

        assertThat(current).isEqualTo(SigningKeyCache.derive(Crypto.get(), rotated, SCOPE)).isNotEqualTo(old);
        assertThat(cache.signingKey(Crypto.get(), KEY_ID, rotated, SCOPE)).isSameAs(current);
        // and back to the first secret (a stale copy must not be served for the rotated one, nor the reverse)
        assertThat(cache.signingKey(Crypto.get(), KEY_ID, new String(SECRET.toCharArray()), SCOPE)).isEqualTo(old);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void signingKey_whenSecretOrScopeDiffers_derivesAnotherKey() {
        SigningKeyCache cache = new SigningKeyCache(8);
        byte[] key = cache.signingKey(Crypto.get(), KEY_ID, SECRET, SCOPE);

        assertThat(cache.signingKey(Crypto.get(), "AKIDOTHER", SECRET + "x", SCOPE)).isNotEqualTo(key);
        assertThat(cache.signingKey(Crypto.get(), KEY_ID, SECRET, new CredentialScope("20150831", "us-east-1", "iam")))
                .isNotEqualTo(key);
        assertThat(cache.signingKey(Crypto.get(), KEY_ID, SECRET, new CredentialScope("20150830", "us-east-2", "iam")))
                .isNotEqualTo(key);
        assertThat(cache.signingKey(Crypto.get(), KEY_ID, SECRET, new CredentialScope("20150830", "us-east-1", "sts")))
                .isNotEqualTo(key);
        assertThat(cache.size()).isEqualTo(5);
    }

    @Test
    void signingKey_whenFull_staysWithinCapacityAndStillDerivesCorrectly() {
        SigningKeyCache cache = new SigningKeyCache(10);
        SigningKeyCache uncached = new SigningKeyCache(0);

        for (int i = 0; i < 100; i++) {
            CredentialScope scope = new CredentialScope("20260101", "region-" + i, "sts");
            assertThat(cache.signingKey(Crypto.get(), KEY_ID, SECRET, scope))
                    .isEqualTo(uncached.signingKey(Crypto.get(), KEY_ID, SECRET, scope));
            assertThat(cache.size()).isLessThanOrEqualTo(10);
        }
        assertThat(uncached.size()).isZero();
    }

    @Test
    void constructor_whenCapacityNegative_refuses() {
        assertThatThrownBy(() -> new SigningKeyCache(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
