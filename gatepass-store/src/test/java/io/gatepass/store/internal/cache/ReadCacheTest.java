package io.gatepass.store.internal.cache;

import io.gatepass.store.NonBlockingScope;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The read cache under load: a hot row is read again before it expires and a missed row is read once, without ever
 * serving a value older than the time-to-live or one read before a write on this node. The background reads are
 * queued here and run when the test says.
 */
class ReadCacheTest {
    private static final long TTL = 1_000_000_000L;
    private final AtomicLong nanos = new AtomicLong(42);
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final ReadCache cache = new ReadCache(TTL, 100, nanos::get, background::add);
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
