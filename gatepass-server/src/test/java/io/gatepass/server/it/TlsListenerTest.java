package io.gatepass.server.it;

import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.testing.TestServer;
import io.gatepass.server.internal.tls.Hosts;
import io.gatepass.server.internal.tls.SelfSignedCertificate;
import io.gatepass.server.internal.tls.SubjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.ComputeType;
import software.amazon.awssdk.services.gamelift.model.LocationConfiguration;
import software.amazon.awssdk.services.sts.StsClient;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The TLS listener of a real server: certificates, protocols and cipher suites, and the APIs over https. */
class TlsListenerTest {
    /**
     * What the GameLift C++ server SDK 5 negotiates with an RSA certificate. The SDK pins TLS 1.2
     * ({@code asio::ssl::context::tlsv12}) and leaves the suites to OpenSSL's defaults, which offer ECDSA suites too.
     */
    private static final String GAMELIFT_SDK_RSA_SUITE = "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384";
    /** What it negotiates with the self-signed certificate's EC P-256 key. */
    private static final String GAMELIFT_SDK_EC_SUITE = "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384";

    @Test
    void start_byDefault_listensWithTlsOnAFreePort_withTheSelfSignedCertificateFromTheDataDir(@TempDir Path dir)
            throws Exception {
        try (TestServer server = TestServer.start(null, dir)) {
            assertThat(server.server().tlsPort()).isPositive().isNotEqualTo(server.server().port());
            assertThat(server.server().tlsEndpoint()).isEqualTo("https://127.0.0.1:" + server.server().tlsPort());
            assertThat(server.server().tlsCertificatePath()).isEqualTo(dir.resolve("tls/gatepass-cert.pem"));

            X509Certificate presented = handshake(server, "TLSv1.3", null).certificate();
            assertThat(presented).isEqualTo(certificate(server.server().tlsCertificatePath()));
        }
    }

    @Test
    void handshake_asTheGameLiftSdk_negotiatesTls12WithEcdheEcdsaAes256GcmSha384(@TempDir Path dir) throws Exception {
        try (TestServer server = TestServer.start(null, dir)) {
            Handshake handshake = handshake(server, "TLSv1.2", GAMELIFT_SDK_EC_SUITE);
            assertThat(handshake.protocol()).isEqualTo("TLSv1.2");
            assertThat(handshake.cipherSuite()).isEqualTo(GAMELIFT_SDK_EC_SUITE);
            assertThat(handshake.healthResponse()).startsWith("HTTP/1.1 200 OK").contains("\"status\":\"UP\"");
        }
    }

    @Test
    void handshake_withTls13_negotiatesTls13(@TempDir Path dir) throws Exception {
        try (TestServer server = TestServer.start(null, dir)) {
            Handshake handshake = handshake(server, "TLSv1.3", null);
            assertThat(handshake.protocol()).isEqualTo("TLSv1.3");
            assertThat(handshake.healthResponse()).startsWith("HTTP/1.1 200 OK");
        }
    }

    @Test
    void handshake_withOpensslAsTheGameLiftSdkDoes_negotiatesTls12WithEcdsa(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        try (TestServer server = TestServer.start(null, dir)) {
            // the SDK sends the URL's host as SNI, an IP address included, pins TLS 1.2, offers OpenSSL's default
            // suites and does not verify the certificate
            Process process = new ProcessBuilder("/usr/bin/openssl", "s_client", "-connect",
                    "127.0.0.1:" + server.server().tlsPort(), "-servername", "127.0.0.1", "-tls1_2",
                    "-brief").redirectErrorStream(true).start();
            process.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            process.getOutputStream().flush();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(output).contains("Protocol version: TLSv1.2", "Ciphersuite: ECDHE-ECDSA-AES256-GCM-SHA384",
                    "HTTP/1.1 200 OK");
        }
    }

