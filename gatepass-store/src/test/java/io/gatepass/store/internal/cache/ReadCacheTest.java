package io.gatepass.store.internal.cache;

import io.gatepass.store.NonBlockingScope;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The read cache under load: a hot row is read again before it expires and a missed row is read once, without ever
 * serving a value older than the time-to-live or one read before a write on this node. The background reads and
 * the timed refreshes are queued here and run when the test says, on the test's clock.
 */
class ReadCacheTest {
    private static final long TTL = 1_000_000_000L;
    private final AtomicLong nanos = new AtomicLong(42);
    private final Queue<Runnable> background = new ArrayDeque<>();
    /** Timed refreshes: when each is due (on {@link #nanos}) and what it runs. */
    private final List<Map.Entry<Long, Runnable>> timed = new ArrayList<>();
    private final ReadCache cache = new ReadCache(TTL, 100, nanos::get, new ReadCache.Refresher() {
        @Override
        public void execute(Runnable read) {
            background.add(read);
        }

        @Override
        public void schedule(Runnable task, long delayNanos) {
            timed.add(Map.entry(nanos.get() + delayNanos, task));
        }
    });
    private final AtomicInteger reads = new AtomicInteger();
    private volatile String row = "v1";

    /** A store read: refused inside a non-blocking scope, as the database store does. */
    private final Supplier<Optional<String>> store = () -> {
        NonBlockingScope.checkMayBlock();
        reads.incrementAndGet();
        return Optional.of(row);
    };

    private Optional<String> onEventLoop() {
        return NonBlockingScope.run(() -> cache.get("key", store));
    }

    /** Runs the timed refreshes due by now (in the order they were set), as the refresher's timer would. */
    private void runTimedRefreshesDue() {
        List<Map.Entry<Long, Runnable>> due = timed.stream().filter(t -> t.getKey() - nanos.get() <= 0).toList();
        timed.removeAll(due);
        due.forEach(t -> t.getValue().run());
    }

    @Test
    void aRowAskedForEarlierInItsLife_isReadAgainWhenItsLastQuarterBegins_soAPauseInTheRequestsDoesNotExpireIt() {
        assertThat(cache.get("key", store)).contains("v1"); // a worker's read
        nanos.addAndGet(TTL / 10);
        assertThat(onEventLoop()).contains("v1"); // asked for; then no request for most of the row's life
        nanos.addAndGet(TTL * 3 / 4 - TTL / 10 - 1);
        runTimedRefreshesDue();
        assertThat(background).isEmpty(); // not yet

        nanos.addAndGet(1);
        row = "v2";
        runTimedRefreshesDue();
        assertThat(background).hasSize(1);
        background.remove().run();
        long refreshedAt = nanos.get();

        nanos.addAndGet(TTL / 4 + TTL / 10); // past the first read's life, the pause still on
        assertThat(onEventLoop()).contains("v2"); // found on the event loop, not stopped at a miss
        assertThat(reads).hasValue(2);
        nanos.set(refreshedAt + TTL); // and the refreshed value lives no longer than the TTL from its read
        assertThatThrownBy(this::onEventLoop).isInstanceOf(NonBlockingScope.WouldBlock.class);
    }

