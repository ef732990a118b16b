package io.gatepass.server.it;

import io.gatepass.core.token.ComputeRegistrations.Registration;
import io.gatepass.core.token.Verification;
import io.gatepass.server.testing.AwsErrors;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.Compute;
import software.amazon.awssdk.services.gamelift.model.ComputeStatus;
import software.amazon.awssdk.services.gamelift.model.ComputeType;
import software.amazon.awssdk.services.gamelift.model.CreateFleetResponse;
import software.amazon.awssdk.services.gamelift.model.FleetAttributes;
import software.amazon.awssdk.services.gamelift.model.FleetStatus;
import software.amazon.awssdk.services.gamelift.model.GetComputeAuthTokenResponse;
import software.amazon.awssdk.services.gamelift.model.ListComputeResponse;
import software.amazon.awssdk.services.gamelift.model.LocationModel;
import software.amazon.awssdk.services.iam.model.AccessKey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * GameLift Anywhere end to end through the AWS SDK for Java v2 (awsJson1_1), on H2 and PostgreSQL: every operation,
 * success and each error.
 */
abstract class GameLiftApiContract extends StoreContract {
    private static final String ACCOUNT = TestServer.ACCOUNT;

    GameLiftClient gl;

    @BeforeAll
    void clients() {
        gl = server.gameLift(TestServer.admin());
    }

    static void assertAwsError(Runnable call, String code, String messagePart) {
        AwsErrors.assertAwsErrorWithRequestId(call, code, 400, messagePart);
    }

    String location() {
        String name = unique("custom-loc");
        gl.createLocation(r -> r.locationName(name));
        return name;
    }

    FleetAttributes fleet(String... locations) {
        return gl.createFleet(r -> r.name(unique("fleet")).computeType(ComputeType.ANYWHERE)
                .locations(java.util.Arrays.stream(locations).map(l -> (software.amazon.awssdk.services.gamelift
                        .model.LocationConfiguration) software.amazon.awssdk.services.gamelift.model
                        .LocationConfiguration.builder().location(l).build()).toList())).fleetAttributes();
    }

    // ---------------------------------------------------------------- locations

    @Test
    void createLocation_thenList_thenDelete() {
        String name = unique("custom-home");
        LocationModel created = gl.createLocation(r -> r.locationName(name)).location();
        assertThat(created.locationName()).isEqualTo(name);
        assertThat(created.locationArn()).isEqualTo("arn:aws:gamelift:us-east-1:" + ACCOUNT + ":location/" + name);
        assertThat(gl.listLocationsPaginator(r -> r.limit(1)).locations()).extracting(LocationModel::locationName)
                .contains(name);
        assertThat(gl.listLocations(r -> r.filtersWithStrings("AWS")).locations()).isEmpty();
        gl.deleteLocation(r -> r.locationName(created.locationArn()));
        assertAwsError(() -> gl.deleteLocation(r -> r.locationName(name)), "NotFoundException", name);
    }

    @Test
    void createLocation_whenInvalidOrTaken_isRefused() {
        assertAwsError(() -> gl.createLocation(r -> r.locationName("home-base")), "InvalidRequestException",
                "locationName");
        assertAwsError(() -> gl.createLocation(r -> r.locationName("custom-")), "InvalidRequestException",
                "locationName");
        String name = location();
        assertAwsError(() -> gl.createLocation(r -> r.locationName(name)), "ConflictException", name);
    }

    @Test
    void deleteLocation_whenAFleetUsesIt_isInvalidRequest() {
        String name = location();
        fleet(name);
        assertAwsError(() -> gl.deleteLocation(r -> r.locationName(name)), "InvalidRequestException", name);
    }

    // ---------------------------------------------------------------- fleets

