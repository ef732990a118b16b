package io.gatepass.server.internal.api.gamelift;

import io.gatepass.server.internal.gamelift.RuntimeConfigurations;
import io.gatepass.store.Store;

import java.time.Duration;
import java.time.Instant;

/**
 * The timeouts of game and player sessions, applied lazily: every operation that reads or changes sessions first
 * moves what has expired, with the injected clock's time, so no background task is needed for correctness.
 */
final class SessionTimeouts {
    /**
     * How long a game session may stay ACTIVATING before it goes to ERROR (GAME_SESSION_ACTIVATION_TIMEOUT) when its
     * fleet's runtime configuration sets no GameSessionActivationTimeoutSeconds (AWS publishes no default).
     */
    static final Duration ACTIVATION_TIMEOUT = Duration.ofMinutes(5);
    /** A player session not accepted within this goes to TIMEDOUT, as in AWS. */
    static final Duration RESERVATION_TIMEOUT = Duration.ofSeconds(60);

    private SessionTimeouts() {
    }

    /**
     * Expires the fleet's overdue activations (null fleet: none), after its runtime configuration's
     * GameSessionActivationTimeoutSeconds, and every overdue player session reservation.
     */
    static void apply(Store store, String fleetIdOrNull, Instant now) {
        if (fleetIdOrNull != null) {
            store.gameSessions().expireActivations(fleetIdOrNull, now.minus(activationTimeout(store, fleetIdOrNull)),
                    now);
        }
        store.playerSessions().expireReservations(now.minus(RESERVATION_TIMEOUT), now);
    }

    static Duration activationTimeout(Store store, String fleetId) {
        Integer seconds = new RuntimeConfigurations(store.fleets()).of(fleetId).gameSessionActivationTimeoutSeconds();
        return seconds == null ? ACTIVATION_TIMEOUT : Duration.ofSeconds(seconds);
    }

    static Instant reservedBefore(Instant now) {
        return now.minus(RESERVATION_TIMEOUT);
    }
}
