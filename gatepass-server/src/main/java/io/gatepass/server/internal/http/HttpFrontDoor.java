package io.gatepass.server.internal.http;

import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.server.config.Limits;
import io.gatepass.server.internal.ops.OpsEndpoints;
import io.gatepass.server.internal.protocol.WireRequest;
import io.gatepass.server.internal.protocol.WireResponse;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The thin adapter between Vert.x and the pipeline: reads a bounded body, turns the request into a
 * {@link WireRequest}, runs the pipeline on a worker thread (handlers touch the store) and writes the
 * {@link WireResponse} back. A token call whose reads are all cached is answered on the event loop instead. {@code /health} and {@code /metrics} are answered here without authentication.
 */
public final class HttpFrontDoor implements Handler<HttpServerRequest> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HttpFrontDoor.class);
    private final Vertx vertx;
    private final ApiPipeline pipeline;
    private final OpsEndpoints ops;
    private final int maxBodyBytes;
    private final List<WebSocketRoute> webSockets;
    private final PackageFrontDoor packages;
    private final ApiUploads uploads;
    private final Limits limits;
    /** Connection caps and the header and idle timers, or null for none. */
    private final ConnectionGuard guard;
    /** The web console's static files ({@code /console/}), or null for none. */
    private final io.gatepass.server.internal.endpoints.console.ConsoleRoute console;

    public HttpFrontDoor(Vertx vertx, ApiPipeline pipeline, OpsEndpoints ops, int maxBodyBytes) {
        this(vertx, pipeline, ops, maxBodyBytes, List.of(), null);
    }

    public HttpFrontDoor(Vertx vertx, ApiPipeline pipeline, OpsEndpoints ops, int maxBodyBytes,
                         List<WebSocketRoute> webSockets, PackageFrontDoor packages) {
        this(vertx, pipeline, ops, maxBodyBytes, webSockets, packages, null, Limits.DEFAULTS, null);
    }

    /**
     * @param webSockets websocket endpoints, asked in order before anything else
     * @param packages   the package endpoints ({@code /codeartifact/...}), or null for none
     * @param uploads    API requests with a streaming blob body (spooled to disk, not bounded by
     *                   {@code maxBodyBytes}), or null for none
     * @param limits     request shape limits and the body read timeout
     * @param guard      connection caps and the header and idle timers, or null for none
     */
    public HttpFrontDoor(Vertx vertx, ApiPipeline pipeline, OpsEndpoints ops, int maxBodyBytes,
                         List<WebSocketRoute> webSockets, PackageFrontDoor packages, ApiUploads uploads,
                         Limits limits, ConnectionGuard guard) {
        this(vertx, pipeline, ops, maxBodyBytes, webSockets, packages, uploads, limits, guard, null);
    }

    /** @param console the web console's static files ({@code /console/}), or null for none */
    public HttpFrontDoor(Vertx vertx, ApiPipeline pipeline, OpsEndpoints ops, int maxBodyBytes,
                         List<WebSocketRoute> webSockets, PackageFrontDoor packages, ApiUploads uploads,
                         Limits limits, ConnectionGuard guard,
                         io.gatepass.server.internal.endpoints.console.ConsoleRoute console) {
        this.console = console;
        this.limits = limits;
        this.guard = guard;
        this.vertx = vertx;
        this.pipeline = pipeline;
        this.ops = ops;
        this.maxBodyBytes = maxBodyBytes;
        this.webSockets = List.copyOf(webSockets);
        this.packages = packages;
        this.uploads = uploads;
    }

    @Override
    public void handle(HttpServerRequest request) {
        try {
            route(request);
        } catch (RuntimeException | LinkageError e) {
            LOG.error("request could not be handled", io.gatepass.server.internal.ops.LoggedFailure.of(e));
            if (!request.response().ended()) {
                request.response().setStatusCode(500).end();
            }
        }
    }

    /** What the listeners hand each new connection to (counts it against the caps, arms its header timer). */
    public Handler<HttpConnection> connectionGuard() {
        return guard != null ? guard : connection -> { };
    }

    /**
     * A request Netty could not parse (request line or headers over the limits, or malformed): answered in the
     * protocol's shape, as far as its headers tell it, and the connection closed.
     */
    public void invalid(HttpServerRequest request) {
        Throwable cause = request.decoderResult() == null ? null : request.decoderResult().cause();
        io.gatepass.core.error.ServiceException error =
                cause instanceof io.netty.handler.codec.http.TooLongHttpLineException
                        ? HttpErrors.REQUEST_URI_TOO_LONG.exception("The request line is longer than the limit.")
                        : cause instanceof io.netty.handler.codec.http.TooLongHttpHeaderException
                        ? HttpErrors.HEADERS_TOO_LARGE.exception("The request headers are larger than the limit.")
                        : HttpErrors.BAD_REQUEST.exception("The request is not valid HTTP.");
        refuse(request, error);
    }

    private void route(HttpServerRequest request) {
        HttpConnection connection = request.connection();
        if (guard != null) {
            guard.requestStarted(connection);
        }
        long[] headerSizes = new long[2];
        WireRequest head = wireRequest(request, new byte[0], headerSizes); // the headers are read once, here
        io.gatepass.core.error.ServiceException shape =
                RequestShape.check(request.query(), headerSizes[0], headerSizes[1], limits);
        if (shape != null) {
            refuse(request, shape);
            return;
        }
        boolean opsRequest = request.method().name().equals("GET") && ops.handles(request.path());
        if (guard != null && guard.opsOnly(connection) && !opsRequest) {
            refuse(request, CommonErrors.SERVICE_UNAVAILABLE.exception(
                    "The server has too many connections; try again later."));
            return;
        }
        for (WebSocketRoute webSocket : webSockets) {
            if (webSocket.handles(request)) {
                webSocket.handle(request, guard == null ? () -> { } : () -> guard.webSocketClosed(connection));
                return;
            }
        }
        if (guard != null && request.version() != HttpVersion.HTTP_2) {
            request.response().endHandler(end -> guard.awaitNextRequest(connection));
        }
        if (packages != null && packages.handles(request.path())) {
            packages.handle(request); // streams its own bodies, before the bounded-body API path
            return;
        }
        if (console != null && console.handles(head.rawPath())) {
            write(request, console.answer(head, pipeline::reject)); // static files, in memory once read
            return;
        }
        if (uploads != null && uploads.handles(head)) {
            uploads.handle(request, head, this::write); // streams its body to disk, up to the asset limit
            return;
        }
        if (request.method().name().equals("GET") && ops.handles(head.rawPath())) {
            vertx.executeBlocking(() -> ops.handle(head.rawPath()), false)
                    .onComplete(done -> write(request, done.succeeded() ? done.result()
                            : WireResponse.of(500, "text/plain", new byte[0])));
            return;
        }
        String declared = request.getHeader("content-length");
        if (declared != null && tooLarge(declared)) {
            refuseTooLarge(request, head);
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] rejected = {false};
        // An HTTP/1.x request that declares no body has none: its end arrives with its headers, so there is nothing
        // to time (and no timer to set and cancel for each such request). HTTP/2 ends a stream with a frame of its
        // own, which a client may hold back, so it is always timed.
        boolean bodyless = request.version() != HttpVersion.HTTP_2 && request.getHeader("transfer-encoding") == null
                && (declared == null || declared.trim().equals("0"));
        long deadline = bodyless ? -1 : vertx.setTimer(limits.bodyReadTimeout().toMillis(), id -> {
            if (!rejected[0]) {
                rejected[0] = true;
                refuse(request, HttpErrors.REQUEST_TIMEOUT.exception(
                        "The request body did not arrive within %d seconds.", limits.bodyReadTimeout().toSeconds()));
            }
        });
        request.handler(chunk -> {
            if (rejected[0]) {
                return;
            }
            if (body.length() + chunk.length() > maxBodyBytes) {
                cancel(deadline);
                rejected[0] = true;
                refuseTooLarge(request, head);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(end -> {
            cancel(deadline);
            if (rejected[0]) {
                return;
            }
            WireRequest full = head.withBody(body.getBytes());
            String source = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
            WireResponse answered = pipeline.handleWithoutBlocking(full, source); // cheap and cached: no worker hop
            if (answered != null) {
                write(request, answered);
                return;
            }
            vertx.executeBlocking(() -> pipeline.handle(full, source), false)
                    .onComplete(done -> write(request, done.succeeded() ? done.result()
                            : pipeline.reject(full, CommonErrors.INTERNAL_FAILURE.exception("Internal failure"))));
        });
    }

    private void cancel(long timer) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private boolean tooLarge(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private io.gatepass.core.error.ServiceException tooLargeError() {
        return CommonErrors.REQUEST_ENTITY_TOO_LARGE.exception(
                "Request body is larger than the limit of %d bytes", maxBodyBytes);
    }

    private static WireRequest wireRequest(HttpServerRequest request, byte[] body) {
        return wireRequest(request, body, new long[2]);
    }

    /** @param headerSizes set to the number of headers as received and their size ({@link RequestShape}) */
    private static WireRequest wireRequest(HttpServerRequest request, byte[] body, long[] headerSizes) {
        Map<String, List<String>> headers = new HashMap<>();
        long count = 0;
        long bytes = 0;
        for (Map.Entry<String, String> entry : request.headers()) {
            count++;
            bytes += entry.getKey().length() + entry.getValue().length() + 4; // name: value CRLF
            headers.computeIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                    .add(entry.getValue());
        }
        headerSizes[0] = count;
        headerSizes[1] = bytes;
        if (!headers.containsKey("host") && request.authority() != null) {
            // HTTP/2 (h2c) carries the host as :authority; SigV4 signs it as "host".
            headers.put("host", List.of(request.authority().toString()));
        }
        String query = request.query();
        return new WireRequest(request.method().name(), request.path(), query == null ? "" : query, headers, body);
    }

    private void write(HttpServerRequest request, WireResponse response) {
        if (response.streamed() != null) {
            StreamedResponses.send(vertx, request, response); // a blob payload, copied as the client takes it
            return;
        }
        HttpServerResponse out = request.response();
        if (out.ended() || out.closed()) {
            return;
        }
        out.setStatusCode(response.status());
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            out.putHeader(ResponseHeaderText.of(header.getKey()), ResponseHeaderText.of(header.getValue()));
        }
        out.end(Buffer.buffer(response.body()));
    }

    /** Answers with the error in the protocol's shape and closes the connection (HTTP/1.x) or ends the stream. */
    private void refuse(HttpServerRequest request, io.gatepass.core.error.ServiceException error) {
        WireResponse response = pipeline.reject(wireRequest(request, new byte[0]), error);
        if (request.version() != HttpVersion.HTTP_2) {
            HttpConnection connection = request.connection();
            request.response().putHeader("Connection", "close");
            request.response().endHandler(v -> connection.close());
        }
        write(request, response);
    }

    /** Answers 413 and reads and drops the rest of the body, so that the client sees the answer (RefusedBody). */
    private void refuseTooLarge(HttpServerRequest request, WireRequest head) {
        WireResponse response = pipeline.reject(head, tooLargeError());
        RefusedBody.drainThenClose(vertx, request);
        write(request, response);
    }
}
