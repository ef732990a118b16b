package io.gatepass.cli.internal.agent;

import io.gatepass.cli.testing.CliTestServer;
import io.gatepass.core.token.Verification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.gamelift.GameLiftClient;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Registering and re-registering against a real server, as agent restarts and operators bring it about. */
class ComputeRegistrationTest {
    private static final String LOCATION = "custom-registration";

    @TempDir
    static Path dir;
    static CliTestServer server;
    static GameLiftClient admin;
    static String fleetId;

    @BeforeAll
    static void startServer() {
        server = CliTestServer.start(dir.resolve("data"));
        admin = Fleets.adminClient(server.endpoint());
        fleetId = Fleets.anywhereFleet(admin, LOCATION);
    }

    @AfterAll
    static void stopServer() {
        admin.close();
        server.close();
    }

    private static ComputeRegistration registration(String computeName, String ipAddress) {
        AgentSettings settings = Fleets.settings(server.endpoint(), fleetId, LOCATION, computeName, null, List.of(), 1);
        return new ComputeRegistration(admin, new AgentSettings(settings.fleetId(), settings.location(), ipAddress,
                null, computeName, settings.endpointUrl(), null, settings.region(), null, List.of(), 1,
                settings.refreshInterval(), settings.retryMinDelay(), settings.retryMaxDelay(),
                settings.gracePeriod(), null, "127.0.0.1", "text"));
    }

    @Test
    void fetch_afterARestartWithTheSameAddress_takesOverTheRegistrationAndItsToken() {
        AuthToken before = registration("rack-same", "10.0.0.1").fetch();
        ComputeRegistration restarted = registration("rack-same", "10.0.0.1");
        AuthToken after = restarted.fetch();
        assertThat(after).isEqualTo(before);
        assertThat(restarted.current().sdkEndpoint())
                .isEqualTo("wss://127.0.0.1:" + server.server().tlsPort() + "/gamelift/sdk");
        assertThat(server.server().computeTokenVerifier().verify(after.token()).isValid()).isTrue();
    }

    @Test
    void fetch_whenTheNameIsRegisteredWithAnotherAddress_registersAgainWithThisOne() {
        AuthToken old = registration("rack-moved", "10.0.0.1").fetch();
        ComputeRegistration moved = registration("rack-moved", "10.0.0.2");
        AuthToken fresh = moved.fetch();
        assertThat(admin.describeCompute(r -> r.fleetId(fleetId).computeName("rack-moved")).compute().ipAddress())
                .isEqualTo("10.0.0.2");
        assertThat(server.server().computeTokenVerifier().verify(old.token()))
                .isEqualTo(new Verification.Refused(Verification.Reason.REVOKED));
        assertThat(server.server().computeTokenVerifier().verify(fresh.token()).isValid()).isTrue();
    }

    @Test
    void fetch_afterAnOperatorDeregisteredTheCompute_registersItAgain() {
        ComputeRegistration registration = registration("rack-removed", "10.0.0.1");
        AuthToken old = registration.fetch();
        admin.deregisterCompute(r -> r.fleetId(fleetId).computeName("rack-removed"));
        AuthToken fresh = registration.fetch();
        assertThat(fresh.token()).isNotEqualTo(old.token());
        assertThat(server.server().computeTokenVerifier().verify(fresh.token()).isValid()).isTrue();
    }

    @Test
    void fetch_forAFleetThatDoesNotExist_failsForGoodInsteadOfRetrying() {
        AgentSettings settings = Fleets.settings(server.endpoint(), "fleet-00000000-0000-0000-0000-000000000000",
                LOCATION, "rack-nofleet", null, List.of(), 1);
        ComputeRegistration registration = new ComputeRegistration(admin, settings);
        assertThatThrownBy(registration::fetch).isInstanceOf(AgentFatalException.class)
                .hasMessageContaining("NotFoundException");
    }

    @Test
    void deregister_makesTheTokenRefused_andIsFineWhenAlreadyGone() {
        ComputeRegistration registration = registration("rack-leaving", "10.0.0.1");
        AuthToken token = registration.fetch();
        assertThat(registration.deregister()).isTrue();
        assertThat(server.server().computeTokenVerifier().verify(token.token()).isValid()).isFalse();
        assertThat(registration.deregister()).isTrue();
    }
}
