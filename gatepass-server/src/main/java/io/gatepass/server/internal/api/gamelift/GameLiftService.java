package io.gatepass.server.internal.api.gamelift;

import io.gatepass.core.id.IdGenerator;
import io.gatepass.core.token.ComputeAuthTokens;
import io.gatepass.core.token.ComputeRegistrations.Registration;
import io.gatepass.core.token.TokenAuthority;
import io.gatepass.server.internal.api.Naming;
import io.gatepass.server.internal.api.ErrorSpelling;
import io.gatepass.server.internal.api.OperationTable;
import io.gatepass.server.internal.api.ServiceDescriptor;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.*;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.CreateGameSessionInput;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.CreatePlayerSessionInput;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.CreatePlayerSessionsInput;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.DescribeFleetUtilizationInput;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.DescribeGameSessionsInput;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.DescribePlayerSessionsInput;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.SearchGameSessionsInput;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.TerminateGameSessionInput;
import io.gatepass.server.internal.api.gamelift.GameSessionShapes.UpdateGameSessionInput;
import io.gatepass.server.internal.auth.Authorizer;
import io.gatepass.server.internal.gamelift.GameSessionEvents;
import io.gatepass.server.internal.gamelift.RuntimeConfigurations;
import io.gatepass.server.internal.gamelift.ServerProcess;
import io.gatepass.server.internal.gamelift.ServerProcesses;
import io.gatepass.store.Store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** GameLift Anywhere, served over awsJson1_1 and rpcv2Cbor. */
public final class GameLiftService {
    public static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor("gamelift", "GameLift",
            Naming.PASCAL_CASE, GameLiftErrors.INVALID_REQUEST, ErrorSpelling.json(GameLiftErrors.values()));

    private GameLiftService() {
    }

    /** The fleet's InstanceRoleArn (what the SDK's GetFleetRoleCredentials may assume), or null. */
    public static String instanceRoleArn(io.gatepass.core.gamelift.Fleet fleet) {
        return FleetExtras.fromJson(fleet.attributesJson()).instanceRoleArn();
    }

    /**
     * Registers every GameLift operation, game sessions placed on {@code processes}.
     *
     * @return what connected game servers report, for the SDK endpoint to call
     */
    public static GameSessionEvents register(OperationTable table, Store store, Authorizer authorizer, String region,
                                             TokenAuthority<Registration, ComputeAuthTokens> tokens,
                                             Supplier<String> websocketBase,
                                             ServerProcesses processes, Clock clock, IdGenerator ids) {
        GameLiftSupport support = new GameLiftSupport(authorizer, region, ids);
        LocationOperations locations = new LocationOperations(support, store);
        FleetOperations fleets = new FleetOperations(support, store);
        RuntimeConfigurationOperations runtime = new RuntimeConfigurationOperations(support, fleets,
                new RuntimeConfigurations(store.fleets()));
        ComputeOperations computes = new ComputeOperations(support, store, fleets, tokens, websocketBase,
                processes);
        ServiceDescriptor g = DESCRIPTOR;
        table.add(g, "CreateLocation", CreateLocationInput.class, locations::createLocation)
                .add(g, "ListLocations", ListLocationsInput.class, locations::listLocations)
                .add(g, "DeleteLocation", DeleteLocationInput.class, locations::deleteLocation)
                .add(g, "CreateFleet", CreateFleetInput.class, fleets::createFleet)
                .add(g, "DescribeFleetAttributes", DescribeFleetAttributesInput.class, fleets::describeFleetAttributes)
                .add(g, "ListFleets", ListFleetsInput.class, fleets::listFleets)
                .add(g, "DeleteFleet", FleetIdInput.class, fleets::deleteFleet)
                .add(g, "CreateFleetLocations", CreateFleetLocationsInput.class, fleets::createFleetLocations)
                .add(g, "DeleteFleetLocations", DeleteFleetLocationsInput.class, fleets::deleteFleetLocations)
                .add(g, "DescribeFleetLocationAttributes",
                        GameLiftShapes.DescribeFleetLocationAttributesInput.class,
                        fleets::describeFleetLocationAttributes)
                .add(g, "UpdateRuntimeConfiguration",
                        RuntimeConfigurationOperations.UpdateRuntimeConfigurationInput.class,
                        runtime::updateRuntimeConfiguration)
                .add(g, "DescribeRuntimeConfiguration",
                        RuntimeConfigurationOperations.DescribeRuntimeConfigurationInput.class,
                        runtime::describeRuntimeConfiguration)
                .add(g, "RegisterCompute", RegisterComputeInput.class, computes::registerCompute)
                .add(g, "DeregisterCompute", ComputeInput.class, computes::deregisterCompute)
                .add(g, "DescribeCompute", ComputeInput.class, computes::describeCompute)
                .add(g, "ListCompute", ListComputeInput.class, computes::listCompute)
                .add(g, "GetComputeAuthToken", ComputeInput.class, computes::getComputeAuthToken);
        GameSessionOperations games = new GameSessionOperations(support, store, fleets, processes);
        PlayerSessionOperations players = new PlayerSessionOperations(support, store, games);
        table.add(g, "CreateGameSession", CreateGameSessionInput.class, games::createGameSession)
                .add(g, "DescribeGameSessions", DescribeGameSessionsInput.class, games::describeGameSessions)
                .add(g, "DescribeGameSessionDetails", DescribeGameSessionsInput.class,
                        games::describeGameSessionDetails)
                .add(g, "SearchGameSessions", SearchGameSessionsInput.class, games::searchGameSessions)
                .add(g, "UpdateGameSession", UpdateGameSessionInput.class, games::updateGameSession)
                .add(g, "TerminateGameSession", TerminateGameSessionInput.class, games::terminateGameSession)
                .add(g, "DescribeFleetUtilization", DescribeFleetUtilizationInput.class,
                        games::describeFleetUtilization)
                .add(g, "CreatePlayerSession", CreatePlayerSessionInput.class, players::createPlayerSession)
                .add(g, "CreatePlayerSessions", CreatePlayerSessionsInput.class, players::createPlayerSessions)
                .add(g, "DescribePlayerSessions", DescribePlayerSessionsInput.class, players::describePlayerSessions);
        return new GameSessionLifecycle(support, store, players, clock);
    }
}
