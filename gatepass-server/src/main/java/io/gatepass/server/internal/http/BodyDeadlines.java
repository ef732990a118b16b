package io.gatepass.server.internal.http;

import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.TimeUnit;

/**
 * The body read timeout of the API requests, without a timer for each request. Setting and cancelling a Vert.x timer
 * per request cost the event loop a timer-map update and a scheduled task each time (about 3% of its time on signed
 * POSTs). Here each event loop keeps the bodies it is reading in a list in the order they started; as every body has
 * the same timeout, that is also the order of their deadlines, so adding a body (at the tail) and removing one that
 * ended (wherever it is) are a few field writes. One timer per event loop waits for the oldest body's deadline, and is
 * only there while a body is being read: a body that ends before the timer fires leaves it to find a later deadline
 * (or none) and wait again, so under load the loop sets about one timer per timeout rather than one per request. A
 * body is refused at its deadline, to the timer's precision (a millisecond), as with a timer of its own.
 *
 * <p>A timer that finds the list empty waits one more timeout if bodies started since it was set, and only stops on a
 * loop that started none. So under steady load adding a body never sets a timer: had the timer stopped whenever it
 * found the list empty (usual under load, where a body mostly ends in the read it started in), the next request would
 * take that branch about once a timeout, and the JIT, which compiles the request path without a branch it has never
 * seen taken, would throw away and recompile the front door's whole compiled route for it (docs/benchmarks.md, eighth
 * pass).
 *
 * <p>A list belongs to one event loop and is only touched on it: a request's handlers all run on its connection's
 * event loop. A request handled elsewhere (a worker context, which the front door's listeners do not use) gets a
 * timer of its own, as before.
 */
final class BodyDeadlines {
    private final Vertx vertx;
    private final long timeoutNanos;
    private final FastThreadLocal<Loop> loops = new FastThreadLocal<>() {
        @Override
        protected Loop initialValue() {
            return new Loop();
        }
    };

    BodyDeadlines(Vertx vertx, java.time.Duration timeout) {
        this.vertx = vertx;
        this.timeoutNanos = timeout.toNanos();
    }

    /** A body being read: its deadline and its place in its event loop's list. */
    abstract static class Body {
        private Loop loop;
        private Body previous;
        private Body next;
        private long deadline;
        private Context context;
        /** The timer of a body read off an event loop, or -1. */
        private long ownTimer = -1;

        /** The deadline passed before {@link #ended}: refuse the request (run on the request's context). */
        abstract void expired();
    }

    /** Starts the clock for {@code body}; call on the request's context, then {@link #ended} exactly once or never. */
    void started(Body body) {
        Context context = Vertx.currentContext();
        body.context = context;
        if (context == null || !context.isEventLoopContext()) {
            body.ownTimer = vertx.setTimer(TimeUnit.NANOSECONDS.toMillis(timeoutNanos), id -> body.expired());
            return;
        }
        loops.get().add(body, System.nanoTime() + timeoutNanos);
    }

    /** The body ended (or was refused): its clock stops. Does nothing for a body already expired or ended. */
    void ended(Body body) {
        if (body.ownTimer >= 0) {
            vertx.cancelTimer(body.ownTimer);
            body.ownTimer = -1;
        } else if (body.loop != null) {
            body.loop.remove(body);
        }
    }

    /** The bodies one event loop is reading, oldest (first to expire) first. */
    private final class Loop {
        private Body head;
        private Body tail;
        /** Whether the timer waits (it then fires at or before the head's deadline). */
        private boolean timerSet;
        /** Bodies started on this loop since its timer was last set. */
        private long startedSinceTimer;

        void add(Body body, long deadline) {
            startedSinceTimer++;
            body.loop = this;
            body.deadline = deadline;
            body.previous = tail;
            if (tail == null) {
                head = body;
            } else {
                tail.next = body;
            }
            tail = body;
            if (!timerSet) {
                waitFor(deadline - System.nanoTime());
            }
        }

        void remove(Body body) {
            if (body.previous == null) {
                head = body.next;
            } else {
                body.previous.next = body.next;
            }
            if (body.next == null) {
                tail = body.previous;
            } else {
                body.next.previous = body.previous;
            }
            body.loop = null;
            body.previous = null;
            body.next = null;
        }

        private void waitFor(long nanos) {
            timerSet = true;
            startedSinceTimer = 0;
            vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos) + 1), id -> fired());
        }

        private void fired() {
            timerSet = false;
            long now = System.nanoTime();
            while (head != null && head.deadline - now <= 0) {
                Body expired = head;
                remove(expired);
                expired.context.runOnContext(v -> expired.expired());
            }
            if (head != null) {
                waitFor(head.deadline - now);
            } else if (startedSinceTimer > 0) {
                waitFor(timeoutNanos); // busy: a body that starts before then is due no sooner
            }
        }
    }
}
