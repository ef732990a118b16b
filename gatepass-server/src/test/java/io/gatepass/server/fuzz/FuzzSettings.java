package io.gatepass.server.fuzz;

/**
 * How hard a fuzzer tries: a seed for {@link java.util.Random} and a number of iterations per target. Both can be
 * changed for a longer local run, e.g. {@code -Dgatepass.fuzz.iterations=2000 -Dgatepass.fuzz.seed=42}; the defaults
 * keep the whole fuzz suite well under a minute of {@code mvn verify}.
 *
 * @param seed       the base seed; each target derives its own {@link #random(String) Random} from it
 * @param iterations mutations per target (per seed request, per parser, …)
 */
public record FuzzSettings(long seed, int iterations) {
    public static final String SEED_PROPERTY = "gatepass.fuzz.seed";
    public static final String ITERATIONS_PROPERTY = "gatepass.fuzz.iterations";
    /** The seed of the build's own runs. */
    public static final long DEFAULT_SEED = 20261206L;

    /** The settings of this run: the system properties when set, else the build's seed and {@code defaultIterations}. */
    public static FuzzSettings current(int defaultIterations) {
        return new FuzzSettings(Long.getLong(SEED_PROPERTY, DEFAULT_SEED),
                Integer.getInteger(ITERATIONS_PROPERTY, defaultIterations));
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
