package io.gatepass.server.testing;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The JDK HTTP client the tests send plain-HTTP requests with: HTTP/1.1, not the client's default HTTP/2. On a fresh
 * connection that default sends an HTTP/1.1 request with {@code Upgrade: h2c}, and JDK 17's client now and then never
 * completes that request although the server answered it in full (the 101, its SETTINGS, the stream's HEADERS and DATA
 * with END_STREAM, all seen on the wire); the call then waits for the server's idle timeout and fails with "EOF reached
 * while reading" (docs/operations.md). HTTP/2 is tested with Vert.x's client (the *H2Test classes, BodyReadTest,
 * OversizedBodyTest).
 */
public final class PlainHttp {

    private PlainHttp() {
    }

    public static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }
}
