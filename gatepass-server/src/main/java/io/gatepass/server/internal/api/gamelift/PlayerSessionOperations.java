package io.gatepass.server.internal.api.gamelift;

import io.gatepass.core.gamelift.GameSession;
import io.gatepass.core.gamelift.PlayerSession;
import io.gatepass.server.internal.api.CallContext;
import io.gatepass.server.internal.api.Paging;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.CreatePlayerSessionInput;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.CreatePlayerSessionOutput;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.CreatePlayerSessionsInput;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.CreatePlayerSessionsOutput;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.DescribePlayerSessionsInput;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.DescribePlayerSessionsOutput;
import io.gatepass.store.PlayerSessionStore.Admission;
import io.gatepass.store.Store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * CreatePlayerSession, CreatePlayerSessions and DescribePlayerSessions. A player session reserves a slot in an ACTIVE
 * game session that accepts players; it is RESERVED until the game server accepts it, and TIMEDOUT if that does not
 * happen within 60 seconds.
 */
final class PlayerSessionOperations {
    static final Pattern PLAYER_SESSION_ID = Pattern.compile("^psess-\\S+");
    private static final int MAX_PLAYER_IDS = 25;
    private static final int LIST_LIMIT = 100;

    private final GameLiftSupport support;
    private final Store store;
    private final GameSessionOperations gameSessions;

    PlayerSessionOperations(GameLiftSupport support, Store store, GameSessionOperations gameSessions) {
        this.support = support;
        this.store = store;
        this.gameSessions = gameSessions;
    }

    CreatePlayerSessionOutput createPlayerSession(CreatePlayerSessionInput input, CallContext context) {
        var v = support.validation;
        String playerId = v.requiredString("PlayerId", input.playerId(), 1, 1024, null);
        String playerData = v.optionalString("PlayerData", input.playerData(), 1, 2048, null);
        GameSession game = gameSessions.find(context, input.gameSessionId());
        List<PlayerSession> created = reserve(game, List.of(playerId), Map.of(playerId,
                playerData == null ? "" : playerData), context.now());
        return new CreatePlayerSessionOutput(shape(created.get(0), game));
    }

    CreatePlayerSessionsOutput createPlayerSessions(CreatePlayerSessionsInput input, CallContext context) {
        var v = support.validation;
        List<String> playerIds = v.required("PlayerIds", input.playerIds());
        if (playerIds.isEmpty() || playerIds.size() > MAX_PLAYER_IDS) {
            throw v.fail("Value at 'playerIds' failed to satisfy constraint: Member must have length between 1 and "
                    + MAX_PLAYER_IDS);
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String playerId : playerIds) {
            distinct.add(v.requiredString("PlayerIds", playerId, 1, 1024, null));
        }
        Map<String, String> data = input.playerDataMap() == null ? Map.of() : input.playerDataMap();
        for (Map.Entry<String, String> entry : data.entrySet()) {
            v.requiredString("PlayerDataMap.Key", entry.getKey(), 1, 1024, null);
            v.requiredString("PlayerDataMap.Value", entry.getValue(), 1, 2048, null);
            if (!distinct.contains(entry.getKey())) {
                throw GameLiftErrors.INVALID_REQUEST.exception("PlayerDataMap names player %s, who is not in "
                        + "PlayerIds.", entry.getKey());
            }
        }
        GameSession game = gameSessions.find(context, input.gameSessionId());
        List<PlayerSession> created = reserve(game, List.copyOf(distinct), data, context.now());
        return new CreatePlayerSessionsOutput(created.stream().map(p -> shape(p, game)).toList());
    }

    private List<PlayerSession> reserve(GameSession game, List<String> playerIds, Map<String, String> data,
                                        Instant when) {
        Instant now = when.truncatedTo(ChronoUnit.MILLIS);
        List<PlayerSession> sessions = new ArrayList<>();
        for (String playerId : playerIds) {
            String playerData = data.get(playerId);
            sessions.add(new PlayerSession(game.accountId(), support.ids.playerSessionId(), game.gameSessionId(),
                    game.fleetId(), playerId, playerData == null || playerData.isEmpty() ? null : playerData,
                    PlayerSession.RESERVED, now, null));
        }
        SessionTimeouts.apply(store, game.fleetId(), now);
        Admission admission = store.playerSessions().create(sessions, SessionTimeouts.reservedBefore(now));
        return switch (admission) {
            case ADMITTED -> sessions;
            case NO_GAME_SESSION -> throw GameLiftSupport.notFound("Game session %s not found.",
                    game.gameSessionId());
            case NOT_ACTIVE -> throw GameLiftErrors.INVALID_GAME_SESSION_STATUS.exception("Game session %s is %s; "
                    + "player sessions can only be created in an ACTIVE game session.", game.gameSessionId(),
                    store.gameSessions().find(game.gameSessionId()).map(GameSession::status).orElse("gone"));
            case DENY_ALL -> throw GameLiftErrors.INVALID_GAME_SESSION_STATUS.exception("Game session %s does not "
                    + "accept new player sessions (PlayerSessionCreationPolicy is DENY_ALL).", game.gameSessionId());
            case FULL -> throw GameLiftErrors.GAME_SESSION_FULL.exception("Game session %s has no room for %d more "
                    + "player(s).", game.gameSessionId(), sessions.size());
        };
    }

