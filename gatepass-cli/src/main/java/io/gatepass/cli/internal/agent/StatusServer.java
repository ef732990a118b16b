package io.gatepass.cli.internal.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A tiny HTTP endpoint for operators: {@code GET /status} (JSON; 200 while the agent holds a valid token, else 503)
 * and {@code GET /metrics} (Prometheus text format).
 */
public final class StatusServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer http;

    private StatusServer(HttpServer http) {
        this.http = http;
    }

    /** Listens on the address and port (0 picks a free one) on a daemon thread. */
    public static StatusServer start(String bind, int port, Supplier<ObjectNode> status, Supplier<Boolean> healthy,
                                     AgentMetrics metrics) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(bind, port), 16);
        http.createContext("/status", exchange -> {
            boolean ok = healthy.get();
            ObjectNode body = status.get().put("healthy", ok);
            respond(exchange, ok ? 200 : 503, "application/json", JSON.writeValueAsString(body) + "\n");
        });
        http.createContext("/metrics", exchange ->
                respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
        http.createContext("/", exchange -> respond(exchange, 404, "text/plain", "try /status or /metrics\n"));
        http.setExecutor(null);
        http.start();
        return new StatusServer(http);
    }

    public int port() {
        return http.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