    @Test
    void createFleet_anywhere_isActiveAtOnce_andDescribableByIdOrArn() {
        String location = location();
        CreateFleetResponse created = gl.createFleet(r -> r.name("studio-fleet").description("d")
                .computeType(ComputeType.ANYWHERE).anywhereConfiguration(a -> a.cost("0.5"))
                .locations(l -> l.location(location)));
        FleetAttributes fleet = created.fleetAttributes();
        assertThat(fleet.fleetId()).matches("fleet-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(fleet.fleetArn()).isEqualTo("arn:aws:gamelift:us-east-1:" + ACCOUNT + ":fleet/" + fleet.fleetId());
        assertThat(fleet.status()).isEqualTo(FleetStatus.ACTIVE);
        assertThat(fleet.computeType()).isEqualTo(ComputeType.ANYWHERE);
        assertThat(fleet.anywhereConfiguration().cost()).isEqualTo("0.5");
        assertThat(fleet.creationTime()).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
        assertThat(created.locationStates()).singleElement().satisfies(s -> {
            assertThat(s.location()).isEqualTo(location);
            assertThat(s.status()).isEqualTo(FleetStatus.ACTIVE);
        });
        assertThat(gl.describeFleetAttributes(r -> r.fleetIds(fleet.fleetArn())).fleetAttributes())
                .singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("studio-fleet"));
        assertThat(gl.describeFleetAttributes(r -> r.fleetIds(fleet.fleetId(), "fleet-unknown")).fleetAttributes())
                .hasSize(1);
        assertThat(gl.listFleetsPaginator(r -> r.limit(1)).fleetIds()).contains(fleet.fleetId());
    }

    @Test
    void createFleet_whenNotAnywhereOrWithoutCustomLocations_isRefused() {
        String location = location();
        assertAwsError(() -> gl.createFleet(r -> r.name("f").computeType(ComputeType.EC2)
                .locations(l -> l.location(location))), "InvalidRequestException", "ANYWHERE");
        assertAwsError(() -> gl.createFleet(r -> r.name("f").locations(l -> l.location(location))),
                "InvalidRequestException", "ANYWHERE");
        assertAwsError(() -> gl.createFleet(r -> r.name("f").computeType(ComputeType.ANYWHERE)),
                "InvalidRequestException", "location");
        assertAwsError(() -> gl.createFleet(r -> r.name("f").computeType(ComputeType.ANYWHERE)
                .locations(l -> l.location("custom-never-made"))), "NotFoundException", "custom-never-made");
        assertAwsError(() -> gl.createFleet(r -> r.name("f").computeType(ComputeType.ANYWHERE)
                .locations(l -> l.location("us-west-2"))), "InvalidRequestException", "custom location");
    }

    @Test
    void fleetLocations_addAndRemove_keepAtLeastOne() {
        String first = location();
        String second = location();
        FleetAttributes fleet = fleet(first);
        assertThat(gl.createFleetLocations(r -> r.fleetId(fleet.fleetId()).locations(l -> l.location(second)))
                .locationStates()).singleElement().satisfies(s -> assertThat(s.location()).isEqualTo(second));
        assertAwsError(() -> gl.createFleetLocations(r -> r.fleetId(fleet.fleetId())
                .locations(l -> l.location(second))), "ConflictException", fleet.fleetId());
        gl.deleteFleetLocations(r -> r.fleetId(fleet.fleetId()).locations(second));
        assertAwsError(() -> gl.deleteFleetLocations(r -> r.fleetId(fleet.fleetId()).locations(first)),
                "InvalidRequestException", "at least one");
        assertAwsError(() -> gl.deleteFleetLocations(r -> r.fleetId("fleet-missing").locations(first)),
                "NotFoundException", "fleet-missing");
    }

    @Test
    void describeFleetLocationAttributes_listsTheFleetsLocations_pagedOrAsAsked() {
        String first = location();
        String second = location();
        FleetAttributes fleet = fleet(first);
        gl.createFleetLocations(r -> r.fleetId(fleet.fleetId()).locations(l -> l.location(second)));
        var all = gl.describeFleetLocationAttributes(r -> r.fleetId(fleet.fleetArn()));
        assertThat(all.fleetId()).isEqualTo(fleet.fleetId());
        assertThat(all.fleetArn()).isEqualTo(fleet.fleetArn());
        assertThat(all.locationAttributes()).extracting(a -> a.locationState().location())
                .containsExactlyInAnyOrder(first, second);
        assertThat(all.locationAttributes()).extracting(a -> a.locationState().statusAsString())
                .containsOnly("ACTIVE");
        assertThat(all.nextToken()).isNull();
        var page = gl.describeFleetLocationAttributes(r -> r.fleetId(fleet.fleetId()).limit(1));
        assertThat(page.locationAttributes()).hasSize(1);
        var rest = gl.describeFleetLocationAttributes(r -> r.fleetId(fleet.fleetId()).limit(1)
                .nextToken(page.nextToken()));
        assertThat(rest.nextToken()).isNull();
        assertThat(java.util.List.of(page.locationAttributes().get(0).locationState().location(),
                rest.locationAttributes().get(0).locationState().location())).containsExactlyInAnyOrder(first, second);
        assertThat(gl.describeFleetLocationAttributes(r -> r.fleetId(fleet.fleetId())
                .locations(second, "custom-not-on-fleet", first)).locationAttributes())
                .extracting(a -> a.locationState().location()).containsExactly(second, first);
        assertAwsError(() -> gl.describeFleetLocationAttributes(r -> r.fleetId("fleet-missing")),
                "NotFoundException", "fleet-missing");
    }

