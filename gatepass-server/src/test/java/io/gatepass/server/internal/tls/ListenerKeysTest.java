package io.gatepass.server.internal.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509KeyManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ListenerKeysTest {
    private static final List<SubjectName> NAMES = Hosts.certificateNames("127.0.0.1", "127.0.0.1");

    @Test
    void keyManager_ofTheSelfSignedCertificate_choosesItsKeyAndChainForRsa(@TempDir Path dataDir) throws Exception {
        ServerCertificate certificate = ServerCertificate.selfSigned(dataDir, NAMES, "127.0.0.1", Clock.systemUTC());

        Optional<KeyManagerFactory> factory = ListenerKeys.keyManagerFactory(certificate.certificateChain(),
                certificate.privateKey());

        assertThat(factory).isPresent();
        X509KeyManager manager = (X509KeyManager) factory.get().getKeyManagers()[0];
        String alias = manager.chooseServerAlias("RSA", null, null);
        assertThat(alias).isNotNull();
        assertThat(manager.chooseServerAlias("EC", null, null)).as("no EC key to offer").isNull();
        List<X509Certificate> chain = ServerCertificate.certificates(Files.readString(certificate.certificateChain()));
        assertThat(manager.getCertificateChain(alias)).containsExactlyElementsOf(chain);
        byte[] pkcs8 = Pem.decode(Files.readString(certificate.privateKey())).get(0).der();
        assertThat(manager.getPrivateKey(alias))
                .isEqualTo(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
    }

    @Test
    void keyManager_ofAKeyFileThatIsNotPkcs8_isLeftToVertxsPemLoader(@TempDir Path dataDir) throws Exception {
        ServerCertificate certificate = ServerCertificate.selfSigned(dataDir, NAMES, "127.0.0.1", Clock.systemUTC());
        Path pkcs1 = dataDir.resolve("rsa-key.pem");
        Files.writeString(pkcs1, Files.readString(certificate.privateKey()).replace("PRIVATE KEY", "RSA PRIVATE KEY"));
        Path noCertificate = dataDir.resolve("empty.pem");
        Files.writeString(noCertificate, "");

        assertThat(ListenerKeys.keyManagerFactory(certificate.certificateChain(), pkcs1)).isEmpty();
        assertThat(ListenerKeys.keyManagerFactory(noCertificate, certificate.privateKey())).isEmpty();
        assertThat(ListenerKeys.of(new ServerCertificate(certificate.certificateChain(), pkcs1, false)))
                .isInstanceOf(io.vertx.core.net.PemKeyCertOptions.class);
    }
}
