package io.gatepass.store.internal.cache;

/**
 * What one cached read is of: the kind of row ({@code "fleet"}, {@code "compute"}, ...) and the one or two values that
 * name it ({@code second} null when one is enough). Two keys are equal when their kind and values are: the kind keeps
 * reads of different repositories apart even when they are named by the same values.
 *
 * <p>A record of fixed size rather than a list of parts: a lookup, made for every cached read of every request, builds
 * no array and compares fields without iterators.
 */
record CacheKey(String kind, Object first, Object second) {
}
