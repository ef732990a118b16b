package io.gatepass.server.internal.http;

import io.gatepass.server.config.Limits;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the connections of both listeners, in total and per client address, and closes those beyond the caps; a
 * few beyond them ({@link Limits#OPS_RESERVE}) are kept for {@code /health} and {@code /metrics} only, so that a
 * monitor still gets an answer while the server is full. Also closes a connection that has not sent a complete
 * request head within the header read timeout (slowloris), and, between requests, within the idle timeout; and gives
 * each connection its {@link IdleLimit}, which closes it once nothing was read or written for the idle timeout.
 * Before a connection reaches the guard (a plain connection's first request head, a TLS handshake), Vert.x's idle
 * timeout, set to the header read timeout, closes it if it sends nothing for that long.
 */
public final class ConnectionGuard implements Handler<HttpConnection> {
    private final Vertx vertx;
    private final Limits limits;
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger opsOnly = new AtomicInteger();
    private final Map<String, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final Map<HttpConnection, State> states = new ConcurrentHashMap<>();

    public ConnectionGuard(Vertx vertx, Limits limits) {
        this.vertx = vertx;
        this.limits = limits;
    }

    /**
     * A connection's deadline, kept lazily: starting and ending a request only moves {@link #deadline} (no timer set
     * or cancelled per request, which cost the event loop a timer-map update and a scheduled task each time); one
     * timer at a time waits, and when it fires early for a deadline that has since moved it waits again for the rest.
     */
    static final class State {
        final HttpConnection connection;
        final String client;
        final boolean opsOnly;
        long timer = -1;
        /** When the connection is closed, in {@link System#nanoTime} terms; {@link Long#MAX_VALUE} for no deadline. */
        long deadline = Long.MAX_VALUE;
        /** When the waiting timer fires, in the same terms (meaningful while {@link #timer} is set). */
        long timerDue;
        /**
         * The connection closed: no timer is armed for it any more (a response's end handler can still run after the
         * close, and would otherwise keep the connection for one more idle timeout).
         */
        boolean released;

        State(HttpConnection connection, String client, boolean opsOnly) {
            this.connection = connection;
            this.client = client;
            this.opsOnly = opsOnly;
        }

        /** Whether this connection is beyond a cap and may only ask the ops endpoints. */
        boolean opsOnly() {
            return opsOnly;
        }
    }

    @Override
    public void handle(HttpConnection connection) {
        String client = connection.remoteAddress() == null || connection.remoteAddress().hostAddress() == null
                ? "unknown" : connection.remoteAddress().hostAddress();
        int all = total.incrementAndGet();
        int mine = perClient.computeIfAbsent(client, c -> new AtomicInteger()).incrementAndGet();
        boolean over = all > limits.maxConnections() || mine > limits.maxConnectionsPerClient();
        boolean reserved = over && opsOnly.incrementAndGet() <= Limits.OPS_RESERVE;
        State state = new State(connection, client, over);
        states.put(connection, state);
        connection.closeHandler(v -> released(connection));
        if (over && !reserved) {
            connection.close();
            return;
        }
        if (connection instanceof ConnectionBase base) { // every HTTP/1.x and HTTP/2 connection (websockets too)
            limitIdleness(base.channel().pipeline());
        }
        arm(state, limits.headerReadTimeout().toMillis());
    }

    /**
     * Puts the connection's {@link IdleLimit} in place of Vert.x's idle timeout, which until now (the server's
     * {@code HttpServerOptions}: the header read timeout) closed the connection if it sent nothing: Vert.x hands over
     * a plain connection only once its first request head is complete, having waited to see whether it speaks h2c,
     * and a TLS one once its handshake is done.
     */
    private void limitIdleness(ChannelPipeline pipeline) {
        IdleLimit limit = new IdleLimit(limits.idleTimeout());
        if (pipeline.get(IdleStateHandler.class) != null) {
            pipeline.replace(IdleStateHandler.class, IdleLimit.NAME, limit);
        } else {
            pipeline.addFirst(IdleLimit.NAME, limit);
        }
    }

    /**
     * A complete request head arrived: the connection is not idle.
     *
     * @return the connection's state, for the rest of the request ({@link State#opsOnly}, {@link #awaitNextRequest}),
     *         so that it is looked up once per request; null for a connection this guard does not count (already
     *         released)
     */
    State requestStarted(HttpConnection connection) {
        State state = states.get(connection);
        if (state != null) {
            disarm(state);
        }
        return state;
    }

    /**
     * A response was written on an HTTP/1.x connection: the next request head must come within the idle timeout.
     *
     * @param state as {@link #requestStarted} returned it (not null)
     */
    void awaitNextRequest(State state) {
        arm(state, limits.idleTimeout().toMillis());
    }

    /**
     * A connection that became a websocket closed (Vert.x reports no close of the HTTP connection once it is
     * upgraded): its place under the caps is free again. Does nothing for a connection already released.
     */
    public void webSocketClosed(HttpConnection connection) {
        released(connection);
    }

    /** Open connections now (tests, metrics). */
    public int open() {
        return total.get();
    }

    private void arm(State state, long millis) {
        synchronized (state) {
            if (state.released) {
                return;
            }
            long now = System.nanoTime();
            state.deadline = now + TimeUnit.MILLISECONDS.toNanos(millis);
            if (state.timer >= 0 && state.timerDue - state.deadline > 0) {
                vertx.cancelTimer(state.timer); // the waiting timer would fire too late for the new deadline
                state.timer = -1;
            }
            if (state.timer < 0) {
                schedule(state, now);
            }
        }
    }

    private void disarm(State state) {
        synchronized (state) {
            state.deadline = Long.MAX_VALUE;
        }
    }

    /** Sets the timer for the state's deadline (called holding the state's lock, with no timer waiting). */
    private void schedule(State state, long now) {
        long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(state.deadline - now) + 1);
        state.timerDue = now + TimeUnit.MILLISECONDS.toNanos(millis);
        state.timer = vertx.setTimer(millis, id -> expired(state));
    }

    private void expired(State state) {
        synchronized (state) {
            state.timer = -1;
            if (state.deadline == Long.MAX_VALUE) {
                return; // a request is in progress; the next arm waits again
            }
            long now = System.nanoTime();
            if (now - state.deadline < 0) {
                schedule(state, now); // the deadline moved on since this timer was set
                return;
            }
        }
        state.connection.close();
    }

    private void cancel(State state) {
        synchronized (state) {
            state.deadline = Long.MAX_VALUE;
            if (state.timer >= 0) {
                vertx.cancelTimer(state.timer);
                state.timer = -1;
            }
        }
    }

    private void released(HttpConnection connection) {
        State state = states.remove(connection);
        if (state == null) {
            return;
        }
        synchronized (state) {
            state.released = true;
            cancel(state);
        }
        total.decrementAndGet();
        if (state.opsOnly) {
            opsOnly.decrementAndGet();
        }
        perClient.computeIfPresent(state.client, (c, count) -> count.decrementAndGet() <= 0 ? null : count);
    }
}
