package io.gatepass.server.endpoints.packages;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ShortLivedCacheTest {
    private Instant now = Instant.parse("2026-12-06T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void peek_neverComputes_andSeesAValueOnlyUntilItsTtlOrOwnDeadline() {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>(clock, Duration.ofSeconds(1), 10);
        AtomicInteger computed = new AtomicInteger();
        assertThat(cache.peek("token")).isNull();

        cache.get("token", k -> "valid-" + computed.incrementAndGet(), null);
        cache.get("short", k -> "expiring", v -> now.plusMillis(300));
        now = now.plusMillis(999);
        assertThat(cache.peek("token")).isEqualTo("valid-1");
        assertThat(cache.peek("short")).isNull(); // its own deadline (a token's expiry) came first
        now = now.plusMillis(1);
        assertThat(cache.peek("token")).isNull();
        assertThat(computed).hasValue(1);
    }
}
