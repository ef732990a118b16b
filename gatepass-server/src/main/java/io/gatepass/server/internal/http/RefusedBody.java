package io.gatepass.server.internal.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * The body of a request answered without it (413, or a refusal before an upload): most HTTP clients send their whole
 * body before they read, so closing at once makes them see a reset instead of the answer. The rest of the body is read
 * and dropped, and an HTTP/1.x connection is closed once the body has ended, after {@link #DISCARD_LIMIT} more bytes,
 * or after {@link #LINGER_MILLIS} without any. An HTTP/2 stream just ends: the connection serves other streams.
 */
final class RefusedBody {
    /** How much of a refused body is read and dropped before the connection is closed anyway. */
    static final long DISCARD_LIMIT = 64L * 1024 * 1024;
    /** How long a refused body may pause before the connection is closed. */
    static final long LINGER_MILLIS = 1000;

    private RefusedBody() {
    }

    /**
     * Drops the rest of the body and closes the connection after it; call before writing the answer. On HTTP/1.x the
     * answer says {@code Connection: close} (set here).
     */
    static void drainThenClose(Vertx vertx, HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            request.handler(chunk -> { });
            request.endHandler(end -> { });
            request.resume();
            return;
        }
        request.response().putHeader("Connection", "close");
        HttpConnection connection = request.connection();
        long[] discarded = {0};
        long[] linger = {vertx.setTimer(LINGER_MILLIS, id -> connection.close())};
        request.handler(chunk -> {
            discarded[0] += chunk.length();
            vertx.cancelTimer(linger[0]);
            if (discarded[0] > DISCARD_LIMIT) {
                connection.close();
            } else {
                linger[0] = vertx.setTimer(LINGER_MILLIS, id -> connection.close());
            }
        });
        request.endHandler(end -> {
            vertx.cancelTimer(linger[0]);
            connection.close();
        });
        request.exceptionHandler(e -> connection.close());
        request.resume();
    }
}
