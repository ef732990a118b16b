package io.gatepass.cli.internal.aws.params;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimestampsTest {

    @Test
    void format_wholeSeconds_likePythonIsoformat() {
        assertThat(Timestamps.format(Instant.parse("2026-11-23T19:40:12Z"), ZoneOffset.UTC))
                .isEqualTo("2026-11-23T19:40:12+00:00");
    }

    @Test
    void format_fractions_asSixDigitMicroseconds() {
        assertThat(Timestamps.format(Instant.parse("2026-11-23T19:40:12.123Z"), ZoneOffset.UTC))
                .isEqualTo("2026-11-23T19:40:12.123000+00:00");
    }

    @Test
    void format_inAnotherZone_carriesItsOffset() {
        assertThat(Timestamps.format(Instant.parse("2026-11-23T19:40:12Z"), ZoneId.of("America/New_York")))
                .isEqualTo("2026-11-23T14:40:12-05:00");
        assertThat(Timestamps.format(Instant.parse("2026-07-01T00:00:00Z"), ZoneId.of("Asia/Kolkata")))
                .isEqualTo("2026-07-01T05:30:00+05:30");
    }

    @Test
    void format_smallFieldsAndSecondsOffsets_zeroPaddedLikePython() {
        assertThat(Timestamps.format(Instant.parse("0999-01-02T03:04:05.000007Z"),
                ZoneOffset.ofHoursMinutesSeconds(-5, -30, -15)))
                .isEqualTo("0999-01-01T21:33:50.000007-05:30:15");
    }

    @Test
    void parse_acceptsIsoWithAndWithoutOffset_datesAndEpochSeconds() {
        Instant expected = Instant.parse("2026-11-23T19:40:12Z");

        assertThat(Timestamps.parse("2026-11-23T19:40:12Z")).isEqualTo(expected);
        assertThat(Timestamps.parse("2026-11-23T20:40:12+01:00")).isEqualTo(expected);
        assertThat(Timestamps.parse("2026-11-23T19:40:12")).isEqualTo(expected);
        assertThat(Timestamps.parse(String.valueOf(expected.getEpochSecond()))).isEqualTo(expected);
        assertThat(Timestamps.parse("1700000000.5")).isEqualTo(Instant.ofEpochSecond(1700000000, 500_000_000));
        assertThat(Timestamps.parse("2026-11-23")).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
    }

    @Test
    void parse_rejectsOtherText() {
        assertThatThrownBy(() -> Timestamps.parse("yesterday")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Timestamps.parses("yesterday")).isFalse();
    }
}
