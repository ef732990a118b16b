package io.gatepass.server.config;

import java.time.Duration;

/**
 * What one client may ask of the server: how long a connection may sit idle or take to send a request, how many
 * connections there may be, and how large and deep a request may be. Each limit is refused with a clear error in the
 * protocol's shape (the body size limit is {@link ServerConfig#maxBodyBytes()}).
 *
 * @param idleTimeout             a connection with no bytes read or written for this long is closed, within 1.25
 *                                times it (websockets included: longer than the SDK websocket's heartbeat
 *                                timeout, 3 minutes)
 * @param headerReadTimeout       a new connection that sends nothing this long before its first request head is
 *                                complete is closed (a TLS one must complete its head within it); the next
 *                                request's head must be complete within the idle timeout
 * @param bodyReadTimeout         an API request must have sent its whole body within this (package uploads, which
 *                                may be gigabytes, only have the idle timeout); answered with 408 RequestTimeout
 * @param maxConnections          open connections across both listeners; more are closed at once, except that a
 *                                few beyond it ({@link #OPS_RESERVE}) may still ask {@code /health} and {@code /metrics}
 * @param maxConnectionsPerClient open connections from one client address
 * @param maxHeaderCount          header lines in one request (431)
 * @param maxHeaderBytes          total size of a request's headers (431)
 * @param maxQueryBytes           length of the raw query string (414)
 * @param maxNestingDepth         depth of objects and lists in a JSON or CBOR body (SerializationException)
 * @param maxListLength           members of any one list in a request (validation error)
 */
public record Limits(Duration idleTimeout, Duration headerReadTimeout, Duration bodyReadTimeout, int maxConnections,
                     int maxConnectionsPerClient, int maxHeaderCount, int maxHeaderBytes, int maxQueryBytes,
                     int maxNestingDepth, int maxListLength) {

    /** Connections beyond {@code maxConnections} still accepted for the ops endpoints only. */
    public static final int OPS_RESERVE = 16;

    public static final Limits DEFAULTS = new Limits(Duration.ofMinutes(5), Duration.ofSeconds(10),
            Duration.ofSeconds(60), 10_000, 1_000, 100, 16 * 1024, 16 * 1024, 32, 1_000);

    public Limits {
        requirePositive("idle timeout", idleTimeout);
        requirePositive("header read timeout", headerReadTimeout);
        requirePositive("body read timeout", bodyReadTimeout);
        requirePositive("max connections", maxConnections);
        requirePositive("max connections per client", maxConnectionsPerClient);
        requirePositive("max header count", maxHeaderCount);
        requirePositive("max header bytes", maxHeaderBytes);
        requirePositive("max query bytes", maxQueryBytes);
        requirePositive("max nesting depth", maxNestingDepth);
        requirePositive("max list length", maxListLength);
    }

    public Limits withIdleTimeout(Duration value) {
        return new Limits(value, headerReadTimeout, bodyReadTimeout, maxConnections, maxConnectionsPerClient,
                maxHeaderCount, maxHeaderBytes, maxQueryBytes, maxNestingDepth, maxListLength);
    }

    public Limits withHeaderReadTimeout(Duration value) {
        return new Limits(idleTimeout, value, bodyReadTimeout, maxConnections, maxConnectionsPerClient,
                maxHeaderCount, maxHeaderBytes, maxQueryBytes, maxNestingDepth, maxListLength);
    }

    public Limits withBodyReadTimeout(Duration value) {
        return new Limits(idleTimeout, headerReadTimeout, value, maxConnections, maxConnectionsPerClient,
                maxHeaderCount, maxHeaderBytes, maxQueryBytes, maxNestingDepth, maxListLength);
    }

    public Limits withConnections(int total, int perClient) {
        return new Limits(idleTimeout, headerReadTimeout, bodyReadTimeout, total, perClient,
                maxHeaderCount, maxHeaderBytes, maxQueryBytes, maxNestingDepth, maxListLength);
    }

    public Limits withRequestShape(int headerCount, int headerBytes, int queryBytes, int nestingDepth,
                                   int listLength) {
        return new Limits(idleTimeout, headerReadTimeout, bodyReadTimeout, maxConnections, maxConnectionsPerClient,
                headerCount, headerBytes, queryBytes, nestingDepth, listLength);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("The " + name + " must be a positive duration, got " + value);
        }
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("The " + name + " must be positive, got " + value);
        }
    }
}
