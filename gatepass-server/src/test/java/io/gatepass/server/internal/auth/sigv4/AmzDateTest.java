package io.gatepass.server.internal.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

class AmzDateTest {

    @Test
    void parseBasic_whenValid_givesEpochSecondsAndFormatsBack() {
        long t = AmzDate.parseBasic("20150830T123600Z");

        assertThat(t).isEqualTo(Instant.parse("2015-08-30T12:36:00Z").getEpochSecond());
        assertThat(AmzDate.formatBasic(t)).isEqualTo("20150830T123600Z");
        assertThat(AmzDate.formatDate(t)).isEqualTo("20150830");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "20150830T123600", "20150830t123600Z", "2015083OT123600Z", "20150230T123600Z",
        "20150830T243600Z", "20151330T000000Z", "+0150830T123600Z", "20150830T12360０Z"})
    void parseBasic_whenNotBasicIso8601_isInvalid(String text) {
        assertThat(AmzDate.parseBasic(text)).isEqualTo(AmzDate.INVALID);
    }

    @Test
    void parseBasic_overFourCenturiesOfDays_agreesWithJavaTime() {
        for (LocalDate day = LocalDate.of(1899, 12, 25); day.isBefore(LocalDate.of(2401, 3, 5)); day = day.plusDays(1)) {
            LocalDateTime at = day.atTime(day.getDayOfMonth() % 24, day.getMonthValue() * 4, day.getYear() % 60);
            String text = at.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));

            assertThat(AmzDate.parseBasic(text)).as(text).isEqualTo(at.toEpochSecond(ZoneOffset.UTC));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"20240229T000000Z", "20000229T235959Z", "00000101T000000Z", "99991231T235959Z"})
    void parseBasic_whenLeapDayOrEdgeOfRange_agreesWithJavaTime(String text) {
        LocalDateTime expected = LocalDateTime.parse(text, DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'"));

        assertThat(AmzDate.parseBasic(text)).isEqualTo(expected.toEpochSecond(ZoneOffset.UTC));
    }

    @ParameterizedTest
    @ValueSource(strings = {"21000229T000000Z", "20230229T000000Z", "20150431T000000Z", "20150000T000000Z",
        "20150100T000000Z", "20150830T126000Z", "20150830T123660Z"})
    void parseBasic_whenNoSuchDayOrTime_isInvalid(String text) {
        assertThat(AmzDate.parseBasic(text)).isEqualTo(AmzDate.INVALID);
    }

    @Test
    void parseHttpDate_whenRfc1123_givesEpochSeconds() {
        assertThat(AmzDate.parseHttpDate("Sun, 30 Aug 2015 12:36:00 GMT"))
                .isEqualTo(Instant.parse("2015-08-30T12:36:00Z").getEpochSecond());
        assertThat(AmzDate.parseHttpDate("30 Aug 2015")).isEqualTo(AmzDate.INVALID);
    }
}
