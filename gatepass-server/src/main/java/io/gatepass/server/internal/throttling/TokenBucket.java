package io.gatepass.server.internal.throttling;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One token bucket, lock-free: the generic cell rate algorithm keeps the whole bucket in one number, the theoretical
 * arrival time (TAT) of the next request on the steady rate. A request at {@code now} is admitted when, after adding
 * its interval, the TAT is at most {@code burst} intervals ahead of {@code now} (the bucket still held a token); a
 * refused request changes nothing, so asking again after a refusal costs nothing. A clock that steps back by more
 * than the burst's worth starts the bucket afresh (full) instead of freezing it until the clock catches up. Times
 * are in nanoseconds.
 */
final class TokenBucket {
    private final long interval;
    private final long capacity;
    /** Far in the past (a full bucket), yet far enough from Long.MIN_VALUE that {@code tat - now} cannot overflow. */
    private final AtomicLong theoreticalArrival = new AtomicLong(Long.MIN_VALUE / 4);

    TokenBucket(RateLimit limit) {
        this.interval = limit.intervalNanos();
        this.capacity = interval * limit.burst();
    }

    /** Takes a token at {@code now}: 0 when one was there, else how many nanoseconds until one will be. */
    long tryTake(long now) {
        while (true) {
            long tat = theoreticalArrival.get();
            if (tat - now > capacity) {
                // no admitted request puts the TAT further ahead than the capacity: the clock went back. Start
                // the bucket afresh rather than refuse everything until the clock catches up.
                theoreticalArrival.compareAndSet(tat, now);
                continue;
            }
            long next = Math.max(tat, now) + interval;
            long ahead = next - now;
            if (ahead > capacity) {
                return ahead - capacity;
            }
            if (theoreticalArrival.compareAndSet(tat, next)) {
                return 0;
            }
        }
    }

    /** Whether the bucket is full at {@code now}: forgetting it then loses nothing. */
    boolean isFull(long now) {
        return theoreticalArrival.get() <= now;
    }
}
