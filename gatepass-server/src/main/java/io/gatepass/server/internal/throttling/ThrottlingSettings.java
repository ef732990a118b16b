package io.gatepass.server.internal.throttling;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How requests are throttled ({@code --throttling}, {@code --throttling-quotas}).
 *
 * @param profile   which quotas apply: {@link Profile#GENEROUS} (the default: nothing a single machine can send is
 *                  throttled), {@link Profile#AWS} (AWS's published quotas, for realistic testing) or
 *                  {@link Profile#OFF}
 * @param overrides quotas replacing (or adding to) the profile's, by name: {@code gamelift:GetComputeAuthToken} (one
 *                  operation, per account), {@code sts:*} (every operation of a service, per account, shared),
 *                  {@code codeartifact:read} / {@code codeartifact:write} (CodeArtifact's account-wide read and write
 *                  quotas), {@code repository-token} (each CodeArtifact authorization token at the repository
 *                  endpoints)
 */
public record ThrottlingSettings(Profile profile, Map<String, RateLimit> overrides) {
    public static final ThrottlingSettings DEFAULT = new ThrottlingSettings(Profile.GENEROUS, Map.of());
    public static final ThrottlingSettings OFF = new ThrottlingSettings(Profile.OFF, Map.of());
    private static final Pattern QUOTA_NAME = Pattern.compile(
            Throttle.REPOSITORY_TOKEN + "|[a-z]+:(\\*|read|write|[A-Z][A-Za-z0-9]+)");

    public enum Profile {
        OFF, GENEROUS, AWS;

        public static Profile parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--throttling is generous, aws or off, got '" + text + "'");
            }
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ThrottlingSettings {
        if (profile == null) {
            profile = Profile.GENEROUS;
        }
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        for (String name : overrides.keySet()) {
            if (!QUOTA_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a quota name: use service:Operation "
                        + "(gamelift:GetComputeAuthToken), service:* (sts:*), codeartifact:read, codeartifact:write "
                        + "or " + Throttle.REPOSITORY_TOKEN);
            }
        }
    }

    /**
     * Settings from their text: a profile name and a comma-separated list of {@code NAME=RATE[/BURST]}, e.g.
     * {@code gamelift:GetComputeAuthToken=5/10,sts:*=600}; {@code quotas} may be null or blank.
     */
    public static ThrottlingSettings parse(String profile, String quotas) {
        Map<String, RateLimit> overrides = new LinkedHashMap<>();
        if (quotas != null && !quotas.isBlank()) {
            for (String entry : quotas.split(",")) {
                int equals = entry.indexOf('=');
                if (equals < 0) {
                    throw new IllegalArgumentException("--throttling-quotas takes NAME=RATE[/BURST] entries separated "
                            + "by commas, got '" + entry.strip() + "'");
                }
                overrides.put(entry.substring(0, equals).strip(), RateLimit.parse(entry.substring(equals + 1)));
            }
        }
        return new ThrottlingSettings(profile == null ? Profile.GENEROUS : Profile.parse(profile), overrides);
    }

    /** These settings with one more quota override. */
    public ThrottlingSettings with(String quota, RateLimit limit) {
        Map<String, RateLimit> more = new LinkedHashMap<>(overrides);
        more.put(quota, limit);
        return new ThrottlingSettings(profile, more);
    }

    @Override
    public String toString() {
        return overrides.isEmpty() ? profile.toString() : profile + " " + overrides;
    }
}
