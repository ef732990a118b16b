package io.gatepass.server.internal.endpoints.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatepass.server.testing.GatepassServerExtension;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.gamelift.model.ComputeType;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser: Debian's Chromium, headless, driven by playwright-core (the console module's
 * e2e/console.mjs) against a real server. Signs in with the administrator's keys and with a wrong secret, reads the
 * fleets table, signs out; screenshots are kept in target/console-screenshots.
 */
class ConsoleBrowserTest {
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
        JsonNode seen = ConsoleBrowser.run("console.mjs", server.endpoint() + ConsoleRoute.PATH, profile);

        assertThat(seen.get("title").asText()).isEqualTo("Gatepass console");
        assertThat(seen.get("signInVisibleAtStart").asBoolean()).isTrue();
        assertThat(seen.get("overviewVisibleAtStart").asBoolean()).as("nothing shown before signing in").isFalse();
        assertThat(seen.get("wrongSecretError").asText()).startsWith("SignatureDoesNotMatch: ");
        assertThat(seen.get("storedAfterWrongSecret").asInt()).isZero();

        assertThat(seen.get("errorHiddenAfterSignIn").asBoolean()).isTrue();
        assertThat(seen.get("identityAccount").asText()).isEqualTo(TestServer.ACCOUNT);
        assertThat(seen.get("identityArn").asText()).startsWith("arn:aws:iam::" + TestServer.ACCOUNT + ":");
        assertThat(ConsoleBrowser.texts(seen.get("fleets"))).containsExactly(fleetId);
        assertThat(ConsoleBrowser.texts(seen.get("domains"))).containsExactly("console-domain");
        assertThat(seen.get("secretFieldAfterSignIn").asText()).isEmpty();
        assertThat(ConsoleBrowser.texts(seen.get("storedKeys"))).containsExactly("gatepass.console.credentials");
        assertThat(seen.get("localStorageLength").asInt()).isZero();
        assertThat(seen.get("cookies").asInt()).isZero();
        assertThat(seen.get("darkBackground").asText()).isNotEqualTo(seen.get("lightBackground").asText());

        assertThat(seen.get("signedInAfterReload").asText()).isEqualTo(seen.get("identityArn").asText());
        assertThat(seen.get("storedAfterSignOut").asInt()).isZero();
        assertThat(seen.get("overviewVisibleAfterSignOut").asBoolean()).isFalse();
        assertThat(seen.get("fleetsAfterSignOut").asInt()).isZero();

        assertThat(ConsoleBrowser.texts(seen.get("policyViolations"))).as("Content-Security-Policy violations").isEmpty();
        assertThat(ConsoleBrowser.texts(seen.get("consoleErrors")))
                .as("browser console errors (the wrong secret's 403 is the only one expected)")
                .allSatisfy(error -> assertThat(error).contains("403"));
        assertThat(Path.of("target", "console-screenshots", "console-overview-light.png")).isNotEmptyFile();
    }
}
