package io.gatepass.server.internal.throttling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BucketTableTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_764_000_000L * SECOND;

    @Test
    void tryTake_whenFull_forgetsIdleBucketsButKeepsTheBusyOnes() {
        BucketTable table = new BucketTable(new RateLimit(1, 1), 4);
        table.tryTake("busy", T0 + 5 * SECOND);
        for (int i = 0; i < 3; i++) {
            table.tryTake("idle-" + i, T0);
        }

        assertThat(table.tryTake("new", T0 + 5 * SECOND)).isZero();
        assertThat(table.size()).isEqualTo(2);
        assertThat(table.tryTake("busy", T0 + 5 * SECOND)).as("still empty").isPositive();
    }

    @Test
    void tryTake_whenFullOfBusyBuckets_startsAfreshRatherThanGrow() {
        BucketTable table = new BucketTable(new RateLimit(1, 1), 4);
        for (int i = 0; i < 4; i++) {
            table.tryTake("busy-" + i, T0);
        }

        assertThat(table.tryTake("new", T0)).isZero();
        assertThat(table.size()).isEqualTo(1);
    }
}
