package io.gatepass.core.token;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;

/** A signing key ready for HMAC-SHA256: keeps one initialised {@link Mac} and hands out clones of it. */
final class MacKey {
    private static final String ALGORITHM = "HmacSHA256";

    private final SigningKey key;
    private final SecretKeySpec spec;
    private final Mac prototype;

    MacKey(SigningKey key) {
        this.key = key;
        this.spec = new SecretKeySpec(key.secret(), ALGORITHM);
        this.prototype = fresh();
    }

    SigningKey key() {
        return key;
    }

    String keyId() {
        return key.keyId();
    }

    /** A Mac initialised with this key, for one computation on one thread. */
    Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return fresh();
        }
    }

    private Mac fresh() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(spec);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
