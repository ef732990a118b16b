package io.gatepass.server.internal.endpoints.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatepass.server.testing.ActionFrames;
import io.gatepass.server.testing.ActionFrames.HandshakeRefused;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A game server's side of the websocket, as the official C++ server SDK 5 speaks it: the base URL with a '/'
 * appended and the query parameters in sorted order, JSON text frames with Action and RequestId, replies matched by
 * RequestId, pushes (no RequestId) queued, a reconnect with the same URL, and on RefreshConnection a new connection
 * to the given endpoint with the given token, after which the old one is closed.
 */
public final class SdkTestClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Vertx vertx;
    private final WebSocketClient client;
    private volatile Map<String, String> parameters;
    private volatile String baseUrl;
    private volatile WebSocket socket;
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    final BlockingQueue<JsonNode> pushes = new LinkedBlockingQueue<>();
    /** Close codes of connections the server closed (or -1 when closed without a code), in order. */
    final BlockingQueue<Integer> closes = new LinkedBlockingQueue<>();
    /** Held while a request waits for its reply and while a refresh moves to a new connection. */
    private final java.util.concurrent.locks.ReentrantLock exchange = new java.util.concurrent.locks.ReentrantLock();
    /** When true, RefreshConnection is followed as the SDK follows it. */
    volatile boolean followRefresh = true;

    private SdkTestClient(Vertx vertx, String baseUrl, Map<String, String> parameters) {
        this.vertx = vertx;
        // as the official C++ SDK: TLS 1.2 when the URL is wss://, and no certificate check
        this.client = vertx.createWebSocketClient(new io.vertx.core.http.WebSocketClientOptions()
                .setTrustAll(true).setVerifyHost(false)
                .setEnabledSecureTransportProtocols(java.util.Set.of("TLSv1.2")));
        this.baseUrl = baseUrl;
        this.parameters = new TreeMap<>(parameters);
    }

    /** The query parameters the SDK sends with a compute auth token. */
    public static Map<String, String> tokenParameters(String processId, String fleetId, String computeName,
                                                      String token) {
        Map<String, String> p = new TreeMap<>();
        p.put("pID", processId);
        p.put("sdkVersion", "5.4.0");
        p.put("sdkLanguage", "Cpp");
        p.put("ComputeId", computeName);
        p.put("FleetId", fleetId);
        p.put("IdempotencyToken", randomAlnum(32));
        if (token != null) {
            p.put("Authorization", token);
        }
        return p;
    }

    /** Connects, or fails with the HTTP status of a refused handshake (see {@link #handshakeStatus}). */
    public static SdkTestClient connect(Vertx vertx, String baseUrl, Map<String, String> parameters) {
        SdkTestClient client = new SdkTestClient(vertx, baseUrl, parameters);
        client.open();
        return client;
    }

    /** The HTTP status a handshake with these parameters gets: 101 when it is accepted (then closed at once). */
    static int handshakeStatus(Vertx vertx, String baseUrl, Map<String, String> parameters) {
        SdkTestClient client = new SdkTestClient(vertx, baseUrl, parameters);
        try {
            client.open();
            client.close();
            return 101;
        } catch (HandshakeRefused e) {
            return e.status;
        } finally {
            client.client.close();
        }
    }

    String url() {
        return url(baseUrl, parameters);
    }

    private static String url(String base, Map<String, String> parameters) {
        return base + "/?" + query(parameters);
    }

    /** The handshake's query string of these parameters, percent-encoded as the SDK sends them. */
    public static String query(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&")
                .append(encode(k)).append('=').append(encode(v)));
        return query.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Opens a connection with the current URL; the previous one, if any, is left as it is. */
    void open() {
        WebSocket opened = connectTo(url());
        socket = opened;
    }

    private WebSocket connectTo(String url) {
        try {
            WebSocket ws = client.connect(new WebSocketConnectOptions().setAbsoluteURI(url)
                            .addHeader("User-Agent", "WebSocket++/0.8.2"))
                    .toCompletionStage().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            ws.textMessageHandler(this::received);
            ws.closeHandler(v -> {
                if (ws == socket) {
                    Short code = ws.closeStatusCode();
                    closes.add(code == null ? -1 : (int) code);
                }
            });
            return ws;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof UpgradeRejectedException rejected) {
                throw new HandshakeRefused(rejected.getStatus());
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void received(String text) {
        JsonNode message = ActionFrames.parse(text);
        String requestId = message.path("RequestId").asText("");
        int status = message.path("StatusCode").asInt(-1);
        CompletableFuture<JsonNode> waiting = requestId.isEmpty() ? null : pending.remove(requestId);
        if (waiting != null) {
            waiting.complete(message);
            return;
        }
        if (requestId.isEmpty() || status == 200) {
            if (followRefresh && message.path("Action").asText().equals("RefreshConnection")) {
                refresh(message.path("RefreshConnectionEndpoint").asText(), message.path("AuthToken").asText());
            }
            pushes.add(message);
        }
    }

    /** As the SDK does on RefreshConnection: a new connection to the endpoint with the token, then the old closes. */
    private void refresh(String endpoint, String token) {
        vertx.executeBlocking(() -> {
            exchange.lock();
            try {
                if (token.equals(parameters.get("Authorization"))) {
                    return null;
                }
                Map<String, String> next = new TreeMap<>(parameters);
                next.put("Authorization", token);
                WebSocket old = socket;
                baseUrl = endpoint;
                parameters = next;
                socket = connectTo(url());
                old.close((short) 1001, "Websocket client closing");
            } finally {
                exchange.unlock();
            }
            return null;
        }, false);
    }

    /** Sends a request and waits for its reply. */
    public JsonNode request(String action, Map<String, ?> members) {
        String requestId = randomAlnum(32);
        String frame = ActionFrames.frame(action, requestId, members);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(requestId, reply);
        exchange.lock();
        try {
            socket.writeTextMessage(frame);
            JsonNode answer = reply.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (!answer.path("RequestId").asText().equals(requestId) || !answer.path("Action").asText()
                    .equals(action)) {
                throw new AssertionError("reply does not echo Action and RequestId: " + answer);
            }
            return answer;
        } catch (Exception e) {
            throw new IllegalStateException("no reply to " + action, e);
        } finally {
            exchange.unlock();
        }
    }

    public JsonNode request(String action) {
        return request(action, Map.of());
    }

    /** ProcessReady, and the heartbeat the SDK sends right after it. */
    public JsonNode processReady(int port) {
        JsonNode reply = request("ActivateServerProcess", Map.of("SdkVersion", "5.4.0", "SdkLanguage", "Cpp",
                "Port", port, "LogPaths", java.util.List.of("/local/game/logs")));
        request("HeartbeatServerProcess", Map.of("HealthStatus", true));
        return reply;
    }

    /** The next push with this Action, skipping others. */
    public JsonNode awaitPush(String action) {
        return ActionFrames.await(pushes, action, WAIT, "push");
    }

    /** The close code of the next connection the server closes. */
    public int awaitClose() {
        try {
            Integer code = closes.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (code == null) {
                throw new AssertionError("the server did not close the connection within " + WAIT);
            }
            return code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Drops the connection (as a network failure would, from the server's point of view). */
    void drop() {
        WebSocket current = socket;
        socket = null;
        current.close().toCompletionStage().toCompletableFuture().join();
    }

    Map<String, String> parameters() {
        return parameters;
    }

    static String randomAlnum(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
        }
        return out.toString();
    }

    @Override
    public void close() {
        WebSocket current = socket;
        if (current != null && !current.isClosed()) {
            current.close((short) 1001, "Websocket client closing").toCompletionStage().toCompletableFuture()
                    .join();
        }
        client.close();
    }
}
