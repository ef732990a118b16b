package io.gatepass.server.it;

import io.gatepass.server.testing.GatepassServerExtension;
import io.gatepass.server.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body over the limit is answered with 413 in the protocol's shape and the connection is closed, whether the client
 * waits for the answer or sends its whole body first; over h2c the stream gets the 413, not a protocol error.
 */
class OversizedBodyTest {
    private static final int BODY_LIMIT = 4096;
    /** Well beyond what the socket buffers hold, so the server must read (and discard) it for the client to finish. */
    private static final int LARGE_BODY = 8 * 1024 * 1024;
    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension(
            dir -> TestServer.start(null, dir, BODY_LIMIT));
    static TestServer server;

    @BeforeAll
    static void start() {
        server = GATEPASS.server();
    }

    @Test
    void declaredLength_overTheLimit_whenClientSendsWholeBodyFirst_gets413AndTheConnectionCloses() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.endpoint().getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + LARGE_BODY + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            var sent = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    for (int written = 0; written < LARGE_BODY; written += chunk.length) {
                        out.write(chunk);
                    }
                    out.flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            sent.get(20, TimeUnit.SECONDS); // the whole body goes out before the client reads anything
            String answer = readToEnd(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413").contains("<Code>RequestEntityTooLarge</Code>")
                    .containsIgnoringCase("connection: close");
        }
    }

    @Test
    void chunkedBody_overTheLimit_gets413AndTheConnectionCloses() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.endpoint().getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String chunk = "x".repeat(BODY_LIMIT * 2);
            out.write((Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readToEnd(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413").contains("<Code>RequestEntityTooLarge</Code>");
        }
    }

    @Test
    void h2c_bodyOverTheLimit_isA413OnTheStream() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            var client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                    .setHttp2ClearTextUpgrade(false));
            byte[] body = new byte[BODY_LIMIT * 4];
            java.util.Arrays.fill(body, (byte) 'x');
            var response = client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                            .setPort(server.endpoint().getPort()).setURI("/")
                            .putHeader("Content-Type", "application/x-www-form-urlencoded"))
                    .compose(request -> request.send(Buffer.buffer(body)))
                    .compose(r -> r.body().map(b -> r.version() + " " + r.statusCode() + " " + b))
                    .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertThat(response).startsWith("HTTP_2 413").contains("<Code>RequestEntityTooLarge</Code>");
        } finally {
            vertx.close().await();
        }
    }

    private static String readToEnd(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) { // a read timeout fails the test: the server must close
            answer.write(buffer, 0, n);
        }
        return answer.toString(StandardCharsets.UTF_8);
    }
}
