package io.gatepass.store.internal.jdbc;

import java.util.concurrent.TimeUnit;

/**
 * When {@link OnlineCompaction} next pauses the store to compact the embedded file: once the file is larger than
 * {@code max(floor, 4 x the size the last compaction left it at)}, that size being the live data a compaction actually
 * achieved. A pause that did not compact the file (a request held its connection too long, H2 failed, or H2 left the
 * file as it was) leaves the threshold as it was, never 4 x the bloated file, and is tried again after a backoff
 * ({@value #RETRY_MILLIS} ms, doubling with each failure in a row up to {@value #MAX_RETRY_MILLIS} ms), so that the
 * store does not pause continually; or earlier, once the file has grown to twice its size at the failed pause, so that
 * a storm of writes does not fill the disk while it waits. Immutable; times are {@link System#nanoTime} values.
 *
 * @param floorBytes     the file is never compacted while it is at most this large
 * @param thresholdBytes the file is compacted once it is larger than this
 * @param notBeforeNanos and not before this time...
 * @param retryAboveBytes ...unless it is larger than this (after a failed pause; else {@link Long#MAX_VALUE})
 * @param failures       failed pauses in a row
 */
record CompactionSchedule(long floorBytes, long thresholdBytes, long notBeforeNanos, long retryAboveBytes,
                          int failures) {
    static final int GROWTH_FACTOR = 4;
    static final long RETRY_MILLIS = 30_000;
    static final long MAX_RETRY_MILLIS = 600_000;

    /** Before the first compaction: at the floor, from {@code nowNanos}. */
    static CompactionSchedule start(long floorBytes, long nowNanos) {
        return new CompactionSchedule(floorBytes, floorBytes, nowNanos, Long.MAX_VALUE, 0);
    }

    /** Whether a file of {@code fileBytes} is to be compacted now. */
    boolean due(long nowNanos, long fileBytes) {
        return fileBytes > thresholdBytes && (nowNanos - notBeforeNanos >= 0 || fileBytes > retryAboveBytes);
    }

    /** After a pause that compacted the file to {@code afterBytes}, its live data. */
    CompactionSchedule compacted(long afterBytes, long nowNanos) {
        long threshold = afterBytes > Long.MAX_VALUE / GROWTH_FACTOR ? Long.MAX_VALUE : GROWTH_FACTOR * afterBytes;
        return new CompactionSchedule(floorBytes, Math.max(floorBytes, threshold), nowNanos, Long.MAX_VALUE, 0);
    }

    /** After a pause that left the file of {@code fileBytes} uncompacted: the same threshold, a later try. */
    CompactionSchedule notCompacted(long fileBytes, long nowNanos) {
        int failed = failures + 1;
        long retryAbove = fileBytes > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : 2 * fileBytes;
        return new CompactionSchedule(floorBytes, thresholdBytes,
                nowNanos + TimeUnit.MILLISECONDS.toNanos(retryMillis(failed)), retryAbove, failed);
    }

    /** How long after the {@code failed}-th failed pause in a row the next is tried. */
    static long retryMillis(int failed) {
        return Math.min(MAX_RETRY_MILLIS, RETRY_MILLIS << Math.min(failed - 1, 10));
    }

    /** Milliseconds from {@code nowNanos} until the next try may be made on time alone. */
    long retryInMillis(long nowNanos) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(notBeforeNanos - nowNanos));
    }
}
