package io.gatepass.server.testing;

import javax.net.ssl.SSLSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A byte response seen as text (UTF-8). */
final class TextResponse implements HttpResponse<String> {
    private final HttpResponse<byte[]> bytes;

    TextResponse(HttpResponse<byte[]> bytes) {
        this.bytes = bytes;
    }

    @Override
    public int statusCode() {
        return bytes.statusCode();
    }

    @Override
    public HttpRequest request() {
        return bytes.request();
    }

    @Override
    public Optional<HttpResponse<String>> previousResponse() {
        return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
        return bytes.headers();
    }

    @Override
    public String body() {
        return new String(bytes.body(), StandardCharsets.UTF_8);
    }

    @Override
    public Optional<SSLSession> sslSession() {
        return bytes.sslSession();
    }

    @Override
    public URI uri() {
        return bytes.uri();
    }

    @Override
    public HttpClient.Version version() {
        return bytes.version();
    }
}
