package io.gatepass.server.it;

import io.gatepass.server.testing.GatepassServerExtension;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The presigned (query-string) SigV4 form end to end, and a request in flight while the server shuts down. */
class SigningFormsTest {
    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension();
    static TestServer server;

    @BeforeAll
    static void start() {
        server = GATEPASS.server();
    }

    private static URI presign(String query, Duration expiresIn) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(server.endpoint().resolve("/?" + query)).build();
        return AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(TestServer.ADMIN_ID, TestServer.ADMIN_SECRET))
                .request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, TestServer.REGION)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expiresIn)).request().getUri();
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void presignedUrl_whenValid_answersAsTheSigner() throws Exception {
        HttpResponse<String> response = get(presign("Action=GetCallerIdentity&Version=2011-06-15",
                Duration.ofMinutes(5)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("<Arn>arn:aws:iam::" + TestServer.ACCOUNT + ":root</Arn>")
                .contains("<RequestId>");
    }

    @Test
    void presignedUrl_whenAQueryByteChanges_isSignatureDoesNotMatch() throws Exception {
        URI uri = presign("Action=GetCallerIdentity&Version=2011-06-15", Duration.ofMinutes(5));
        URI tampered = URI.create(uri.toString().replace("Version=2011-06-15", "Version=2011-06-16"));
        HttpResponse<String> response = get(tampered);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>SignatureDoesNotMatch</Code>");
    }

    @Test
    void presignedUrl_afterItsExpiry_isRefused() throws Exception {
        URI uri = presign("Action=GetCallerIdentity&Version=2011-06-15", Duration.ofSeconds(60));
        server.clock().advance(Duration.ofSeconds(120));
        try {
            HttpResponse<String> response = get(uri);
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("Signature expired");
        } finally {
            server.clock().advance(Duration.ofSeconds(-120));
        }
    }

    @Test
    void shutdown_whileARequestIsInFlight_answersItBeforeClosing(@TempDir Path dataDir) throws Exception {
        TestServer draining = TestServer.start(null, dataDir);
        String body = "Action=GetCallerIdentity&Version=2011-06-15";
        try (Socket socket = new Socket("127.0.0.1", draining.endpoint().getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            // Headers and half of the body: the request is in flight, but not complete.
            out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body.substring(0, 10))
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int port = draining.endpoint().getPort();
            CompletableFuture<Void> closing = CompletableFuture.runAsync(draining::close);
            assertThat(stopsAccepting(port)).as("the server stopped accepting new connections").isTrue();
            out.write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            // Unsigned, so the answer is an authentication error: what matters is that there is an answer.
            assertThat(response).isEqualTo("HTTP/1.1 403");
            closing.get(30, TimeUnit.SECONDS);
        }
    }

    /** Polls (bounded) until a new connection to the port is refused. */
    private static boolean stopsAccepting(int port) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                Thread.onSpinWait();
            } catch (java.io.IOException refused) {
                return true;
            }
        }
        return false;
    }
}
