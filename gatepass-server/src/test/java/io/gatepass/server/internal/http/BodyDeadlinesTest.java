package io.gatepass.server.internal.http;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies that do not end within the timeout expire, each at or after its own deadline, on its own context; bodies that
 * ended never do, wherever they stood in their event loop's list.
 */
class BodyDeadlinesTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    /** A body that records when it expired and on which context. */
    private static class Recorded extends BodyDeadlines.Body {
        final int index;
        final long started = System.nanoTime();
        final Context context = Vertx.currentContext();
        final ConcurrentLinkedQueue<Recorded> expiries;
        volatile long expiredAt;
        volatile Context expiredOn;

        Recorded(int index, ConcurrentLinkedQueue<Recorded> expiries) {
            this.index = index;
            this.expiries = expiries;
        }

        @Override
        public String toString() {
            return "body " + index;
        }

        @Override
        void expired() {
            expiredAt = System.nanoTime();
            expiredOn = Vertx.currentContext();
            expiries.add(this);
        }
    }

    @Test
    void bodies_thatDoNotEnd_expireAtTheirDeadline_andThoseThatEndedNever() throws Exception {
        BodyDeadlines deadlines = new BodyDeadlines(vertx, TIMEOUT);
        ConcurrentLinkedQueue<Recorded> expiries = new ConcurrentLinkedQueue<>();
        Random random = new Random(12);
        List<Recorded> stalled = new ArrayList<>();
        Context context = vertx.getOrCreateContext();
        CompletableFuture<Void> started = new CompletableFuture<>();
        context.runOnContext(v -> {
            List<Recorded> open = new ArrayList<>();
            List<Recorded> ended = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Recorded body = new Recorded(i, expiries);
                deadlines.started(body);
                open.add(body);
                if (random.nextInt(4) == 0) { // bodies end in any order (first, last, between), some never
                    Recorded done = open.remove(random.nextInt(open.size()));
                    deadlines.ended(done);
                    ended.add(done);
                }
            }
            for (Recorded body : open) {
                if (random.nextBoolean()) {
                    deadlines.ended(body);
                    ended.add(body);
                } else {
                    stalled.add(body);
                }
            }
            deadlines.ended(ended.get(0)); // a second end does nothing
            started.complete(null);
        });
        started.get(10, TimeUnit.SECONDS);
        long patience = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (expiries.size() < stalled.size() && System.nanoTime() < patience) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // spares the loaded machine, no more
        }
        assertThat(stalled).isNotEmpty();
        assertThat(expiries).containsExactlyInAnyOrderElementsOf(stalled);
        for (Recorded body : expiries) {
            assertThat(body.expiredAt - body.started).as("body %d", body.index)
                    .isGreaterThanOrEqualTo(TIMEOUT.toNanos());
            assertThat(body.expiredOn).as("body %d", body.index).isSameAs(body.context);
        }
    }

    @Test
    void body_thatStartsAfterTheListEmptied_stillExpires() throws Exception {
        BodyDeadlines deadlines = new BodyDeadlines(vertx, TIMEOUT);
        ConcurrentLinkedQueue<Recorded> expiries = new ConcurrentLinkedQueue<>();
        CountDownLatch expired = new CountDownLatch(1);
        Context context = vertx.getOrCreateContext();
        context.runOnContext(v -> {
            Recorded ended = new Recorded(0, expiries);
            deadlines.started(ended);
            deadlines.ended(ended); // the loop's timer is set for this one's deadline and finds none
            vertx.setTimer(TIMEOUT.toMillis() + 50, id -> { // after that timer: the list is empty, no timer waits
                deadlines.started(new Recorded(1, expiries) {
                    @Override
                    void expired() {
                        super.expired();
                        expired.countDown();
                    }
                });
            });
        });
        assertThat(expired.await(15, TimeUnit.SECONDS)).isTrue();
        assertThat(expiries).extracting(body -> body.index).containsExactly(1);
    }

    @Test
    void body_readOffAnEventLoop_getsATimerOfItsOwn() throws Exception {
        BodyDeadlines deadlines = new BodyDeadlines(vertx, TIMEOUT);
        ConcurrentLinkedQueue<Recorded> expiries = new ConcurrentLinkedQueue<>();
        Recorded stalled = new Recorded(0, expiries);
        Recorded ended = new Recorded(1, expiries);
        deadlines.started(stalled); // the test's thread: no Vert.x context
        deadlines.started(ended);
        deadlines.ended(ended);
        long patience = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (expiries.isEmpty() && System.nanoTime() < patience) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // spares the loaded machine, no more
        }
        assertThat(expiries).containsExactly(stalled);
        assertThat(stalled.expiredAt - stalled.started).isGreaterThanOrEqualTo(TIMEOUT.toNanos());
    }

    /**
     * Under steady load the timer mostly finds the list empty (bodies end in the read they start in). It then waits one
     * more timeout if bodies started meanwhile, so the next body sets no timer (a branch the JIT would otherwise compile
     * as a trap in the request path), and that body still expires at its deadline.
     */
    @Test
    void timerThatFindsTheListEmpty_onABusyLoop_waitsAgain_soTheNextBodySetsNoTimer_andStillExpires() throws Exception {
        AtomicInteger timersSet = new AtomicInteger();
        CompletableFuture<Integer> timersAfterFirstFiring = new CompletableFuture<>();
        CompletableFuture<Integer> timersAfterLateBody = new CompletableFuture<>();
        ConcurrentLinkedQueue<Recorded> expiries = new ConcurrentLinkedQueue<>();
        CountDownLatch expired = new CountDownLatch(1);
        BodyDeadlines[] deadlines = new BodyDeadlines[1];
        Vertx counting = countingTimers(timersSet, () -> {
            if (!timersAfterFirstFiring.isDone()) { // the first timer just ran and found the list empty
                timersAfterFirstFiring.complete(timersSet.get());
                deadlines[0].started(new Recorded(2, expiries) { // stalls
                    @Override
                    void expired() {
                        super.expired();
                        expired.countDown();
                    }
                });
                timersAfterLateBody.complete(timersSet.get());
            }
        });
        deadlines[0] = new BodyDeadlines(counting, TIMEOUT);
        Context context = vertx.getOrCreateContext();
        context.runOnContext(v -> {
            for (int i = 0; i < 2; i++) { // two requests whose bodies end at once: the second starts after the timer
                Recorded body = new Recorded(i, expiries);
                deadlines[0].started(body);
                deadlines[0].ended(body);
            }
        });
        assertThat(timersAfterFirstFiring.get(15, TimeUnit.SECONDS)).isEqualTo(2); // the first, and one more wait
        assertThat(timersAfterLateBody.get(15, TimeUnit.SECONDS)).isEqualTo(2); // the late body set none
        assertThat(expired.await(15, TimeUnit.SECONDS)).isTrue();
        Recorded late = expiries.peek();
        assertThat(expiries).extracting(body -> body.index).containsExactly(2);
        assertThat(late.expiredAt - late.started).isGreaterThanOrEqualTo(TIMEOUT.toNanos());
    }

    /** This test's Vert.x, counting the timers set and running {@code afterEachTimer} after each timer's handler. */
    @SuppressWarnings("unchecked")
    private Vertx countingTimers(AtomicInteger timersSet, Runnable afterEachTimer) {
        return (Vertx) Proxy.newProxyInstance(Vertx.class.getClassLoader(), new Class<?>[]{Vertx.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setTimer") && args.length == 2 && args[1] instanceof Handler<?>) {
                        timersSet.incrementAndGet();
                        Handler<Long> handler = (Handler<Long>) args[1];
                        return vertx.setTimer((Long) args[0], id -> {
                            handler.handle(id);
                            afterEachTimer.run();
                        });
                    }
                    try {
                        return method.invoke(vertx, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
