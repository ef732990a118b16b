package io.gatepass.server.it;

import io.gatepass.server.testing.GatepassServerExtension;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.ComputeType;
import software.amazon.awssdk.services.gamelift.model.GameLiftException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A FleetId or ComputeName ARN names exactly one resource: an ARN of another service or region is an
 * InvalidRequestException, one of another account names nothing the caller has (NotFoundException), never the
 * caller's own fleet or compute of the same id.
 */
class ForeignArnTest {
    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension();
    static TestServer server;
    static GameLiftClient gl;
    static String fleetId;
    static String fleetArn;

    @BeforeAll
    static void start() {
        server = GATEPASS.server();
        gl = server.gameLift(TestServer.admin());
        gl.createLocation(r -> r.locationName("custom-arn-test"));
        var fleet = gl.createFleet(r -> r.name("arn-test").computeType(ComputeType.ANYWHERE)
                .locations(l -> l.location("custom-arn-test"))).fleetAttributes();
        fleetId = fleet.fleetId();
        fleetArn = fleet.fleetArn();
        gl.registerCompute(r -> r.fleetId(fleetId).computeName("box-1").ipAddress("10.1.2.3")
                .location("custom-arn-test"));
    }

    @AfterAll
    static void stop() {
        gl.close();
    }

    @Test
    void fleetArn_ofTheCallersOwnFleet_works() {
        assertThat(gl.describeCompute(r -> r.fleetId(fleetArn).computeName("box-1")).compute().computeName())
                .isEqualTo("box-1");
    }

    @Test
    void fleetArn_ofAnotherAccount_isNotFound() {
        String foreign = "arn:aws:gamelift:us-east-1:999999999999:fleet/" + fleetId;
        assertThat(code(() -> gl.describeCompute(r -> r.fleetId(foreign).computeName("box-1"))))
                .isEqualTo("NotFoundException");
        assertThat(gl.describeFleetAttributes(r -> r.fleetIds(foreign)).fleetAttributes()).isEmpty();
    }

    @Test
    void fleetArn_ofAnotherRegionOrService_isInvalidRequest() {
        String region = "arn:aws:gamelift:eu-west-1:" + TestServer.ACCOUNT + ":fleet/" + fleetId;
        String service = "arn:aws:iam::" + TestServer.ACCOUNT + ":fleet/" + fleetId;
        assertThat(code(() -> gl.describeCompute(r -> r.fleetId(region).computeName("box-1"))))
                .isEqualTo("InvalidRequestException");
        assertThat(code(() -> gl.describeCompute(r -> r.fleetId(service).computeName("box-1"))))
                .isEqualTo("InvalidRequestException");
    }

    @Test
    void computeArn_ofAnotherAccount_isNotFound() {
        String foreign = "arn:aws:gamelift:us-east-1:999999999999:compute/box-1";
        assertThat(code(() -> gl.describeCompute(r -> r.fleetId(fleetId).computeName(foreign))))
                .isEqualTo("NotFoundException");
    }

    private static String code(Runnable call) {
        GameLiftException e = catchThrowableOfType(GameLiftException.class, call::run);
        assertThat(e).as("the call should have failed").isNotNull();
        return e.awsErrorDetails().errorCode();
    }
}