    @Test
    void deleteFleet_thenItIsGone_andItsTokensAreRefused() {
        String location = location();
        FleetAttributes fleet = fleet(location);
        gl.registerCompute(r -> r.fleetId(fleet.fleetId()).computeName("box-1").ipAddress("10.0.0.1")
                .location(location));
        String token = gl.getComputeAuthToken(r -> r.fleetId(fleet.fleetId()).computeName("box-1")).authToken();
        assertThat(server.server().computeTokenVerifier().verify(token)).isInstanceOf(Verification.Valid.class);
        gl.deleteFleet(r -> r.fleetId(fleet.fleetArn()));
        assertThat(server.server().computeTokenVerifier().verify(token)).isInstanceOf(Verification.Refused.class);
        assertAwsError(() -> gl.describeCompute(r -> r.fleetId(fleet.fleetId()).computeName("box-1")),
                "NotFoundException", fleet.fleetId());
        assertAwsError(() -> gl.deleteFleet(r -> r.fleetId(fleet.fleetId())), "NotFoundException", fleet.fleetId());
        assertThat(gl.describeFleetAttributes(r -> r.fleetIds(fleet.fleetId())).fleetAttributes()).isEmpty();
    }

    // ---------------------------------------------------------------- computes

    @Test
    void registerCompute_returnsAnActiveComputeWithGatepassEndpoints() {
        String location = location();
        FleetAttributes fleet = fleet(location);
        Compute compute = gl.registerCompute(r -> r.fleetId(fleet.fleetId()).computeName("rack-7")
                .ipAddress("192.168.1.7").location(location)).compute();
        assertThat(compute.computeStatus()).isEqualTo(ComputeStatus.ACTIVE);
        assertThat(compute.computeArn()).isEqualTo("arn:aws:gamelift:us-east-1:" + ACCOUNT + ":compute/rack-7");
        assertThat(compute.fleetArn()).isEqualTo(fleet.fleetArn());
        assertThat(compute.location()).isEqualTo(location);
        assertThat(compute.creationTime()).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
        assertThat(compute.gameLiftServiceSdkEndpoint())
                .isEqualTo("wss://127.0.0.1:" + server.server().tlsPort() + "/gamelift/sdk");
        assertThat(compute.gameLiftAgentEndpoint())
                .isEqualTo("wss://127.0.0.1:" + server.server().tlsPort() + "/gamelift/agent");

        Compute again = gl.registerCompute(r -> r.fleetId(fleet.fleetId()).computeName("rack-7")
                .ipAddress("192.168.1.7").location(location)).compute();
        assertThat(again.creationTime()).isEqualTo(compute.creationTime());
        assertAwsError(() -> gl.registerCompute(r -> r.fleetId(fleet.fleetId()).computeName("rack-7")
                .ipAddress("192.168.1.8").location(location)), "ConflictException", "rack-7");
        assertThat(gl.describeCompute(r -> r.fleetId(fleet.fleetArn()).computeName(compute.computeArn())).compute())
                .isEqualTo(compute);
    }