    @Test
    void aRowNotAskedForSinceItWasRead_isNotReadAgain_andExpires() {
        cache.get("key", store);
        nanos.addAndGet(TTL * 3 / 4);
        runTimedRefreshesDue();
        assertThat(background).isEmpty();

        nanos.addAndGet(TTL / 4);
        assertThatThrownBy(this::onEventLoop).isInstanceOf(NonBlockingScope.WouldBlock.class);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aTimedRefresh_ofARowForgottenByAWrite_readsNothing() {
        cache.get("key", store);
        onEventLoop();
        cache.invalidateAll(); // a write on this node
        nanos.addAndGet(TTL * 3 / 4);
        runTimedRefreshesDue();

        assertThat(background).isEmpty();
        assertThat(reads).hasValue(1);
    }

    @Test
    void aRowKeptInUse_isReadOncePerLife_byItsTimedRefresh() {
        cache.get("key", store);
        for (int step = 0; step < 40; step++) { // 4 lives, asked for every tenth of one
            nanos.addAndGet(TTL / 10);
            runTimedRefreshesDue();
            while (!background.isEmpty()) {
                background.remove().run();
            }
            assertThat(onEventLoop()).contains("v1");
        }
        assertThat(reads).hasValueBetween(5, 6);
    }

    @Test
    void aRowAskedForInTheLastQuarterOfItsLife_isReadAgainInTheBackground_andTheEventLoopKeepsFindingIt() {
        assertThat(cache.get("key", store)).contains("v1");
        nanos.addAndGet(TTL * 3 / 4 - 1);
        assertThat(onEventLoop()).contains("v1");
        assertThat(background).isEmpty(); // not yet near its end

        nanos.addAndGet(1);
        row = "v2"; // another node's change
        assertThat(onEventLoop()).contains("v1");
        assertThat(background).hasSize(1);
        assertThat(onEventLoop()).contains("v1");
        assertThat(background).hasSize(1); // one read per row at a time
        background.remove().run();

        nanos.addAndGet(TTL / 4); // past the first read's time-to-live
        assertThat(onEventLoop()).contains("v2");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aRefreshedRowLivesTheTtlFromWhenItsReadBegan_notLonger() {
        cache.get("key", store);
        nanos.addAndGet(TTL * 3 / 4);
        onEventLoop();
        long refreshedAt = nanos.get();
        background.remove().run();
        row = "v2";

        nanos.set(refreshedAt + TTL - 1);
        assertThat(cache.get("key", store)).contains("v1");
        background.clear(); // (asked for near its end again: a refresh was queued; not run)
        nanos.set(refreshedAt + TTL);
        assertThat(cache.get("key", store)).contains("v2");
    }

    @Test
    void aMissOnTheEventLoop_ofAnExpiredRow_startsOneReadForEveryone_andTheRedoOnAWorkerTakesItOver() {
        cache.get("key", store);
        nanos.addAndGet(TTL);
        assertThatThrownBy(this::onEventLoop).isInstanceOf(NonBlockingScope.WouldBlock.class);
        assertThatThrownBy(this::onEventLoop).isInstanceOf(NonBlockingScope.WouldBlock.class);
        assertThat(background).hasSize(1);
        assertThat(reads).hasValue(1);

        assertThat(cache.get("key", store)).contains("v1"); // the worker does the queued read itself, at once
        background.remove().run(); // and the refresher finds it done
        assertThat(reads).hasValue(2);
        assertThat(onEventLoop()).contains("v1");
    }

    @Test
    void aMissOnTheEventLoop_ofAKeyNeverSeen_queuesNothing_soUnknownKeysCannotFillTheRefresher() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(this::onEventLoop).isInstanceOf(NonBlockingScope.WouldBlock.class);
        }
        assertThat(background).isEmpty();
        assertThat(reads).hasValue(0);

        assertThat(cache.get("key", store)).contains("v1"); // the redo on a worker reads it, once
        assertThat(reads).hasValue(1);
        assertThat(onEventLoop()).contains("v1");
    }

    @Test
    void aRowReadWhileThisNodeWrote_isNotServedAfterTheWrite() {
        cache.get("key", store);
        nanos.addAndGet(TTL * 3 / 4);
        // the background read sees the row, then a write on this node commits (and forgets the cache) before the
        // read stores what it saw
        Supplier<Optional<String>> racing = () -> {
            Optional<String> seen = Optional.of(row);
            row = "v2";
            cache.invalidateAll();
            return seen;
        };
        cache.get("key", racing);
        background.remove().run();

        assertThat(cache.get("key", store)).contains("v2");
    }

    @Test
    void aRowFoundGoneByTheBackgroundRead_isNoLongerServed() {
        Supplier<Optional<String>> maybeGone = () -> {
            reads.incrementAndGet();
            return Optional.ofNullable(row);
        };
        cache.get("key", maybeGone);
        nanos.addAndGet(TTL * 3 / 4);
        cache.get("key", maybeGone);
        row = null; // deleted on another node
        background.remove().run();

        assertThat(cache.get("key", maybeGone)).isEmpty();
        assertThat(reads).hasValue(3);
    }
}
