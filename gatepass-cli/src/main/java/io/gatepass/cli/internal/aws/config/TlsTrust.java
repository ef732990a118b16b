package io.gatepass.cli.internal.aws.config;

import io.gatepass.cli.internal.aws.CliException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

/**
 * Which servers HTTPS trusts: the JDK's default store, the certificates of a PEM bundle (--ca-bundle, AWS_CA_BUNDLE,
 * {@code ca_bundle}), or anyone (--no-verify-ssl). The socket factory is built on first HTTPS use only, so plain-HTTP
 * calls never load a trust store.
 */
final class TlsTrust {

    private final boolean verify;
    private final Path caBundle;
    private SSLSocketFactory socketFactory;

    TlsTrust(boolean verify, Path caBundle) {
        this.verify = verify;
        this.caBundle = caBundle;
    }

    boolean verify() {
        return verify;
    }

    /** Fails like aws does when HTTPS is about to be used with a bundle that is not there. */
    void checkBundle(String endpoint) {
        if (verify && caBundle != null && !Files.isReadable(caBundle)) {
            throw CliException.other("SSL validation failed for " + endpoint + " [Errno 2] No such file or directory: '"
                    + caBundle + "'", null);
        }
    }

    /** The factory for HTTPS connections, or null for the JDK default. */
    synchronized SSLSocketFactory socketFactory() {
        if (socketFactory == null && (!verify || caBundle != null)) {
            socketFactory = context(verify ? bundleTrust(caBundle) : new TrustManager[]{new TrustAll()})
                    .getSocketFactory();
        }
        return socketFactory;
    }

    private static SSLContext context(TrustManager[] trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available: " + e.getMessage(), e);
        }
    }

    static TrustManager[] bundleTrust(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw CliException.other("SSL validation failed: no certificates in CA bundle " + pem, null);
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw CliException.other("SSL validation failed: cannot read CA bundle " + pem + ": " + e.getMessage(), e);
        }
    }

    /** Accepts every certificate: what --no-verify-ssl asks for. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
