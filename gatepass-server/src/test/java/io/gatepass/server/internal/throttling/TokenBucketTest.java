package io.gatepass.server.internal.throttling;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_764_000_000L * SECOND;

    @Test
    void tryTake_whenFresh_admitsTheBurstAtOnceThenRefusesWithTheTimeToTheNextToken() {
        TokenBucket bucket = new TokenBucket(new RateLimit(5, 10));

        for (int i = 0; i < 10; i++) {
            assertThat(bucket.tryTake(T0)).as("request %d of the burst", i + 1).isZero();
        }
        assertThat(bucket.tryTake(T0)).isEqualTo(SECOND / 5);
    }

    @Test
    void tryTake_whenEmpty_refillsAtTheRate() {
        TokenBucket bucket = new TokenBucket(new RateLimit(5, 10));
        for (int i = 0; i < 10; i++) {
            bucket.tryTake(T0);
        }

        assertThat(bucket.tryTake(T0 + SECOND / 5 - 1)).isEqualTo(1);
        assertThat(bucket.tryTake(T0 + SECOND / 5)).isZero();
        assertThat(bucket.tryTake(T0 + SECOND / 5)).isEqualTo(SECOND / 5);
        // one second later: five more, not more
        int admitted = 0;
        while (bucket.tryTake(T0 + SECOND + SECOND / 5) == 0) {
            admitted++;
        }
        assertThat(admitted).isEqualTo(5);
    }

    @Test
    void tryTake_whenRefused_changesNothing() {
        TokenBucket bucket = new TokenBucket(new RateLimit(1, 1));
        assertThat(bucket.tryTake(T0)).isZero();

        for (int i = 0; i < 1_000; i++) {
            assertThat(bucket.tryTake(T0 + i)).isPositive();
        }
        assertThat(bucket.tryTake(T0 + SECOND)).isZero();
    }

    @Test
    void tryTake_afterALongQuiet_neverHoldsMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(new RateLimit(100, 3));
        bucket.tryTake(T0);

        long later = T0 + 3_600 * SECOND;
        assertThat(bucket.isFull(later)).isTrue();
        int admitted = 0;
        while (bucket.tryTake(later) == 0) {
            admitted++;
        }
        assertThat(admitted).isEqualTo(3);
        assertThat(bucket.isFull(later)).isFalse();
    }

    @Test
    void tryTake_whenTheClockGoesBack_startsAfreshRatherThanRefuseUntilItCatchesUp() {
        TokenBucket bucket = new TokenBucket(new RateLimit(1, 2));
        bucket.tryTake(T0 + 3_600 * SECOND);
        bucket.tryTake(T0 + 3_600 * SECOND);

        assertThat(bucket.tryTake(T0)).as("an hour back: a fresh bucket").isZero();
        assertThat(bucket.tryTake(T0)).isZero();
        assertThat(bucket.tryTake(T0)).isEqualTo(SECOND);
        assertThat(bucket.tryTake(T0 + SECOND)).isZero();
    }

    @Test
    void tryTake_whenTheClockGoesBackLessThanTheBurst_onlyDelaysByThatMuch() {
        TokenBucket bucket = new TokenBucket(new RateLimit(1, 10));
        for (int i = 0; i < 5; i++) {
            bucket.tryTake(T0);
        }

        int admitted = 0;
        while (bucket.tryTake(T0 - SECOND / 2) == 0) {
            admitted++;
        }
        assertThat(admitted).as("five tokens left, less the half second the clock went back").isEqualTo(4);
        assertThat(bucket.tryTake(T0 - SECOND / 2)).isEqualTo(SECOND / 2);
    }

    @Test
    void tryTake_overSeededRandomArrivals_admitsNoMoreThanBurstPlusRateTimesElapsed() {
        Random random = new Random(14);
        for (int trial = 0; trial < 200; trial++) {
            RateLimit limit = new RateLimit(1 + random.nextInt(2_000) / 10.0, 1 + random.nextInt(50));
            TokenBucket bucket = new TokenBucket(limit);
            long now = T0;
            long admitted = 0;
            for (int i = 0; i < 2_000; i++) {
                now += random.nextInt(random.nextBoolean() ? 1_000 : 50_000_000);
                if (bucket.tryTake(now) == 0) {
                    admitted++;
                }
                double allowed = limit.burst() + (now - T0) / 1e9 * limit.perSecond();
                assertThat((double) admitted).as("trial %d, %s after %d ns", trial, limit, now - T0)
                        .isLessThanOrEqualTo(allowed + 0.01);
            }
        }
    }

    @Test
    void tryTake_fromManyThreadsAtOnce_admitsExactlyTheBurst() throws Exception {
        TokenBucket bucket = new TokenBucket(new RateLimit(1, 1_000));
        AtomicInteger admitted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 1_000; i++) {
                    if (bucket.tryTake(T0) == 0) {
                        admitted.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(admitted.get()).isEqualTo(1_000);
    }
}
