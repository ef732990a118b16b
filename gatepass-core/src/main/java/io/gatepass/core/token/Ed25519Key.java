package io.gatepass.core.token;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * The Ed25519 key pair of a {@link SigningKey}, for tokens anyone can verify with the public half (repository
 * authorization tokens, format {@code gpca2}). The private key is not stored: its 32-byte seed is derived from the
 * signing key's secret as HMAC-SHA256(secret, {@value #SEED_LABEL}), so the HMAC secret and the signature key are
 * separate keys while the store keeps one secret per key id. Ed25519 signatures are deterministic (RFC 8032): the
 * same key and message always give the same signature, on every node.
 */
final class Ed25519Key {
    static final String SEED_LABEL = "gatepass/ed25519-seed/1";
    /** The DER prefix of an Ed25519 X.509 SubjectPublicKeyInfo; the 32 raw public key bytes follow it. */
    static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    static final int SIGNATURE_BYTES = 64;

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final byte[] rawPublic;
    private final ThreadLocal<Signature> signer = ThreadLocal.withInitial(Ed25519Key::instance);
    private final ThreadLocal<Signature> verifier = ThreadLocal.withInitial(Ed25519Key::instance);

    Ed25519Key(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] seed = mac.doFinal(SEED_LABEL.getBytes(StandardCharsets.US_ASCII));
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            // The JDK's Ed25519 generator takes the private key as the next 32 bytes of its random source.
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            KeyPair pair = generator.generateKeyPair();
            Arrays.fill(seed, (byte) 0);
            privateKey = pair.getPrivate();
            publicKey = pair.getPublic();
            byte[] encoded = publicKey.getEncoded();
            rawPublic = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    /** The 32 bytes of the public key as RFC 8032 encodes it (the JWK {@code x}). */
    byte[] rawPublicKey() {
        return rawPublic.clone();
    }

    byte[] sign(byte[] label, byte[] message) {
        try {
            Signature signature = signer.get();
            signature.initSign(privateKey);
            signature.update(label);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    boolean verify(byte[] label, byte[] message, byte[] signatureBytes) {
        try {
            Signature signature = verifier.get();
            signature.initVerify(publicKey);
            signature.update(label);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false; // a malformed signature
        }
    }

    private static Signature instance() {
        try {
            return Signature.getInstance("Ed25519");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    /** Hands out exactly the seed it was given. */
    private static final class SeedRandom extends SecureRandom {
        private final byte[] seed;
        private int at;

        SeedRandom(byte[] seed) {
            this.seed = seed;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (at + bytes.length > seed.length) {
                throw new IllegalStateException("the Ed25519 generator asked for more than a seed");
            }
            System.arraycopy(seed, at, bytes, 0, bytes.length);
            at += bytes.length;
        }
    }
}
