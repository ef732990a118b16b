package io.gatepass.server.it;

import io.gatepass.server.testing.GatepassServerExtension;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.ComputeType;
import software.amazon.awssdk.services.gamelift.model.RuntimeConfiguration;
import software.amazon.awssdk.services.gamelift.model.ServerProcess;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A fleet's RuntimeConfiguration through the AWS SDK for Java v2: CreateFleet, Update and Describe, and the errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuntimeConfigurationTest {
    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension();
    private TestServer server;
    private GameLiftClient gl;
    private String location;

    @BeforeAll
    void start() {
        server = GATEPASS.server();
        gl = server.gameLift(TestServer.admin());
        location = "custom-rc-" + System.nanoTime() % 1_000_000;
        gl.createLocation(r -> r.locationName(location));
    }

    private static ServerProcess process(String launchPath, String parameters, int concurrentExecutions) {
        return ServerProcess.builder().launchPath(launchPath).parameters(parameters)
                .concurrentExecutions(concurrentExecutions).build();
    }

    private String fleet(RuntimeConfiguration configuration) {
        return gl.createFleet(r -> r.name("rc").computeType(ComputeType.ANYWHERE).locations(l -> l.location(location))
                .runtimeConfiguration(configuration)).fleetAttributes().fleetId();
    }

    @Test
    void createFleet_keepsTheRuntimeConfiguration_andUpdateReplacesIt() {
        RuntimeConfiguration given = RuntimeConfiguration.builder()
                .serverProcesses(process("/local/game/server", "-port 7777 -map arena", 2))
                .maxConcurrentGameSessionActivations(3).gameSessionActivationTimeoutSeconds(300).build();
        String fleetId = fleet(given);

        assertThat(gl.describeRuntimeConfiguration(r -> r.fleetId(fleetId)).runtimeConfiguration()).isEqualTo(given);

        RuntimeConfiguration next = RuntimeConfiguration.builder()
                .serverProcesses(process("C:\\game\\server.exe", null, 1), process("/opt/other", "x=1", 4)).build();
        assertThat(gl.updateRuntimeConfiguration(r -> r.fleetId(fleetId).runtimeConfiguration(next))
                .runtimeConfiguration()).isEqualTo(next);
        String arn = gl.describeFleetAttributes(r -> r.fleetIds(fleetId)).fleetAttributes().get(0).fleetArn();
        assertThat(gl.describeRuntimeConfiguration(r -> r.fleetId(arn)).runtimeConfiguration()).isEqualTo(next);
    }

    @Test
    void aFleetCreatedWithout_hasAnEmptyRuntimeConfiguration() {
        String fleetId = fleet(null);

        RuntimeConfiguration none = gl.describeRuntimeConfiguration(r -> r.fleetId(fleetId)).runtimeConfiguration();

        assertThat(none.hasServerProcesses()).isFalse();
        assertThat(none.maxConcurrentGameSessionActivations()).isNull();
    }

    @Test
    void invalidConfigurations_areRefusedWithTheModelsMessages_andNothingChanges() {
        String fleetId = fleet(RuntimeConfiguration.builder().serverProcesses(process("/game/a", null, 1)).build());

        assertInvalid(fleetId, RuntimeConfiguration.builder().serverProcesses(process("/game/a", null, 0)).build(),
                "Value '0' at 'runtimeConfiguration.serverProcesses.1.member.concurrentExecutions' failed to satisfy "
                        + "constraint: Member must have value greater than or equal to 1");
        assertInvalid(fleetId, RuntimeConfiguration.builder().serverProcesses(process("/game/a", null, 1),
                        process("/game/$bad", null, 1)).build(),
                "at 'runtimeConfiguration.serverProcesses.2.member.launchPath' failed to satisfy constraint: Member "
                        + "must satisfy regular expression pattern");
        assertInvalid(fleetId, RuntimeConfiguration.builder().serverProcesses(process("/game/a", null, 1))
                        .gameSessionActivationTimeoutSeconds(601).build(),
                "Value '601' at 'runtimeConfiguration.gameSessionActivationTimeoutSeconds' failed to satisfy "
                        + "constraint: Member must have value less than or equal to 600");
        assertInvalid(fleetId, RuntimeConfiguration.builder().serverProcesses(Collections.emptyList()).build(),
                "Member must have length greater than or equal to 1");
        assertInvalid(fleetId, RuntimeConfiguration.builder().serverProcesses(process("/game/a", null, 30),
                process("/game/b", null, 21)).build(), "51 server processes concurrently; a compute runs at most 50");
        assertThatThrownBy(() -> gl.updateRuntimeConfiguration(r -> r.fleetId(fleetId)))
                .isInstanceOf(AwsServiceException.class).hasMessageContaining(
                        "Value null at 'runtimeConfiguration' failed to satisfy constraint: Member must not be null");

        assertThat(gl.describeRuntimeConfiguration(r -> r.fleetId(fleetId)).runtimeConfiguration().serverProcesses())
                .containsExactly(process("/game/a", null, 1));
    }

    @Test
    void unknownFleets_areNotFound() {
        RuntimeConfiguration valid = RuntimeConfiguration.builder().serverProcesses(process("/game/a", null, 1))
                .build();
        String unknown = "fleet-00000000-0000-4000-8000-000000000000";
        assertError(() -> gl.describeRuntimeConfiguration(r -> r.fleetId(unknown)), "NotFoundException",
                "Fleet " + unknown + " not found.");
        assertError(() -> gl.updateRuntimeConfiguration(r -> r.fleetId(unknown).runtimeConfiguration(valid)),
                "NotFoundException", "Fleet " + unknown + " not found.");
    }

    @Test
    void createFleet_withAnInvalidConfiguration_createsNoFleet() {
        int before = gl.listFleets(r -> r.limit(100)).fleetIds().size();
        assertError(() -> fleet(RuntimeConfiguration.builder().serverProcesses(process("", null, 1)).build()),
                "InvalidRequestException", "Member must have length greater than or equal to 1");
        assertThat(gl.listFleets(r -> r.limit(100)).fleetIds()).hasSize(before);
    }

    private void assertInvalid(String fleetId, RuntimeConfiguration configuration, String message) {
        assertError(() -> gl.updateRuntimeConfiguration(r -> r.fleetId(fleetId).runtimeConfiguration(configuration)),
                "InvalidRequestException", message);
    }

    private static void assertError(Runnable call, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOf(AwsServiceException.class).satisfies(t -> {
            AwsServiceException e = (AwsServiceException) t;
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).contains(message);
        });
    }
}
