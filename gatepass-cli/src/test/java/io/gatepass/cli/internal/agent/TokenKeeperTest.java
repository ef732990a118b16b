package io.gatepass.cli.internal.agent;

import io.gatepass.core.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The refresh schedule and failure handling, on a hand-moved clock with a token source that answers as told. */
class TokenKeeperTest {
    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(5);

    private final ManualClock clock = new ManualClock(START);
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final Deque<Supplier<AuthToken>> answers = new ArrayDeque<>();
    private final List<AuthToken> handedOut = new ArrayList<>();
    private final List<RuntimeException> fatal = new ArrayList<>();
    private final TokenKeeper keeper = new TokenKeeper(() -> answers.removeFirst().get(), clock, scheduler,
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random(1)), INTERVAL, new AgentMetrics(),
            handedOut::add, fatal::add);

    @Test
    void nextRefresh_isTheIntervalWhileMoreThan15MinutesRemainAfterIt() {
        assertThat(TokenKeeper.nextRefresh(START, START.plus(Duration.ofHours(3)), INTERVAL)).isEqualTo(INTERVAL);
    }

    @Test
    void nextRefresh_isJustAfterTheReissuePoint_whenThatComesBeforeTheInterval() {
        assertThat(TokenKeeper.nextRefresh(START, START.plus(Duration.ofMinutes(17)), INTERVAL))
                .isEqualTo(Duration.ofMinutes(2).plusSeconds(1));
    }

    @Test
    void nextRefresh_forATokenShorterThan15Minutes_isHalfItsRemainingLife_butNotATightLoop() {
        assertThat(TokenKeeper.nextRefresh(START, START.plus(Duration.ofMinutes(10)), INTERVAL))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(TokenKeeper.nextRefresh(START, START.plus(Duration.ofSeconds(20)), INTERVAL))
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(TokenKeeper.nextRefresh(START, START.minusSeconds(5), INTERVAL)).isEqualTo(TokenKeeper.MIN_DELAY);
    }

    @Test
    void refresh_handsOutEachNewTokenOnce_andAsksAgainAfterTheInterval() {
        AuthToken first = new AuthToken("t1", START.plus(Duration.ofHours(3)));
        answers.add(() -> first);
        answers.add(() -> first);
        keeper.start();
        scheduler.runDue();
        assertThat(keeper.current()).isEqualTo(first);
        assertThat(scheduler.nextDelay()).isEqualTo(INTERVAL);
        scheduler.advanceToNextAndRun();
        assertThat(handedOut).containsExactly(first);
        assertThat(keeper.lastRefresh()).isEqualTo(START.plus(INTERVAL));
    }

    @Test
    void refresh_whenTheSourceFails_keepsTheTokenAndRetriesWithGrowingDelays() {
        AuthToken first = new AuthToken("t1", START.plus(Duration.ofHours(3)));
        answers.add(() -> first);
        for (int i = 0; i < 6; i++) {
            answers.add(() -> {
                throw new UncheckedIOException(new java.net.ConnectException("Connection refused"));
            });
        }
        AuthToken second = new AuthToken("t2", START.plus(Duration.ofHours(4)));
        answers.add(() -> second);
        keeper.start();
        scheduler.runDue();
        scheduler.advanceToNextAndRun(); // first failure, after the interval
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            assertThat(keeper.current()).isEqualTo(first);
            assertThat(keeper.hasValidToken()).isTrue();
            assertThat(keeper.lastError()).contains("Connection refused");
            delays.add(scheduler.nextDelay());
            scheduler.advanceToNextAndRun();
        }
        assertThat(keeper.failures()).isEqualTo(6);
        delays.add(scheduler.nextDelay());
        scheduler.advanceToNextAndRun();
        assertThat(keeper.failures()).isZero();
        assertThat(keeper.lastError()).isNull();
        assertThat(keeper.current()).isEqualTo(second);
        assertThat(handedOut).containsExactly(first, second);
        for (int failures = 1; failures <= 6; failures++) {
            long ceiling = Math.min(30_000, 1_000L << (failures - 1));
            assertThat(delays.get(failures - 1).toMillis()).as("delay after %d failures", failures)
                    .isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void refresh_whenTheFailureIsFatal_reportsIt_andStopsAsking() {
        answers.add(() -> {
            throw new AgentFatalException("cannot register compute: NotFoundException: no fleet", null);
        });
        keeper.start();
        scheduler.runDue();
        assertThat(fatal).hasSize(1);
        assertThat(keeper.lastError()).contains("no fleet");
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void stop_preventsFurtherRefreshes() {
        answers.add(() -> new AuthToken("t1", START.plus(Duration.ofHours(3))));
        keeper.start();
        scheduler.runDue();
        keeper.stop();
        scheduler.advanceToNextAndRun(); // would fail: no more answers
        assertThat(keeper.current().token()).isEqualTo("t1");
    }
}