    DescribePlayerSessionsOutput describePlayerSessions(DescribePlayerSessionsInput input, CallContext context) {
        Map<String, GameSession> games = new HashMap<>();
        Paging.Page<PlayerSession> page = query(context.principal().accountId(), input, context.now(),
                game -> support.authorize(context,
                        support.fleetArn(game.accountId(), game.fleetId())), games);
        return new DescribePlayerSessionsOutput(page.items().stream()
                .map(p -> shape(p, games.get(p.gameSessionId()))).toList(), page.nextToken());
    }

    /**
     * The player sessions a DescribePlayerSessions names, of the account; {@code admit} is called with the game
     * session of each one returned (to authorize, or to check it belongs to a process), and {@code games} collects
     * them by id.
     */
    Paging.Page<PlayerSession> query(String accountId, DescribePlayerSessionsInput input, Instant now,
                                     Consumer<GameSession> admit, Map<String, GameSession> games) {
        var v = support.validation;
        String gameSessionId = v.optionalString("GameSessionId", input.gameSessionId(), 1, 512,
                GameSessionOperations.GAME_SESSION_ID);
        String playerId = v.optionalString("PlayerId", input.playerId(), 1, 1024, null);
        String playerSessionId = v.optionalString("PlayerSessionId", input.playerSessionId(), 1, 1024,
                PLAYER_SESSION_ID);
        v.optionalString("PlayerSessionStatusFilter", input.playerSessionStatusFilter(), 1, 1024, null);
        v.oneOf("PlayerSessionStatusFilter", input.playerSessionStatusFilter(), PlayerSessionStatus.class);
        String status = input.playerSessionStatusFilter();
        int limit = support.positiveLimit(input.limit(), LIST_LIMIT);
        String after = support.after(input.nextToken());
        if (gameSessionId == null && playerId == null && playerSessionId == null) {
            throw GameLiftErrors.INVALID_REQUEST.exception(
                    "DescribePlayerSessions needs a GameSessionId, a PlayerId or a PlayerSessionId.");
        }
        SessionTimeouts.apply(store, null, now);
        if (playerSessionId != null) {
            Optional<PlayerSession> found = store.playerSessions().find(playerSessionId)
                    .filter(p -> p.accountId().equals(accountId));
            if (found.isEmpty()) {
                throw GameLiftSupport.notFound("Player session %s not found.", playerSessionId);
            }
            admit.accept(game(found.get().gameSessionId(), games));
            PlayerSession p = found.get();
            boolean matches = (gameSessionId == null || gameSessionId.equals(p.gameSessionId()))
                    && (playerId == null || playerId.equals(p.playerId()))
                    && (status == null || status.equals(p.status()));
            return new Paging.Page<>(matches ? List.of(p) : List.of(), null);
        }
        if (gameSessionId != null) {
            GameSession game = store.gameSessions().find(gameSessionId).filter(g -> g.accountId().equals(accountId))
                    .orElseThrow(() -> GameLiftSupport.notFound("Game session %s not found.", gameSessionId));
            games.put(game.gameSessionId(), game);
            admit.accept(game);
        }
        Paging.Page<PlayerSession> page = Paging.of(store.playerSessions().list(accountId, gameSessionId, playerId,
                status, after, limit + 1), limit, PlayerSession::playerSessionId);
        for (PlayerSession p : page.items()) {
            if (!games.containsKey(p.gameSessionId())) {
                admit.accept(game(p.gameSessionId(), games));
            }
        }
        return page;
    }

    private GameSession game(String gameSessionId, Map<String, GameSession> games) {
        return games.computeIfAbsent(gameSessionId, id -> store.gameSessions().find(id)
                .orElseThrow(() -> GameLiftSupport.notFound("Game session %s not found.", id)));
    }

    GameSessionShapes.PlayerSession shape(PlayerSession p, GameSession game) {
        return new GameSessionShapes.PlayerSession(p.playerSessionId(), p.playerId(), p.gameSessionId(), p.fleetId(),
                support.fleetArn(p.accountId(), p.fleetId()), p.createdAt(), p.terminatedAt(), p.status(),
                game.ipAddress(), game.dnsName(), game.port(), p.playerData());
    }

    enum PlayerSessionStatus { RESERVED, ACTIVE, COMPLETED, TIMEDOUT }
}
