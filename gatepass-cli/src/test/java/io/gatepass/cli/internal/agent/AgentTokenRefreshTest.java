package io.gatepass.cli.internal.agent;

import io.gatepass.cli.testing.CliTestServer;
import io.gatepass.core.testing.ManualClock;
import io.gatepass.core.token.ComputeRegistrations.Registration;
import io.gatepass.core.token.Verification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.gamelift.GameLiftClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server whose tokens live 16 minutes, so a new one is handed out a minute after each; server and agent share a
 * clock the test moves, and the agent's refreshes run when the test says.
 */
class AgentTokenRefreshTest {
    private static final Duration TTL = Duration.ofMinutes(16);

    @TempDir
    static Path dir;
    static ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    static CliTestServer server;
    static GameLiftClient admin;
    static String fleetId;

    @BeforeAll
    static void startServer() {
        server = CliTestServer.start(dir.resolve("data"), 0, TTL, clock);
        admin = Fleets.adminClient(server.endpoint());
        fleetId = Fleets.anywhereFleet(admin, "custom-refresh");
    }

    @AfterAll
    static void stopServer() {
        admin.close();
        server.close();
    }

    @Test
    void agent_renewsTheTokenBeforeItExpires_andTheTokenFileAlwaysHoldsATokenTheServerAccepts() throws Exception {
        Path tokenFile = dir.resolve("token");
        ManualScheduler scheduler = new ManualScheduler(clock);
        Agent agent = new Agent(Fleets.settings(server.endpoint(), fleetId, "custom-refresh", "rack-refresh",
                tokenFile, List.of(), 1), admin, clock, scheduler, scheduler, new Random(1));
        agent.start();
        scheduler.runDue();
        AuthToken previous = agent.keeper().current();
        assertThat(previous.expiry()).isEqualTo(clock.instant().plus(TTL));
        assertAccepted(previous, Files.readString(tokenFile));

        for (int round = 0; round < 3; round++) {
            assertThat(scheduler.nextDelay()).as("asks just after less than 15 minutes are left")
                    .isEqualTo(TTL.minus(TokenKeeper.REISSUE_WHEN_LEFT).plus(TokenKeeper.REISSUE_MARGIN));
            scheduler.advanceToNextAndRun();
            AuthToken renewed = agent.keeper().current();
            assertThat(renewed.token()).isNotEqualTo(previous.token());
            assertThat(renewed.expiry()).isEqualTo(clock.instant().plus(TTL));
            assertThat(Duration.between(clock.instant(), previous.expiry()))
                    .as("renewed while the old token had almost 15 minutes left")
                    .isGreaterThan(Duration.ofMinutes(14));
            assertAccepted(renewed, Files.readString(tokenFile));
            previous = renewed;
        }
        assertThat(agent.metrics().scrape()).contains("gatepass_agent_token_refreshes_total{outcome=\"renewed\"} 4.0");
        assertThat(agent.stop()).isTrue();
        assertThat(server.server().computeTokenVerifier().verify(previous.token()))
                .isEqualTo(new Verification.Refused(Verification.Reason.REVOKED));
        assertThat(tokenFile).doesNotExist();
    }

    @Test
    void agent_whoseTokenHasMoreThan15MinutesLeft_asksAgainEachIntervalAndKeepsIt() throws Exception {
        ManualScheduler scheduler = new ManualScheduler(clock);
        AgentSettings settings = Fleets.settings(server.endpoint(), fleetId, "custom-refresh", "rack-interval",
                null, List.of(), 1);
        Duration interval = Duration.ofSeconds(25);
        settings = new AgentSettings(settings.fleetId(), settings.location(), settings.ipAddress(), null,
                settings.computeName(), settings.endpointUrl(), null, settings.region(), null, List.of(), 1, interval,
                settings.retryMinDelay(), settings.retryMaxDelay(), settings.gracePeriod(), null, "127.0.0.1", "text");
        Agent agent = new Agent(settings, admin, clock, scheduler, scheduler, new Random(1));
        agent.start();
        scheduler.runDue();
        AuthToken first = agent.keeper().current();
        for (int i = 0; i < 2; i++) {
            assertThat(scheduler.nextDelay()).isEqualTo(interval);
            scheduler.advanceToNextAndRun();
            assertThat(agent.keeper().current()).isEqualTo(first);
        }
        assertThat(scheduler.nextDelay()).as("the reissue point comes before the interval now")
                .isEqualTo(Duration.ofSeconds(1 + 60 - 50));
        scheduler.advanceToNextAndRun();
        assertThat(agent.keeper().current().token()).isNotEqualTo(first.token());
        assertThat(agent.metrics().scrape())
                .contains("gatepass_agent_token_refreshes_total{outcome=\"unchanged\"} 2.0");
        agent.stop();
    }

    private static void assertAccepted(AuthToken token, String tokenFileContent) {
        assertThat(tokenFileContent).isEqualTo(token.token());
        Verification verification = server.server().computeTokenVerifier().verify(tokenFileContent);
        assertThat(verification).isInstanceOf(Verification.Valid.class);
        assertThat(((Verification.Valid) verification).expiry()).isEqualTo(token.expiry());
        assertThat(((Verification.Valid<Registration>) verification).subject().fleetId()).isEqualTo(fleetId);
    }
}
