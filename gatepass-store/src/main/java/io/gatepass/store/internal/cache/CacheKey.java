package io.gatepass.store.internal.cache;

import java.util.Objects;

/**
 * What one cached read is of: the kind of row ({@code "fleet"}, {@code "compute"}, ...) and the one or two values that
 * name it ({@code second} null when one is enough). Two keys are equal when their kind and values are: the kind keeps
 * reads of different repositories apart even when they are named by the same values.
 *
 * <p>A record of fixed size rather than a list of parts: a lookup, made for every cached read of every request, builds
 * no array and compares fields without iterators.
 *
 * <p>{@link #equals} and {@link #hashCode} are written out rather than generated. The generated ones run through
 * method handles shared by every record, whose argument profiles let the JIT compiler assume a component is never
 * null; a one-value key's null {@code second} then broke that assumption in each compiled request path that had
 * inlined a lookup, and the largest of them (the whole API pipeline, seconds of compiler time on one core) were thrown
 * away and compiled again while the server was already under load (docs/benchmarks.md, issue 12, seventh pass).
 */
record CacheKey(String kind, Object first, Object second) {
    @Override
    public boolean equals(Object other) {
        return other instanceof CacheKey key && kind.equals(key.kind) && Objects.equals(first, key.first)
                && Objects.equals(second, key.second);
    }

    @Override
    public int hashCode() {
        return (31 * kind.hashCode() + Objects.hashCode(first)) * 31 + Objects.hashCode(second);
    }
}
