package io.gatepass.cli.internal.agent;

import io.gatepass.cli.testing.CliTestServer;
import io.gatepass.core.token.TokenVerifier;
import io.gatepass.core.token.Verification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.NotFoundException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code gatepass agent} as a real process: configured from flags and environment, stopped by SIGTERM or kill -9. */
class AgentCommandProcessTest {
    private static final String LOCATION = "custom-process";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path serverDir;
    static CliTestServer server;
    static GameLiftClient admin;
    static String fleetId;

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

    private static Process agent(Path dir, String computeName, Path tokenFile, String... command) throws IOException {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.gatepass.cli.Main", "agent",
                "--fleet-id", fleetId, "--ip-address", "127.0.0.1", "--compute-name", computeName,
                "--token-file", tokenFile.toString()));
        if (command.length > 0) {
            args.add("--");
            args.addAll(List.of(command));
        }
        ProcessBuilder builder = new ProcessBuilder(args);
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("GATEPASS_"));
        builder.environment().put("AWS_ACCESS_KEY_ID", CliTestServer.ADMIN_ID);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", CliTestServer.ADMIN_SECRET);
        builder.environment().put("AWS_REGION", CliTestServer.REGION);
        builder.environment().put("AWS_CONFIG_FILE", dir.resolve("none").toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString());
        builder.environment().put("GATEPASS_AGENT_LOCATION", LOCATION);
        builder.environment().put("GATEPASS_AGENT_ENDPOINT_URL", server.endpoint());
        builder.environment().put("GATEPASS_AGENT_GRACE_PERIOD", "2s");
        builder.redirectErrorStream(true).redirectOutput(dir.resolve(computeName + "-" + System.nanoTime() + ".log")
                .toFile());
        return builder.start();
    }

    @Test
    void sigterm_stopsTheGameServer_deregistersTheCompute_andExitsZero(@TempDir Path dir) throws Exception {
        Path tokenFile = dir.resolve("token");
        Process agent = agent(dir, "rack-sigterm", tokenFile, "sh", "-c",
                "echo $$ > \"$0/pid.tmp\"; mv \"$0/pid.tmp\" \"$0/pid\"; exec sleep 600", dir.toString());
        try {
            Poll.until("the token file and the game server are there", WAIT,
                    () -> Files.exists(tokenFile) && Files.exists(dir.resolve("pid")) || !agent.isAlive());
            assertThat(agent.isAlive()).as("agent runs; log: %s", logs(dir)).isTrue();
            String token = Files.readString(tokenFile);
            assertThat(Files.getPosixFilePermissions(tokenFile))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(server.server().computeTokenVerifier().verify(token).isValid()).isTrue();
            long gameServer = Long.parseLong(Files.readString(dir.resolve("pid")).trim());

            agent.destroy(); // SIGTERM
            assertThat(agent.waitFor(30, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            assertThat(agent.exitValue()).as("exit code; log: %s", logs(dir)).isZero();
            assertThat(ProcessHandle.of(gameServer).map(ProcessHandle::isAlive))
                    .isNotEqualTo(java.util.Optional.of(true));
            assertThatThrownBy(() -> admin.describeCompute(r -> r.fleetId(fleetId).computeName("rack-sigterm")))
                    .isInstanceOf(NotFoundException.class);
            assertThat(server.server().computeTokenVerifier().verify(token))
                    .isEqualTo(new Verification.Refused(Verification.Reason.REVOKED));
            assertThat(tokenFile).doesNotExist();
            assertThat(logs(dir)).as("the log names the token by its hash only").doesNotContain(token)
                    .contains("new compute auth token sha256:" + TokenVerifier.fingerprint(token))
                    .contains("deregistered compute rack-sigterm");
        } finally {
            agent.destroyForcibly();
        }
    }

    @Test
    void killMinus9_thenStartingAgainWithTheSameComputeName_justWorks(@TempDir Path dir) throws Exception {
        Path firstFile = dir.resolve("token-1");
        Process first = agent(dir, "rack-crashed", firstFile);
        Process second = null;
        try {
            Poll.until("the first agent wrote its token", WAIT, () -> Files.exists(firstFile) || !first.isAlive());
            assertThat(first.isAlive()).as("agent runs; log: %s", logs(dir)).isTrue();
            first.destroyForcibly(); // SIGKILL: no deregistration
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(admin.describeCompute(r -> r.fleetId(fleetId).computeName("rack-crashed")).compute())
                    .as("still registered after kill -9").isNotNull();

            Path secondFile = dir.resolve("token-2");
            Process restarted = agent(dir, "rack-crashed", secondFile);
            second = restarted;
            Poll.until("the restarted agent wrote its token", WAIT,
                    () -> Files.exists(secondFile) || !restarted.isAlive());
            assertThat(restarted.isAlive()).as("agent runs; log: %s", logs(dir)).isTrue();
            assertThat(server.server().computeTokenVerifier().verify(Files.readString(secondFile)).isValid()).isTrue();
            assertThat(admin.listCompute(r -> r.fleetId(fleetId)).computeList())
                    .filteredOn(c -> c.computeName().equals("rack-crashed")).hasSize(1);

            restarted.destroy();
            assertThat(restarted.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(restarted.exitValue()).isZero();
        } finally {
            first.destroyForcibly();
            if (second != null) {
                second.destroyForcibly();
            }
        }
    }

    @Test
    void unknownFleet_failsAtOnceWithAClearMessage(@TempDir Path dir) throws Exception {
        String saved = fleetId;
        fleetId = "fleet-00000000-0000-0000-0000-000000000000";
        Process agent;
        try {
            agent = agent(dir, "rack-lost", dir.resolve("token"));
        } finally {
            fleetId = saved;
        }
        try {
            assertThat(agent.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(agent.exitValue()).isEqualTo(1);
            assertThat(logs(dir)).contains("NotFoundException");
        } finally {
            agent.destroyForcibly();
        }
    }

    private static String logs(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                all.append(Files.readString(log));
            }
        }
        return all.toString();
    }
}
