package io.gatepass.cli.internal.aws.config;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.gatepass.cli.internal.aws.CliException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.gamelift.GameLiftClient;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;

import static io.gatepass.cli.internal.aws.config.TestIo.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Timeouts and TLS trust of the clients {@link CliConfig} builds, against local sockets and an HTTPS stub. */
class CliConfigTransportTest {

    @TempDir
    static Path keys;
    static HttpsServer https;
    static Path caPem;

    @TempDir
    Path home;

    /** An HTTPS endpoint with a self-signed certificate for 127.0.0.1 answering every GameLift call with no fleets. */
    @BeforeAll
    static void startHttps() throws Exception {
        Path store = keys.resolve("server.p12");
        caPem = keys.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", store.toString(), "-storepass", "changeit",
                "-file", caPem.toString());
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            keyStore.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(context));
        https.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"FleetIds\":[\"fleet-over-tls\"]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        https.start();
    }

    @AfterAll
    static void stopHttps() {
        https.stop(0);
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    private TestIo keysIo() {
        return new TestIo(home).env("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEEXAMPLE01").env("AWS_SECRET_ACCESS_KEY", "x")
                .env("AWS_REGION", "us-east-1").env("AWS_MAX_ATTEMPTS", "1");
    }

    private static List<String> listFleets(CliConfig config) {
        try (GameLiftClient gamelift = config.client(GameLiftClient.builder(), "gamelift")) {
            return gamelift.listFleets().fleetIds();
        }
    }

    private static String httpsEndpoint() {
        return "https://127.0.0.1:" + https.getAddress().getPort();
    }

    @Test
    void client_whenServerAcceptsButNeverAnswers_failsAfterTheReadTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CliConfig config = keysIo().resolve(options().endpointUrl("http://127.0.0.1:" + silent.getLocalPort())
                    .readTimeout(1).build());
            assertThatThrownBy(() -> listFleets(config)).isInstanceOf(SdkClientException.class)
                    .hasRootCauseInstanceOf(SocketTimeoutException.class)
                    .rootCause().hasMessageContaining("Read timed out");
        }
    }

    @Test
    void client_whenServerCannotTakeTheConnection_failsAfterTheConnectTimeout() throws Exception {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                // fill the listen queue until the kernel stops completing handshakes
                boolean queueFull = false;
                for (int i = 0; i < 16 && !queueFull; i++) {
                    Socket filler = new Socket();
                    fillers.add(filler);
                    try {
                        filler.connect(full.getLocalSocketAddress(), 300);
                    } catch (SocketTimeoutException e) {
                        queueFull = true;
                    }
                }
                assertThat(queueFull).as("listen queue filled").isTrue();
                CliConfig config = keysIo().resolve(options().endpointUrl("http://127.0.0.1:" + full.getLocalPort())
                        .connectTimeout(1).build());
                assertThatThrownBy(() -> listFleets(config)).isInstanceOf(SdkClientException.class)
                        .hasRootCauseInstanceOf(SocketTimeoutException.class)
                        .rootCause().hasMessageContaining("onnect timed out");
            } finally {
                for (Socket filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    @Test
    void client_withSelfSignedServerAndDefaultTrust_refusesTheConnection() {
        CliConfig config = keysIo().resolve(options().endpointUrl(httpsEndpoint()).build());
        assertThatThrownBy(() -> listFleets(config)).isInstanceOf(SdkClientException.class)
                .hasCauseInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("unable to find valid certification path");
    }

    @Test
    void client_withNoVerifySsl_talksToTheSelfSignedServerAndWarns() {
        TestIo io = keysIo();
        CliConfig config = io.resolve(options().endpointUrl(httpsEndpoint()).noVerifySsl().build());
        assertThat(listFleets(config)).containsExactly("fleet-over-tls");
        assertThat(io.err()).contains("Unverified HTTPS request is being made to host '127.0.0.1'");
    }

    @Test
    void client_withCaBundleFlag_trustsTheBundlesCertificateWithoutWarning() {
        TestIo io = keysIo();
        CliConfig config = io.resolve(options().endpointUrl(httpsEndpoint()).caBundle(caPem.toString()).build());
        assertThat(listFleets(config)).containsExactly("fleet-over-tls");
        assertThat(io.err()).isEmpty();
    }

    @Test
    void client_withCaBundleFromEnvironmentOrProfile_trustsIt() {
        TestIo fromEnv = keysIo().env("AWS_CA_BUNDLE", caPem.toString());
        assertThat(listFleets(fromEnv.resolve(options().endpointUrl(httpsEndpoint()).build())))
                .containsExactly("fleet-over-tls");
        TestIo fromProfile = keysIo().file(".aws/config", "[default]\nca_bundle = " + caPem + "\n");
        assertThat(listFleets(fromProfile.resolve(options().endpointUrl(httpsEndpoint()).build())))
                .containsExactly("fleet-over-tls");
    }

    @Test
    void client_withMissingCaBundleAndHttpsEndpoint_failsLikeAws() {
        CliConfig config = keysIo().resolve(options().endpointUrl(httpsEndpoint())
                .caBundle(home.resolve("missing.pem").toString()).build());
        assertThatThrownBy(() -> listFleets(config)).isInstanceOfSatisfying(CliException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(255);
            assertThat(e.getMessage()).startsWith("SSL validation failed for " + httpsEndpoint())
                    .contains("No such file or directory");
        });
    }

    @Test
    void client_withHttpProxyInEnvironment_sendsTheRequestThroughTheProxy() throws Exception {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI() + " host=" + exchange.getRequestHeaders().getFirst("Host"));
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"FleetIds\":[\"fleet-via-proxy\"]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        proxy.start();
        try {
            TestIo io = keysIo().env("HTTP_PROXY", "http://127.0.0.1:" + proxy.getAddress().getPort());
            CliConfig config = io.resolve(options().endpointUrl("http://gamelift.gatepass.invalid:9700").build());
            assertThat(listFleets(config)).containsExactly("fleet-via-proxy");
            assertThat(seen)
                    .containsExactly("http://gamelift.gatepass.invalid:9700/ host=gamelift.gatepass.invalid:9700");

            io.env("NO_PROXY", "localhost,.gatepass.invalid");
            CliConfig bypassing = io.resolve(options().endpointUrl("http://gamelift.gatepass.invalid:9700").build());
            assertThatThrownBy(() -> listFleets(bypassing)).isInstanceOf(SdkClientException.class);
            assertThat(seen).hasSize(1);
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void client_withMissingCaBundleButPlainHttpEndpoint_needsNoBundle() {
        TestIo io = keysIo();
        CliConfig config = io.resolve(options().endpointUrl("http://127.0.0.1:9")
                .caBundle(home.resolve("missing.pem").toString()).build());
        try (GameLiftClient gamelift = config.client(GameLiftClient.builder(), "gamelift")) {
            assertThat(gamelift.serviceClientConfiguration().endpointOverride()).isPresent();
        }
    }
}
