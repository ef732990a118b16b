package io.gatepass.server.internal.endpoints.console;

import io.gatepass.server.testing.GatepassServerExtension;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's static files over a real server: what a browser gets at /console/, and what it does not. */
class ConsoleEndpointTest {
    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension();
    static TestServer server;

    @BeforeAll
    static void start() {
        server = GATEPASS.server();
    }

    @Test
    void indexIsServedWithAStrictPolicyAndRevalidated() throws Exception {
        HttpResponse<String> index = server.send("GET", "/console/", Map.of(), null);

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(index.headers().firstValue("cache-control")).hasValue("no-cache");
        assertStrictHeaders(index);
        assertThat(index.body()).contains("<title>Gatepass console</title>").doesNotContain("<script>");
    }

    @Test
    void hashedAssetsAreServedWithTheirTypeAndCachedForGood() throws Exception {
        String index = server.send("GET", "/console/", Map.of(), null).body();
        Matcher script = Pattern.compile("src=\"(/console/assets/[^\"]+\\.js)\"").matcher(index);
        Matcher style = Pattern.compile("href=\"(/console/assets/[^\"]+\\.css)\"").matcher(index);
        assertThat(script.find()).as("index names its script").isTrue();
        assertThat(style.find()).as("index names its style sheet").isTrue();

        HttpResponse<String> js = server.send("GET", script.group(1), Map.of(), null);
        HttpResponse<String> css = server.send("GET", style.group(1), Map.of(), null);

        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
        assertThat(js.headers().firstValue("cache-control")).hasValue("public, max-age=31536000, immutable");
        assertThat(js.body()).contains("AWS4-HMAC-SHA256");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("content-type")).hasValue("text/css; charset=utf-8");
        assertStrictHeaders(js);
    }

    @Test
    void withoutTheSlashRedirectsToTheConsole() throws Exception {
        HttpResponse<String> response = server.send("GET", "/console", Map.of(), null);

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("location")).hasValue("/console/");
    }

    @Test
    void unknownAndEscapingPathsAreNotFoundInTheUsualShape() throws Exception {
        for (String path : new String[] {"/console/nothing.js", "/console/%2e%2e/META-INF/MANIFEST.MF",
                "/console/assets/", "/console/.vite/manifest.json", "/console//index.html"}) {
            HttpResponse<String> response = server.send("GET", path, Map.of(), null);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("<Code>NotFound</Code>");
            assertStrictHeaders(response);
        }
    }

    @Test
    void onlyGetIsAnswered() throws Exception {
        HttpResponse<String> response = server.send("POST", "/console/", Map.of(), "x".getBytes());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("<Code>MethodNotAllowed</Code>");
    }

    private static void assertStrictHeaders(HttpResponse<String> response) {
        String policy = response.headers().firstValue("content-security-policy").orElse("");
        assertThat(policy).contains("default-src 'self'", "script-src 'self'", "connect-src 'self'",
                "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(response.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("referrer-policy")).hasValue("no-referrer");
    }
}
