package io.gatepass.server.fuzz;

import io.gatepass.server.testing.GatepassServerExtension;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded mutation fuzzing of the package endpoints over HTTP, with a valid repository token: npm packument, tarball
 * and publish paths (and publish bodies), PyPI simple-index paths, Maven artifact, metadata and checksum paths (and
 * checksum bodies). Every answer must come within the client's timeout and be no 5xx and no stack trace, and the
 * server must still serve the published package afterwards.
 *
 * <p>{@code -Dgatepass.fuzz.iterations=N} mutations per seed (default 12), {@code -Dgatepass.fuzz.seed=S}.
 */
class PackageEndpointFuzzTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final FuzzSettings SETTINGS = FuzzSettings.current(12);
    private static final Mutator PATHS = new Mutator(List.of("%", "%2f", "%2F", "%2e%2e", "%40", "%00", "%ZZ", "..",
            "/", "//", "@", "-", "-/", "~", ".tgz", ".sha1", ".md5", ".sha256", ".sha512", ".asc",
            "maven-metadata.xml", "-SNAPSHOT", "1.0", "simple/", "?format=json", "?", "&", "=", "#", "+", "%20",
            "\u00e9", "%C3%A9", "%FF", "a".repeat(300)));
    private static final Mutator BODIES = Mutator.forApiBodies();
    private static final byte[] JAR = "jar bytes".getBytes(StandardCharsets.UTF_8);
    private static final String NPM_BODY = "{\"_id\":\"tiny\",\"name\":\"tiny\",\"dist-tags\":{\"latest\":\"1.0.0\"},"
            + "\"versions\":{\"1.0.0\":{\"name\":\"tiny\",\"version\":\"1.0.0\",\"dist\":{\"tarball\":"
            + "\"http://localhost/tiny/-/tiny-1.0.0.tgz\"}}},\"_attachments\":{\"tiny-1.0.0.tgz\":{\"content_type\":"
            + "\"application/octet-stream\",\"data\":\"" + Base64.getEncoder().encodeToString(JAR) + "\",\"length\":"
            + JAR.length + "}}}";

    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension();
    static TestServer server;
    static RawHttp http;
    static String base;
    static String authorization;

    @BeforeAll
    static void start() throws Exception {
        server = GATEPASS.server();
        http = new RawHttp(server.server().port(), TIMEOUT);
        var codeArtifact = server.codeArtifact(TestServer.admin());
        codeArtifact.createDomain(r -> r.domain("fuzz"));
        codeArtifact.createRepository(r -> r.domain("fuzz").repository("repo"));
        String token = codeArtifact.getAuthorizationToken(r -> r.domain("fuzz").domainOwner(TestServer.ACCOUNT))
                .authorizationToken();
        authorization = "Basic " + Base64.getEncoder().encodeToString(("aws:" + token)
                .getBytes(StandardCharsets.UTF_8));
        base = "/codeartifact/fuzz-" + TestServer.ACCOUNT;
        for (RawRequest publish : List.of(npm("PUT", "tiny", NPM_BODY.getBytes(StandardCharsets.UTF_8)),
                maven("PUT", "com/example/lib/1.0/lib-1.0.jar", JAR),
                maven("PUT", "com/example/lib/1.0/lib-1.0.jar.sha1", sha1(JAR)))) {
            assertThat(http.exchange(publish).status()).as(publish.target()).isBetween(200, 299);
        }
    }

    private static RawRequest npm(String method, String rest, byte[] body) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(List.of(Map.entry("Authorization", authorization)));
        if (body.length > 0) {
            headers.add(Map.entry("Content-Type", "application/json"));
        }
        return new RawRequest(method, base + "/npm/repo/" + rest, headers, body);
    }

    private static RawRequest maven(String method, String rest, byte[] body) {
        return new RawRequest(method, base + "/maven/repo/" + rest, List.of(Map.entry("Authorization",
                authorization)), body);
    }

    private static RawRequest pypi(String rest) {
        return new RawRequest("GET", base + "/pypi/repo/" + rest, List.of(Map.entry("Authorization", authorization),
                Map.entry("Accept", "text/html")), new byte[0]);
    }

    private static List<RawRequest> seeds() {
        byte[] none = new byte[0];
        return List.of(npm("GET", "tiny", none), npm("GET", "tiny/-/tiny-1.0.0.tgz", none),
                npm("GET", "@scope%2ftiny", none), npm("GET", "-/package/tiny/dist-tags", none),
                maven("GET", "com/example/lib/1.0/lib-1.0.jar", none),
                maven("GET", "com/example/lib/1.0/lib-1.0.jar.sha1", none),
                maven("GET", "com/example/lib/maven-metadata.xml", none),
                maven("GET", "com/example/lib/maven-metadata.xml.md5", none),
                maven("PUT", "com/example/lib/2.0/lib-2.0.pom", "<project/>".getBytes(StandardCharsets.UTF_8)),
                pypi("simple/"), pypi("simple/tiny/"), pypi("simple/Tiny.Name_x/"));
    }

    @Test
    void mutatedPaths_areAnsweredWithoutFailure() throws Exception {
        Findings findings = new Findings("packages-paths");
        for (RawRequest seed : seeds()) {
            Random random = SETTINGS.random("packages " + seed.method() + " " + seed.target());
            String prefix = seed.target().substring(0, seed.target().indexOf("/repo/") + 6);
            String rest = seed.target().substring(prefix.length());
            check(findings, "seed", seed);
            for (int i = 0; i < SETTINGS.iterations(); i++) {
                String mutated = PATHS.mutate(rest, random).replace(' ', '+').replace('\r', '+').replace('\n', '+');
                check(findings, SETTINGS.replay("packages " + seed.target(), i), seed.withTarget(prefix + mutated));
            }
        }
        findings.assertNone();
    }

    @Test
    void mutatedPublishAndChecksumBodies_areAnsweredWithoutFailure() throws Exception {
        Findings findings = new Findings("packages-bodies");
        List<RawRequest> seeds = List.of(npm("PUT", "tiny", NPM_BODY.getBytes(StandardCharsets.UTF_8)),
                maven("PUT", "com/example/lib/1.0/lib-1.0.jar.sha1", sha1(JAR)),
                maven("PUT", "com/example/lib/1.0/lib-1.0.jar.md5", HexFormat.of().formatHex(
                        MessageDigest.getInstance("MD5").digest(JAR)).getBytes(StandardCharsets.US_ASCII)));
        for (RawRequest seed : seeds) {
            Random random = SETTINGS.random("packages body " + seed.target());
            for (int i = 0; i < SETTINGS.iterations() * 3; i++) {
                check(findings, SETTINGS.replay("packages body " + seed.target(), i),
                        seed.withBody(BODIES.mutate(seed.body(), random)));
            }
        }
        findings.assertNone();
        RawHttp.Response tarball = http.exchange(npm("GET", "tiny/-/tiny-1.0.0.tgz", new byte[0]));
        assertThat(tarball.status()).isEqualTo(200);
        assertThat(tarball.body()).isEqualTo(JAR);
        assertThat(http.exchange(new RawRequest("GET", "/health", List.of(), new byte[0])).status()).isEqualTo(200);
    }

    private static void check(Findings findings, String where, RawRequest request) throws Exception {
        RawHttp.Response response;
        try {
            response = http.exchange(request);
        } catch (RawHttp.Hang e) {
            findings.add(where, "hang: " + e.getMessage(), request, null, null);
            return;
        }
        String text = response.text();
        if (response.status() >= 500) {
            findings.add(where, "a " + response.status() + " answer", request, null, response);
        } else if (text.contains("at io.gatepass") || text.contains("Exception:")) {
            findings.add(where, "internals in the answer", request, null, response);
        }
    }

    private static byte[] sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes))
                .getBytes(StandardCharsets.US_ASCII);
    }
}
