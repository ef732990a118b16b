package io.gatepass.server.internal.throttling;

/**
 * The shape of one token bucket, as AWS publishes its quotas: a steady rate of requests per second and a burst, the
 * number of requests that may arrive at once after a quiet spell (the bucket's capacity).
 *
 * @param perSecond tokens added per second, above 0
 * @param burst     the bucket's capacity, at least 1
 */
public record RateLimit(double perSecond, int burst) {
    /** A rate that nothing on one machine reaches: the {@code generous} profile. */
    public static final RateLimit GENEROUS = new RateLimit(100_000, 100_000);

    public RateLimit {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("a rate limit needs a rate above 0 per second, got " + perSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a burst of at least 1, got " + burst);
        }
    }

    /** A limit whose burst is one second's worth of its rate (what AWS means when it publishes a rate alone). */
    public static RateLimit perSecond(double rate) {
        return new RateLimit(rate, (int) Math.max(1, Math.ceil(rate)));
    }

    /**
     * Parses {@code RATE} or {@code RATE/BURST}, e.g. {@code 5/10} (5 a second, bursts of 10) or {@code 0.1/1}.
     * A rate alone gets one second's worth as its burst.
     */
    public static RateLimit parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        try {
            if (slash < 0) {
                return perSecond(Double.parseDouble(value));
            }
            return new RateLimit(Double.parseDouble(value.substring(0, slash).strip()),
                    Integer.parseInt(value.substring(slash + 1).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a rate limit is RATE or RATE/BURST (e.g. 5/10), got '" + text + "'");
        }
    }

    /** Nanoseconds between two tokens. */
    long intervalNanos() {
        return Math.max(1L, Math.round(1_000_000_000d / perSecond));
    }

    @Override
    public String toString() {
        String rate = perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond);
        return rate + "/" + burst;
    }
}
