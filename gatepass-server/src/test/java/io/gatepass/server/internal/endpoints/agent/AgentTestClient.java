package io.gatepass.server.internal.endpoints.agent;

import com.fasterxml.jackson.databind.JsonNode;

import io.gatepass.server.testing.ActionFrames;
import io.gatepass.server.testing.ActionFrames.HandshakeRefused;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The agent's side of {@code GameLiftAgentEndpoint}, as the Amazon GameLift Agent 1.0.3 speaks it: java.net.http's
 * websocket with no extra headers, the endpoint with {@code ?FleetId=..&ComputeName=..&Authorization=<token>}, one
 * JSON text frame per message with Action and a UUID RequestId; a reply whose RequestId is awaited completes that
 * request, anything else (pushes, and the replies to SendHeartbeat, which the agent does not wait for) is handled by
 * its Action, here: queued.
 */
public final class AgentTestClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(15);

    private final WebSocket socket;
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    /** Messages not awaited as replies, in arrival order. */
    final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private AgentTestClient(WebSocket.Builder builder, URI uri) {
        try {
            this.socket = builder.buildAsync(uri, new Listener()).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new HandshakeRefused(refused.getResponse().statusCode());
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Connects as the agent does; {@code ssl} trusts the server's certificate for wss:// (null: the JDK's). */
    public static AgentTestClient connect(String endpoint, String fleetId, String computeName, String token,
                                          SSLContext ssl) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(60));
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        HttpClient http = builder.build();
        return new AgentTestClient(http.newWebSocketBuilder(), URI.create(endpoint + "?FleetId="
                + encode(fleetId) + "&ComputeName=" + encode(computeName) + "&Authorization=" + encode(token)));
    }

    /** The HTTP status a handshake gets: 101 when accepted (then closed at once). */
    public static int handshakeStatus(String endpoint, String fleetId, String computeName, String token,
                                      SSLContext ssl) {
        try (AgentTestClient client = connect(endpoint, fleetId, computeName, token, ssl)) {
            return 101;
        } catch (HandshakeRefused e) {
            return e.status;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                received(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }

    private void received(String text) {
        JsonNode message = ActionFrames.parse(text);
        JsonNode requestId = message.get("RequestId");
        CompletableFuture<JsonNode> waiting = requestId == null ? null : pending.remove(requestId.asText());
        if (waiting != null) {
            waiting.complete(message);
        } else {
            messages.add(message);
        }
    }

    private void send(String action, String requestId, Map<String, ?> members) {
        socket.sendText(ActionFrames.frame(action, requestId, members), true).join();
    }

    /** Sends a request and waits for the reply with its RequestId. */
    public JsonNode request(String action, Map<String, ?> members) {
        String requestId = UUID.randomUUID().toString();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(requestId, reply);
        send(action, requestId, members);
        try {
            return reply.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("no reply to " + action, e);
        } finally {
            pending.remove(requestId);
        }
    }

    /**
     * SendHeartbeat as the agent sends it, without awaiting a reply; then the next SendHeartbeat message, which the
     * agent handles by its Action.
     */
    public JsonNode heartbeat(String status, List<String> processList) {
        send("SendHeartbeat", UUID.randomUUID().toString(), Map.of("Status", status, "ProcessList", processList,
                "HeartbeatTimeMillis", System.currentTimeMillis()));
        return awaitMessage("SendHeartbeat");
    }

    /** The next message with this Action that was not a reply awaited by RequestId, skipping others. */
    public JsonNode awaitMessage(String action) {
        return ActionFrames.await(messages, action, WAIT, "message");
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        }
    }
}
