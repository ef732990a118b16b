package io.gatepass.cli.internal.aws.call;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP client of {@link ClientWarmUp}'s dry run: it prepares each request as the call's
 * {@link UrlConnectionHttpClient} does (an {@link HttpURLConnection} object with the request's method and headers,
 * never connected) and answers it itself with an empty {@code 200} JSON response. Nothing leaves the process.
 */
final class OfflineHttpClient implements SdkHttpClient {

    private final SdkHttpClient preparer = UrlConnectionHttpClient.create(OfflineHttpClient::unconnected);

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        preparer.prepareRequest(request); // the request callable it returns (which would connect) is never called
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200)
                                .putHeader("Content-Type", "application/x-amz-json-1.1")
                                .putHeader("Content-Length", String.valueOf(body.length)).build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                        .build();
            }

            @Override
            public void abort() {
            }
        };
    }

    /** What the call's connection factory makes: an {@link HttpURLConnection} object, which connects only when used. */
    private static HttpURLConnection unconnected(URI uri) {
        try {
            return (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String clientName() {
        return preparer.clientName();
    }

    @Override
    public void close() {
        preparer.close();
    }
}
