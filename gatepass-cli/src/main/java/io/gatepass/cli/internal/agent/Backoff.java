package io.gatepass.cli.internal.agent;

import java.time.Duration;
import java.util.Random;

/**
 * Capped exponential backoff with "equal jitter": after the n-th failure in a row the delay is drawn between half and
 * all of {@code min(max, min * 2^(n-1))}, so retries spread out but never come faster than {@code min / 2}.
 */
public final class Backoff {
    private final Duration min;
    private final Duration max;
    private final Random random;

    public Backoff(Duration min, Duration max, Random random) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max, got " + min + " and " + max);
        }
        this.min = min;
        this.max = max;
        this.random = random;
    }

    /** The delay before the next attempt after {@code failures} failures in a row (1 for the first failure). */
    public Duration delay(int failures) {
        long ceiling = max.toMillis();
        long base = min.toMillis();
        for (int i = 1; i < failures && base < ceiling; i++) {
            base *= 2;
        }
        base = Math.min(base, ceiling);
        long half = base / 2;
        long jitter;
        synchronized (random) {
            jitter = half == 0 ? 0 : (long) (random.nextDouble() * (base - half + 1));
        }
        return Duration.ofMillis(Math.max(1, half + jitter));
    }

    public Duration min() {
        return min;
    }

    public Duration max() {
        return max;
    }
}
