package io.gatepass.server.internal.endpoints.packages.upstream;

import io.gatepass.server.internal.endpoints.packages.ResponseCache;
import io.gatepass.server.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RecentDocumentsTest {
    private final MutableClock clock = new MutableClock();

    private ResponseCache<String, Optional<byte[]>> recentDocuments(int maxEntries, long maxBytes) {
        return Upstreams.recentDocuments(clock, Duration.ofSeconds(1), maxEntries, maxBytes);
    }

    @Test
    void aDocument_isKeptForItsLifetime_fromWhenItWasFetched() {
        ResponseCache<String, Optional<byte[]>> documents = recentDocuments(10, 1000);
        Instant fetchedAt = clock.instant();
        clock.advance(Duration.ofMillis(300)); // the fetch took a while
        documents.put("GET /a", Optional.of(new byte[]{1, 2, 3}), fetchedAt, documents.generation());

        clock.advance(Duration.ofMillis(699));
        assertThat(documents.find("GET /a")).hasValueSatisfying(body -> assertThat(body).hasValue(new byte[]{1, 2, 3}));
        clock.advance(Duration.ofMillis(1));
        assertThat(documents.find("GET /a")).isEmpty();
        assertThat(documents.size()).isZero();
        assertThat(documents.bytes()).isZero();
    }

    @Test
    void aMissingDocument_isKeptAsMissing() {
        ResponseCache<String, Optional<byte[]>> documents = recentDocuments(10, 1000);
        documents.put("GET /gone", Optional.empty(), clock.instant(), documents.generation());

        assertThat(documents.find("GET /gone")).hasValue(Optional.empty());
    }

    @Test
    void whenTheEntriesOrBytesWouldBeExceeded_itStartsAfresh_andADocumentLargerThanAllIsNotKept() {
        ResponseCache<String, Optional<byte[]>> documents = recentDocuments(2, 100);
        documents.put("a", Optional.of(new byte[40]), clock.instant(), documents.generation());
        documents.put("b", Optional.of(new byte[40]), clock.instant(), documents.generation());
        documents.put("c", Optional.of(new byte[40]), clock.instant(), documents.generation());

        assertThat(documents.find("a")).isEmpty();
        assertThat(documents.find("c")).isPresent();
        assertThat(documents.size()).isEqualTo(1);
        assertThat(documents.bytes()).isEqualTo(40);

        documents.put("d", Optional.of(new byte[70]), clock.instant(), documents.generation());
        assertThat(documents.find("c")).isEmpty();
        assertThat(documents.bytes()).isEqualTo(70);

        documents.put("e", Optional.of(new byte[101]), clock.instant(), documents.generation());
        assertThat(documents.find("e")).isEmpty();
        assertThat(documents.bytes()).isLessThanOrEqualTo(100);
    }
}