    @Test
    void awsSdk_overHttps_trustingTheGeneratedCertificate_callsStsAndGameLift(@TempDir Path dir) throws Exception {
        try (TestServer server = TestServer.start(null, dir)) {
            TrustManager[] trust = trusting(certificate(server.server().tlsCertificatePath()));
            URI https = URI.create(server.server().tlsEndpoint());
            try (StsClient sts = StsClient.builder().endpointOverride(https).region(Region.of(TestServer.REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(TestServer.admin()))
                    .httpClient(UrlConnectionHttpClient.builder().tlsTrustManagersProvider(() -> trust).build())
                    .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build();
                 GameLiftClient gameLift = GameLiftClient.builder().endpointOverride(https)
                         .region(Region.of(TestServer.REGION))
                         .credentialsProvider(StaticCredentialsProvider.create(TestServer.admin()))
                         .httpClient(UrlConnectionHttpClient.builder().tlsTrustManagersProvider(() -> trust).build())
                         .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build()) {
                assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::" + TestServer.ACCOUNT + ":root");
                assertThat(gameLift.listFleets().fleetIds()).isNotNull();
            }
        }
    }

    @Test
    void awsSdk_overHttps_withoutTrustingTheCertificate_isRefusedByTheClient(@TempDir Path dir) {
        try (TestServer server = TestServer.start(null, dir);
             StsClient sts = StsClient.builder().endpointOverride(URI.create(server.server().tlsEndpoint()))
                     .region(Region.of(TestServer.REGION))
                     .credentialsProvider(StaticCredentialsProvider.create(TestServer.admin()))
                     .httpClient(UrlConnectionHttpClient.create())
                     .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build()) {
            assertThatThrownBy(sts::getCallerIdentity)
                    .hasStackTraceContaining("unable to find valid certification path");
        }
    }

    @Test
    void describeCompute_advertisesTheWssUrlOfTheTlsListener_atTheAdvertisedHost(@TempDir Path dir)
            throws Exception {
        ServerConfig config = withTls(dir, "[::1]", ServerConfig.Tls.selfSigned(0));
        try (TestServer server = TestServer.start(config)) {
            assertThat(sdkEndpoint(server)).isEqualTo("wss://[::1]:" + server.server().tlsPort() + "/gamelift/sdk");
            assertThat(certificate(server.server().tlsCertificatePath()).getSubjectAlternativeNames())
                    .contains(List.of(7, "0:0:0:0:0:0:0:1"));
        }
        try (TestServer server = TestServer.start(withTls(dir, "gs.example", ServerConfig.Tls.selfSigned(0)))) {
            assertThat(sdkEndpoint(server))
                    .isEqualTo("wss://gs.example:" + server.server().tlsPort() + "/gamelift/sdk");
            assertThat(certificate(server.server().tlsCertificatePath()).getSubjectAlternativeNames())
                    .as("regenerated for the new advertised host").contains(List.of(2, "gs.example"));
        }
    }

    @Test
    void describeCompute_withTlsOff_advertisesPlainWs_andNothingListensWithTls(@TempDir Path dir) throws Exception {
        try (TestServer server = TestServer.start(withTls(dir, null, ServerConfig.Tls.OFF))) {
            assertThat(server.server().tlsPort()).isEqualTo(-1);
            assertThat(server.server().tlsEndpoint()).isNull();
            assertThat(server.server().tlsCertificatePath()).isNull();
            assertThat(sdkEndpoint(server)).isEqualTo("ws://127.0.0.1:" + server.server().port() + "/gamelift/sdk");
            assertThat(Files.exists(dir.resolve("tls"))).isFalse();
        }
    }

    @Test
    void start_withGivenEcCertificateAndKey_presentsThem(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        GivenCertificate given = given(dir, generator.generateKeyPair(), "127.0.0.1", 4242);

        try (TestServer server = TestServer.start(withTls(dir.resolve("data"), null, given.tls()))) {
            assertThat(server.server().tlsCertificatePath()).isEqualTo(given.file());
            Handshake handshake = handshake(server, "TLSv1.2", null);
            assertThat(handshake.certificate()).isEqualTo(given.certificate());
            assertThat(handshake.cipherSuite()).startsWith("TLS_ECDHE_ECDSA_");
            assertThat(Files.exists(dir.resolve("data/tls"))).as("no self-signed certificate made").isFalse();
        }
    }

    @Test
    void start_withGivenRsaCertificateAndKey_presentsThem(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        GivenCertificate given = given(dir, generator.generateKeyPair(), "operator.example", 4343);

        try (TestServer server = TestServer.start(withTls(dir.resolve("data"), null, given.tls()))) {
            Handshake handshake = handshake(server, "TLSv1.2", GAMELIFT_SDK_RSA_SUITE);
            assertThat(handshake.certificate()).isEqualTo(given.certificate());
            assertThat(handshake.cipherSuite()).isEqualTo(GAMELIFT_SDK_RSA_SUITE);
        }
    }

    @Test
    void restart_reusesTheSelfSignedCertificate(@TempDir Path dir) throws Exception {
        X509Certificate first;
        try (TestServer server = TestServer.start(null, dir)) {
            first = handshake(server, "TLSv1.3", null).certificate();
        }
        try (TestServer server = TestServer.start(null, dir)) {
            assertThat(handshake(server, "TLSv1.3", null).certificate()).isEqualTo(first);
        }
    }

    @Test
    void restart_withAnRsaCertificateFromAnEarlierVersion_keepsPresentingIt(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X509Certificate earlier = SelfSignedCertificate.create(keys, "127.0.0.1",
                Hosts.certificateNames("127.0.0.1", "127.0.0.1"), Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(400)), BigInteger.valueOf(4444));
        Files.createDirectories(dir.resolve("tls"));
        Files.writeString(dir.resolve("tls/gatepass-cert.pem"), pem("CERTIFICATE", earlier.getEncoded()));
        Files.writeString(dir.resolve("tls/gatepass-key.pem"), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));

