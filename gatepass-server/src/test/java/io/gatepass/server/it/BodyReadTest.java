package io.gatepass.server.it;

import io.gatepass.server.config.Limits;
import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static io.gatepass.server.it.ConnectionLimitsTest.readToEnd;
import static io.gatepass.server.it.ConnectionLimitsTest.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API body is read whole however it arrives (in one piece with the head, or in several chunks), and a body that
 * stops arriving is refused with 408 after the body read timeout, over HTTP/1.1 and on an h2c stream, while other
 * requests on the server are answered meanwhile.
 */
class BodyReadTest {
    private static final String FORM = "Action=GetCallerIdentity&Version=2011-06-15";
    private static TestServer server;

    @BeforeAll
    static void start(@TempDir Path dir) {
        server = TestServer.start(TestServer.config(null, dir, ServerConfig.DEFAULT_MAX_BODY_BYTES)
                .withLimits(Limits.DEFAULTS.withBodyReadTimeout(Duration.ofSeconds(1))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void signedBody_inSeveralChunks_isReadWhole() throws Exception {
        byte[] body = FORM.getBytes(StandardCharsets.US_ASCII);
        Random random = new Random(7);
        for (int round = 0; round < 5; round++) { // the body cut at seeded places into chunked-encoding chunks
            StringBuilder chunked = new StringBuilder();
            for (int at = 0; at < body.length; ) {
                int size = Math.min(body.length - at, 1 + random.nextInt(12));
                chunked.append(Integer.toHexString(size)).append("\r\n").append(FORM, at, at + size).append("\r\n");
                at += size;
            }
            chunked.append("0\r\n\r\n");
            try (Socket socket = connect()) {
                send(socket, signedHead(body, "Transfer-Encoding: chunked\r\n") + chunked);
                String answer = readToEnd(socket.getInputStream());
                assertThat(answer).as("round %d", round).startsWith("HTTP/1.1 200")
                        .contains("<Arn>arn:aws:iam::" + TestServer.ACCOUNT + ":root</Arn>");
            }
        }
    }

    @Test
    void signedBody_withContentLength_isAnswered() throws Exception {
        byte[] body = FORM.getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = connect()) {
            send(socket, signedHead(body, "Content-Length: " + body.length + "\r\n") + FORM);
            assertThat(readToEnd(socket.getInputStream())).startsWith("HTTP/1.1 200").contains("<Arn>");
        }
    }

    @Test
    void h2cStream_whoseBodyStops_gets408_whileAnotherRequestIsAnswered() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            var client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                    .setHttp2ClearTextUpgrade(false));
            var stalled = client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                            .setPort(server.endpoint().getPort()).setURI("/")
                            .putHeader("Content-Type", "application/x-www-form-urlencoded"))
                    .compose(request -> {
                        request.setChunked(true);
                        request.write(Buffer.buffer("Action=GetCall")); // and the stream never ends
                        return request.response();
                    })
                    .compose(r -> r.body().map(b -> r.version() + " " + r.statusCode() + " " + b))
                    .toCompletionStage().toCompletableFuture();
            try (Socket socket = connect()) { // answered while the stalled body waits for its deadline
                byte[] body = FORM.getBytes(StandardCharsets.US_ASCII);
                send(socket, signedHead(body, "Content-Length: " + body.length + "\r\n") + FORM);
                assertThat(readToEnd(socket.getInputStream())).startsWith("HTTP/1.1 200");
            }
            assertThat(stalled.get(20, TimeUnit.SECONDS)).startsWith("HTTP_2 408")
                    .contains("<Code>RequestTimeout</Code>");
        } finally {
            vertx.close().await();
        }
    }

    /** A signed STS request head (Connection: close) with the given framing header, signed for {@code body}. */
    private static String signedHead(byte[] body, String framing) {
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(TestServer.ADMIN_ID, TestServer.ADMIN_SECRET))
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(server.endpoint().resolve("/"))
                        .putHeader("Content-Type", "application/x-www-form-urlencoded").build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, TestServer.REGION));
        StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\nConnection: close\r\n").append(framing);
        for (Map.Entry<String, java.util.List<String>> header : signed.request().headers().entrySet()) {
            for (String value : header.getValue()) {
                head.append(header.getKey()).append(": ").append(value).append("\r\n");
            }
        }
        return head.append("\r\n").toString();
    }

    private static Socket connect() throws IOException {
        return ConnectionLimitsTest.connect(server);
    }
}
