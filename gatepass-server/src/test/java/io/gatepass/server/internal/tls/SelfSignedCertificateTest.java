package io.gatepass.server.internal.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SelfSignedCertificateTest {
    private static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NOT_AFTER = Instant.parse("2028-04-05T00:00:00Z");
    private static final List<SubjectName> NAMES = List.of(SubjectName.of("gs.example"), SubjectName.of("10.0.0.7"),
            SubjectName.of("localhost"), SubjectName.of("127.0.0.1"), SubjectName.of("::1"));

    @Test
    void create_withRsaKey_isAnX509v3ServerCertificateTheJdkParses() throws Exception {
        KeyPair keys = rsa();
        X509Certificate certificate = SelfSignedCertificate.create(keys, "gs.example", NAMES, NOT_BEFORE, NOT_AFTER,
                BigInteger.valueOf(0x1234_5678_9abcL));

        assertThat(certificate.getVersion()).isEqualTo(3);
        assertThat(certificate.getSerialNumber()).isEqualTo(BigInteger.valueOf(0x1234_5678_9abcL));
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("O=Gatepass,CN=gs.example");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        assertThat(certificate.getNotBefore()).isEqualTo(Date.from(NOT_BEFORE));
        assertThat(certificate.getNotAfter()).isEqualTo(Date.from(NOT_AFTER));
        assertThat(certificate.getPublicKey()).isEqualTo(keys.getPublic());
        certificate.verify(keys.getPublic()); // the signature is over exactly the TBSCertificate we encoded
        assertThat(certificate.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(certificate.getKeyUsage()).startsWith(true, false, true); // digitalSignature, keyEncipherment
        assertThat(certificate.getCriticalExtensionOIDs()).containsExactlyInAnyOrder("2.5.29.19", "2.5.29.15");
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(certificate.getSubjectAlternativeNames()).containsExactly(
                List.of(2, "gs.example"), List.of(7, "10.0.0.7"), List.of(2, "localhost"), List.of(7, "127.0.0.1"),
                List.of(7, "0:0:0:0:0:0:0:1"));
        assertThat(ServerCertificate.subjectNames(certificate)).containsExactlyInAnyOrderElementsOf(NAMES);
        assertThat(certificate.getExtensionValue("2.5.29.14")).as("subjectKeyIdentifier").isNotNull();
        assertThat(certificate.getExtensionValue("2.5.29.35")).as("authorityKeyIdentifier").isNotNull();
    }

    @Test
    void create_withEcKey_isSignedWithEcdsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        X509Certificate certificate = SelfSignedCertificate.create(keys, "ec.example", NAMES, NOT_BEFORE, NOT_AFTER,
                BigInteger.TEN);
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
        certificate.verify(keys.getPublic());
        assertThat(certificate.getKeyUsage()).startsWith(true, false, false);
    }

    @Test
    void create_after2049_writesGeneralizedTimeThatParsesBack() throws Exception {
        Instant far = Instant.parse("2051-06-01T12:00:00Z");
        X509Certificate certificate = SelfSignedCertificate.create(rsa(), "x", NAMES, NOT_BEFORE, far, BigInteger.ONE);
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(far);
    }

    @Test
    void create_whenSerialOrValidityOrNamesAreWrong_isRefused() throws Exception {
        KeyPair keys = rsa();
        assertThatThrownBy(() -> SelfSignedCertificate.create(keys, "x", NAMES, NOT_BEFORE, NOT_AFTER, BigInteger.ZERO))
                .hasMessageContaining("serial");
        assertThatThrownBy(() -> SelfSignedCertificate.create(keys, "x", NAMES, NOT_BEFORE, NOT_AFTER,
                BigInteger.ONE.shiftLeft(160))).hasMessageContaining("20 octets");
        assertThatThrownBy(() -> SelfSignedCertificate.create(keys, "x", NAMES, NOT_AFTER, NOT_BEFORE, BigInteger.ONE))
                .hasMessageContaining("notAfter");
        assertThatThrownBy(() -> SelfSignedCertificate.create(keys, "x", List.of(), NOT_BEFORE, NOT_AFTER,
                BigInteger.ONE)).hasMessageContaining("subject alternative name");
    }

    @Test
    void create_isReadByOpenssl_withTheExtensionsAsOpensslNamesThem(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509Certificate certificate = SelfSignedCertificate.create(rsa(), "gs.example", NAMES, now.minusSeconds(60),
                now.plusSeconds(86400), BigInteger.valueOf(77));
        Path file = dir.resolve("cert.pem");
        Files.writeString(file, Pem.encode("CERTIFICATE", certificate.getEncoded()));

        String text = run("/usr/bin/openssl", "x509", "-in", file.toString(), "-noout", "-text");
        assertThat(text).contains("Version: 3 (0x2)", "Signature Algorithm: sha256WithRSAEncryption",
                "Public-Key: (2048 bit)", "X509v3 Basic Constraints: critical", "CA:FALSE",
                "X509v3 Key Usage: critical", "Digital Signature, Key Encipherment",
                "X509v3 Extended Key Usage:", "TLS Web Server Authentication",
                "DNS:gs.example, IP Address:10.0.0.7, DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1",
                "X509v3 Subject Key Identifier", "X509v3 Authority Key Identifier",
                "Subject: CN = gs.example, O = Gatepass");
        // trusted as itself, as aws --ca-bundle and curl --cacert trust it
        assertThat(run("/usr/bin/openssl", "verify", "-CAfile", file.toString(), "-purpose", "sslserver",
                "-verify_hostname", "gs.example", file.toString())).contains(": OK");
        assertThat(run("/usr/bin/openssl", "verify", "-CAfile", file.toString(), "-verify_ip", "::1",
                file.toString())).contains(": OK");
    }

    static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
