package io.gatepass.server.endpoints.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.server.testing.GatepassServerExtension;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.gamelift.model.ComputeType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser: Debian's Chromium, headless, driven by playwright-core (the console module's
 * e2e/console.mjs) against a real server. Signs in with the administrator's keys and with a wrong secret, reads the
 * fleets table, signs out; screenshots are kept in target/console-screenshots.
 */
class ConsoleBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getProperty("gatepass.chromium", "/usr/bin/chromium"));
    private static final Path CONSOLE_MODULE = Path.of("..", "gatepass-console").toAbsolutePath().normalize();
    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension();
    static TestServer server;
    static String fleetId;

    @BeforeAll
    static void start() {
        server = GATEPASS.server();
        var gameLift = server.gameLift(TestServer.admin());
        gameLift.createLocation(r -> r.locationName("custom-console"));
        fleetId = gameLift.createFleet(r -> r.name("console-fleet").computeType(ComputeType.ANYWHERE)
                .locations(l -> l.location("custom-console"))).fleetAttributes().fleetId();
        server.codeArtifact(TestServer.admin()).createDomain(r -> r.domain("console-domain"));
    }

    @Test
    void signsInListsFleetsShowsTheApisErrorAndSignsOut(@TempDir Path profile) throws Exception {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("the console's browser test needs Chromium at %s: apt-get install -y chromium", CHROMIUM)
                .isTrue();
        assertThat(CONSOLE_MODULE.resolve("node_modules/playwright-core"))
                .as("playwright-core is installed by the gatepass-console module's build (npm ci)").isDirectory();

        JsonNode seen = drive(profile);

        assertThat(seen.get("title").asText()).isEqualTo("Gatepass console");
        assertThat(seen.get("signInVisibleAtStart").asBoolean()).isTrue();
        assertThat(seen.get("overviewVisibleAtStart").asBoolean()).as("nothing shown before signing in").isFalse();
        assertThat(seen.get("wrongSecretError").asText()).startsWith("SignatureDoesNotMatch: ");
        assertThat(seen.get("storedAfterWrongSecret").asInt()).isZero();

        assertThat(seen.get("errorHiddenAfterSignIn").asBoolean()).isTrue();
        assertThat(seen.get("identityAccount").asText()).isEqualTo(TestServer.ACCOUNT);
        assertThat(seen.get("identityArn").asText()).startsWith("arn:aws:iam::" + TestServer.ACCOUNT + ":");
        assertThat(texts(seen.get("fleets"))).containsExactly(fleetId);
        assertThat(texts(seen.get("domains"))).containsExactly("console-domain");
        assertThat(seen.get("secretFieldAfterSignIn").asText()).isEmpty();
        assertThat(texts(seen.get("storedKeys"))).containsExactly("gatepass.console.credentials");
        assertThat(seen.get("localStorageLength").asInt()).isZero();
        assertThat(seen.get("cookies").asInt()).isZero();
        assertThat(seen.get("darkBackground").asText()).isNotEqualTo(seen.get("lightBackground").asText());

        assertThat(seen.get("signedInAfterReload").asText()).isEqualTo(seen.get("identityArn").asText());
        assertThat(seen.get("storedAfterSignOut").asInt()).isZero();
        assertThat(seen.get("overviewVisibleAfterSignOut").asBoolean()).isFalse();
        assertThat(seen.get("fleetsAfterSignOut").asInt()).isZero();

        assertThat(texts(seen.get("policyViolations"))).as("Content-Security-Policy violations").isEmpty();
        assertThat(texts(seen.get("consoleErrors")))
                .as("browser console errors (the wrong secret's 403 is the only one expected)")
                .allSatisfy(error -> assertThat(error).contains("403"));
        assertThat(Path.of("target", "console-screenshots", "console-overview-light.png")).isNotEmptyFile();
    }

    private static JsonNode drive(Path profile) throws IOException, InterruptedException {
        Path script = CONSOLE_MODULE.resolve("e2e").resolve("console.mjs");
        Path out = profile.resolveSibling(profile.getFileName() + ".out");
        Path err = profile.resolveSibling(profile.getFileName() + ".err");
        ProcessBuilder builder = new ProcessBuilder("node", script.toString())
                .directory(CONSOLE_MODULE.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.put("CONSOLE_URL", server.endpoint() + ConsoleRoute.PATH);
        env.put("CONSOLE_ACCESS_KEY_ID", TestServer.ADMIN_ID);
        env.put("CONSOLE_SECRET_ACCESS_KEY", TestServer.ADMIN_SECRET);
        env.put("CONSOLE_REGION", TestServer.REGION);
        env.put("CHROMIUM", CHROMIUM.toString());
        env.put("SCREENSHOT_DIR", Path.of("target", "console-screenshots").toAbsolutePath().toString());
        env.put("PROFILE_DIR", profile.toString());
        Process node = builder.start();
        boolean ended = node.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            node.destroyForcibly();
        }
        String errors = Files.readString(err, StandardCharsets.UTF_8).replace(TestServer.ADMIN_SECRET, "<secret>");
        assertThat(ended).as("the browser run ended within 3 minutes; stderr:%n%s", errors).isTrue();
        assertThat(node.exitValue()).as("the browser run's exit status; stderr:%n%s", errors).isZero();
        return new ObjectMapper().readTree(Files.readString(out, StandardCharsets.UTF_8));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
