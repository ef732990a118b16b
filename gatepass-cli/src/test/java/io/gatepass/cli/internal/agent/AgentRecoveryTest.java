package io.gatepass.cli.internal.agent;

import io.gatepass.cli.testing.CliTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.gamelift.GameLiftClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/** The server goes away for a while and comes back on the same port and data: the agent carries on by itself. */
class AgentRecoveryTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void agent_whileTheServerIsDown_keepsServingItsToken_andRecoversWhenTheServerIsBack(@TempDir Path dir)
            throws Exception {
        int port = Fleets.freePort();
        Path data = dir.resolve("data");
        Path tokenFile = dir.resolve("token");
        CliTestServer server = CliTestServer.start(data, port, Duration.ofHours(3), Clock.systemUTC());
        ScheduledExecutorService thread = Scheduler.daemonExecutor("test-agent");
        try (GameLiftClient client = Fleets.adminClient(server.endpoint())) {
            String fleetId = Fleets.anywhereFleet(client, "custom-recovery");
            AgentSettings fast = Fleets.settings(server.endpoint(), fleetId, "custom-recovery", "rack-recovery",
                    tokenFile, List.of(), 1);
            fast = new AgentSettings(fast.fleetId(), fast.location(), fast.ipAddress(), null, fast.computeName(),
                    fast.endpointUrl(), null, fast.region(), tokenFile, List.of(), 1, Duration.ofMillis(500),
                    fast.retryMinDelay(), fast.retryMaxDelay(), fast.gracePeriod(), null, "127.0.0.1", "text");
            Agent agent = new Agent(fast, client, Clock.systemUTC(), Scheduler.of(thread), Scheduler.of(thread),
                    new Random(3));
            agent.start();
            Poll.until("the agent wrote its token", WAIT, () -> Files.exists(tokenFile));
            AuthToken token = agent.keeper().current();

            server.close();
            Poll.until("three refreshes failed", WAIT, () -> agent.keeper().failures() >= 3);
            assertThat(agent.keeper().lastError()).isNotNull();
            assertThat(agent.keeper().current()).isEqualTo(token);
            assertThat(agent.keeper().hasValidToken()).isTrue();
            assertThat(Files.readString(tokenFile)).isEqualTo(token.token());

            Instant restarted = Instant.now();
            server = CliTestServer.start(data, port, Duration.ofHours(3), Clock.systemUTC());
            Poll.until("a refresh succeeded after the restart", WAIT, () -> agent.keeper().failures() == 0
                    && agent.keeper().lastRefresh().isAfter(restarted));
            assertThat(agent.keeper().lastError()).isNull();
            String served = Files.readString(tokenFile);
            assertThat(served).isEqualTo(agent.keeper().current().token());
            assertThat(server.server().computeTokenVerifier().verify(served).isValid()).isTrue();
            assertThat(agent.metrics().scrape()).containsPattern("gatepass_agent_token_refreshes_total\\{outcome=\""
                    + "failed\"} [1-9]");
            assertThat(agent.stop()).isTrue();
            assertThat(server.server().computeTokenVerifier().verify(served).isValid()).isFalse();
        } finally {
            thread.shutdownNow();
            server.close();
        }
    }

    @Test
    void agent_startedBeforeTheServer_registersOnceTheServerIsUp(@TempDir Path dir) throws Exception {
        int port = Fleets.freePort();
        Path data = dir.resolve("data");
        Path tokenFile = dir.resolve("token");
        String fleetId;
        String endpoint;
        try (CliTestServer setup = CliTestServer.start(data, port, Duration.ofHours(3), Clock.systemUTC());
             GameLiftClient client = Fleets.adminClient(setup.endpoint())) {
            fleetId = Fleets.anywhereFleet(client, "custom-late");
            endpoint = setup.endpoint();
        }
        ScheduledExecutorService thread = Scheduler.daemonExecutor("test-agent");
        CliTestServer server = null;
        try (GameLiftClient client = Fleets.adminClient(endpoint)) {
            Agent agent = new Agent(Fleets.settings(endpoint, fleetId, "custom-late", "rack-late", tokenFile,
                    List.of(), 1), client, Clock.systemUTC(), Scheduler.of(thread), Scheduler.of(thread),
                    new Random(4));
            agent.start();
            Poll.until("two registration attempts failed", WAIT, () -> agent.keeper().failures() >= 2);
            assertThat(agent.keeper().current()).isNull();
            assertThat(agent.fatal()).isNotDone();
            assertThat(tokenFile).doesNotExist();

            server = CliTestServer.start(data, port, Duration.ofHours(3), Clock.systemUTC());
            Poll.until("the agent wrote its token", WAIT, () -> Files.exists(tokenFile));
            assertThat(server.server().computeTokenVerifier().verify(Files.readString(tokenFile)).isValid()).isTrue();
            assertThat(agent.stop()).isTrue();
        } finally {
            thread.shutdownNow();
            if (server != null) {
                server.close();
            }
        }
    }
}
