package io.gatepass.store.internal.jdbc;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The threshold rule of the online compaction, on given times and sizes: the next threshold follows the size a
 * compaction achieved; a pause that did not compact keeps the threshold and is tried again after a doubling backoff, or
 * once the file has doubled.
 */
class CompactionScheduleTest {
    private static final long MB = 1024 * 1024;
    private static final long FLOOR = 64 * MB;
    /** An arbitrary nanoTime origin, negative as nanoTime may be. */
    private static final long T0 = -7_000_000_000L;

    @Test
    void due_whenTheFileIsAboveTheFloor_atOnce() {
        CompactionSchedule schedule = CompactionSchedule.start(FLOOR, T0);

        assertThat(schedule.due(T0, FLOOR)).isFalse();
        assertThat(schedule.due(T0, FLOOR + 1)).isTrue();
    }

    @Test
    void compacted_whenTheFileShrank_nextThresholdIsFourTimesTheLiveSize_orTheFloor() {
        CompactionSchedule start = CompactionSchedule.start(FLOOR, T0);

        assertThat(start.compacted(3 * MB, T0).thresholdBytes()).isEqualTo(FLOOR);
        assertThat(start.compacted(40 * MB, T0).thresholdBytes()).isEqualTo(160 * MB);
        assertThat(start.compacted(40 * MB, T0).due(T0, 160 * MB + 1)).isTrue();
        assertThat(start.compacted(40 * MB, T0).due(T0, 160 * MB)).isFalse();
    }

    /** The CI run's pause: 64 MB in, 64 MB out, after which the old rule waited for 256 MB. */
    @Test
    void notCompacted_whenThePauseLeftTheFileAsItWas_keepsTheThreshold_andRetriesAfterTheBackoff() {
        long file = FLOOR + 100 * 1024;
        CompactionSchedule failed = CompactionSchedule.start(FLOOR, T0).notCompacted(file, T0);

        assertThat(failed.thresholdBytes()).as("not 4 x the bloated file").isEqualTo(FLOOR);
        assertThat(failed.failures()).isEqualTo(1);
        long retry = TimeUnit.MILLISECONDS.toNanos(CompactionSchedule.RETRY_MILLIS);
        assertThat(failed.due(T0 + retry - 1, file + MB)).as("within the backoff").isFalse();
        assertThat(failed.due(T0 + retry, file + MB)).as("once the backoff is over").isTrue();
        assertThat(failed.retryInMillis(T0)).isEqualTo(CompactionSchedule.RETRY_MILLIS);
    }

    @Test
    void notCompacted_whenTheFileDoublesWithinTheBackoff_retriesAtOnce() {
        long file = 70 * MB;
        CompactionSchedule failed = CompactionSchedule.start(FLOOR, T0).notCompacted(file, T0);

        assertThat(failed.due(T0 + 1, 2 * file)).isFalse();
        assertThat(failed.due(T0 + 1, 2 * file + 1)).isTrue();
    }

    @Test
    void notCompacted_inARow_backsOffDoublingUpToTheCap_andACompactionResetsIt() {
        CompactionSchedule schedule = CompactionSchedule.start(FLOOR, T0);
        long now = T0;
        long[] expectedSeconds = {30, 60, 120, 240, 480, 600, 600, 600};
        for (long seconds : expectedSeconds) {
            schedule = schedule.notCompacted(FLOOR + MB, now);
            assertThat(schedule.retryInMillis(now)).as("after %d failures", schedule.failures())
                    .isEqualTo(TimeUnit.SECONDS.toMillis(seconds));
            assertThat(schedule.thresholdBytes()).isEqualTo(FLOOR);
            now = schedule.notBeforeNanos();
        }
        assertThat(CompactionSchedule.retryMillis(1_000)).isEqualTo(CompactionSchedule.MAX_RETRY_MILLIS);

        CompactionSchedule compacted = schedule.compacted(2 * MB, now);
        assertThat(compacted.failures()).isZero();
        assertThat(compacted.retryAboveBytes()).isEqualTo(Long.MAX_VALUE);
        assertThat(compacted.notCompacted(FLOOR + MB, now).retryInMillis(now))
                .isEqualTo(CompactionSchedule.RETRY_MILLIS);
    }

    @Test
    void notCompacted_afterACompaction_keepsThatCompactionsThreshold() {
        CompactionSchedule compacted = CompactionSchedule.start(FLOOR, T0).compacted(30 * MB, T0);
        CompactionSchedule failed = compacted.notCompacted(121 * MB, T0);

        assertThat(failed.thresholdBytes()).isEqualTo(120 * MB);
        assertThat(failed.due(T0, 200 * MB)).isFalse();
        assertThat(failed.due(T0, 243 * MB)).as("twice the file at the failed pause").isTrue();
    }

    @Test
    void fileState_replaced_byItsIdentity_orWithoutOneByASmallerSize() {
        OnlineCompaction.FileState before = new OnlineCompaction.FileState("inode-1", 64 * MB);

        assertThat(new OnlineCompaction.FileState("inode-1", 3 * MB).replaced(before)).as("same file").isFalse();
        assertThat(new OnlineCompaction.FileState("inode-2", 64 * MB).replaced(before))
                .as("a new file as large: the live data").isTrue();
        OnlineCompaction.FileState unknown = new OnlineCompaction.FileState(null, 64 * MB);
        assertThat(new OnlineCompaction.FileState(null, 64 * MB).replaced(unknown)).isFalse();
        assertThat(new OnlineCompaction.FileState(null, 3 * MB).replaced(unknown)).isTrue();
    }
}
