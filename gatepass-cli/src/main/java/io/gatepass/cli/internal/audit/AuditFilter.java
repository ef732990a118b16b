package io.gatepass.cli.internal.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which audit lines {@code gatepass audit tail} prints. Each given criterion must hold:
 * <ul>
 *   <li>{@code principal}: the principal ARN or the access key id, exactly or as a {@code *} pattern
 *       ({@code arn:aws:iam::*:user/ci*});</li>
 *   <li>{@code action}: {@code service:Operation} or just {@code Operation}, {@code *} allowed, case ignored;</li>
 *   <li>{@code outcome}: success or failure;</li>
 *   <li>{@code resource}: the resource ARN, exactly or as a {@code *} pattern;</li>
 *   <li>{@code since}: at or after this instant.</li>
 * </ul>
 */
public record AuditFilter(String principal, String action, String outcome, String resource, Instant since)
        implements Predicate<JsonNode> {
    private static final Pattern RELATIVE = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    public AuditFilter {
        if (outcome != null && !outcome.equals("success") && !outcome.equals("failure")) {
            throw new IllegalArgumentException("--outcome must be success or failure, got '" + outcome + "'");
        }
    }

    /** Every line. */
    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null);
    }

    @Override
    public boolean test(JsonNode line) {
        if (since != null) {
            Instant time = time(line);
            if (time == null || time.isBefore(since)) {
                return false;
            }
        }
        if (principal != null && !glob(principal, text(line, "principal"), false)
                && !glob(principal, text(line, "accessKeyId"), false)) {
            return false;
        }
        if (action != null) {
            String actual = text(line, "action");
            String operation = actual == null ? null : actual.substring(actual.indexOf(':') + 1);
            if (!glob(action, actual, true) && !glob(action, operation, true)) {
                return false;
            }
        }
        if (outcome != null && !outcome.equals(text(line, "outcome"))) {
            return false;
        }
        return resource == null || glob(resource, text(line, "resource"), false);
    }

    /**
     * {@code --since}: a time ago ({@code 10m}, {@code 90s}, {@code 2h}, {@code 1d}, or combined, {@code 1h30m}),
     * an ISO instant ({@code 2026-12-06T11:00:00Z}, also with an offset), a local date-time taken as UTC
     * ({@code 2026-12-06T11:00}) or a date ({@code 2026-12-06}, its start in UTC).
     */
    public static Instant since(String value, Clock clock) {
        String text = value.trim();
        Duration ago = relative(text.toLowerCase(Locale.ROOT));
        if (ago != null) {
            return clock.instant().minus(ago);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since must be a time ago such as 10m, 2h or 1d, or an ISO time "
                    + "such as 2026-12-06T11:00:00Z, got '" + value + "'");
        }
    }

    /** The line's time, or null if it has none that parses. */
    static Instant time(JsonNode line) {
        String time = text(line, "time");
        try {
            return time == null ? null : Instant.parse(time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration relative(String text) {
        Matcher part = RELATIVE.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMillis(amount);
            });
            end = part.end();
        }
        return end == text.length() && end > 0 ? total : null;
    }

    static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static boolean glob(String pattern, String value, boolean ignoreCase) {
        if (value == null) {
            return false;
        }
        StringBuilder regex = new StringBuilder();
        String[] parts = pattern.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0).matcher(value)
                .matches();
    }
}
