package io.gatepass.server.internal.endpoints.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatepass.server.internal.endpoints.sdk.SdkTestClient;
import io.gatepass.server.testing.TestServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.ComputeType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's GameLift pages in a real browser (e2e/gamelift.mjs): a fleet with two computes, a connected game
 * server with a game session and players, a second game server waiting, and on the other compute a third reporting
 * itself unhealthy, are set up with the Java SDK and the SDK websocket; the browser then walks Locations, Fleets, the
 * fleet (each compute's processes and their health) and the game session, creates a location (a
 * duplicate shows the API's error), creates a fleet, creates and terminates a game session, deregisters a compute
 * and deletes the fleet, and the script reads each effect back with the AWS CLI v2.
 */
class ConsoleGameLiftBrowserTest {
    static final Path AWS_CLI = Path.of("/usr/bin/aws");

    static TestServer server;
    static Vertx vertx;
    static GameLiftClient gameLift;
    static String fleetId;
    static String arenaId;
    static final List<SdkTestClient> gameServers = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Game servers whose heartbeats say they are unhealthy. */
    static final List<SdkTestClient> sickGameServers = new java.util.concurrent.CopyOnWriteArrayList<>();
    static final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        server = TestServer.start(null, dataDir);
        vertx = Vertx.vertx();
        gameLift = server.gameLift(TestServer.admin());
        gameLift.createLocation(r -> r.locationName("custom-seed"));
        fleetId = gameLift.createFleet(r -> r.name("seed-fleet").computeType(ComputeType.ANYWHERE)
                .locations(l -> l.location("custom-seed"))).fleetAttributes().fleetId();
        gameLift.registerCompute(r -> r.fleetId(fleetId).computeName("rack-1").ipAddress("10.0.0.7")
                .location("custom-seed"));
        gameLift.registerCompute(r -> r.fleetId(fleetId).computeName("rack-2").ipAddress("10.0.0.8")
                .location("custom-seed"));

        SdkTestClient first = gameServer("proc-1", 7777);
        arenaId = gameLift.createGameSession(r -> r.fleetId(fleetId).location("custom-seed").name("arena")
                .maximumPlayerSessionCount(4)).gameSession().gameSessionId();
        first.awaitPush("CreateGameSession");
        first.request("ActivateGameSession", Map.of("GameSessionId", arenaId));
        // alice plays; bob joined and left (a reserved one would time out while the browser runs)
        for (var player : gameLift.createPlayerSessions(r -> r.gameSessionId(arenaId).playerIds("alice", "bob"))
                .playerSessions()) {
            first.request("AcceptPlayerSession", Map.of("GameSessionId", arenaId,
                    "PlayerSessionId", player.playerSessionId()));
            if (player.playerId().equals("bob")) {
                first.request("RemovePlayerSession", Map.of("GameSessionId", arenaId,
                        "PlayerSessionId", player.playerSessionId()));
            }
        }
        gameServer("proc-2", 7778); // waits for the game session the console creates
        SdkTestClient sick = gameServer("rack-2", "proc-3", 7779);
        gameServers.remove(sick);
        sickGameServers.add(sick);
        sick.request("HeartbeatServerProcess", Map.of("HealthStatus", false));
        // as the SDK does (every 60 s), so the processes stay as they are however long the browser takes
        heartbeats.scheduleAtFixedRate(() -> {
            beat(gameServers, true);
            beat(sickGameServers, false);
        }, 30, 30, TimeUnit.SECONDS);
    }

    private static void beat(List<SdkTestClient> clients, boolean healthy) {
        clients.forEach(c -> {
            try {
                c.request("HeartbeatServerProcess", Map.of("HealthStatus", healthy));
            } catch (RuntimeException ended) {
                // told to end (its compute deregistered): no more heartbeats
            }
        });
    }

    private static SdkTestClient gameServer(String processId, int port) {
        return gameServer("rack-1", processId, port);
    }

    private static SdkTestClient gameServer(String computeName, String processId, int port) {
        var compute = gameLift.describeCompute(r -> r.fleetId(fleetId).computeName(computeName)).compute();
        String token = gameLift.getComputeAuthToken(r -> r.fleetId(fleetId).computeName(computeName)).authToken();
        SdkTestClient client = SdkTestClient.connect(vertx, compute.gameLiftServiceSdkEndpoint(),
                SdkTestClient.tokenParameters(processId, fleetId, computeName, token));
        gameServers.add(client);
        client.processReady(port);
        return client;
    }

    @AfterAll
    static void stop() {
        heartbeats.shutdownNow();
        for (SdkTestClient client : java.util.stream.Stream.concat(gameServers.stream(), sickGameServers.stream())
                .toList()) {
            try {
                client.close();
            } catch (RuntimeException ignored) {
                // the server closed it already (the compute's processes were told to end)
            }
        }
        server.close();
        vertx.close().await();
    }

    @Test
    void walksTheGameLiftPagesAndEachActionShowsThroughTheAwsCli(@TempDir Path profile) throws Exception {
        assertThat(Files.isExecutable(AWS_CLI)).as("the AWS CLI v2 at %s reads back the console's effects", AWS_CLI)
                .isTrue();
        JsonNode seen = ConsoleBrowser.run("gamelift.mjs", server.endpoint() + ConsoleRoute.PATH, profile,
                TestServer.ADMIN_ID, TestServer.ADMIN_SECRET, Map.of(
                        "GAMELIFT_FLEET", fleetId,
                        "GAMELIFT_GAME_SESSION", arenaId,
                        "AWS_CLI", AWS_CLI.toString(),
                        "GATEPASS_ENDPOINT", server.endpoint().toString()));

        assertThat(ConsoleBrowser.texts(seen.get("nav"))).contains("Fleets", "Locations");

        // Locations: created from the keyboard, a duplicate refused with the API's own error
        assertThat(seen.get("locationsTitle").asText()).isEqualTo("Locations");
        assertThat(ConsoleBrowser.texts(seen.get("locationsBefore"))).contains("custom-seed")
                .doesNotContain("custom-ui-made");
        assertThat(ConsoleBrowser.texts(seen.get("locationsAfterCreate"))).contains("custom-seed", "custom-ui-made");
        assertThat(ConsoleBrowser.texts(seen.get("cliLocations"))).contains("custom-seed", "custom-ui-made");
        assertThat(seen.get("duplicateLocationError").asText())
                .isEqualTo("ConflictException: Location custom-ui-made already exists.");

        // Fleets list
        assertThat(seen.get("errorClearedOnNavigation").asBoolean()).isTrue();
        assertThat(ConsoleBrowser.texts(seen.get("fleetListHeadings")))
                .containsExactly("Name", "Fleet ID", "Status", "Compute type", "Locations");
        assertThat(seen.get("fleetList")).hasSize(1);
        assertThat(ConsoleBrowser.texts(seen.get("fleetList").get(0)))
                .containsExactly("seed-fleet", fleetId, "ACTIVE", "ANYWHERE", "custom-seed");

        // Create fleet: on its page, and the AWS CLI sees it
        String created = seen.get("createdFleetId").asText();
        assertThat(created).startsWith("fleet-").isNotEqualTo(fleetId);
        assertThat(seen.get("createdFleetAttributes").get("Name").asText()).isEqualTo("ui-fleet");
        assertThat(seen.get("createdFleetAttributes").get("Compute type").asText()).isEqualTo("ANYWHERE");
        assertThat(ConsoleBrowser.texts(seen.get("createdFleetLocations").get(0)))
                .containsExactly("custom-ui-made", "ACTIVE");
        JsonNode cliFleet = seen.get("cliCreatedFleet").get(0);
        assertThat(cliFleet.get("Name").asText()).isEqualTo("ui-fleet");
        assertThat(cliFleet.get("Description").asText()).isEqualTo("made in the console");
        assertThat(cliFleet.get("ComputeType").asText()).isEqualTo("ANYWHERE");
        assertThat(seen.get("cliCreatedFleetLocations").get(0).get("Location").asText()).isEqualTo("custom-ui-made");

        // The fleet: computes with address and location, processes, sessions, the token expiry counting down
        assertThat(seen.get("fleetTitle").asText()).isEqualTo("Fleet");
        assertThat(seen.get("seedAttributes").get("Name").asText()).isEqualTo("seed-fleet");
        assertThat(seen.get("seedUtilization").get("Healthy active processes").asText()).isEqualTo("2");
        assertThat(seen.get("seedUtilization").get("Active game sessions").asText()).isEqualTo("1");
        assertThat(ConsoleBrowser.texts(seen.get("seedLocations").get(0))).containsExactly("custom-seed", "ACTIVE");
        assertThat(ConsoleBrowser.texts(seen.get("computeHeadings")))
                .containsExactly("Name", "Status", "Address", "Location", "Processes", "Token expiry", "Actions");
        assertThat(seen.get("computes")).hasSize(2);
        assertThat(ConsoleBrowser.texts(seen.get("computes").get(0)).subList(0, 4))
                .containsExactly("rack-1", "ACTIVE", "10.0.0.7", "custom-seed");
        assertThat(ConsoleBrowser.texts(seen.get("computes").get(1)).subList(0, 4))
                .as("a compute with an unhealthy process is IMPAIRED")
                .containsExactly("rack-2", "IMPAIRED", "10.0.0.8", "custom-seed");

        // Each compute's processes and their health, as the Gatepass API lists them from the store
        assertThat(seen.get("processSummaries").get("rack-1").asText()).isEqualTo("2 (2 healthy)");
        assertThat(seen.get("processSummaries").get("rack-2").asText()).isEqualTo("1 (0 healthy, 1 unhealthy)");
        assertThat(seen.get("processesHiddenAtFirst").asBoolean()).isTrue();
        assertThat(seen.get("processesExpanded").asText()).isEqualTo("true");
        assertThat(ConsoleBrowser.texts(seen.get("processHeadings"))).containsExactly("Process ID", "Status",
                "Health", "Port", "Game session", "Last heartbeat", "Node");
        assertThat(seen.get("processes")).hasSize(2);
        List<String> first = ConsoleBrowser.texts(seen.get("processes").get(0));
        assertThat(first.subList(0, 5)).containsExactly("proc-1", "ACTIVE", "Healthy", "7777",
                arenaId.substring(arenaId.lastIndexOf('/') + 1));
        assertThat(Instant.parse(first.get(5))).isBetween(Instant.now().minusSeconds(600), Instant.now());
        assertThat(first.get(6)).isNotBlank();
        assertThat(ConsoleBrowser.texts(seen.get("processes").get(1)).subList(0, 5))
                .containsExactly("proc-2", "ACTIVE", "Healthy", "7778", "");
        assertThat(seen.get("unhealthyProcesses")).hasSize(1);
        assertThat(ConsoleBrowser.texts(seen.get("unhealthyProcesses").get(0)).subList(0, 5))
                .containsExactly("proc-3", "UNHEALTHY", "Unhealthy", "7779", "");
        assertThat(seen.get("gameSessions")).hasSize(1);
        assertThat(ConsoleBrowser.texts(seen.get("gameSessions").get(0)).subList(0, 5))
                .containsExactly("arena", "ACTIVE", "1 / 4", "custom-seed", "rack-1");
        var token = gameLift.getComputeAuthToken(r -> r.fleetId(fleetId).computeName("rack-1"));
        assertThat(Instant.parse(seen.get("tokenExpiry").asText())).isEqualTo(token.expirationTimestamp());
        assertThat(seen.get("tokenLeftFirst").asText()).matches("(\\d+ h )?(\\d+ min )?\\d+ s");
        assertThat(seen.get("tokenLeftLater").asText()).matches("(\\d+ h )?(\\d+ min )?\\d+ s")
                .isNotEqualTo(seen.get("tokenLeftFirst").asText());
        assertThat(seen.get("fleetPageHtml").asText().contains(token.authToken()))
                .as("the compute's auth token appears nowhere on the page").isFalse();

        // Create game session: placed on the waiting game server, seen by the AWS CLI
        String session = seen.get("createdSessionId").asText();
        assertThat(seen.get("createdSession").get("Name").asText()).isEqualTo("ui-session");
        assertThat(seen.get("createdSession").get("Players").asText()).isEqualTo("0 of 4");
        JsonNode cliSession = seen.get("cliCreatedSession").get(0);
        assertThat(cliSession.get("GameSessionId").asText()).isEqualTo(session);
        assertThat(cliSession.get("Name").asText()).isEqualTo("ui-session");
        assertThat(cliSession.get("FleetId").asText()).isEqualTo(fleetId);
        assertThat(cliSession.get("MaximumPlayerSessionCount").asInt()).isEqualTo(4);
        assertThat(cliSession.get("Status").asText()).isEqualTo("ACTIVATING");
        assertThat(cliSession.get("Port").asInt()).isEqualTo(7778);

        // The game session page: its players
        assertThat(seen.get("arenaTitle").asText()).isEqualTo("Game session");
        assertThat(seen.get("arena").get("Status").asText()).isEqualTo("ACTIVE");
        assertThat(seen.get("arena").get("Address").asText()).isEqualTo("10.0.0.7:7777");
        assertThat(seen.get("arena").get("Players").asText()).isEqualTo("1 of 4");
        assertThat(ConsoleBrowser.texts(seen.get("arenaPlayerHeadings")))
                .containsExactly("Player", "Player session ID", "Status", "Created", "Ended");
        List<String> players = new ArrayList<>();
        seen.get("arenaPlayers").forEach(row -> players.add(row.get(0).asText() + " " + row.get(2).asText()));
        assertThat(players).containsExactlyInAnyOrder("alice ACTIVE", "bob COMPLETED");

        // Terminate game session: nothing on cancel, TERMINATING once confirmed (the process is told to end it)
        assertThat(seen.get("cliSessionAfterCancel").asText()).isEqualTo("ACTIVATING");
        assertThat(seen.get("terminatedSession").get("Status").asText()).isEqualTo("TERMINATING");
        assertThat(seen.get("cliTerminatedSession").get("Status").asText()).isEqualTo("TERMINATING");
        assertThat(seen.get("cliTerminatedSession").get("StatusReason").asText())
                .isEqualTo("TRIGGERED_ON_PROCESS_TERMINATE");

        // Deregister compute
        assertThat(ConsoleBrowser.texts(seen.get("computesAfterDeregister"))).containsExactly("rack-1");
        assertThat(ConsoleBrowser.texts(seen.get("cliComputesAfterDeregister"))).containsExactly("rack-1");

        // Delete fleet
        assertThat(ConsoleBrowser.texts(seen.get("fleetListAfterDelete"))).containsExactly(fleetId);
        assertThat(seen.get("cliFleetAfterDelete")).isEmpty();

        assertThat(seen.get("missingSession").asText()).contains(session + "-missing");
        assertThat(ConsoleBrowser.texts(seen.get("policyViolations"))).as("Content-Security-Policy violations").isEmpty();
        assertThat(ConsoleBrowser.texts(seen.get("failedCalls"))).as("the page's failed requests")
                .containsExactly("400 POST / GameLift.CreateLocation", "400 POST / GameLift.DescribeGameSessions");
        assertThat(ConsoleBrowser.texts(seen.get("consoleErrors"))).as("browser console errors")
                .allSatisfy(error -> assertThat(error).startsWith("Failed to load resource"))
                .filteredOn(error -> error.contains(" 400 ")).hasSize(2);
        assertThat(ConsoleBrowser.texts(seen.get("consoleErrorSources"))).as("what the console errors were about")
                .isSubsetOf("/", "/favicon.ico");
        for (String page : List.of("fleets", "fleet", "game-session")) {
            for (String scheme : List.of("light", "dark")) {
                assertThat(ConsoleBrowser.SCREENSHOTS.resolve("console-gamelift-" + page + "-" + scheme + ".png"))
                        .isNotEmptyFile();
            }
        }
    }
}