    @Test
    void registerCompute_whenInputIsIncomplete_isInvalidRequest() {
        String location = location();
        String other = location();
        FleetAttributes fleet = fleet(location);
        assertAwsError(() -> gl.registerCompute(r -> r.fleetId(fleet.fleetId()).computeName("c1")
                .location(location)), "InvalidRequestException", "IpAddress or a DnsName");
        assertAwsError(() -> gl.registerCompute(r -> r.fleetId(fleet.fleetId()).computeName("c1")
                .dnsName("host.example").location(other)), "InvalidRequestException", other);
        assertAwsError(() -> gl.registerCompute(r -> r.fleetId(fleet.fleetId()).computeName("bad name")
                .dnsName("host.example").location(location)), "InvalidRequestException", "computeName");
        assertAwsError(() -> gl.registerCompute(r -> r.fleetId("fleet-nope").computeName("c1")
                .dnsName("host.example").location(location)), "NotFoundException", "fleet-nope");
        assertAwsError(() -> gl.registerCompute(r -> r.fleetId("not-a-fleet").computeName("c1")
                .dnsName("host.example").location(location)), "InvalidRequestException", "fleetId");
    }

    @Test
    void listCompute_filtersByLocation_andPages() {
        String east = location();
        String west = location();
        FleetAttributes fleet = fleet(east, west);
        for (int i = 0; i < 3; i++) {
            int n = i;
            gl.registerCompute(r -> r.fleetId(fleet.fleetId()).computeName("east-" + n).dnsName("e" + n + ".lan")
                    .location(east));
        }
        gl.registerCompute(r -> r.fleetId(fleet.fleetId()).computeName("west-0").dnsName("w.lan").location(west));
        ListComputeResponse page = gl.listCompute(r -> r.fleetId(fleet.fleetId()).location(east).limit(2));
        assertThat(page.computeList()).hasSize(2);
        assertThat(page.nextToken()).isNotNull();
        assertThat(gl.listComputePaginator(r -> r.fleetId(fleet.fleetId()).location(east).limit(2)).computeList())
                .extracting(Compute::computeName).containsExactly("east-0", "east-1", "east-2");
        assertThat(gl.listCompute(r -> r.fleetId(fleet.fleetId())).computeList()).hasSize(4);
    }

    @Test
    void deregisterCompute_thenTokenIsRefused_andTheNameCanBeRegisteredAgainAtOnce() {
        String location = location();
        FleetAttributes fleet = fleet(location);
        gl.registerCompute(r -> r.fleetId(fleet.fleetId()).computeName("phoenix").ipAddress("10.1.1.1")
                .location(location));
        String oldToken = gl.getComputeAuthToken(r -> r.fleetId(fleet.fleetId()).computeName("phoenix")).authToken();
        gl.deregisterCompute(r -> r.fleetId(fleet.fleetId()).computeName("phoenix"));
        assertAwsError(() -> gl.getComputeAuthToken(r -> r.fleetId(fleet.fleetId()).computeName("phoenix")),
                "NotFoundException", "phoenix");
        assertAwsError(() -> gl.deregisterCompute(r -> r.fleetId(fleet.fleetId()).computeName("phoenix")),
                "NotFoundException", "phoenix");
        gl.registerCompute(r -> r.fleetId(fleet.fleetId()).computeName("phoenix").ipAddress("10.1.1.2")
                .location(location));
        String newToken = gl.getComputeAuthToken(r -> r.fleetId(fleet.fleetId()).computeName("phoenix")).authToken();
        assertThat(newToken).isNotEqualTo(oldToken);
        assertThat(server.server().computeTokenVerifier().verify(oldToken)).isInstanceOf(Verification.Refused.class);
        assertThat(server.server().computeTokenVerifier().verify(newToken)).isInstanceOf(Verification.Valid.class);
    }

    @Test
    void unknownFleetsComputesAndBadLimits_areRefusedWithGameLiftErrors() {
        String location = location();
        FleetAttributes fleet = fleet(location);
        assertAwsError(() -> gl.listCompute(r -> r.fleetId("fleet-00000000-0000-0000-0000-000000000000")),
                "NotFoundException", "fleet-00000000-0000-0000-0000-000000000000");
        assertAwsError(() -> gl.describeCompute(r -> r.fleetId(fleet.fleetId()).computeName("nobody")),
                "NotFoundException", "nobody");
        assertAwsError(() -> gl.getComputeAuthToken(r -> r.fleetId("fleet-gone").computeName("x")),
                "NotFoundException", "fleet-gone");
        assertAwsError(() -> gl.createFleetLocations(r -> r.fleetId(fleet.fleetId())
                .locations(l -> l.location("custom-not-made"))), "NotFoundException", "custom-not-made");
        assertAwsError(() -> gl.listLocations(r -> r.limit(201)), "InvalidRequestException", "limit");
        assertAwsError(() -> gl.listFleets(r -> r.limit(0)), "InvalidRequestException", "limit");
        assertAwsError(() -> gl.listFleets(r -> r.nextToken("%%%")), "InvalidRequestException", "NextToken");
        assertAwsError(() -> gl.describeCompute(r -> r.fleetId(fleet.fleetId()).computeName("no spaces")),
                "InvalidRequestException", "computeName");
        assertThat(gl.listFleets(r -> r.limit(5000)).fleetIds()).contains(fleet.fleetId());
    }

