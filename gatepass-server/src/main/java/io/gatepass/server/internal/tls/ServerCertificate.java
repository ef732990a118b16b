package io.gatepass.server.internal.tls;

import io.gatepass.core.internal.crypto.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The certificate chain and private key (PEM files) the TLS listener presents: the operator's, or a self-signed
 * certificate that Gatepass keeps in {@code <data-dir>/tls/} (key mode 0600). The self-signed one is made on the
 * first start and reused until it is within {@link #RENEW_BEFORE} of expiring or no longer names every host it must
 * (e.g. after {@code --advertised-host} changed); then it is replaced. A new one has an EC P-256 key: generating it
 * costs a few milliseconds of CPU where an RSA-2048 key cost 350-400 ms of a first start (issue 12). An RSA
 * certificate that an earlier version made is reused like any other until one of those reasons replaces it.
 */
public record ServerCertificate(Path certificateChain, Path privateKey, boolean selfSigned) {
    private static final Logger LOG = LoggerFactory.getLogger(ServerCertificate.class);
    public static final String DIRECTORY = "tls";
    public static final String CERTIFICATE_FILE = "gatepass-cert.pem";
    public static final String KEY_FILE = "gatepass-key.pem";
    /** Apple's platforms refuse TLS server certificates valid for longer, even from a private root. */
    public static final Duration VALIDITY = Duration.ofDays(825);
    public static final Duration RENEW_BEFORE = Duration.ofDays(30);
    /** Client clocks a little behind ours still accept a certificate made a moment ago. */
    private static final Duration BACKDATE = Duration.ofHours(1);
    /** secp256r1: what every TLS client here (OpenSSL, the JDK, the AWS CLI, npm, pip) accepts for ECDSA. */
    private static final String CURVE = "secp256r1";
    private static final int GENERAL_NAME_DNS = 2;
    private static final int GENERAL_NAME_IP = 7;

    /** The operator's files, checked now so that a mistake stops the start with a clear message. */
    public static ServerCertificate configured(Path certificateChain, Path privateKey) {
        try {
            if (certificates(Files.readString(certificateChain)).isEmpty()) {
                throw new IllegalArgumentException("--tls-cert " + certificateChain + " holds no PEM certificate");
            }
            boolean hasKey = Pem.decode(Files.readString(privateKey)).stream().anyMatch(block ->
                    List.of("PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY").contains(block.label()));
            if (!hasKey) {
                throw new IllegalArgumentException("--tls-key " + privateKey
                        + " holds no PEM private key (-----BEGIN PRIVATE KEY-----, PKCS#8)");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read TLS certificate or key: " + e, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("--tls-cert " + certificateChain + ": " + e.getMessage(), e);
        }
        return new ServerCertificate(certificateChain, privateKey, false);
    }

    /**
     * The self-signed certificate in {@code <dataDir>/tls/}, created or replaced unless the one there is valid for a
     * while yet, names every one of {@code names} and belongs to the key beside it.
     */
    public static ServerCertificate selfSigned(Path dataDir, List<SubjectName> names, String commonName, Clock clock) {
        Path directory = dataDir.resolve(DIRECTORY);
        Path certificateFile = directory.resolve(CERTIFICATE_FILE);
        Path keyFile = directory.resolve(KEY_FILE);
        Instant now = clock.instant();
        try {
            Optional<String> stale = staleness(certificateFile, keyFile, names, now);
            if (stale.isEmpty()) {
                return new ServerCertificate(certificateFile, keyFile, true);
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(CURVE), new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            X509Certificate certificate = SelfSignedCertificate.create(keys, commonName, names, now.minus(BACKDATE),
                    now.plus(VALIDITY), new BigInteger(127, new SecureRandom()).setBit(126));
            Files.createDirectories(directory);
            PrivateFiles.write(keyFile, Pem.encode("PRIVATE KEY", keys.getPrivate().getEncoded()));
            Path tmp = directory.resolve(CERTIFICATE_FILE + ".tmp");
            Files.writeString(tmp, Pem.encode("CERTIFICATE", certificate.getEncoded()), StandardCharsets.US_ASCII);
            Files.move(tmp, certificateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("created a self-signed TLS certificate {} for {} ({}), valid until {}", certificateFile, names,
                    stale.get(), certificate.getNotAfter().toInstant());
            return new ServerCertificate(certificateFile, keyFile, true);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the TLS certificate in " + directory + ": " + e, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a TLS key pair: " + e.getMessage(), e);
        }
    }

    /** Why the files cannot be used as they are, or empty when they can. */
    private static Optional<String> staleness(Path certificateFile, Path keyFile, List<SubjectName> names,
                                              Instant now) throws IOException {
        if (!Files.exists(certificateFile) || !Files.exists(keyFile)) {
            return Optional.of("first start");
        }
        try {
            List<X509Certificate> chain = certificates(Files.readString(certificateFile));
            if (chain.isEmpty()) {
                return Optional.of("the old file held no certificate");
            }
            X509Certificate certificate = chain.get(0);
            if (!matches(certificate, Files.readString(keyFile))) {
                return Optional.of("the old key does not belong to the old certificate");
            }
            if (certificate.getNotAfter().toInstant().isBefore(now.plus(RENEW_BEFORE))) {
                return Optional.of("the old one expires " + certificate.getNotAfter().toInstant());
            }
            if (certificate.getNotBefore().toInstant().isAfter(now)) {
                return Optional.of("the old one is not valid before " + certificate.getNotBefore().toInstant());
            }
            Set<SubjectName> covered = subjectNames(certificate);
            List<SubjectName> missing = names.stream().filter(name -> !covered.contains(name)).toList();
            return missing.isEmpty() ? Optional.empty() : Optional.of("the old one does not name " + missing);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.of("the old files are unreadable: " + e.getMessage());
        }
    }

    /** The subject alternative names (DNS and IP entries) of a certificate. */
    public static Set<SubjectName> subjectNames(X509Certificate certificate) throws CertificateParsingException {
        Set<SubjectName> names = new HashSet<>();
        Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
        if (entries != null) {
            for (List<?> entry : entries) {
                int type = (Integer) entry.get(0);
                if (type == GENERAL_NAME_DNS || type == GENERAL_NAME_IP) {
                    names.add(SubjectName.of((String) entry.get(1)));
                }
            }
        }
        return names;
    }

    /** Whether the PKCS#8 key in {@code keyPem} is the private half of the certificate's RSA or EC public key. */
    private static boolean matches(X509Certificate certificate, String keyPem) throws GeneralSecurityException {
        String algorithm = certificate.getPublicKey().getAlgorithm();
        if (!algorithm.equals("RSA") && !algorithm.equals("EC")) {
            return false;
        }
        for (Pem.Block block : Pem.decode(keyPem)) {
            if (block.label().equals("PRIVATE KEY")) {
                PrivateKey key = KeyFactory.getInstance(algorithm)
                        .generatePrivate(new PKCS8EncodedKeySpec(block.der()));
                if (certificate.getPublicKey() instanceof RSAPublicKey publicKey) {
                    return key instanceof RSAPrivateCrtKey crt && crt.getModulus().equals(publicKey.getModulus())
                            && crt.getPublicExponent().equals(publicKey.getPublicExponent());
                }
                return key instanceof ECPrivateKey ec && signsFor(ec, (ECPublicKey) certificate.getPublicKey());
            }
        }
        return false;
    }

    /**
     * An EC private key (as the JDK writes PKCS#8) does not carry its public point, so the pair is checked by a
     * signature: about a millisecond on a restart, and it catches a key file from another pair (say, a start that
     * stopped between writing the new key and the new certificate).
     */
    private static boolean signsFor(ECPrivateKey key, ECPublicKey publicKey) throws GeneralSecurityException {
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(challenge);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update(challenge);
        return verifier.verify(signature);
    }

    static List<X509Certificate> certificates(String pem) throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> chain = new java.util.ArrayList<>();
        for (Pem.Block block : Pem.decode(pem)) {
            if (block.label().equals("CERTIFICATE")) {
                Certificate certificate = factory.generateCertificate(new ByteArrayInputStream(block.der()));
                chain.add((X509Certificate) certificate);
            }
        }
        return chain;
    }
}
