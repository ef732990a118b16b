package io.gatepass.server.internal.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

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
    void parseHttpDate_whenRfc1123_givesEpochSeconds() {
        assertThat(AmzDate.parseHttpDate("Sun, 30 Aug 2015 12:36:00 GMT"))
                .isEqualTo(Instant.parse("2015-08-30T12:36:00Z").getEpochSecond());
        assertThat(AmzDate.parseHttpDate("30 Aug 2015")).isEqualTo(AmzDate.INVALID);
    }
}
