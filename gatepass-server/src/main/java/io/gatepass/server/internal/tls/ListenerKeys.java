package io.gatepass.server.internal.tls;

import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PemKeyCertOptions;

import javax.net.ssl.KeyManagerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Optional;

/**
 * The key and certificate chain the TLS listener presents, as Vert.x takes them. Given PEM files, Vert.x puts the key
 * into a PKCS#12 key store under a password and reads it back, and PKCS#12 derives its encryption key with PBKDF2
 * (10,000 HMAC-SHA256 rounds) at each write and read: about 0.5 s of a cold JVM's CPU at start-up (issue 12). Here a
 * PKCS#8 key ({@code -----BEGIN PRIVATE KEY-----}, what the self-signed certificate and most tools write) goes into a
 * key store that lives only in memory and needs no such protection, and the JDK's default key manager is made from it,
 * the one Vert.x makes: the same key, chain and algorithm choice. Any other key file (PKCS#1 RSA, SEC1 EC), or files that
 * do not read as expected, are left to Vert.x's PEM loader as before, and so are its error messages.
 */
public final class ListenerKeys {
    private static final String ALIAS = "gatepass";

    private ListenerKeys() {
    }

    public static KeyCertOptions of(ServerCertificate certificate) {
        return keyManagerFactory(certificate.certificateChain(), certificate.privateKey())
                .<KeyCertOptions>map(KeyCertOptions::wrap)
                .orElseGet(() -> new PemKeyCertOptions()
                        .setCertPath(certificate.certificateChain().toString())
                        .setKeyPath(certificate.privateKey().toString()));
    }

    /** The key manager for a PKCS#8 key and its chain, or empty when Vert.x's PEM loader should read the files. */
    static Optional<KeyManagerFactory> keyManagerFactory(Path certificateChain, Path privateKey) {
        try {
            List<X509Certificate> chain = ServerCertificate.certificates(Files.readString(certificateChain));
            List<Pem.Block> keys = Pem.decode(Files.readString(privateKey));
            if (chain.isEmpty() || keys.size() != 1 || !keys.get(0).label().equals("PRIVATE KEY")) {
                return Optional.empty();
            }
            PrivateKey key = KeyFactory.getInstance(chain.get(0).getPublicKey().getAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(keys.get(0).der()));
            // in memory only: the password protects nothing, and JKS protects a key without PBKDF2's rounds
            char[] password = ALIAS.toCharArray();
            KeyStore store = KeyStore.getInstance("JKS");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return Optional.of(factory);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
