package io.gatepass.cli.internal.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.cli.testing.CliTestServer;
import io.gatepass.core.token.ComputeRegistrations.Registration;
import io.gatepass.core.token.Verification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.NotFoundException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Game server processes the agent launches (real shell processes) against a real server, and its status endpoint. */
class AgentProcessesTest {
    private static final String LOCATION = "custom-processes";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path serverDir;
    static CliTestServer server;
    static GameLiftClient admin;
    static String fleetId;

    private final ScheduledExecutorService tokenThread = Scheduler.daemonExecutor("test-token");
    private final ScheduledExecutorService processThread = Scheduler.daemonExecutor("test-processes");
    private Agent agent;

    @BeforeAll
    static void startServer() {
        server = CliTestServer.start(serverDir.resolve("data"));
        admin = Fleets.adminClient(server.endpoint());
        fleetId = Fleets.anywhereFleet(admin, LOCATION);
    }

    @AfterAll
    static void stopServer() {
        admin.close();
        server.close();
    }

    @AfterEach
    void stopAgent() {
        if (agent != null) {
            agent.stop();
        }
        tokenThread.shutdownNow();
        processThread.shutdownNow();
    }

    private Agent start(AgentSettings settings) throws IOException {
        agent = new Agent(settings, admin, Clock.systemUTC(), Scheduler.of(tokenThread), Scheduler.of(processThread),
                new Random(5));
        agent.start();
        return agent;
    }

    private static List<String> shell(String script, Path dir) {
        return List.of("sh", "-c", script, dir.toString());
    }

