package io.gatepass.server.internal.api.rest;


import java.util.Map;

/**
 * An output whose restJson payload is a streaming blob (the model's {@code payload} member of a {@code streaming}
 * blob shape): the body is copied from {@link #payload()} as {@code application/octet-stream} with its
 * Content-Length, and the output's header-bound members are {@link #headers()}.
 */
public interface StreamingPayload {
    StreamedBody payload();

    /** Response headers for the members the model binds to headers (no nulls). */
    Map<String, String> headers();
}
