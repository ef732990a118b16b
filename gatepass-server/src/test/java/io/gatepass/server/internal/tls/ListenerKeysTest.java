package io.gatepass.server.internal.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509KeyManager;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ListenerKeysTest {
    private static final List<SubjectName> NAMES = Hosts.certificateNames("127.0.0.1", "127.0.0.1");

    @Test
    void keyManager_ofTheSelfSignedCertificate_choosesItsKeyAndChainForEc(@TempDir Path dataDir) throws Exception {
        ServerCertificate certificate = ServerCertificate.selfSigned(dataDir, NAMES, "127.0.0.1", Clock.systemUTC());

        Optional<KeyManagerFactory> factory = ListenerKeys.keyManagerFactory(certificate.certificateChain(),
                certificate.privateKey());

        assertThat(factory).isPresent();
        X509KeyManager manager = (X509KeyManager) factory.get().getKeyManagers()[0];
        String alias = manager.chooseServerAlias("EC", null, null);
        assertThat(alias).isNotNull();
        assertThat(manager.chooseServerAlias("RSA", null, null)).as("no RSA key to offer").isNull();
        List<X509Certificate> chain = ServerCertificate.certificates(Files.readString(certificate.certificateChain()));
        assertThat(manager.getCertificateChain(alias)).containsExactlyElementsOf(chain);
        byte[] pkcs8 = Pem.decode(Files.readString(certificate.privateKey())).get(0).der();
        assertThat(manager.getPrivateKey(alias))
                .isEqualTo(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
    }

    @Test
    void keyManager_ofAnRsaCertificateFromAnEarlierVersion_choosesItsKeyForRsa(@TempDir Path dir) throws Exception {
        KeyPair rsa = SelfSignedCertificateTest.rsa();
        X509Certificate earlier = SelfSignedCertificate.create(rsa, "127.0.0.1", NAMES, Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(1)), BigInteger.TWO);
        Path certificateFile = dir.resolve("gatepass-cert.pem");
        Path keyFile = dir.resolve("gatepass-key.pem");
        Files.writeString(certificateFile, Pem.encode("CERTIFICATE", earlier.getEncoded()));
        Files.writeString(keyFile, Pem.encode("PRIVATE KEY", rsa.getPrivate().getEncoded()));

        X509KeyManager manager = (X509KeyManager) ListenerKeys.keyManagerFactory(certificateFile, keyFile)
                .orElseThrow().getKeyManagers()[0];
        String alias = manager.chooseServerAlias("RSA", null, null);
        assertThat(alias).isNotNull();
        assertThat(manager.getPrivateKey(alias)).isEqualTo(rsa.getPrivate());
        assertThat(manager.chooseServerAlias("EC", null, null)).isNull();
    }

    @Test
    void keyManager_ofAKeyFileThatIsNotPkcs8_isLeftToVertxsPemLoader(@TempDir Path dataDir) throws Exception {
        ServerCertificate certificate = ServerCertificate.selfSigned(dataDir, NAMES, "127.0.0.1", Clock.systemUTC());
        Path sec1 = dataDir.resolve("ec-key.pem");
        Files.writeString(sec1, Files.readString(certificate.privateKey()).replace("PRIVATE KEY", "EC PRIVATE KEY"));
        Path noCertificate = dataDir.resolve("empty.pem");
        Files.writeString(noCertificate, "");

        assertThat(ListenerKeys.keyManagerFactory(certificate.certificateChain(), sec1)).isEmpty();
        assertThat(ListenerKeys.keyManagerFactory(noCertificate, certificate.privateKey())).isEmpty();
        assertThat(ListenerKeys.of(new ServerCertificate(certificate.certificateChain(), sec1, false)))
                .isInstanceOf(io.vertx.core.net.PemKeyCertOptions.class);
    }
}