        try (TestServer server = TestServer.start(null, dir)) {
            Handshake handshake = handshake(server, "TLSv1.2", GAMELIFT_SDK_RSA_SUITE);
            assertThat(handshake.certificate()).isEqualTo(earlier);
            assertThat(handshake.cipherSuite()).isEqualTo(GAMELIFT_SDK_RSA_SUITE);
        }
    }

    @Test
    void close_stopsBothListeners(@TempDir Path dir) {
        TestServer server = TestServer.start(null, dir);
        int port = server.server().port();
        int tlsPort = server.server().tlsPort();
        server.close();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> new Socket("127.0.0.1", tlsPort).close()).isInstanceOf(ConnectException.class);
    }

    // ---------------------------------------------------------------- helpers

    record Handshake(String protocol, String cipherSuite, X509Certificate certificate, String healthResponse) {
    }

    /** Connects as the GameLift SDK does (no certificate check), restricted to one protocol and maybe one suite. */
    private static Handshake handshake(TestServer server, String protocol, String suite) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustingEveryone()}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1",
                server.server().tlsPort())) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {protocol});
            if (suite != null) {
                socket.setEnabledCipherSuites(new String[] {suite});
            }
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Handshake(socket.getSession().getProtocol(), socket.getSession().getCipherSuite(),
                    (X509Certificate) socket.getSession().getPeerCertificates()[0], response);
        }
    }

    private static String sdkEndpoint(TestServer server) {
        try (GameLiftClient gameLift = server.gameLift(TestServer.admin())) {
            String location = "custom-tls-" + UUID.randomUUID().toString().substring(0, 8);
            gameLift.createLocation(r -> r.locationName(location));
            String fleet = gameLift.createFleet(r -> r.name("tls").computeType(ComputeType.ANYWHERE)
                    .locations(LocationConfiguration.builder().location(location).build()))
                    .fleetAttributes().fleetId();
            gameLift.registerCompute(r -> r.fleetId(fleet).computeName("rack-1").ipAddress("10.0.0.7")
                    .location(location));
            return gameLift.describeCompute(r -> r.fleetId(fleet).computeName("rack-1")).compute()
                    .gameLiftServiceSdkEndpoint();
        }
    }

    private static ServerConfig withTls(Path dataDir, String advertisedHost, ServerConfig.Tls tls) {
        ServerConfig base = TestServer.config(null, dataDir, ServerConfig.DEFAULT_MAX_BODY_BYTES);
        return new ServerConfig(base.port(), base.bind(), base.dataDir(), base.store(), base.region(),
                base.logFormat(), base.maxBodyBytes(), base.masterKey(), base.bootstrap(), base.computeTokenTtl(),
                base.publicUrl(), advertisedHost, tls, base.maxAssetBytes());
    }

    static X509Certificate certificate(Path pem) throws Exception {
        try (var in = new ByteArrayInputStream(Files.readAllBytes(pem))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    static TrustManager[] trusting(Certificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("gatepass", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** As the GameLift SDK: accepts any certificate. */
    private static final class TrustingEveryone implements javax.net.ssl.X509TrustManager {
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

    /** An operator's certificate for {@code subject} (signed by {@code keys}), as PEM files in {@code dir}. */
    private static GivenCertificate given(Path dir, KeyPair keys, String subject, long serial) throws Exception {
        X509Certificate certificate = SelfSignedCertificate.create(keys, "operator.example",
                List.of(SubjectName.of(subject)), Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(1)), BigInteger.valueOf(serial));
        Path certificateFile = dir.resolve("operator-cert.pem");
        Path keyFile = dir.resolve("operator-key.pem");
        Files.writeString(certificateFile, pem("CERTIFICATE", certificate.getEncoded()));
        Files.writeString(keyFile, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        return new GivenCertificate(certificate, certificateFile, new ServerConfig.Tls(0, certificateFile, keyFile));
    }

    /** A given certificate, its file, and the TLS listener configured with it and its key. */
    private record GivenCertificate(X509Certificate certificate, Path file, ServerConfig.Tls tls) {
    }
}
