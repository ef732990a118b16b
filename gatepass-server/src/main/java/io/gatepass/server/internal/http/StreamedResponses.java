package io.gatepass.server.internal.http;

import io.gatepass.server.internal.api.rest.StreamedBody;
import io.gatepass.server.internal.protocol.WireResponse;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;

/**
 * Writes a {@link WireResponse} whose body is a {@link StreamedBody}: the headers with its Content-Length, then chunks
 * read on a worker, the next one only once the connection has taken the last (back-pressure), so an asset of any size
 * passes through a few hundred KiB of memory. The stream is closed at the end, when the client goes away, and when
 * reading fails (the response is then reset, never silently truncated).
 */
final class StreamedResponses {
    private static final Logger LOG = LoggerFactory.getLogger(StreamedResponses.class);
    private static final int READ_CHUNK = 256 * 1024;

    private StreamedResponses() {
    }

    static void send(Vertx vertx, HttpServerRequest request, WireResponse response) {
        StreamedBody body = response.streamed();
        HttpServerResponse out = request.response();
        if (out.ended() || out.closed()) {
            close(body.content());
            return;
        }
        out.setStatusCode(response.status());
        response.headers().forEach(out::putHeader);
        out.putHeader("Content-Length", Long.toString(body.length()));
        if (request.method().name().equals("HEAD")) {
            close(body.content());
            out.end();
            return;
        }
        out.closeHandler(v -> close(body.content()));
        pump(vertx, out, body.content());
    }

    /** Copies {@code in} to {@code out} chunk by chunk with back-pressure, then ends the response (also for blobs). */
    static void pump(Vertx vertx, HttpServerResponse out, InputStream in) {
        vertx.executeBlocking(() -> in.readNBytes(READ_CHUNK), false).onComplete(read -> {
            if (out.closed()) {
                close(in);
                return;
            }
            if (read.failed()) {
                LOG.error("reading a streamed response body failed midway", read.cause());
                close(in);
                out.reset(); // the headers are gone: end the stream abruptly rather than hang or truncate silently
                return;
            }
            byte[] bytes = read.result();
            if (bytes.length == 0) {
                close(in);
                out.end();
                return;
            }
            out.write(Buffer.buffer(bytes));
            if (out.writeQueueFull()) {
                out.drainHandler(v -> pump(vertx, out, in));
            } else {
                pump(vertx, out, in);
            }
        });
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
