package io.gatepass.server.internal.endpoints.packages;

import io.gatepass.core.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ShortLivedCacheTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-06T10:00:00Z"));

    @Test
    void peek_neverComputes_andSeesAValueOnlyUntilItsTtlOrOwnDeadline() {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>(clock, Duration.ofSeconds(1), 10);
        AtomicInteger computed = new AtomicInteger();
        assertThat(cache.peek("token")).isNull();

        cache.get("token", k -> "valid-" + computed.incrementAndGet(), null);
        cache.get("short", k -> "expiring", v -> clock.instant().plusMillis(300));
        clock.advance(Duration.ofMillis(999));
        assertThat(cache.peek("token")).isEqualTo("valid-1");
        assertThat(cache.peek("short")).isNull(); // its own deadline (a token's expiry) came first
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.peek("token")).isNull();
        assertThat(computed).hasValue(1);
    }

    @Test
    void clear_forgetsEveryValue_andAValueComputedFromReadsBeforeTheClearIsNotKept() {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>(clock, Duration.ofHours(1), 10);
        cache.get("domain", k -> "exists", null);
        cache.clear(); // the domain was deleted, here or on another node
        assertThat(cache.peek("domain")).isNull();

        // a reader that read the store before a clear finishes after it: its answer is used once, never kept
        String answered = cache.get("domain", k -> {
            cache.clear();
            return "exists (read before the delete)";
        }, null);
        assertThat(answered).isEqualTo("exists (read before the delete)");
        assertThat(cache.peek("domain")).isNull();
        assertThat(cache.get("domain", k -> "gone", null)).isEqualTo("gone");
        assertThat(cache.peek("domain")).isEqualTo("gone");
    }
}
