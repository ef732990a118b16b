package io.gatepass.server.internal.endpoints.packages;

import io.gatepass.core.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseCacheTest {
    private static final Duration TTL = Duration.ofSeconds(1);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-06T10:00:00Z"));

    @Test
    void find_beforeTheTtl_servesTheSameResponse_andAfterItNothing() {
        ResponseCache<String, PackageResponse> cache = ResponseCache.ofResponses(clock, TTL, 10, 1_000);
        PackageResponse response = body(100);
        cache.put("a", response, cache.generation());

        clock.advance(Duration.ofMillis(999));
        assertThat(cache.find("a")).containsSame(response);
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.find("a")).isEmpty();
        assertThat(cache.size()).isZero();
        assertThat(cache.bytes()).isZero();
    }

    @Test
    void invalidate_afterAWrite_dropsOnlyTheNamedKeys() {
        ResponseCache<String, PackageResponse> cache = ResponseCache.ofResponses(clock, TTL, 10, 1_000);
        cache.put("a", body(10), cache.generation());
        cache.put("b", body(20), cache.generation());

        cache.invalidate("a");

        assertThat(cache.find("a")).isEmpty();
        assertThat(cache.find("b")).isPresent();
        assertThat(cache.bytes()).isEqualTo(20);
    }

    @Test
    void put_whenAWriteCommittedSinceTheReadBegan_keepsNothing() {
        ResponseCache<String, PackageResponse> cache = ResponseCache.ofResponses(clock, TTL, 10, 1_000);
        long before = cache.generation();
        cache.invalidate("a"); // a publish committed while the reader was rendering from the store

        cache.put("a", body(10), before);

        assertThat(cache.find("a")).isEmpty();
        assertThat(cache.bytes()).isZero();
    }

    @Test
    void put_beyondTheEntryBound_neverKeepsMoreThanTheBound() {
        ResponseCache<Integer, PackageResponse> cache = ResponseCache.ofResponses(clock, TTL, 3, 1_000_000);
        for (int i = 0; i < 10; i++) {
            cache.put(i, body(1), cache.generation());
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
        assertThat(cache.find(9)).isPresent();
    }

    @Test
    void put_beyondTheByteBound_neverKeepsMoreBytes_andATooLargeBodyIsNotKept() {
        ResponseCache<Integer, PackageResponse> cache = ResponseCache.ofResponses(clock, TTL, 1_000, 250);
        Random random = new Random(11);
        for (int i = 0; i < 200; i++) {
            cache.put(random.nextInt(20), body(random.nextInt(120)), cache.generation());
            assertThat(cache.bytes()).isBetween(0L, 250L);
        }
        cache.put(99, body(251), cache.generation());
        assertThat(cache.find(99)).isEmpty();
    }

    @Test
    void put_ofABlobResponse_keepsNothing() {
        ResponseCache<String, PackageResponse> cache = ResponseCache.ofResponses(clock, TTL, 10, 1_000);
        cache.put("a", PackageResponse.blob(200, "application/octet-stream", "k", 5), cache.generation());
        assertThat(cache.find("a")).isEmpty();
    }

    private static PackageResponse body(int size) {
        return PackageResponse.bytes(200, "application/json", new byte[size]);
    }
}
