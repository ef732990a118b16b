package io.gatepass.server.internal.ops;

import io.gatepass.core.gamelift.GameSession;
import io.gatepass.store.ServerProcessRecord;
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
    /**
     * A server process silent this long is gone: its SDK heartbeats every minute, and the node that held its
     * connection marks it unhealthy within minutes. Its row outlives it only when that node never starts again under
     * the same id (a replaced container, another port), which would otherwise keep it, and the game session on it,
     * forever. The sweep ends that game session (TERMINATED, INTERRUPTED, as when a process is lost) and removes the
     * row; the game session then goes after its 30 days like any other.
     */
    public static final Duration SILENT_SERVER_PROCESSES = Duration.ofDays(1);
    public static final Duration PERIOD = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final Store store;
    private final Clock clock;

    public Retention(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What one sweep removed. */
    public record Sweep(int expiredSessions, int endedGameSessions, int endedPlayerSessions,
                        int silentServerProcesses) {
        boolean removedAny() {
            return expiredSessions + endedGameSessions + endedPlayerSessions + silentServerProcesses > 0;
        }
    }

    /** Removes what is past its retention now; blocking (store calls). */
    public Sweep sweep() {
        Instant now = clock.instant();
        Sweep sweep = new Sweep(
                store.sessions().deleteExpiredBefore(now.minus(EXPIRED_SESSIONS)),
                store.gameSessions().deleteTerminatedBefore(now.minus(ENDED_GAME_SESSIONS)),
                store.playerSessions().deleteTerminatedBefore(now.minus(ENDED_GAME_SESSIONS)),
                removeSilentServerProcesses(now));
        if (sweep.removedAny()) {
            LOG.info("retention: removed {} expired temporary credentials, {} game sessions and {} player sessions"
                            + " that ended over {} days ago, {} server processes silent for a day",
                    sweep.expiredSessions(), sweep.endedGameSessions(), sweep.endedPlayerSessions(),
                    ENDED_GAME_SESSIONS.toDays(), sweep.silentServerProcesses());
        }
        return sweep;
    }

    private int removeSilentServerProcesses(Instant now) {
        int removed = 0;
        for (ServerProcessRecord p : store.serverProcesses().silentSince(now.minus(SILENT_SERVER_PROCESSES))) {
            store.gameSessions().findLive(p.fleetId(), p.computeName(), p.processId()).ifPresent(game ->
                    store.gameSessions().changeStatus(game.gameSessionId(), GameSession.LIVE, GameSession.TERMINATED,
                            "INTERRUPTED", now));
            if (store.serverProcesses().remove(p.fleetId(), p.computeName(), p.processId())) {
                removed++;
            }
        }
        return removed;
    }
}
