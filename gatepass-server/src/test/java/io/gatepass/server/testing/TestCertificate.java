package io.gatepass.server.testing;

import io.gatepass.server.internal.tls.Hosts;
import io.gatepass.server.internal.tls.ServerCertificate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

/**
 * One self-signed TLS certificate for 127.0.0.1 per test JVM, copied into each test server's data dir before it
 * starts (the server then reuses it), so that test servers do not each make a key pair and certificate.
 */
public final class TestCertificate {
    private static volatile ServerCertificate shared;

    private TestCertificate() {
    }

    /** Puts the shared certificate and key into {@code <dataDir>/tls/} unless a certificate is there already. */
    public static void seed(Path dataDir) {
        try {
            Path target = dataDir.resolve(ServerCertificate.DIRECTORY);
            if (Files.exists(target.resolve(ServerCertificate.CERTIFICATE_FILE))) {
                return;
            }
            ServerCertificate source = shared();
            Files.createDirectories(target);
            Files.copy(source.privateKey(), target.resolve(ServerCertificate.KEY_FILE),
                    StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(source.certificateChain(), target.resolve(ServerCertificate.CERTIFICATE_FILE),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized ServerCertificate shared() throws IOException {
        if (shared == null) {
            Path directory = Files.createTempDirectory("gatepass-test-certificate");
            directory.toFile().deleteOnExit();
            shared = ServerCertificate.selfSigned(directory, Hosts.certificateNames("127.0.0.1", "127.0.0.1"),
                    "127.0.0.1", Clock.systemUTC());
        }
        return shared;
    }
}
