package io.gatepass.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The frames of GameLift's two websockets (the agent's and the server SDK's) as a test client handles them: one JSON
 * text frame per message, with Action and RequestId; messages not awaited as replies are queued and awaited by
 * their Action.
 */
public final class ActionFrames {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ActionFrames() {
    }

    /** The text of a frame: Action, RequestId, then {@code members}. */
    public static String frame(String action, String requestId, Map<String, ?> members) {
        ObjectNode frame = JSON.createObjectNode();
        frame.put("Action", action);
        frame.put("RequestId", requestId);
        members.forEach((k, v) -> frame.set(k, JSON.valueToTree(v)));
        return frame.toString();
    }

    /** A frame the server sent, which must be JSON. */
    public static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("server sent a frame that is not JSON: " + text);
        }
    }

    /**
     * The next message in {@code queue} with this Action, skipping others, within {@code wait}; {@code kind} names
     * such a message in the failure ("no SendHeartbeat message within ...").
     */
    public static JsonNode await(BlockingQueue<JsonNode> queue, String action, Duration wait, String kind) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode message = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (message != null && message.path("Action").asText().equals(action)) {
                    return message;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no " + action + " " + kind + " within " + wait);
    }

    /** A websocket handshake the server refused, with its HTTP status. */
    public static final class HandshakeRefused extends RuntimeException {
        public final int status;

        public HandshakeRefused(int status) {
            super("handshake refused with HTTP " + status);
            this.status = status;
        }
    }
}
