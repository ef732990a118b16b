package io.gatepass.server.testing;

import io.vertx.core.Vertx;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.ComputeType;
import software.amazon.awssdk.services.gamelift.model.CreateFleetRequest;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A real server (embedded store) with one Anywhere fleet, {@code studio}, at the custom location
 * {@code custom-home}, and the compute {@code rack-1} (10.0.0.7) registered in it; the administrator's GameLift
 * client, and a Vert.x for the websocket clients of game servers.
 */
public record AnywhereFleet(TestServer server, Vertx vertx, GameLiftClient gameLift, String fleetId)
        implements AutoCloseable {
    public static final String LOCATION = "custom-home";
    public static final String COMPUTE = "rack-1";

    /** @param fleet more of the fleet than its name, compute type and location (e.g. a runtime configuration) */
    public static AnywhereFleet start(Path dataDir, Consumer<CreateFleetRequest.Builder> fleet) {
        TestServer server = TestServer.start(null, dataDir);
        GameLiftClient gameLift = server.gameLift(TestServer.admin());
        gameLift.createLocation(r -> r.locationName(LOCATION));
        String fleetId = gameLift.createFleet(r -> fleet.accept(r.name("studio").computeType(ComputeType.ANYWHERE)
                .locations(l -> l.location(LOCATION)))).fleetAttributes().fleetId();
        AnywhereFleet started = new AnywhereFleet(server, Vertx.vertx(), gameLift, fleetId);
        started.register(COMPUTE);
        return started;
    }

    /** Registers another compute of the fleet, at the same address. */
    public void register(String computeName) {
        gameLift.registerCompute(r -> r.fleetId(fleetId).computeName(computeName).ipAddress("10.0.0.7")
                .location(LOCATION));
    }

    /** A compute auth token for {@code computeName}, as the agent gets it. */
    public String token(String computeName) {
        return gameLift.getComputeAuthToken(r -> r.fleetId(fleetId).computeName(computeName)).authToken();
    }

    /** The SDK websocket endpoint DescribeCompute advertises for {@code computeName}. */
    public String sdkEndpoint(String computeName) {
        return gameLift.describeCompute(r -> r.fleetId(fleetId).computeName(computeName)).compute()
                .gameLiftServiceSdkEndpoint();
    }

    @Override
    public void close() {
        server.close();
        vertx.close().await();
    }
}
