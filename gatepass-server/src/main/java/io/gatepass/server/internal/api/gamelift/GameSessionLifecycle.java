package io.gatepass.server.internal.api.gamelift;

import io.gatepass.core.gamelift.GameSession;
import io.gatepass.core.gamelift.PlayerSession;
import io.gatepass.server.internal.api.Paging;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.DescribePlayerSessionsInput;
import io.gatepass.server.internal.gamelift.GameSessionEvents;
import io.gatepass.server.internal.gamelift.PlayerSessionView;
import io.gatepass.server.internal.gamelift.ServerProcess;
import io.gatepass.store.Store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What connected game servers report about their sessions (the SDK's ActivateGameSession, AcceptPlayerSession,
 * RemovePlayerSession, UpdatePlayerSessionCreationPolicy, DescribePlayerSessions and ProcessEnding). A process may only
 * act on the game session placed on it, and on that game session's player sessions.
 */
final class GameSessionLifecycle implements GameSessionEvents {
    private final GameLiftSupport support;
    private final Store store;
    private final PlayerSessionOperations playerSessions;
    private final Clock clock;

    GameSessionLifecycle(GameLiftSupport support, Store store, PlayerSessionOperations playerSessions, Clock clock) {
        this.support = support;
        this.store = store;
        this.playerSessions = playerSessions;
        this.clock = clock;
    }

    @Override
    public void activateGameSession(ServerProcess process, String gameSessionId) {
        Instant now = now();
        SessionTimeouts.apply(store, process.fleetId(), now);
        GameSession session = owned(process, gameSessionId);
        if (GameSession.ACTIVE.equals(session.status())) {
            return;
        }
        if (!store.gameSessions().changeStatus(session.gameSessionId(), Set.of(GameSession.ACTIVATING),
                GameSession.ACTIVE, null, now)) {
            GameSession current = store.gameSessions().find(session.gameSessionId()).orElse(session);
            if (!GameSession.ACTIVE.equals(current.status())) {
                throw GameSessionOperations.statusConflict(current, "activated");
            }
        }
    }

    @Override
    public void acceptPlayerSession(ServerProcess process, String gameSessionId, String playerSessionId) {
        Instant now = now();
        SessionTimeouts.apply(store, process.fleetId(), now);
        PlayerSession player = ownedPlayer(process, gameSessionId, playerSessionId);
        if (!store.playerSessions().changeStatus(player.playerSessionId(), PlayerSession.RESERVED,
                PlayerSession.ACTIVE, null)) {
            String status = store.playerSessions().find(playerSessionId).map(PlayerSession::status).orElse("gone");
            throw GameLiftErrors.INVALID_GAME_SESSION_STATUS.exception(
                    "Player session %s is %s, not RESERVED: it cannot be accepted.", playerSessionId, status);
        }
    }

    @Override
    public void removePlayerSession(ServerProcess process, String gameSessionId, String playerSessionId) {
        Instant now = now();
        PlayerSession player = ownedPlayer(process, gameSessionId, playerSessionId);
        for (String from : new String[] {PlayerSession.ACTIVE, PlayerSession.RESERVED}) {
            if (store.playerSessions().changeStatus(player.playerSessionId(), from, PlayerSession.COMPLETED, now)) {
                return;
            }
        }
        String status = store.playerSessions().find(playerSessionId).map(PlayerSession::status).orElse("gone");
        throw GameLiftErrors.INVALID_GAME_SESSION_STATUS.exception(
                "Player session %s is %s: it cannot be removed.", playerSessionId, status);
    }

