package io.gatepass.server.internal.tls;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a self-signed X.509 v3 server certificate (RFC 5280) for an RSA or EC key pair: subject and issuer
 * {@code CN=<common name>, O=Gatepass}, the given subject alternative names, basicConstraints CA:FALSE, keyUsage,
 * extendedKeyUsage serverAuth and key identifiers, signed with SHA256withRSA or SHA256withECDSA.
 */
public final class SelfSignedCertificate {
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String ORGANIZATION = "2.5.4.10";
    private static final String SUBJECT_KEY_IDENTIFIER = "2.5.29.14";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String AUTHORITY_KEY_IDENTIFIER = "2.5.29.35";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private static final String SHA256_WITH_ECDSA = "1.2.840.10045.4.3.2";
    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private SelfSignedCertificate() {
    }

    /**
     * @param serial a positive serial number of at most 20 octets
     */
    public static X509Certificate create(KeyPair keys, String commonName, List<SubjectName> names,
                                         Instant notBefore, Instant notAfter, BigInteger serial) {
        if (serial.signum() <= 0 || serial.toByteArray().length > 20) {
            throw new IllegalArgumentException("a serial number is positive and at most 20 octets");
        }
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter must be after notBefore");
        }
        boolean rsa = keys.getPrivate() instanceof RSAKey;
        if (!rsa && !(keys.getPrivate() instanceof ECKey)) {
            throw new IllegalArgumentException("only RSA and EC keys are supported, got "
                    + keys.getPrivate().getAlgorithm());
        }
        byte[] algorithm = rsa ? Der.sequence(Der.oid(SHA256_WITH_RSA), Der.nullValue())
                : Der.sequence(Der.oid(SHA256_WITH_ECDSA));
        byte[] name = Der.sequence(
                Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8String(commonName))),
                Der.set(Der.sequence(Der.oid(ORGANIZATION), Der.utf8String("Gatepass"))));
        byte[] publicKeyInfo = keys.getPublic().getEncoded();
        byte[] keyId = keyIdentifier(publicKeyInfo);
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(2)), // v3
                Der.integer(serial),
                algorithm,
                name,
                Der.sequence(Der.time(notBefore), Der.time(notAfter)),
                name,
                publicKeyInfo,
                Der.explicit(3, Der.sequence(
                        extension(BASIC_CONSTRAINTS, true, Der.sequence()),
                        // digitalSignature, and keyEncipherment for RSA key exchange
                        extension(KEY_USAGE, true, Der.namedBits(true, false, rsa)),
                        extension(EXTENDED_KEY_USAGE, false, Der.sequence(Der.oid(SERVER_AUTH))),
                        extension(SUBJECT_ALT_NAME, false, generalNames(names)),
                        extension(SUBJECT_KEY_IDENTIFIER, false, Der.octetString(keyId)),
                        extension(AUTHORITY_KEY_IDENTIFIER, false,
                                Der.sequence(Der.implicitPrimitive(0, keyId))))));
        try {
            Signature signer = Signature.getInstance(rsa ? "SHA256withRSA" : "SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(tbs);
            byte[] certificate = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the certificate: " + e.getMessage(), e);
        }
    }

    private static byte[] generalNames(List<SubjectName> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one subject alternative name");
        }
        byte[][] encoded = names.stream().map(n -> n.isAddress()
                ? Der.implicitPrimitive(IP_ADDRESS, n.address())
                : Der.implicitPrimitive(DNS_NAME, n.value().getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .toArray(byte[][]::new);
        return Der.sequence(encoded);
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
                : Der.sequence(Der.oid(oid), Der.octetString(value));
    }

    /** The leftmost 160 bits of the SHA-256 of the DER SubjectPublicKeyInfo: unique per key, as RFC 5280 asks. */
    private static byte[] keyIdentifier(byte[] publicKeyInfo) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(publicKeyInfo), 20);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
