package io.gatepass.server.internal.api.gamelift;

import io.gatepass.core.error.ServiceException;
import io.gatepass.core.gamelift.Fleet;
import io.gatepass.core.gamelift.FleetLocation;
import io.gatepass.core.gamelift.FleetUsage;
import io.gatepass.core.gamelift.GameSession;
import io.gatepass.core.gamelift.search.FilterExpression;
import io.gatepass.core.gamelift.search.SearchExpressionException;
import io.gatepass.core.gamelift.search.SearchableGameSession;
import io.gatepass.core.gamelift.search.SortExpression;
import io.gatepass.server.internal.api.CallContext;
import io.gatepass.server.internal.api.Paging;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.CreateGameSessionInput;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.DescribeFleetUtilizationInput;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.DescribeFleetUtilizationOutput;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.DescribeGameSessionDetailsOutput;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.DescribeGameSessionsInput;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.DescribeGameSessionsOutput;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.FleetUtilization;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.GameProperty;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.GameSessionDetail;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.GameSessionOutput;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.SearchGameSessionsInput;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.TerminateGameSessionInput;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.UpdateGameSessionInput;
import io.gatepass.server.internal.gamelift.GameSessionStart;
import io.gatepass.server.internal.gamelift.ServerProcess;
import io.gatepass.server.internal.gamelift.ServerProcesses;
import io.gatepass.store.DuplicateEntityException;
import io.gatepass.store.ReferenceViolationException;
import io.gatepass.store.Store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CreateGameSession, DescribeGameSessions, DescribeGameSessionDetails, SearchGameSessions, UpdateGameSession,
 * TerminateGameSession and DescribeFleetUtilization. A game session is placed on a connected, activated process of the
 * fleet's location that holds no live game session (the store makes that atomic across nodes), which is then told
 * to start it; it is ACTIVATING until the process calls ActivateGameSession.
 */
final class GameSessionOperations {
    static final Pattern GAME_SESSION_ID = Pattern.compile("[a-zA-Z0-9:/-]+");
    private static final Pattern ID_STRING = Pattern.compile("[a-zA-Z0-9-]+");
    private static final int MAX_PLAYERS = 200;
    private static final int LIST_LIMIT = 100;
    private static final int SEARCH_LIMIT = 20;
    private static final int SEARCH_BATCH = 500;

    private final GameLiftSupport support;
    private final Store store;
    private final FleetOperations fleets;
    private final ServerProcesses processes;

    GameSessionOperations(GameLiftSupport support, Store store, FleetOperations fleets, ServerProcesses processes) {
        this.support = support;
        this.store = store;
        this.fleets = fleets;
        this.processes = processes;
    }