    // ---------------------------------------------------------------- tokens

    @Test
    void getComputeAuthToken_twice_returnsTheSameTokenAndExpiry_forThreeHours() {
        String location = location();
        FleetAttributes fleet = fleet(location);
        gl.registerCompute(r -> r.fleetId(fleet.fleetId()).computeName("tok").ipAddress("10.2.2.2")
                .location(location));
        GetComputeAuthTokenResponse first = gl.getComputeAuthToken(r -> r.fleetId(fleet.fleetId())
                .computeName("tok"));
        GetComputeAuthTokenResponse second = gl.getComputeAuthToken(r -> r.fleetId(fleet.fleetArn())
                .computeName("arn:aws:gamelift:us-east-1:" + ACCOUNT + ":compute/tok"));
        assertThat(first.authToken()).matches("^[a-zA-Z0-9\\-]{1,64}$");
        assertThat(second.authToken()).isEqualTo(first.authToken());
        assertThat(second.expirationTimestamp()).isEqualTo(first.expirationTimestamp());
        assertThat(first.expirationTimestamp()).isCloseTo(Instant.now().plus(Duration.ofHours(3)),
                within(Duration.ofMinutes(1)));
        assertThat(first.fleetArn()).isEqualTo(fleet.fleetArn());
        assertThat(first.computeArn()).endsWith(":compute/tok");
    }

    @Test
    void getComputeAuthToken_forAnotherCompute_neverValidatesAsThisOne() {
        String location = location();
        FleetAttributes fleet = fleet(location);
        for (String name : List.of("a-box", "b-box")) {
            gl.registerCompute(r -> r.fleetId(fleet.fleetId()).computeName(name).ipAddress("10.3.3.3")
                    .location(location));
        }
        String tokenA = gl.getComputeAuthToken(r -> r.fleetId(fleet.fleetId()).computeName("a-box")).authToken();
        String tokenB = gl.getComputeAuthToken(r -> r.fleetId(fleet.fleetId()).computeName("b-box")).authToken();
        assertThat(tokenA).isNotEqualTo(tokenB);
        assertThat(server.server().computeTokenVerifier().verify(tokenA)).isInstanceOfSatisfying(
                Verification.Valid.class, v -> assertThat(((Registration) v.subject()).computeName()).isEqualTo("a-box"));
    }

    @Test
    void gameLiftOperations_needAPolicy_forUsersOtherThanTheAdministrator() {
        String location = location();
        FleetAttributes fleet = fleet(location);
        var iam = server.iam(TestServer.admin());
        String user = unique("gl-user");
        iam.createUser(r -> r.userName(user));
        AccessKey key = iam.createAccessKey(r -> r.userName(user)).accessKey();
        GameLiftClient asUser = server.gameLift(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
        assertAwsError(() -> asUser.describeFleetAttributes(r -> r.fleetIds(fleet.fleetId())),
                "AccessDeniedException", "gamelift:DescribeFleetAttributes on resource: " + fleet.fleetArn());
        iam.putUserPolicy(r -> r.userName(user).policyName("fleet").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"gamelift:*\","
                        + "\"Resource\":\"" + fleet.fleetArn() + "\"}]}"));
        assertThat(asUser.describeFleetAttributes(r -> r.fleetIds(fleet.fleetId())).fleetAttributes()).hasSize(1);
        assertAwsError(() -> asUser.createLocation(r -> r.locationName(unique("custom-x"))), "AccessDeniedException",
                "gamelift:CreateLocation");
    }
}
