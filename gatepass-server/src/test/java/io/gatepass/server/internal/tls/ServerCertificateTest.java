package io.gatepass.server.internal.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerCertificateTest {
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private static final List<SubjectName> NAMES = Hosts.certificateNames("127.0.0.1", "127.0.0.1");

    @Test
    void selfSigned_onFirstStart_writesCertificateAndA0600Key(@TempDir Path dataDir) throws Exception {
        ServerCertificate created = ServerCertificate.selfSigned(dataDir, NAMES, "127.0.0.1", at(NOW));

        assertThat(created.selfSigned()).isTrue();
        assertThat(created.certificateChain()).isEqualTo(dataDir.resolve("tls/gatepass-cert.pem"));
        assertThat(created.privateKey()).isEqualTo(dataDir.resolve("tls/gatepass-key.pem"));
        assertThat(Files.getPosixFilePermissions(created.privateKey()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(created.privateKey())).startsWith("-----BEGIN PRIVATE KEY-----\n");
        X509Certificate certificate = read(created);
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(((java.security.interfaces.ECKey) certificate.getPublicKey()).getParams().getCurve().getField()
                .getFieldSize()).as("P-256").isEqualTo(256);
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(ServerCertificate.subjectNames(certificate)).containsExactlyInAnyOrder(SubjectName.of("localhost"),
                SubjectName.of("127.0.0.1"), SubjectName.of("::1"));
        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(825)));
    }

    @Test
    void selfSigned_onRestart_reusesTheSameCertificateAndKey(@TempDir Path dataDir) throws Exception {
        ServerCertificate first = ServerCertificate.selfSigned(dataDir, NAMES, "127.0.0.1", at(NOW));
        String certificate = Files.readString(first.certificateChain());
        String key = Files.readString(first.privateKey());

        ServerCertificate again = ServerCertificate.selfSigned(dataDir, NAMES, "127.0.0.1",
                at(NOW.plus(Duration.ofDays(700))));
        assertThat(Files.readString(again.certificateChain())).isEqualTo(certificate);
        assertThat(Files.readString(again.privateKey())).isEqualTo(key);
    }

    @Test
    void selfSigned_onRestart_reusesAnRsaCertificateThatAnEarlierVersionMade(@TempDir Path dataDir) throws Exception {
        Path directory = Files.createDirectories(dataDir.resolve("tls"));
        KeyPair rsa = SelfSignedCertificateTest.rsa();
        X509Certificate earlier = SelfSignedCertificate.create(rsa, "127.0.0.1", NAMES, NOW.minus(Duration.ofHours(1)),
                NOW.plus(Duration.ofDays(825)), BigInteger.valueOf(99));
        Files.writeString(directory.resolve("gatepass-cert.pem"), Pem.encode("CERTIFICATE", earlier.getEncoded()));
        Files.writeString(directory.resolve("gatepass-key.pem"),
                Pem.encode("PRIVATE KEY", rsa.getPrivate().getEncoded()));
        String certificate = Files.readString(directory.resolve("gatepass-cert.pem"));
        String key = Files.readString(directory.resolve("gatepass-key.pem"));

        ServerCertificate again = ServerCertificate.selfSigned(dataDir, NAMES, "127.0.0.1",
                at(NOW.plus(Duration.ofDays(10))));
        assertThat(Files.readString(again.certificateChain())).isEqualTo(certificate);
        assertThat(Files.readString(again.privateKey())).isEqualTo(key);
    }

    @Test
    void selfSigned_whenTheKeyFileHoldsAnotherEcKey_replacesTheCertificate(@TempDir Path dataDir) throws Exception {
        ServerCertificate first = ServerCertificate.selfSigned(dataDir, NAMES, "127.0.0.1", at(NOW));
        String old = Files.readString(first.certificateChain());
        Path other = dataDir.resolve("other");
        ServerCertificate another = ServerCertificate.selfSigned(other, NAMES, "127.0.0.1", at(NOW));
        Files.copy(another.privateKey(), first.privateKey(), StandardCopyOption.REPLACE_EXISTING);

        ServerCertificate fresh = ServerCertificate.selfSigned(dataDir, NAMES, "127.0.0.1", at(NOW));
        assertThat(Files.readString(fresh.certificateChain())).isNotEqualTo(old);
        assertThat(Files.readString(fresh.privateKey())).isNotEqualTo(Files.readString(another.privateKey()));
    }

    @Test
    void selfSigned_whenTheAdvertisedHostIsNotNamed_replacesTheCertificate(@TempDir Path dataDir) throws Exception {
        ServerCertificate first = ServerCertificate.selfSigned(dataDir, NAMES, "127.0.0.1", at(NOW));
        String old = Files.readString(first.certificateChain());

        List<SubjectName> moved = Hosts.certificateNames("gs.example", "0.0.0.0");
        ServerCertificate replaced = ServerCertificate.selfSigned(dataDir, moved, "gs.example", at(NOW));
        assertThat(Files.readString(replaced.certificateChain())).isNotEqualTo(old);
        assertThat(ServerCertificate.subjectNames(read(replaced))).contains(SubjectName.of("gs.example"))
                .doesNotContain(SubjectName.of("0.0.0.0"));
        assertThat(Files.getPosixFilePermissions(replaced.privateKey()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void selfSigned_within30DaysOfExpiry_replacesTheCertificate(@TempDir Path dataDir) throws Exception {
        ServerCertificate first = ServerCertificate.selfSigned(dataDir, NAMES, "127.0.0.1", at(NOW));
        String old = Files.readString(first.certificateChain());

        Instant later = NOW.plus(Duration.ofDays(800));
        ServerCertificate renewed = ServerCertificate.selfSigned(dataDir, NAMES, "127.0.0.1", at(later));
        assertThat(Files.readString(renewed.certificateChain())).isNotEqualTo(old);
        assertThat(read(renewed).getNotAfter().toInstant()).isAfter(later.plus(Duration.ofDays(800)));
    }

    @Test
    void selfSigned_whenTheKeyFileWasReplaced_replacesTheCertificate(@TempDir Path dataDir) throws Exception {
        ServerCertificate first = ServerCertificate.selfSigned(dataDir, NAMES, "127.0.0.1", at(NOW));
        String old = Files.readString(first.certificateChain());
        Files.writeString(first.privateKey(), "garbage");

        ServerCertificate fresh = ServerCertificate.selfSigned(dataDir, NAMES, "127.0.0.1", at(NOW));
        assertThat(Files.readString(fresh.certificateChain())).isNotEqualTo(old);
        assertThat(Files.readString(fresh.privateKey())).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void configured_whenFilesHoldNoCertificateOrKey_saysWhich(@TempDir Path dir) throws Exception {
        Path certificate = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        ServerCertificate generated = ServerCertificate.selfSigned(dir, NAMES, "127.0.0.1", at(NOW));
        Files.copy(generated.certificateChain(), certificate);
        Files.writeString(key, "not a key");
        assertThatThrownBy(() -> ServerCertificate.configured(certificate, key))
                .hasMessageContaining("--tls-key " + key).hasMessageContaining("no PEM private key");
        assertThatThrownBy(() -> ServerCertificate.configured(key, generated.privateKey()))
                .hasMessageContaining("--tls-cert " + key).hasMessageContaining("no PEM certificate");
        assertThatThrownBy(() -> ServerCertificate.configured(dir.resolve("missing.pem"), key))
                .hasMessageContaining("missing.pem");
        assertThat(ServerCertificate.configured(certificate, generated.privateKey()).selfSigned()).isFalse();
    }

    @Test
    void certificateNames_coverAdvertisedHostBindAndLoopback_butNoWildcard() {
        assertThat(Hosts.certificateNames("gs.example", "0.0.0.0")).extracting(SubjectName::toString)
                .containsExactly("DNS:gs.example", "DNS:localhost", "IP:127.0.0.1", "IP:0:0:0:0:0:0:0:1");
        assertThat(Hosts.certificateNames("[2001:db8::7]", "10.0.0.7")).extracting(SubjectName::toString)
                .containsExactly("IP:2001:db8:0:0:0:0:0:7", "IP:10.0.0.7", "DNS:localhost", "IP:127.0.0.1",
                        "IP:0:0:0:0:0:0:0:1");
        assertThat(Hosts.advertised(null, "10.0.0.7")).isEqualTo("10.0.0.7");
        assertThat(Hosts.advertised("[::1]", "0.0.0.0")).isEqualTo("::1");
        assertThat(Hosts.advertised(null, "::")).isNotBlank().isNotEqualTo("::");
        assertThat(Hosts.inUrl("::1")).isEqualTo("[::1]");
        assertThat(Hosts.inUrl("gs.example")).isEqualTo("gs.example");
        assertThatThrownBy(() -> SubjectName.of("bad host/name")).hasMessageContaining("bad host/name");
        assertThatThrownBy(() -> Hosts.advertised("https://gs.example", "0.0.0.0"))
                .hasMessageContaining("--advertised-host must be a host name or an IP address");
    }

    private static X509Certificate read(ServerCertificate certificate) throws Exception {
        return ServerCertificate.certificates(Files.readString(certificate.certificateChain())).get(0);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
