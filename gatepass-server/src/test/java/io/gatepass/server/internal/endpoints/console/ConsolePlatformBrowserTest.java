package io.gatepass.server.internal.endpoints.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.gamelift.model.ComputeType;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's platform in a real browser (e2e/platform.mjs): signed in with temporary credentials from STS
 * AssumeRole (a broken session token refused with the API's error), the Activity page fed by the server's /metrics
 * (tokens minted and refused, latency; polling stops when leaving the page or signing out), keyboard-only navigation,
 * WCAG AA contrast (4.5:1) of every visible text on every page in light and dark, and the console over the TLS
 * listener with its Content-Security-Policy.
 */
class ConsolePlatformBrowserTest {
    static final String PACKAGE_PATH = "/codeartifact/console-domain-" + TestServer.ACCOUNT + "/npm/console-repo/left-pad";
    static TestServer server;
    static Credentials session;

    @BeforeAll
    static void start(@TempDir Path dataDir) throws Exception {
        server = TestServer.start(null, dataDir);
        var gameLift = server.gameLift(TestServer.admin());
        gameLift.createLocation(r -> r.locationName("custom-platform"));
        String fleetId = gameLift.createFleet(r -> r.name("platform-fleet").computeType(ComputeType.ANYWHERE)
                .locations(l -> l.location("custom-platform"))).fleetAttributes().fleetId();
        gameLift.registerCompute(r -> r.fleetId(fleetId).computeName("platform-compute").ipAddress("10.0.0.7")
                .location("custom-platform"));
        gameLift.getComputeAuthToken(r -> r.fleetId(fleetId).computeName("platform-compute"));
        // more demo content for the README's screenshot of the overview
        gameLift.createLocation(r -> r.locationName("custom-studio-eu"));
        for (String name : List.of("arena-ranked", "arena-casual", "coop-raids")) {
            gameLift.createFleet(r -> r.name(name).computeType(ComputeType.ANYWHERE)
                    .locations(l -> l.location(name.startsWith("arena") ? "custom-studio-eu" : "custom-platform")));
        }
        var codeArtifact = server.codeArtifact(TestServer.admin());
        codeArtifact.createDomain(r -> r.domain("console-domain"));
        codeArtifact.createDomain(r -> r.domain("studio"));
        codeArtifact.createDomain(r -> r.domain("tools"));
        codeArtifact.createRepository(r -> r.domain("console-domain").repository("console-repo"));
        codeArtifact.getAuthorizationToken(r -> r.domain("console-domain").domainOwner(TestServer.ACCOUNT));

        var iam = server.iam(TestServer.admin());
        iam.createRole(r -> r.roleName("console-operator").assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::%s:root"},"Action":"sts:AssumeRole"}]}""".formatted(TestServer.ACCOUNT)));
        iam.putRolePolicy(r -> r.roleName("console-operator").policyName("operate").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"""));
        // roles may not be assumed by the root account: an IAM user assumes it
        iam.createUser(r -> r.userName("platform-operator"));
        iam.putUserPolicy(r -> r.userName("platform-operator").policyName("assume").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"""));
        var key = iam.createAccessKey(r -> r.userName("platform-operator")).accessKey();
        var user = software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(key.accessKeyId(),
                key.secretAccessKey());
        session = server.sts(user).assumeRole(r -> r
                .roleArn("arn:aws:iam::" + TestServer.ACCOUNT + ":role/console-operator")
                .roleSessionName("console-session")).credentials();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void packageEndpoint_refusedToken_isCountedInMetrics() throws Exception {
        String before = metric("gatepass_packages_token_refusals_total");
        assertThat(server.send("GET", PACKAGE_PATH, Map.of("Authorization", "Bearer not-a-token"), null).statusCode())
                .isEqualTo(401);
        assertThat(Double.parseDouble(metric("gatepass_packages_token_refusals_total")))
                .isEqualTo(Double.parseDouble(before.isEmpty() ? "0" : before) + 1);
    }

    private static int refusedTotal(String totals) {
        var m = java.util.regex.Pattern.compile("(\\d+) refused").matcher(totals);
        assertThat(m.find()).as(totals).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String metric(String name) throws Exception {
        return server.send("GET", "/metrics", Map.of(), null).body().lines()
                .filter(line -> line.startsWith(name + " ")).map(line -> line.substring(name.length() + 1).trim())
                .findFirst().orElse("");
    }

    @Test
    void temporaryCredentials_activity_keyboard_contrast_andTls(@TempDir Path profile) throws Exception {
        String token = session.sessionToken();
        String broken = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        JsonNode seen = ConsoleBrowser.run("platform.mjs", server.endpoint() + ConsoleRoute.PATH, profile,
                session.accessKeyId(), session.secretAccessKey(), Map.of(
                        "CONSOLE_SESSION_TOKEN", token,
                        "CONSOLE_BAD_SESSION_TOKEN", broken,
                        "CONSOLE_REFUSE_URL", server.endpoint() + PACKAGE_PATH,
                        "CONSOLE_TLS_URL", server.server().tlsEndpoint() + ConsoleRoute.PATH,
                        "CONSOLE_IGNORE_HTTPS_ERRORS", "1"));

        // a session token STS did not issue: the API's own error, nothing kept
        assertThat(seen.get("badSessionTokenError").asText()).startsWith("InvalidClientTokenId: ")
                .doesNotContain(token);
        assertThat(seen.get("storedAfterBadSessionToken").asInt()).isZero();
        assertThat(seen.get("scrapesBeforeSignIn").asInt()).as("/metrics is not read before signing in").isZero();
        // the assumed role's identity
        assertThat(seen.get("identityArn").asText())
                .isEqualTo("arn:aws:sts::" + TestServer.ACCOUNT + ":assumed-role/console-operator/console-session");

        // keyboard: Tab reaches every navigation link and the sign-out button, each with a visible focus ring
        List<String> hrefs = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        seen.get("tabStops").forEach(stop -> {
            assertThat(stop.get("focusVisible").asBoolean()).as("focus visible on %s", stop).isTrue();
            hrefs.add(stop.get("href").asText());
            ids.add(stop.get("id").asText());
        });
        assertThat(ids).as("tab stops %s", seen.get("tabStops")).contains("sign-out");
        assertThat(hrefs).contains("#/", "#/activity");
        List<String> pages = ConsoleBrowser.texts(seen.get("pagesChecked"));
        assertThat(hrefs).containsAll(pages.stream().map(route -> "#/" + route).toList());
        assertThat(seen.get("hashAfterEnter").asText()).isEqualTo("#/activity");

        // Activity: the tokens minted before (totals), the refused token counted in the rate, latency shown
        assertThat(seen.get("refusedStatus").asInt()).isEqualTo(401);
        assertThat(seen.get("totalsAtStart").asText()).contains("1 compute, 1 repository tokens minted");
        JsonNode activity = seen.get("activity");
        assertThat(Double.parseDouble(activity.get("activity-refused").asText())).isPositive();
        assertThat(refusedTotal(activity.get("activity-totals").asText()))
                .isEqualTo(refusedTotal(seen.get("totalsAtStart").asText()) + 1);
        assertThat(activity.get("activity-mean").asText()).endsWith(" ms");
        assertThat(activity.get("activity-p99").asText()).startsWith("≤ ").endsWith(" ms");
        assertThat(ConsoleBrowser.texts(seen.get("chartLines"))).containsExactly("chart-minted", "chart-refused");
        assertThat(seen.get("scrapesWhileAway").asInt()).as("no /metrics reads after leaving the page").isZero();
        assertThat(seen.get("scrapesAfterSignOut").asInt()).as("no /metrics reads after signing out").isZero();

        // contrast: every visible text on every page, light and dark, and the error box, at least 4.5:1
        assertThat(pages).contains("", "activity");
        List<String> failing = new ArrayList<>();
        seen.get("contrast").forEach(c -> {
            if (c.get("ratio").asDouble() < 4.5) failing.add(c.toString());
        });
        for (String scheme : List.of("light", "dark")) {
            assertThat(seen.get("errorContrast").get(scheme)).isNotEmpty();
            seen.get("errorContrast").get(scheme).forEach(c -> {
                if (c.get("ratio").asDouble() < 4.5) failing.add(scheme + " " + c);
            });
        }
        assertThat(seen.get("contrast").size()).isGreaterThan(pages.size() * 2);
        assertThat(failing).as("texts below WCAG AA contrast").isEmpty();
        for (String scheme : List.of("light", "dark")) {
            double lowest = Double.MAX_VALUE;
            String where = "";
            for (JsonNode c : seen.get("contrast")) {
                if (c.get("scheme").asText().equals(scheme) && c.get("ratio").asDouble() < lowest) {
                    lowest = c.get("ratio").asDouble();
                    where = c.get("route").asText() + " " + c.get("element").asText();
                }
            }
            System.out.printf("console contrast, %s: lowest %.2f:1 (%s)%n", scheme, lowest, where);
        }

        // over the TLS listener: the same console, its CSP, signed in, a page loaded
        assertThat(seen.get("tlsProtocol").asText()).isEqualTo("https:");
        assertThat(seen.get("tlsCsp").asText()).contains("default-src 'self'");
        assertThat(seen.get("tlsIdentityArn").asText()).isEqualTo(seen.get("identityArn").asText());
        assertThat(seen.get("tlsTotals").asText()).contains("tokens minted");

        assertThat(ConsoleBrowser.texts(seen.get("policyViolations"))).as("Content-Security-Policy violations").isEmpty();
        assertThat(ConsoleBrowser.texts(seen.get("consoleErrors")))
                .as("browser console errors (the broken session token's 403 is the only one expected)")
                .allSatisfy(error -> assertThat(error).containsAnyOf("403", "401"));
        assertThat(Path.of("target", "console-screenshots", "console-activity-dark.png")).isNotEmptyFile();
    }
}
