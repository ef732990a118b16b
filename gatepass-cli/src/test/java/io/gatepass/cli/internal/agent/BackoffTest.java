package io.gatepass.cli.internal.agent;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {
    private static final Duration MIN = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(10);

    @Test
    void delay_staysBetweenHalfAndAllOfTheCappedExponential_forManySeeds() {
        for (long seed = 0; seed < 200; seed++) {
            Backoff backoff = new Backoff(MIN, MAX, new Random(seed));
            for (int failures = 1; failures <= 40; failures++) {
                long base = Math.min(MAX.toMillis(), MIN.toMillis() << Math.min(failures - 1, 30));
                assertThat(backoff.delay(failures).toMillis())
                        .as("seed %d, failure %d", seed, failures)
                        .isBetween(base / 2, base);
            }
        }
    }

    @Test
    void delay_neverComesFasterThanHalfTheMinimum_soThereIsNoTightLoop() {
        Backoff backoff = new Backoff(MIN, MAX, new Random(7));
        for (int i = 0; i < 10_000; i++) {
            assertThat(backoff.delay(1)).isGreaterThanOrEqualTo(MIN.dividedBy(2));
        }
    }

    @Test
    void delay_afterManyFailures_isCappedAtTheMaximum() {
        Backoff backoff = new Backoff(MIN, MAX, new Random(11));
        for (int failures : new int[] {8, 20, 64, 1_000, Integer.MAX_VALUE}) {
            assertThat(backoff.delay(failures)).isLessThanOrEqualTo(MAX).isGreaterThanOrEqualTo(MAX.dividedBy(2));
        }
    }

    @Test
    void delay_isJittered_soAgentsThatFailTogetherRetryApart() {
        Backoff backoff = new Backoff(MIN, MAX, new Random(3));
        Set<Duration> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            seen.add(backoff.delay(5));
        }
        assertThat(seen).hasSizeGreaterThan(20);
    }

    @Test
    void delay_growsWithConsecutiveFailures_onAverage() {
        Backoff backoff = new Backoff(MIN, MAX, new Random(5));
        double previous = 0;
        for (int failures = 1; failures <= 6; failures++) {
            double sum = 0;
            for (int i = 0; i < 200; i++) {
                sum += backoff.delay(failures).toMillis();
            }
            assertThat(sum / 200).isGreaterThan(previous * 1.5);
            previous = sum / 200;
        }
    }

    @Test
    void constructor_refusesAZeroMinimumOrAMaximumBelowTheMinimum() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, MAX, new Random(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(MAX, MIN, new Random(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
