package io.gatepass.server.http;

import io.gatepass.core.error.CommonErrors;
import io.gatepass.server.ops.OpsEndpoints;
import io.gatepass.server.protocol.WireRequest;
import io.gatepass.server.protocol.WireResponse;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

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

    public HttpFrontDoor(Vertx vertx, ApiPipeline pipeline, OpsEndpoints ops, int maxBodyBytes) {
        this(vertx, pipeline, ops, maxBodyBytes, List.of(), null);
    }

    /**
     * @param webSockets websocket endpoints, asked in order before anything else
     * @param packages   the package endpoints ({@code /codeartifact/...}), or null for none
     */
    public HttpFrontDoor(Vertx vertx, ApiPipeline pipeline, OpsEndpoints ops, int maxBodyBytes,
                         List<WebSocketRoute> webSockets, PackageFrontDoor packages) {
        this.vertx = vertx;
        this.pipeline = pipeline;
        this.ops = ops;
        this.maxBodyBytes = maxBodyBytes;
        this.webSockets = List.copyOf(webSockets);
        this.packages = packages;
    }

    @Override
    public void handle(HttpServerRequest request) {
        try {
            route(request);
        } catch (RuntimeException | LinkageError e) {
            LOG.error("request could not be handled", e);
            if (!request.response().ended()) {
                request.response().setStatusCode(500).end();
            }
        }
    }

    private void route(HttpServerRequest request) {
        for (WebSocketRoute webSocket : webSockets) {
            if (webSocket.handles(request)) {
                webSocket.handle(request);
                return;
            }
        }
        if (packages != null && packages.handles(request.path())) {
            packages.handle(request); // streams its own bodies, before the bounded-body API path
            return;
        }
        WireRequest head = wireRequest(request, new byte[0]);
        if (request.method().name().equals("GET") && ops.handles(head.rawPath())) {
            vertx.executeBlocking(() -> ops.handle(head.rawPath()), false)
                    .onComplete(done -> write(request, done.succeeded() ? done.result()
                            : WireResponse.of(500, "text/plain", new byte[0])));
            return;
        }
        String declared = request.getHeader("content-length");
        if (declared != null && tooLarge(declared)) {
            request.pause();
            writeAndClose(request, pipeline.reject(head, tooLargeError()));
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] rejected = {false};
        request.handler(chunk -> {
            if (rejected[0]) {
                return;
            }
            if (body.length() + chunk.length() > maxBodyBytes) {
                rejected[0] = true;
                writeAndClose(request, pipeline.reject(head, tooLargeError()));
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(end -> {
            if (rejected[0]) {
                return;
            }
            WireRequest full = head.withBody(body.getBytes());
            WireResponse answered = pipeline.handleWithoutBlocking(full); // cheap and cached: no worker hop
            if (answered != null) {
                write(request, answered);
                return;
            }
            vertx.executeBlocking(() -> pipeline.handle(full), false)
                    .onComplete(done -> write(request, done.succeeded() ? done.result()
                            : pipeline.reject(full, CommonErrors.INTERNAL_FAILURE.exception("Internal failure"))));
        });
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
        Map<String, List<String>> headers = new HashMap<>();
        request.headers().forEach(entry -> headers
                .computeIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                .add(entry.getValue()));
        if (!headers.containsKey("host") && request.authority() != null) {
            // HTTP/2 (h2c) carries the host as :authority; SigV4 signs it as "host".
            headers.put("host", List.of(request.authority().toString()));
        }
        String query = request.query();
        return new WireRequest(request.method().name(), request.path(), query == null ? "" : query, headers, body);
    }

    private static void write(HttpServerRequest request, WireResponse response) {
        HttpServerResponse out = request.response();
        if (out.ended() || out.closed()) {
            return;
        }
        out.setStatusCode(response.status());
        response.headers().forEach(out::putHeader);
        out.end(Buffer.buffer(response.body()));
    }

    private static void writeAndClose(HttpServerRequest request, WireResponse response) {
        request.response().putHeader("Connection", "close");
        write(request, response);
        request.response().endHandler(v -> request.connection().close());
    }
}
