package io.gatepass.server.api.gamelift;

import io.gatepass.server.api.Naming;
import io.gatepass.server.api.OperationTable;
import io.gatepass.server.api.ServiceDescriptor;
import io.gatepass.server.api.gamelift.GameLiftShapes.*;
import io.gatepass.server.auth.Authorizer;
import io.gatepass.store.Store;

import java.util.function.Supplier;

/** GameLift Anywhere, served over awsJson1_1 and rpcv2Cbor. */
public final class GameLiftService {
    public static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor("gamelift", "GameLift",
            Naming.PASCAL_CASE, GameLiftErrors.INVALID_REQUEST, GameLiftErrors::spell);

    private GameLiftService() {
    }

    /** The fleet's InstanceRoleArn (what the SDK's GetFleetRoleCredentials may assume), or null. */
    public static String instanceRoleArn(io.gatepass.core.gamelift.Fleet fleet) {
        return FleetExtras.fromJson(fleet.attributesJson()).instanceRoleArn();
    }

    public static void register(OperationTable table, Store store, Authorizer authorizer, String region,
                                ComputeTokens tokens, Supplier<String> websocketBase) {
        GameLiftSupport support = new GameLiftSupport(authorizer, region);
        LocationOperations locations = new LocationOperations(support, store);
        FleetOperations fleets = new FleetOperations(support, store);
        ComputeOperations computes = new ComputeOperations(support, store, fleets, tokens, websocketBase);
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
                .add(g, "RegisterCompute", RegisterComputeInput.class, computes::registerCompute)
                .add(g, "DeregisterCompute", ComputeInput.class, computes::deregisterCompute)
                .add(g, "DescribeCompute", ComputeInput.class, computes::describeCompute)
                .add(g, "ListCompute", ListComputeInput.class, computes::listCompute)
                .add(g, "GetComputeAuthToken", ComputeInput.class, computes::getComputeAuthToken);
    }
}
