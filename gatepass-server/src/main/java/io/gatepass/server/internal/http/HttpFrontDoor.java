package io.gatepass.server.internal.http;

import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.server.config.Limits;
import io.gatepass.server.internal.ops.OpsEndpoints;
import io.gatepass.server.internal.protocol.WireRequest;
import io.gatepass.server.internal.protocol.WireResponse;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.internal.buffer.BufferInternal;

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
    /** The body read timeout of the API requests. */
    private final BodyDeadlines bodyDeadlines;
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
        this.bodyDeadlines = new BodyDeadlines(vertx, limits.bodyReadTimeout());
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
        ConnectionGuard.State counted = guard == null ? null : guard.requestStarted(connection);
        long[] headerSizes = new long[2];
        WireRequest head = wireRequest(request, new byte[0], headerSizes); // the headers are read once, here
        io.gatepass.core.error.ServiceException shape =
                RequestShape.check(request.query(), headerSizes[0], headerSizes[1], limits);
        if (shape != null) {
            refuse(request, shape);
            return;
        }
        boolean opsRequest = request.method().name().equals("GET") && ops.handles(request.path());
        if (counted != null && counted.opsOnly() && !opsRequest) {
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
        if (counted != null && request.version() != HttpVersion.HTTP_2) {
            request.response().endHandler(end -> guard.awaitNextRequest(counted));
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
        // An HTTP/1.x request that declares no body has none: its end arrives with its headers, so there is nothing
        // to time. HTTP/2 ends a stream with a frame of its own, which a client may hold back, so it is always timed.
        boolean bodyless = request.version() != HttpVersion.HTTP_2 && request.getHeader("transfer-encoding") == null
                && (declared == null || declared.trim().equals("0"));
        BodyRead body = new BodyRead(request, head);
        if (!bodyless) {
            bodyDeadlines.started(body);
        }
        request.handler(body);
        request.endHandler(end -> body.ended());
    }

    /**
     * One API request's body: bounded by {@code maxBodyBytes} and the body read timeout, then handed to the pipeline.
     * The common body, one chunk (it came with the head, or in one read), is used as Vert.x delivered it.
     */
    private final class BodyRead extends BodyDeadlines.Body implements Handler<Buffer> {
        private final HttpServerRequest request;
        private final WireRequest head;
        /** The body's only chunk so far, or null. */
        private Buffer first;
        /** All chunks once there is more than one, or null. */
        private Buffer joined;
        private int length;
        /** Refused (too large, too slow) or ended: later chunks and a late deadline do nothing. */
        private boolean done;

        BodyRead(HttpServerRequest request, WireRequest head) {
            this.request = request;
            this.head = head;
        }

        @Override
        public void handle(Buffer chunk) {
            if (done) {
                return;
            }
            if ((long) length + chunk.length() > maxBodyBytes) {
                done = true;
                bodyDeadlines.ended(this);
                refuseTooLarge(request, head);
                return;
            }
            length += chunk.length();
            if (first == null && joined == null) {
                first = chunk;
            } else {
                if (joined == null) {
                    joined = Buffer.buffer(length).appendBuffer(first);
                    first = null;
                }
                joined.appendBuffer(chunk);
            }
        }

        @Override
        void expired() {
            if (!done) {
                done = true;
                refuse(request, HttpErrors.REQUEST_TIMEOUT.exception(
                        "The request body did not arrive within %d seconds.", limits.bodyReadTimeout().toSeconds()));
            }
        }

        void ended() {
            bodyDeadlines.ended(this);
            if (done) {
                return;
            }
            done = true;
            WireRequest full = head.withBody(
                    joined != null ? joined.getBytes() : first != null ? bytes(first) : new byte[0]);
            String source = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
            WireResponse answered = pipeline.handleWithoutBlocking(full, source); // cheap and cached: no worker hop
            if (answered != null) {
                write(request, answered);
                return;
            }
            vertx.executeBlocking(() -> pipeline.handle(full, source), false)
                    .onComplete(result -> write(request, result.succeeded() ? result.result()
                            : pipeline.reject(full, CommonErrors.INTERNAL_FAILURE.exception("Internal failure"))));
        }
    }

    /**
     * A chunk's bytes. A chunk Vert.x read from the network is its own copy (an unpooled heap buffer the size of the
     * chunk, that nothing else holds), so when its array is exactly the chunk it is used as it is rather than copied.
     */
    private static byte[] bytes(Buffer chunk) {
        if (chunk instanceof BufferInternal internal) {
            ByteBuf buf = internal.unwrap();
            if (buf.hasArray() && buf.arrayOffset() == 0 && buf.readerIndex() == 0
                    && buf.writerIndex() == buf.array().length) {
                return buf.array();
            }
        }
        return chunk.getBytes();
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
        // the body wrapped, not copied into a buffer of Vert.x's: the answer's bytes are only read from here on
        out.end(BufferInternal.buffer(Unpooled.wrappedBuffer(response.body())));
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
