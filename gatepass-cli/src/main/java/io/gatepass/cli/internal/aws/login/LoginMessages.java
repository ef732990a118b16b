package io.gatepass.cli.internal.aws.login;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * aws's success message: "Successfully configured TOOL to use AWS CodeArtifact repository URL " and
 * "Login expires in 11 hours and 59 minutes at 2026-01-01 12:00:00+00:00" (Python's str of the expiry in the local
 * time zone, which TZ selects).
 */
final class LoginMessages {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private LoginMessages() {
    }

    static String success(String tool, RepositoryAccess access, Map<String, String> env) {
        return "Successfully configured " + tool + " to use AWS CodeArtifact repository " + access.endpoint() + " \n"
                + "Login expires in " + remaining(Instant.now(), access.expiration()) + " at "
                + timestamp(access.expiration(), zone(env)) + "\n";
    }

    /**
     * The time left as aws words it: 30 seconds added, then at most two neighbouring units of days, hours and
     * minutes ("12 hours", "1 hour and 30 minutes", "14 minutes"); empty when less than a minute is left.
     */
    static String remaining(Instant now, Instant expiration) {
        Duration left = Duration.between(now, expiration).plusSeconds(30);
        if (left.isNegative()) {
            return "";
        }
        long[] values = {left.toDays(), left.toHoursPart(), left.toMinutesPart()};
        String[] units = {"day", "hour", "minute"};
        List<String> words = new ArrayList<>();
        boolean previousNonZero = false;
        for (int i = 0; i < values.length; i++) {
            if (values[i] > 0) {
                if (previousNonZero) {
                    words.add("and");
                }
                words.add(Long.toString(values[i]));
                words.add(values[i] == 1 ? units[i] : units[i] + "s");
            }
            if (previousNonZero) {
                break;
            }
            previousNonZero = values[i] > 0;
        }
        return String.join(" ", words);
    }

    /** Python's str(datetime): "2026-01-01 12:00:00+00:00", with ".ffffff" when there are microseconds. */
    static String timestamp(Instant instant, ZoneId zone) {
        ZonedDateTime time = instant.atZone(zone);
        StringBuilder text = new StringBuilder(SECONDS.format(time));
        int micros = time.getNano() / 1000;
        if (micros != 0) {
            text.append(String.format(".%06d", micros));
        }
        int offset = time.getOffset().getTotalSeconds();
        int absolute = Math.abs(offset);
        text.append(offset < 0 ? '-' : '+').append(String.format("%02d:%02d", absolute / 3600, absolute / 60 % 60));
        if (absolute % 60 != 0) {
            text.append(String.format(":%02d", absolute % 60));
        }
        return text.toString();
    }

    /** The local time zone as the C library picks it: TZ when set (an unknown name means UTC), else the system's. */
    static ZoneId zone(Map<String, String> env) {
        String tz = env.get("TZ");
        if (tz == null) {
            return ZoneId.systemDefault();
        }
        String name = tz.startsWith(":") ? tz.substring(1) : tz;
        if (name.isEmpty()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