    GameSessionOutput createGameSession(CreateGameSessionInput input, CallContext context) {
        var v = support.validation;
        int maximum = v.range("MaximumPlayerSessionCount",
                v.required("MaximumPlayerSessionCount", input.maximumPlayerSessionCount()), 0, MAX_PLAYERS);
        String name = v.optionalString("Name", input.name(), 1, 1024, null);
        List<GameProperty> properties = GameProperties.validate(v, input.gameProperties());
        String creatorId = v.optionalString("CreatorId", input.creatorId(), 1, 1024, null);
        String customId = v.optionalString("GameSessionId", input.gameSessionId(), 1, 48, ID_STRING);
        String token = v.optionalString("IdempotencyToken", input.idempotencyToken(), 1, 48, ID_STRING);
        String data = v.optionalString("GameSessionData", input.gameSessionData(), 1, 262144, null);
        String location = v.optionalString("Location", input.location(), 1, 64, GameLiftSupport.LOCATION);
        Fleet fleet = fleet(context, input.fleetId(), input.aliasId());
        if (!Fleet.STATUS_ACTIVE.equals(fleet.status())) {
            throw GameLiftErrors.INVALID_FLEET_STATUS.exception("Fleet %s is %s, not ACTIVE.", fleet.fleetId(),
                    fleet.status());
        }
        if (location == null) {
            throw GameLiftErrors.INVALID_REQUEST.exception("CreateGameSession on an ANYWHERE fleet needs a Location: "
                    + "one of the custom locations of fleet %s.", fleet.fleetId());
        }
        boolean onFleet = store.fleets().locations(fleet.fleetId()).stream().map(FleetLocation::location)
                .anyMatch(location::equals);
        if (!onFleet) {
            throw GameLiftErrors.INVALID_REQUEST.exception("Location %s is not a location of fleet %s.", location,
                    fleet.fleetId());
        }
        String suffix = token != null ? token : customId != null ? customId : support.ids.gameSessionId();
        String gameSessionId = support.gameSessionArn(fleet.fleetId(), location, suffix);
        var existing = store.gameSessions().find(gameSessionId);
        if (existing.isPresent()) {
            return new GameSessionOutput(repeated(existing.get(), token));
        }
        Instant now = context.now().truncatedTo(ChronoUnit.MILLIS);
        SessionTimeouts.apply(store, fleet.fleetId(), now);
        Set<String> busy = store.gameSessions().busyProcesses(fleet.fleetId());
        ActivationLimit activations = ActivationLimit.of(store, fleet.fleetId());
        String propertiesJson = GameProperties.toJson(properties);
        for (ServerProcess process : processes.activeProcesses(fleet.fleetId(), location)) {
            if (busy.contains(process.computeName() + "/" + process.processId())
                    || activations.reached(process.computeName())) {
                continue;
            }
            GameSession session = new GameSession(fleet.accountId(), gameSessionId, fleet.fleetId(), location,
                    process.computeName(), process.processId(), name, creatorId, maximum, 0, GameSession.ACTIVATING,
                    null, GameSession.ACCEPT_ALL, FleetExtras.fromJson(fleet.attributesJson())
                    .newGameSessionProtectionPolicy(), propertiesJson, data, null, process.ipAddress(),
                    process.dnsName(), process.port(), token, now, null);
            try {
                store.gameSessions().create(session);
            } catch (DuplicateEntityException e) {
                var raced = store.gameSessions().find(gameSessionId);
                if (raced.isPresent()) {
                    return new GameSessionOutput(repeated(raced.get(), token));
                }
                continue; // another placement took this process meanwhile
            } catch (ReferenceViolationException e) {
                throw FleetOperations.fleetNotFound(fleet.fleetId());
            }
            if (processes.startGameSession(process.processId(), start(session, properties))) {
                return new GameSessionOutput(shape(session));
            }
            store.gameSessions().delete(gameSessionId, GameSession.ACTIVATING); // the process went away
        }
        throw GameLiftErrors.FLEET_CAPACITY_EXCEEDED.exception("Fleet %s has no available process in location %s "
                + "to host a game session: every connected, active process already hosts one%s.", fleet.fleetId(),
                location, activations.limited() ? ", or its compute has MaxConcurrentGameSessionActivations game"
                        + " sessions activating" : "");
    }

    /** The same IdempotencyToken returns the original game session; a reused GameSessionId is a mismatch. */
    private GameSessionShapes.GameSession repeated(GameSession existing, String token) {
        if (token == null) {
            throw GameLiftErrors.IDEMPOTENT_PARAMETER_MISMATCH.exception(
                    "A game session with ID %s already exists in fleet %s.", existing.gameSessionId(),
                    existing.fleetId());
        }
        return shape(existing);
    }

    static GameSessionStart start(GameSession session, List<GameProperty> properties) {
        return new GameSessionStart(session.gameSessionId(), session.name(), session.maximumPlayerSessionCount(),
                session.port(), session.ipAddress(), session.dnsName(), GameProperties.toMap(properties),
                session.gameSessionData(), session.matchmakerData());
    }

    DescribeGameSessionsOutput describeGameSessions(DescribeGameSessionsInput input, CallContext context) {
        Paging.Page<GameSession> page = describe(input, context);
        return new DescribeGameSessionsOutput(page.items().stream().map(this::shape).toList(), page.nextToken());
    }

    DescribeGameSessionDetailsOutput describeGameSessionDetails(DescribeGameSessionsInput input,
                                                                CallContext context) {
        Paging.Page<GameSession> page = describe(input, context);
        return new DescribeGameSessionDetailsOutput(page.items().stream()
                .map(g -> new GameSessionDetail(shape(g), g.protectionPolicy())).toList(), page.nextToken());
    }

