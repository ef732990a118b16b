package io.gatepass.server.config;

import java.time.Duration;

/**
 * How the token signing key rings rotate.
 *
 * @param rotationOrNull how old the newest key of a ring may get before a node adds a new one ({@code
 *                       --token-key-rotation}, default 30 days); null for no automatic rotation ({@code off})
 * @param reloadPeriod   how often each node reloads its rings, reports the newest key it has loaded and does the
 *                       rotation work (one minute; shorter in tests); must be under five minutes
 */
public record TokenKeySettings(Duration rotationOrNull, Duration reloadPeriod) {
    public static final Duration DEFAULT_ROTATION = Duration.ofDays(30);
    public static final Duration DEFAULT_RELOAD_PERIOD = Duration.ofMinutes(1);
    public static final TokenKeySettings DEFAULTS = new TokenKeySettings(DEFAULT_ROTATION, DEFAULT_RELOAD_PERIOD);

    public TokenKeySettings {
        if (rotationOrNull != null && (rotationOrNull.isNegative() || rotationOrNull.isZero())) {
            throw new IllegalArgumentException("the token key rotation period must be positive, or off");
        }
        if (reloadPeriod == null || reloadPeriod.isNegative() || reloadPeriod.isZero()
                || reloadPeriod.compareTo(Duration.ofMinutes(5)) >= 0) {
            throw new IllegalArgumentException("the key ring reload period must be between 0 and 5 minutes");
        }
    }

    /**
     * The setting's text: {@code off}, a number of days such as {@code 30d}, or {@code null} for the default; any
     * other duration text is handed to {@code otherDuration}.
     */
    public static Duration parseRotation(String text, java.util.function.Function<String, Duration> otherDuration) {
        String value = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (value.equals("off")) {
            return null;
        }
        if (value.matches("\\d{1,5}d")) {
            long days = Long.parseLong(value.substring(0, value.length() - 1));
            if (days == 0) {
                throw new IllegalArgumentException("--token-key-rotation must be longer than zero, or off");
            }
            return Duration.ofDays(days);
        }
        return otherDuration.apply(text);
    }
}
