package io.gatepass.server.internal.endpoints.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.server.testing.TestServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs one of the console module's browser scripts (gatepass-console/e2e/*.mjs, built on browser.mjs) in Debian's
 * Chromium, headless, against a running server, and answers what the script saw (its one JSON line). Keys travel in
 * the environment, never on a command line, and the secret is masked in any failure output. Screenshots are kept in
 * gatepass-server/target/console-screenshots.
 */
final class ConsoleBrowser {
    static final Path CHROMIUM = Path.of(System.getProperty("gatepass.chromium", "/usr/bin/chromium"));
    static final Path CONSOLE_MODULE = Path.of("..", "gatepass-console").toAbsolutePath().normalize();
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots").toAbsolutePath();

    private ConsoleBrowser() {
    }

    /** Fails with a helpful message when Chromium or playwright-core is missing. */
    static void assertAvailable() {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("the console's browser test needs Chromium at %s: apt-get install -y chromium", CHROMIUM)
                .isTrue();
        assertThat(CONSOLE_MODULE.resolve("node_modules/playwright-core"))
                .as("playwright-core is installed by the gatepass-console module's build (npm ci)").isDirectory();
    }

    /** Runs e2e/{script} at {consoleUrl} signed in as the test server's administrator. */
    static JsonNode run(String script, String consoleUrl, Path profile) throws IOException, InterruptedException {
        return run(script, consoleUrl, profile, TestServer.ADMIN_ID, TestServer.ADMIN_SECRET, Map.of());
    }

    /** Runs e2e/{script} with the given keys and extra environment (CONSOLE_SESSION_TOKEN, script inputs, …). */
    static JsonNode run(String script, String consoleUrl, Path profile, String accessKeyId, String secretAccessKey,
                        Map<String, String> extra) throws IOException, InterruptedException {
        assertAvailable();
        Path out = profile.resolveSibling(profile.getFileName() + ".out");
        Path err = profile.resolveSibling(profile.getFileName() + ".err");
        ProcessBuilder builder = new ProcessBuilder("node", CONSOLE_MODULE.resolve("e2e").resolve(script).toString())
                .directory(CONSOLE_MODULE.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.put("CONSOLE_URL", consoleUrl);
        env.put("CONSOLE_ACCESS_KEY_ID", accessKeyId);
        env.put("CONSOLE_SECRET_ACCESS_KEY", secretAccessKey);
        env.put("CONSOLE_REGION", TestServer.REGION);
        env.put("CHROMIUM", CHROMIUM.toString());
        env.put("SCREENSHOT_DIR", SCREENSHOTS.toString());
        env.put("PROFILE_DIR", profile.toString());
        env.putAll(new HashMap<>(extra));
        Process node = builder.start();
        boolean ended = node.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            node.destroyForcibly();
        }
        String errors = Files.readString(err, StandardCharsets.UTF_8).replace(secretAccessKey, "<secret>");
        assertThat(ended).as("the browser run ended within 3 minutes; stderr:%n%s", errors).isTrue();
        assertThat(node.exitValue()).as("the browser run's exit status; stderr:%n%s", errors).isZero();
        return new ObjectMapper().readTree(Files.readString(out, StandardCharsets.UTF_8));
    }

    /** The texts of a JSON array of strings. */
    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