    private Paging.Page<GameSession> describe(DescribeGameSessionsInput input, CallContext context) {
        var v = support.validation;
        String location = v.optionalString("Location", input.location(), 1, 64, GameLiftSupport.LOCATION);
        v.optionalString("StatusFilter", input.statusFilter(), 1, 1024, null);
        v.oneOf("StatusFilter", input.statusFilter(), GameSessionStatus.class);
        String status = input.statusFilter();
        int limit = support.positiveLimit(input.limit(), LIST_LIMIT);
        String after = support.after(input.nextToken());
        if (input.gameSessionId() != null) {
            GameSession found = find(context, input.gameSessionId());
            if (input.fleetId() != null && !support.fleetId(input.fleetId()).equals(found.fleetId())) {
                return new Paging.Page<>(List.of(), null);
            }
            SessionTimeouts.apply(store, found.fleetId(), context.now());
            GameSession current = store.gameSessions().find(found.gameSessionId()).orElse(found);
            boolean matches = (location == null || location.equals(current.location()))
                    && (status == null || status.equals(current.status()));
            return new Paging.Page<>(matches ? List.of(current) : List.of(), null);
        }
        Fleet fleet = fleet(context, input.fleetId(), input.aliasId());
        SessionTimeouts.apply(store, fleet.fleetId(), context.now());
        return Paging.of(store.gameSessions().list(fleet.fleetId(), location, status, after, limit + 1), limit,
                GameSession::gameSessionId);
    }

    DescribeGameSessionsOutput searchGameSessions(SearchGameSessionsInput input, CallContext context) {
        var v = support.validation;
        String location = v.optionalString("Location", input.location(), 1, 64, GameLiftSupport.LOCATION);
        String filterText = v.optionalString("FilterExpression", input.filterExpression(), 1, 1024, null);
        String sortText = v.optionalString("SortExpression", input.sortExpression(), 1, 1024, null);
        int limit = Math.min(SEARCH_LIMIT, support.positiveLimit(input.limit(), SEARCH_LIMIT));
        int offset = offset(input.nextToken());
        FilterExpression filter;
        SortExpression sort;
        try {
            filter = filterText == null ? null : FilterExpression.parse(filterText);
            sort = sortText == null ? null : SortExpression.parse(sortText);
        } catch (SearchExpressionException e) {
            throw GameLiftErrors.INVALID_REQUEST.exception("%s", e.getMessage());
        }
        Fleet fleet = fleet(context, input.fleetId(), input.aliasId());
        SessionTimeouts.apply(store, fleet.fleetId(), context.now());
        List<Candidate> matches = new ArrayList<>();
        String after = null;
        while (true) {
            List<GameSession> batch = store.gameSessions().list(fleet.fleetId(), location, GameSession.ACTIVE, after,
                    SEARCH_BATCH);
            for (GameSession session : batch) {
                Candidate candidate = new Candidate(session, searchable(session));
                if (filter == null || filter.matches(candidate.searchable())) {
                    matches.add(candidate);
                }
            }
            if (batch.size() < SEARCH_BATCH) {
                break;
            }
            after = batch.get(batch.size() - 1).gameSessionId();
        }
        if (sort != null) {
            // Ties keep id order, so that pages of one sort do not overlap.
            matches.sort(Comparator.comparing(Candidate::searchable, sort.comparator()));
        }
        int end = Math.min(matches.size(), offset + limit);
        List<GameSessionShapes.GameSession> items = offset >= matches.size() ? List.of()
                : matches.subList(offset, end).stream().map(c -> shape(c.session())).toList();
        return new DescribeGameSessionsOutput(items, end < matches.size() ? offsetToken(end) : null);
    }

    private record Candidate(GameSession session, SearchableGameSession searchable) {
    }

    private static SearchableGameSession searchable(GameSession s) {
        return new SearchableGameSession(s.gameSessionId(), s.name(), s.createdAt().toEpochMilli(),
                s.currentPlayerSessionCount(), s.maximumPlayerSessionCount(),
                GameProperties.toMap(GameProperties.fromJson(s.gamePropertiesJson())));
    }

