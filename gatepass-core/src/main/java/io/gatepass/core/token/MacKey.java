package io.gatepass.core.token;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;

/**
 * A signing key ready for HMAC-SHA256 (keeps one initialised {@link Mac} and a copy of it per thread) and, derived on
 * first use, for Ed25519 ({@link Ed25519Key}).
 */
final class MacKey {
    private static final String ALGORITHM = "HmacSHA256";

    private final SigningKey key;
    private final SecretKeySpec spec;
    private final Mac prototype;
    private final ThreadLocal<Mac> perThread = ThreadLocal.withInitial(this::copy);
    private volatile Ed25519Key ed25519;

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

    /**
     * A Mac initialised with this key, for one computation ({@code doFinal}, which also resets it) on this thread:
     * each thread keeps its own, so a token costs no Mac clone.
     */
    Mac mac() {
        Mac mac = perThread.get();
        mac.reset(); // nothing to undo after a doFinal; a computation that failed half-way leaves nothing behind
        return mac;
    }

    /** The Ed25519 key pair derived from this key's secret. */
    Ed25519Key ed25519() {
        Ed25519Key pair = ed25519;
        if (pair == null) {
            pair = new Ed25519Key(key.secret()); // two threads may both derive it: the same pair either way
            ed25519 = pair;
        }
        return pair;
    }

    private Mac copy() {
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
