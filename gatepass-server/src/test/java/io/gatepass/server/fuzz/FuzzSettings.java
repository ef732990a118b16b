package io.gatepass.server.fuzz;

/**
 * How hard a fuzzer tries: a seed for {@link java.util.Random} and a number of iterations per target. Both can be
 * changed for a longer local run, e.g. {@code -Dgatepass.fuzz.iterations=2000 -Dgatepass.fuzz.seed=42}: the property
 * raises every fuzzer's count to at least that many (a parser fuzzer that makes thousands of cheap edits by default
 * is not slowed down to the HTTP fuzzers' scale). The defaults keep the whole fuzz suite under a minute of
 * {@code mvn verify}.
 *
 * @param seed       the base seed; each target derives its own {@link #random(String) Random} from it
 * @param iterations mutations per target (per seed request, per parser, …)
 */
public record FuzzSettings(long seed, int iterations) {
    public static final String SEED_PROPERTY = "gatepass.fuzz.seed";
    public static final String ITERATIONS_PROPERTY = "gatepass.fuzz.iterations";
    /** The seed of the build's own runs. */
    public static final long DEFAULT_SEED = 20261206L;

    /** The settings of this run: the build's seed unless the property names another, and at least the default count. */
    public static FuzzSettings current(int defaultIterations) {
        return new FuzzSettings(Long.getLong(SEED_PROPERTY, DEFAULT_SEED),
                Math.max(defaultIterations, Integer.getInteger(ITERATIONS_PROPERTY, defaultIterations)));
    }

    /** A Random for one target: the same seed and target name always give the same sequence. */
    public java.util.Random random(String target) {
        return new java.util.Random(seed * 31 + target.hashCode());
    }

    /** What a failure message says so that the case can be replayed. */
    public String replay(String target, int iteration) {
        return "target " + target + " iteration " + iteration + " (replay with -D" + SEED_PROPERTY + "=" + seed
                + " -D" + ITERATIONS_PROPERTY + "=" + iterations + ")";
    }
}