    private int offset(String nextToken) {
        String after = support.after(nextToken);
        if (after == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(after));
        } catch (NumberFormatException e) {
            throw GameLiftErrors.INVALID_REQUEST.exception("Invalid NextToken: %s", nextToken);
        }
    }

    private static String offsetToken(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.valueOf(offset).getBytes(StandardCharsets.UTF_8));
    }

    GameSessionOutput updateGameSession(UpdateGameSessionInput input, CallContext context) {
        var v = support.validation;
        Integer maximum = v.range("MaximumPlayerSessionCount", input.maximumPlayerSessionCount(), 0, MAX_PLAYERS);
        String name = v.optionalString("Name", input.name(), 1, 1024, null);
        v.oneOf("PlayerSessionCreationPolicy", input.playerSessionCreationPolicy(), CreationPolicy.class);
        v.oneOf("ProtectionPolicy", input.protectionPolicy(), FleetOperations.ProtectionPolicy.class);
        List<GameProperty> properties = input.gameProperties() == null ? null
                : GameProperties.validate(v, input.gameProperties());
        GameSession current = find(context, input.gameSessionId());
        SessionTimeouts.apply(store, current.fleetId(), context.now());
        current = store.gameSessions().find(current.gameSessionId()).orElse(current);
        requireStatus(current, Set.of(GameSession.ACTIVATING, GameSession.ACTIVE), "updated");
        GameSession updated = new GameSession(current.accountId(), current.gameSessionId(), current.fleetId(),
                current.location(), current.computeName(), current.processId(), name == null ? current.name() : name,
                current.creatorId(), maximum == null ? current.maximumPlayerSessionCount() : maximum,
                current.currentPlayerSessionCount(), current.status(), current.statusReason(),
                orElse(input.playerSessionCreationPolicy(), current.playerSessionCreationPolicy()),
                orElse(input.protectionPolicy(), current.protectionPolicy()),
                properties == null ? current.gamePropertiesJson() : GameProperties.toJson(properties),
                current.gameSessionData(), current.matchmakerData(), current.ipAddress(), current.dnsName(),
                current.port(), current.idempotencyToken(), current.createdAt(), current.terminatedAt());
        if (!store.gameSessions().update(updated)) {
            throw statusConflict(store.gameSessions().find(current.gameSessionId()).orElse(current), "updated");
        }
        return new GameSessionOutput(shape(store.gameSessions().find(current.gameSessionId()).orElse(updated)));
    }

    GameSessionOutput terminateGameSession(TerminateGameSessionInput input, CallContext context) {
        var v = support.validation;
        TerminationMode mode = v.oneOf("TerminationMode", v.required("TerminationMode", input.terminationMode()),
                TerminationMode.class);
        GameSession session = find(context, input.gameSessionId());
        if (mode == TerminationMode.FORCE_TERMINATE) {
            throw GameLiftErrors.INVALID_REQUEST.exception("FORCE_TERMINATE is not available for ANYWHERE fleets "
                    + "that are not deployed with the GameLift agent; use TRIGGER_ON_PROCESS_TERMINATE.");
        }
        Instant now = context.now().truncatedTo(ChronoUnit.MILLIS);
        SessionTimeouts.apply(store, session.fleetId(), now);
        session = store.gameSessions().find(session.gameSessionId()).orElse(session);
        if (GameSession.TERMINATING.equals(session.status())) {
            return new GameSessionOutput(shape(session));
        }
        requireStatus(session, Set.of(GameSession.ACTIVATING, GameSession.ACTIVE), "terminated");
        String reason = StatusReason.TRIGGERED_ON_PROCESS_TERMINATE.name();
        if (!store.gameSessions().changeStatus(session.gameSessionId(),
                Set.of(GameSession.ACTIVATING, GameSession.ACTIVE), GameSession.TERMINATING, reason, now)) {
            throw statusConflict(store.gameSessions().find(session.gameSessionId()).orElse(session), "terminated");
        }
        // A process not connected here cannot be told; it stays TERMINATING until its process is reported ended
        // (ProcessEnding, or its connection lost for good), as every ending process is.
        processes.terminateProcess(session.processId(), now);
        return new GameSessionOutput(shape(store.gameSessions().find(session.gameSessionId()).orElse(session)));
    }

    DescribeFleetUtilizationOutput describeFleetUtilization(DescribeFleetUtilizationInput input,
                                                            CallContext context) {
        String account = context.principal().accountId();
        if (input.fleetIds() != null) {
            if (input.fleetIds().isEmpty()) {
                throw support.validation.fail("Value at 'fleetIds' failed to satisfy constraint: Member must have "
                        + "length greater than or equal to 1");
            }
            List<FleetUtilization> found = new ArrayList<>();
            for (String idOrArn : input.fleetIds()) {
                String fleetId = support.fleetId(idOrArn);
                store.fleets().find(account, fleetId).ifPresent(fleet -> {
                    support.authorize(context, fleet.fleetArn());
                    found.add(utilization(fleet, context.now()));
                });
            }
            return new DescribeFleetUtilizationOutput(found, null);
        }
        int limit = support.positiveLimit(input.limit(), LIST_LIMIT);
        String after = support.after(input.nextToken());
        support.authorize(context, "*");
        Paging.Page<Fleet> page = Paging.of(store.fleets().list(account, after, limit + 1), limit, Fleet::fleetId);
        return new DescribeFleetUtilizationOutput(page.items().stream().map(f -> utilization(f, context.now()))
                .toList(), page.nextToken());
    }

    private FleetUtilization utilization(Fleet fleet, Instant now) {
        SessionTimeouts.apply(store, fleet.fleetId(), now);
        FleetUsage usage = store.gameSessions().usage(fleet.fleetId());
        return new FleetUtilization(fleet.fleetId(), fleet.fleetArn(),
                processes.activeProcesses(fleet.fleetId(), null).size(), usage.activeGameSessions(),
                usage.currentPlayerSessions(), usage.maximumPlayerSessions(), support.region());
    }

    /** The game session named by a GameSessionId member, in the caller's account, authorized on its fleet. */
    GameSession find(CallContext context, String gameSessionIdInput) {
        String id = support.validation.requiredString("GameSessionId", gameSessionIdInput, 1, 512, GAME_SESSION_ID);
        GameSession session = store.gameSessions().find(id)
                .filter(s -> s.accountId().equals(context.principal().accountId()))
                .orElseThrow(() -> GameLiftSupport.notFound("Game session %s not found.", id));
        support.authorize(context, support.fleetArn(session.accountId(), session.fleetId()));
        return session;
    }

    private Fleet fleet(CallContext context, String fleetId, String aliasId) {
        if (fleetId == null && aliasId != null) {
            throw GameLiftErrors.INVALID_REQUEST.exception("Gatepass has no aliases: give a FleetId instead of %s.",
                    aliasId);
        }
        if (fleetId == null) {
            throw GameLiftErrors.INVALID_REQUEST.exception("%s needs a FleetId.", context.operation().name());
        }
        return fleets.find(context, fleetId);
    }

    static void requireStatus(GameSession session, Set<String> allowed, String what) {
        if (!allowed.contains(session.status())) {
            throw statusConflict(session, what);
        }
    }

    static ServiceException statusConflict(GameSession session, String what) {
        return GameLiftErrors.INVALID_GAME_SESSION_STATUS.exception("Game session %s is %s and cannot be %s.",
                session.gameSessionId(), session.status(), what);
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }

    GameSessionShapes.GameSession shape(GameSession s) {
        return new GameSessionShapes.GameSession(s.gameSessionId(), s.name(), s.fleetId(),
                support.fleetArn(s.accountId(), s.fleetId()), s.createdAt(), s.terminatedAt(),
                s.currentPlayerSessionCount(), s.maximumPlayerSessionCount(), s.status(), s.statusReason(),
                GameProperties.fromJson(s.gamePropertiesJson()), s.ipAddress(), s.dnsName(), s.port(),
                s.playerSessionCreationPolicy(), s.creatorId(), s.gameSessionData(), s.matchmakerData(),
                s.location(), s.computeName());
    }

    enum GameSessionStatus { ACTIVE, ACTIVATING, TERMINATED, TERMINATING, ERROR }

    enum CreationPolicy { ACCEPT_ALL, DENY_ALL }

    enum TerminationMode { TRIGGER_ON_PROCESS_TERMINATE, FORCE_TERMINATE }

    enum StatusReason { INTERRUPTED, TRIGGERED_ON_PROCESS_TERMINATE, FORCE_TERMINATED }
}
