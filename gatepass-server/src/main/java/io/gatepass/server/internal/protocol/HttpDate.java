package io.gatepass.server.internal.protocol;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date} header every AWS response carries (RFC 9110's IMF-fixdate, {@code Mon, 07 Dec 2026 14:16:15 GMT}),
 * from the clock that checks request signatures. The AWS SDKs read it to learn the service's time: the SDK for
 * JavaScript v3, given a request refused as signed too long ago or ahead, sets its clock offset from it and retries,
 * so a client whose clock is off still gets through. The text is made once per second and shared.
 */
public final class HttpDate {
    public static final String HEADER = "Date";
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private record Second(long epochSecond, String text) {
    }

    private final Clock clock;
    private volatile Second last = new Second(Long.MIN_VALUE, "");

    public HttpDate(Clock clock) {
        this.clock = clock;
    }

    /** The header's value for now. */
    public String now() {
        long epochSecond = clock.instant().getEpochSecond();
        Second second = last;
        if (second.epochSecond() != epochSecond) {
            second = new Second(epochSecond, format(Instant.ofEpochSecond(epochSecond)));
            last = second;
        }
        return second.text();
    }

    /** {@code instant} as IMF-fixdate, to the second. */
    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }
}