    @Test
    void launchedProcesses_seeTheFiveGameLiftSdkVariables_andStopWithTheAgent(@TempDir Path dir) throws Exception {
        start(Fleets.settings(server.endpoint(), fleetId, LOCATION, "rack-env", null,
                shell("env | grep ^GAMELIFT_SDK_ > \"$0/env-$$.tmp\"; mv \"$0/env-$$.tmp\" \"$0/env-$$\"; "
                        + "exec sleep 600", dir), 2));
        Poll.until("both processes wrote their environment", WAIT, () -> files(dir, "env-").size() == 2);

        String sdkEndpoint = admin.describeCompute(r -> r.fleetId(fleetId).computeName("rack-env")).compute()
                .gameLiftServiceSdkEndpoint();
        List<Map<String, String>> environments = files(dir, "env-").stream().map(AgentProcessesTest::variables)
                .toList();
        for (Map<String, String> env : environments) {
            assertThat(env).containsOnlyKeys("GAMELIFT_SDK_WEBSOCKET_URL", "GAMELIFT_SDK_AUTH_TOKEN",
                    "GAMELIFT_SDK_FLEET_ID", "GAMELIFT_SDK_HOST_ID", "GAMELIFT_SDK_PROCESS_ID");
            assertThat(env).containsEntry("GAMELIFT_SDK_WEBSOCKET_URL", sdkEndpoint)
                    .containsEntry("GAMELIFT_SDK_FLEET_ID", fleetId)
                    .containsEntry("GAMELIFT_SDK_HOST_ID", "rack-env");
            assertThat(UUID.fromString(env.get("GAMELIFT_SDK_PROCESS_ID"))).isNotNull();
            Verification verification = server.server().computeTokenVerifier()
                    .verify(env.get("GAMELIFT_SDK_AUTH_TOKEN"));
            assertThat(verification).isInstanceOf(Verification.Valid.class);
            assertThat(((Verification.Valid<Registration>) verification).subject().computeName()).isEqualTo("rack-env");
        }
        assertThat(environments.get(0).get("GAMELIFT_SDK_PROCESS_ID"))
                .isNotEqualTo(environments.get(1).get("GAMELIFT_SDK_PROCESS_ID"));

        List<Long> pids = files(dir, "env-").stream()
                .map(f -> Long.parseLong(f.getFileName().toString().substring("env-".length()))).toList();
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isPresent());
        String token = environments.get(0).get("GAMELIFT_SDK_AUTH_TOKEN");
        assertThat(agent.stop()).isTrue();
        agent = null;
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                .isNotEqualTo(java.util.Optional.of(true)));
        assertThatThrownBy(() -> admin.describeCompute(r -> r.fleetId(fleetId).computeName("rack-env")))
                .isInstanceOf(NotFoundException.class);
        assertThat(server.server().computeTokenVerifier().verify(token))
                .isEqualTo(new Verification.Refused(Verification.Reason.REVOKED));
    }

    @Test
    void withTheFleetsRuntimeConfiguration_eachServerProcessRunsConcurrentExecutionsTimes_withItsParameters(
            @TempDir Path dir) throws Exception {
        Path script = dir.resolve("game-server");
        Files.writeString(script, "#!/bin/sh\necho \"$GAMELIFT_SDK_PROCESS_ID $*\" > \"" + dir
                + "/run-$$.tmp\"\nmv \"" + dir + "/run-$$.tmp\" \"" + dir + "/run-$$\"\nexec sleep 600\n");
        assertThat(script.toFile().setExecutable(true)).isTrue();
        String location = "custom-runtime";
        String fleet = Fleets.anywhereFleet(admin, location);
        admin.updateRuntimeConfiguration(r -> r.fleetId(fleet).runtimeConfiguration(c -> c.serverProcesses(
                p -> p.launchPath(script.toString()).parameters("-map arena").concurrentExecutions(2),
                p -> p.launchPath(script.toString()).parameters("-map lobby").concurrentExecutions(1))));
        AgentSettings base = Fleets.settings(server.endpoint(), fleet, location, "rack-runtime", null, null, 1);
        start(new AgentSettings(base.fleetId(), base.location(), base.ipAddress(), null, base.computeName(),
                base.endpointUrl(), null, base.region(), null, List.of(), 1, base.refreshInterval(),
                base.retryMinDelay(), base.retryMaxDelay(), base.gracePeriod(), null, "127.0.0.1", "text",
                AgentSettings.FLEET_RUNTIME_CONFIGURATION));

        Poll.until("three processes started", WAIT, () -> files(dir, "run-").size() == 3);

        List<String> runs = files(dir, "run-").stream().map(f -> lines(f).get(0)).toList();
        assertThat(runs.stream().map(r -> r.substring(r.indexOf(' ') + 1)))
                .containsExactlyInAnyOrder("-map arena", "-map arena", "-map lobby");
        assertThat(runs.stream().map(r -> r.substring(0, r.indexOf(' '))).distinct()).hasSize(3);
        assertThat(agent.metrics().scrape()).contains("gatepass_agent_processes_running 3.0");
    }

    @Test
    void withTheFleetsRuntimeConfiguration_aFleetWithoutServerProcesses_stopsTheAgent() throws Exception {
        String location = "custom-no-runtime";
        String fleet = Fleets.anywhereFleet(admin, location);
        AgentSettings base = Fleets.settings(server.endpoint(), fleet, location, "rack-none", null, null, 1);
        start(new AgentSettings(base.fleetId(), base.location(), base.ipAddress(), null, base.computeName(),
                base.endpointUrl(), null, base.region(), null, List.of(), 1, base.refreshInterval(),
                base.retryMinDelay(), base.retryMaxDelay(), base.gracePeriod(), null, "127.0.0.1", "text",
                AgentSettings.FLEET_RUNTIME_CONFIGURATION));

        RuntimeException fatal = agent.fatal().get(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);

        assertThat(fatal).hasMessageContaining("has no server processes in its runtime configuration");
    }

    @Test
    void aProcessThatExits_isStartedAgainWithAFreshProcessId(@TempDir Path dir) throws Exception {
        start(Fleets.settings(server.endpoint(), fleetId, LOCATION, "rack-crash", null,
                shell("echo $GAMELIFT_SDK_PROCESS_ID >> \"$0/starts\"; exit 3", dir), 1));
        Path starts = dir.resolve("starts");
        Poll.until("the process was started four times", WAIT,
                () -> Files.exists(starts) && lines(starts).size() >= 4);
        assertThat(lines(starts)).doesNotHaveDuplicates();
        assertThat(agent.metrics().scrape())
                .containsPattern("gatepass_agent_process_exits_total ([3-9]|[1-9][0-9]+)\\.0");
    }

    @Test
    void aProcessThatIgnoresSigterm_isKilledAfterTheGracePeriod(@TempDir Path dir) throws Exception {
        AgentSettings base = Fleets.settings(server.endpoint(), fleetId, LOCATION, "rack-stubborn", null,
                shell("trap '' TERM; echo $$ > \"$0/pid.tmp\"; mv \"$0/pid.tmp\" \"$0/pid\"; "
                        + "while :; do sleep 1; done", dir), 1);
        start(new AgentSettings(base.fleetId(), base.location(), base.ipAddress(), null, base.computeName(),
                base.endpointUrl(), null, base.region(), null, base.command(), 1, base.refreshInterval(),
                base.retryMinDelay(), base.retryMaxDelay(), Duration.ofMillis(300), null, "127.0.0.1", "text"));
        Poll.until("the process is running", WAIT, () -> Files.exists(dir.resolve("pid")));
        long pid = Long.parseLong(Files.readString(dir.resolve("pid")).trim());
        long before = System.nanoTime();
        assertThat(agent.stop()).isTrue();
        agent = null;
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }

    @Test
    void statusEndpoint_showsComputeTokenAndProcesses_withoutTheToken_andServesMetrics(@TempDir Path dir)
            throws Exception {
        Path tokenFile = dir.resolve("token");
        start(Fleets.settings(server.endpoint(), fleetId, LOCATION, "rack-status", tokenFile,
                List.of("sleep", "600"), 1));
        Poll.until("the process runs", WAIT, () -> agent.metrics().scrape()
                .contains("gatepass_agent_processes_running 1.0"));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + agent.statusPort() + "/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).isEqualTo(200);
        AuthToken token = agent.keeper().current();
        assertThat(status.body()).doesNotContain(token.token());
        JsonNode json = new ObjectMapper().readTree(status.body());
        assertThat(json.get("healthy").asBoolean()).isTrue();
        assertThat(json.get("computeName").asText()).isEqualTo("rack-status");
        assertThat(json.get("fleetId").asText()).isEqualTo(fleetId);
        assertThat(json.get("token").get("sha256").asText()).isEqualTo(token.fingerprint());
        assertThat(json.get("token").get("expiry").asText()).isEqualTo(token.expiry().toString());
        assertThat(json.get("tokenFile").asText()).isEqualTo(tokenFile.toString());
        assertThat(json.get("lastError").isNull()).isTrue();
        assertThat(json.get("processes")).hasSize(1);
        assertThat(json.get("processes").get(0).get("alive").asBoolean()).isTrue();

        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + agent.statusPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("gatepass_agent_token_valid 1.0")
                .contains("gatepass_agent_token_refreshes_total{outcome=\"renewed\"} 1.0")
                .contains("gatepass_agent_token_expiry_seconds " + (double) token.expiry().getEpochSecond())
                .doesNotContain(token.token());
    }

    private static List<Path> files(Path dir, String prefix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && !f.getFileName().toString().endsWith(".tmp")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> variables(Path file) {
        Map<String, String> variables = new HashMap<>();
        for (String line : lines(file)) {
            int equals = line.indexOf('=');
            variables.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return variables;
    }
}
