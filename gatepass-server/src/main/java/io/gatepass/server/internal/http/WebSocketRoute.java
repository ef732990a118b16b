package io.gatepass.server.internal.http;

import io.vertx.core.http.HttpServerRequest;

/**
 * A websocket endpoint the front door hands upgrade requests to, before any body handling: it authenticates the
 * request and either upgrades it or answers with an HTTP status.
 */
public interface WebSocketRoute {
    /** True if this route serves the request's path (and the request asks for a websocket upgrade). */
    boolean handles(HttpServerRequest request);

    /**
     * Takes over the request: upgrades it, or writes a refusal.
     *
     * @param closed to run when the websocket closes, if the request became one: Vert.x hands an upgraded connection
     *               to the websocket and no longer reports the HTTP connection's close, so this is what releases the
     *               connection's place under the connection caps (running it again, or for a refused request, does
     *               nothing)
     */
    void handle(HttpServerRequest request, Runnable closed);
}