    @Override
    public void updatePlayerSessionCreationPolicy(ServerProcess process, String gameSessionId, String policy) {
        support.validation.oneOf("PlayerSessionPolicy", support.validation.required("PlayerSessionPolicy", policy),
                GameSessionOperations.CreationPolicy.class);
        GameSession s = owned(process, gameSessionId);
        GameSessionOperations.requireStatus(s, GameSession.LIVE, "updated");
        GameSession updated = new GameSession(s.accountId(), s.gameSessionId(), s.fleetId(), s.location(),
                s.computeName(), s.processId(), s.name(), s.creatorId(), s.maximumPlayerSessionCount(),
                s.currentPlayerSessionCount(), s.status(), s.statusReason(), policy, s.protectionPolicy(),
                s.gamePropertiesJson(), s.gameSessionData(), s.matchmakerData(), s.ipAddress(), s.dnsName(),
                s.port(), s.idempotencyToken(), s.createdAt(), s.terminatedAt());
        if (!store.gameSessions().update(updated)) {
            throw GameSessionOperations.statusConflict(store.gameSessions().find(gameSessionId).orElse(s), "updated");
        }
    }

    @Override
    public PlayerSessionPage describePlayerSessions(ServerProcess process, PlayerSessionQuery query) {
        Map<String, GameSession> games = new HashMap<>();
        DescribePlayerSessionsInput input = new DescribePlayerSessionsInput(query.gameSessionId(), query.playerId(),
                query.playerSessionId(), query.playerSessionStatusFilter(), query.limit(), query.nextToken());
        Paging.Page<PlayerSession> page = playerSessions.query(process.accountId(), input, now(), game -> {
        }, games);
        boolean named = query.gameSessionId() != null || query.playerSessionId() != null;
        for (GameSession game : games.values()) {
            if (named && !game.fleetId().equals(process.fleetId())) {
                throw GameLiftSupport.notFound("Game session %s not found in fleet %s.", game.gameSessionId(),
                        process.fleetId());
            }
        }
        // By player id alone: only the player's sessions in this process's fleet.
        return new PlayerSessionPage(page.items().stream().filter(p -> p.fleetId().equals(process.fleetId()))
                .map(p -> view(p, games.get(p.gameSessionId()))).toList(), page.nextToken());
    }

    private PlayerSessionView view(PlayerSession p, GameSession game) {
        return new PlayerSessionView(p.playerSessionId(), p.playerId(), p.gameSessionId(), p.fleetId(),
                support.fleetArn(p.accountId(), p.fleetId()), p.createdAt(), p.terminatedAt(), p.status(),
                game.ipAddress(), game.dnsName(), game.port(), p.playerData());
    }

    @Override
    public void processEnded(ServerProcess process, String statusReason) {
        if (statusReason != null) {
            support.validation.oneOf("StatusReason", statusReason, GameSessionOperations.StatusReason.class);
        }
        store.gameSessions().findLive(process.fleetId(), process.computeName(), process.processId())
                .ifPresent(session -> store.gameSessions().changeStatus(session.gameSessionId(), GameSession.LIVE,
                        GameSession.TERMINATED, statusReason, now()));
    }

    /** The game session, if it is the one placed on this process. */
    private GameSession owned(ServerProcess process, String gameSessionId) {
        support.validation.requiredString("GameSessionId", gameSessionId, 1, 512,
                GameSessionOperations.GAME_SESSION_ID);
        return store.gameSessions().find(gameSessionId)
                .filter(s -> s.fleetId().equals(process.fleetId()) && s.computeName().equals(process.computeName())
                        && s.processId().equals(process.processId()))
                .orElseThrow(() -> GameLiftSupport.notFound("Game session %s is not hosted by process %s.",
                        gameSessionId, process.processId()));
    }

    private PlayerSession ownedPlayer(ServerProcess process, String gameSessionId, String playerSessionId) {
        GameSession session = owned(process, gameSessionId);
        support.validation.requiredString("PlayerSessionId", playerSessionId, 1, 1024,
                PlayerSessionOperations.PLAYER_SESSION_ID);
        return store.playerSessions().find(playerSessionId)
                .filter(p -> Objects.equals(p.gameSessionId(), session.gameSessionId()))
                .orElseThrow(() -> GameLiftSupport.notFound("Player session %s not found in game session %s.",
                        playerSessionId, gameSessionId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
