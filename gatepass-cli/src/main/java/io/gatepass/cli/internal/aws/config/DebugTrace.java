package io.gatepass.cli.internal.aws.config;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The --debug trace of each HTTP exchange as the SDK sends it: method, URL, headers and body of the request, then
 * status, headers and body of the response, all through {@link Redaction} so signatures, tokens and secret keys never show.
 * A body streamed from or to a file ({@link StreamedBodies}) is named, not printed.
 */
final class DebugTrace implements ExecutionInterceptor {

    private static final int MAX_BODY = 64 * 1024;

    private final DebugLog log;

    DebugTrace(DebugLog log) {
        this.log = log;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        SdkHttpRequest request = context.httpRequest();
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        log.debug("endpoint", "Making request for " + operation + ": " + request.method() + " "
                + Redaction.url(request.getUri().toString()));
        log.debug("endpoint", "Request headers: " + headers(request.headers()));
        if (Boolean.TRUE.equals(attributes.getAttribute(StreamedBodies.REQUEST))) {
            log.debug("endpoint", "Request body: (streamed from the file, "
                    + request.firstMatchingHeader("Content-Length").orElse("?") + " bytes)");
            return;
        }
        Optional<ContentStreamProvider> body = context.requestBody().map(RequestBody::contentStreamProvider);
        if (body.isEmpty() && request instanceof SdkHttpFullRequest full) {
            body = full.contentStreamProvider();
        }
        body.ifPresent(content -> {
            try (InputStream in = content.newStream()) {
                log.debug("endpoint", "Request body: " + text(in.readNBytes(MAX_BODY)));
            } catch (IOException | RuntimeException e) {
                log.debug("endpoint", "Request body: (not readable: " + e.getClass().getSimpleName() + ")");
            }
        });
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        SdkHttpResponse response = context.httpResponse();
        log.debug("parsers", "Response status: " + response.statusCode());
        log.debug("parsers", "Response headers: " + headers(response.headers()));
        Optional<InputStream> body = context.responseBody();
        if (body.isEmpty()) {
            return body;
        }
        if (response.isSuccessful() && Boolean.TRUE.equals(attributes.getAttribute(StreamedBodies.RESPONSE))) {
            log.debug("parsers", "Response body: (streamed to the outfile)");
            return body;
        }
        try (InputStream in = body.get()) {
            byte[] bytes = in.readAllBytes();
            log.debug("parsers", "Response body: " + text(bytes.length > MAX_BODY
                    ? java.util.Arrays.copyOf(bytes, MAX_BODY) : bytes));
            return Optional.of(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String headers(Map<String, List<String>> headers) {
        StringJoiner joined = new StringJoiner(", ", "{", "}");
        headers.forEach((name, values) -> values.forEach(value ->
                joined.add("'" + name + "': '" + Redaction.header(name, value) + "'")));
        return joined.toString();
    }

    private static String text(byte[] bytes) {
        return Redaction.body(new String(bytes, StandardCharsets.UTF_8));
    }
}
