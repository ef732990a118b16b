package io.gatepass.server.internal.protocol;

import io.gatepass.server.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

class HttpDateTest {

    @Test
    void format_whenTheDayHasOneDigit_writesImfFixdateWithTwoDigitsInGmt() {
        assertThat(HttpDate.format(Instant.parse("2026-12-07T04:05:06.789Z")))
                .isEqualTo("Mon, 07 Dec 2026 04:05:06 GMT");
    }

    @Test
    void format_whatever_isReadBackByJavasRfc1123Parser() {
        Instant instant = Instant.parse("2027-02-28T23:59:59Z");

        assertThat(ZonedDateTime.parse(HttpDate.format(instant), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                .isEqualTo(instant);
    }

    @Test
    void now_whenTheClockMoves_followsItToTheSecond() {
        MutableClock clock = new MutableClock();
        HttpDate date = new HttpDate(clock);
        String before = date.now();

        clock.advance(Duration.ofHours(1));

        Instant shown = ZonedDateTime.parse(date.now(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(shown).isBetween(clock.instant().minusSeconds(1), clock.instant());
        assertThat(date.now()).isNotEqualTo(before);
    }
}
