package io.gatepass.server.internal.endpoints.sdk;

/** One websocket a process is connected over, as the registry sees it (no Vert.x). Thread-safe. */
public interface ProcessConnection {
    /** Sends a text frame; a closed connection drops it. */
    void send(String text);

    /** Closes the websocket with a close code (1000 normal: the SDK does not reconnect). */
    void close(short code, String reason);
}
