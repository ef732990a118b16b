package io.gatepass.server.ops;

import io.gatepass.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long the store keeps what has ended, and the sweep that removes the rest, so that no table grows without bound
 * on a long-running server. The sweep runs on a schedule (hourly) on any number of nodes at once: each statement
 * deletes rows by a cutoff, so running it twice, or on two nodes, removes nothing more.
 */
public final class Retention {
    /** Expired temporary credentials are kept a day, so that their errors say "expired" rather than "invalid". */
    public static final Duration EXPIRED_SESSIONS = Duration.ofDays(1);
    /** Ended game sessions and player sessions, as GameLift keeps them visible: 30 days. */
    public static final Duration ENDED_GAME_SESSIONS = Duration.ofDays(30);
    public static final Duration PERIOD = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final Store store;
    private final Clock clock;

    public Retention(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What one sweep removed. */
    public record Sweep(int expiredSessions, int endedGameSessions, int endedPlayerSessions) {
        boolean removedAny() {
            return expiredSessions + endedGameSessions + endedPlayerSessions > 0;
        }
    }

    /** Removes what is past its retention now; blocking (store calls). */
    public Sweep sweep() {
        Instant now = clock.instant();
        Sweep sweep = new Sweep(
                store.sessions().deleteExpiredBefore(now.minus(EXPIRED_SESSIONS)),
                store.gameSessions().deleteTerminatedBefore(now.minus(ENDED_GAME_SESSIONS)),
                store.playerSessions().deleteTerminatedBefore(now.minus(ENDED_GAME_SESSIONS)));
        if (sweep.removedAny()) {
            LOG.info("retention: removed {} expired temporary credentials, {} game sessions and {} player sessions"
                            + " that ended over {} days ago", sweep.expiredSessions(), sweep.endedGameSessions(),
                    sweep.endedPlayerSessions(), ENDED_GAME_SESSIONS.toDays());
        }
        return sweep;
    }
}
