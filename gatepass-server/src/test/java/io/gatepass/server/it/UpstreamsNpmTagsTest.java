package io.gatepass.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.testing.Closeables;
import io.gatepass.server.testing.FakePublicRegistry;
import io.gatepass.server.testing.PackageDomain;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.AllowPublish;
import software.amazon.awssdk.services.codeartifact.model.AllowUpstream;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * npm's dist-tags and single-version manifests through upstream repositories and an external connection, at the
 * HTTP level, seeded (no clocks, no real npm): {@code down} has the upstreams {@code mid} then {@code side};
 * {@code mid} has the upstream {@code top}, which has the external connection {@code public:npmjs} (a small registry
 * the test starts). The search order is down, mid, top, public:npmjs, side. A reader may read {@code down} only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamsNpmTagsTest {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOMAIN = "tags";

    private FakePublicRegistry registry;
    private TestServer server;
    private PackageDomain domain;
    private CodeartifactClient admin;
    private String adminToken;
    private String readerToken;

    @BeforeAll
    void start(@TempDir Path work) {
        registry = FakePublicRegistry.start();
        ServerConfig config = TestServer.config(null, work.resolve("data"), ServerConfig.DEFAULT_MAX_BODY_BYTES)
                .withExternalConnections(Map.of("public:npmjs", registry.url()));
        server = TestServer.start(config);
        domain = PackageDomain.create(server, DOMAIN);
        admin = domain.admin();
        admin.createRepository(r -> r.domain(DOMAIN).repository("top"));
        admin.associateExternalConnection(r -> r.domain(DOMAIN).repository("top").externalConnection("public:npmjs"));
        admin.createRepository(r -> r.domain(DOMAIN).repository("mid").upstreams(u -> u.repositoryName("top")));
        admin.createRepository(r -> r.domain(DOMAIN).repository("side"));
        admin.createRepository(r -> r.domain(DOMAIN).repository("down").upstreams(u -> u.repositoryName("mid"),
                u -> u.repositoryName("side")));
        adminToken = domain.token(TestServer.admin());
        readerToken = domain.token(domain.reader("down"));
    }

    @AfterAll
    void stop() {
        Closeables.closeAll(domain, server, registry);
    }

    // ------------------------------------------------------------------------------------------- merge rule

    @Test
    void distTags_setInARepositoryAndInItsUpstream_areTheUpstreams_evenWhenTheDownstreamOneIsNewer()
            throws Exception {
        String name = unique("gp-web-helper");
        publish("top", name, "1.0.0");
        publish("down", name, "1.0.1"); // published later: latest here is 1.0.1
        allowUpstream("down", name);

        assertThat(tags("down", name)).isEqualTo(Map.of("latest", "1.0.0"));
        assertThat(packumentTags("down", name)).isEqualTo(Map.of("latest", "1.0.0"));
        assertThat(tag("down", name, "latest")).isEqualTo("1.0.0");
        assertThat(manifest("down", name, "latest").path("version").asText()).isEqualTo("1.0.0");
        assertThat(manifest("down", name, "1.0.1").path("version").asText())
                .as("the version just published here is still served by its number").isEqualTo("1.0.1");
    }

    @Test
    void aVersionUnlistedHere_isNotOfferedAgainFromAnUpstream_theNearestRepositoryDecidesIt() throws Exception {
        String name = unique("gp-unlisted");
        publish("top", name, "1.0.0");
        publish("top", name, "1.1.0");
        publish("down", name, "1.1.0");
        allowUpstream("down", name);
        admin.updatePackageVersionsStatus(r -> r.domain(DOMAIN).repository("down").format(PackageFormat.NPM)
                .packageValue(name).versions("1.1.0")
                .targetStatus(software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus.UNLISTED));
        server.clock().advance(Duration.ofSeconds(2));

        HttpResponse<String> response = get(endpoint("down") + name, readerToken("down"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode packument = JSON.readTree(response.body());
        assertThat(asMap(packument.path("versions")).keySet()).containsExactly("1.0.0");
        assertThat(asMap(packument.path("dist-tags"))).as("no tag names the version unlisted here")
                .doesNotContainValue("1.1.0");
        assertThat(asMap(JSON.readTree(get(endpoint("mid") + name, adminToken).body()).path("versions")).keySet())
                .as("upstream, where it is not unlisted").containsExactlyInAnyOrder("1.0.0", "1.1.0");
    }

    @Test
    void distTags_setInDifferentRepositories_areAllServed_pointingWhereTheyWereSet() throws Exception {
        String name = unique("gp-both");
        publish("top", name, "1.0.0");
        publish("top", name, "1.0.1");
        putTag("top", name, "alpha", "1.0.1");
        publish("down", name, "0.9.0");
        putTag("down", name, "old", "0.9.0");
        allowUpstream("down", name);

        assertThat(tags("down", name)).isEqualTo(Map.of("latest", "1.0.1", "alpha", "1.0.1", "old", "0.9.0"));
        assertThat(packumentTags("down", name)).isEqualTo(tags("down", name));
    }

    @Test
    void distTags_alongAChain_areTheFurthestUpstreams_thePublicRegistryAboveTheRepositoryWithTheConnection()
            throws Exception {
        String name = unique("gp-public");
        Map<String, byte[]> published = new LinkedHashMap<>();
        published.put("2.0.0", bytes(name, "2.0.0"));
        published.put("2.1.0", bytes(name, "2.1.0"));
        registry.npmPackage(name, published); // latest 2.1.0, published in 2020
        publish("top", name, "2.2.0"); // published now, latest 2.2.0 in top
        allowUpstream("top", name);
        publish("mid", name, "2.3.0");
        putTag("mid", name, "next", "2.3.0");
        allowUpstream("mid", name);

        assertThat(tags("down", name)).isEqualTo(Map.of("latest", "2.1.0", "next", "2.3.0"));
        assertThat(tags("mid", name)).isEqualTo(Map.of("latest", "2.1.0", "next", "2.3.0"));
        assertThat(tags("top", name)).isEqualTo(Map.of("latest", "2.1.0"));
        assertThat(packumentTags("down", name)).isEqualTo(Map.of("latest", "2.1.0", "next", "2.3.0"));
        assertThat(manifest("down", name, "latest").path("version").asText()).isEqualTo("2.1.0");
    }

    @Test
    void distTags_inTwoUpstreamsOfOneRepository_areTheOneEarlierInTheSearchOrder() throws Exception {
        String name = unique("gp-siblings");
        publish("mid", name, "1.0.0");
        publish("side", name, "1.1.0"); // published later, in the upstream listed second
        assertThat(tags("down", name)).isEqualTo(Map.of("latest", "1.0.0"));
        assertThat(packumentTags("down", name)).isEqualTo(Map.of("latest", "1.0.0"));
    }

    // ------------------------------------------------------------------------------------------- endpoints

    @Test
    void versionManifest_ofAVersionOnlyUpstream_isServedPointingHere_byNumberAndByTag() throws Exception {
        String name = unique("gp-only-up");
        publish("top", name, "3.0.0");
        putTag("top", name, "beta", "3.0.0");

        for (String asked : new String[]{"3.0.0", "latest", "beta"}) {
            JsonNode manifest = manifest("down", name, asked);
            assertThat(manifest.path("name").asText()).isEqualTo(name);
            assertThat(manifest.path("version").asText()).isEqualTo("3.0.0");
            assertThat(manifest.path("dist").path("tarball").asText())
                    .isEqualTo(endpoint("down") + name + "/-/" + name + "-3.0.0.tgz");
            assertThat(manifest.has("readme")).isFalse();
        }
        assertThat(get(endpoint("down") + name + "/9.9.9", readerToken).statusCode()).isEqualTo(404);
        assertThat(get(endpoint("down") + name + "/gamma", readerToken).statusCode()).isEqualTo(404);
        assertThat(get(endpoint("down") + "-/package/" + name + "/dist-tags/gamma", readerToken).statusCode())
                .isEqualTo(404);
        String nowhere = unique("gp-nowhere");
        assertThat(get(endpoint("down") + "-/package/" + nowhere + "/dist-tags", readerToken).statusCode())
                .isEqualTo(404);
        assertThat(get(endpoint("down") + "-/package/" + nowhere + "/dist-tags/latest", readerToken).statusCode())
                .isEqualTo(404);
        assertThat(get(endpoint("down") + nowhere + "/latest", readerToken).statusCode()).isEqualTo(404);
        // the tarball the manifest names is served here, and then kept here
        HttpResponse<String> tarball = get(endpoint("down") + name + "/-/" + name + "-3.0.0.tgz", readerToken);
        assertThat(tarball.statusCode()).isEqualTo(200);
        assertThat(admin.listPackageVersions(r -> r.domain(DOMAIN).repository("down").format(PackageFormat.NPM)
                .packageValue(name)).versions()).extracting(v -> v.version()).containsExactly("3.0.0");
    }

    @Test
    void scopedPackage_throughUpstreams_answersInBothSpellings() throws Exception {
        String scope = "gpscope";
        String name = unique("lib");
        publishScoped("top", scope, name, "1.2.3");
        putTag("top", "@" + scope + "%2f" + name, "stable", "1.2.3");

        for (String spelled : new String[]{"@" + scope + "%2f" + name, "@" + scope + "/" + name}) {
            assertThat(manifest("down", spelled, "1.2.3").path("name").asText()).isEqualTo("@" + scope + "/" + name);
            assertThat(manifest("down", spelled, "stable").path("version").asText()).isEqualTo("1.2.3");
            assertThat(tags("down", spelled)).isEqualTo(Map.of("latest", "1.2.3", "stable", "1.2.3"));
            assertThat(tag("down", spelled, "stable")).isEqualTo("1.2.3");
        }
    }

    @Test
    void originControls_blockingUpstreams_leaveOnlyTheRepositorysOwnTagsAndVersions() throws Exception {
        String name = unique("gp-blocked");
        publish("top", name, "1.0.0");
        publish("down", name, "0.1.0"); // published first here: upstream versions are blocked for it
        allowUpstream("down", name);
        assertThat(tags("down", name)).isEqualTo(Map.of("latest", "1.0.0"));
        assertThat(manifest("down", name, "1.0.0").path("version").asText()).isEqualTo("1.0.0");

        admin.putPackageOriginConfiguration(r -> r.domain(DOMAIN).repository("down").format(PackageFormat.NPM)
                .packageValue(name).restrictions(x -> x.publish(AllowPublish.ALLOW).upstream(AllowUpstream.BLOCK)));
        server.clock().advance(Duration.ofSeconds(2));

        assertThat(tags("down", name)).isEqualTo(Map.of("latest", "0.1.0"));
        assertThat(tag("down", name, "latest")).isEqualTo("0.1.0");
        assertThat(manifest("down", name, "latest").path("version").asText()).isEqualTo("0.1.0");
        assertThat(get(endpoint("down") + name + "/1.0.0", readerToken).statusCode()).isEqualTo(404);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Map<String, String> tags(String repository, String name) throws Exception {
        HttpResponse<String> response = get(endpoint(repository) + "-/package/" + name + "/dist-tags", readerToken(
                repository));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return asMap(JSON.readTree(response.body()));
    }

    private String tag(String repository, String name, String tag) throws Exception {
        HttpResponse<String> response = get(endpoint(repository) + "-/package/" + name + "/dist-tags/" + tag,
                readerToken(repository));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).asText();
    }

    private Map<String, String> packumentTags(String repository, String name) throws Exception {
        HttpResponse<String> response = get(endpoint(repository) + name, readerToken(repository));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return asMap(JSON.readTree(response.body()).path("dist-tags"));
    }

    private JsonNode manifest(String repository, String name, String versionOrTag) throws Exception {
        HttpResponse<String> response = get(endpoint(repository) + name + "/" + versionOrTag,
                readerToken(repository));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The reader may read down only; the other repositories are read as the administrator. */
    private String readerToken(String repository) {
        return repository.equals("down") ? readerToken : adminToken;
    }

    private static Map<String, String> asMap(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private void allowUpstream(String repository, String name) {
        admin.putPackageOriginConfiguration(r -> r.domain(DOMAIN).repository(repository).format(PackageFormat.NPM)
                .packageValue(name).restrictions(x -> x.publish(AllowPublish.ALLOW).upstream(AllowUpstream.ALLOW)));
        server.clock().advance(Duration.ofSeconds(2)); // past a rendered packument's one second
    }

    private void putTag(String repository, String escapedName, String tag, String version) throws Exception {
        HttpResponse<String> response = domain.put(endpoint(repository) + "-/package/" + escapedName
                + "/dist-tags/" + tag, adminToken, "application/json", "\"" + version + "\"");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        server.clock().advance(Duration.ofSeconds(2));
    }

    private void publish(String repository, String name, String version) throws Exception {
        publish(repository, null, name, version);
    }

    private void publishScoped(String repository, String scope, String name, String version) throws Exception {
        publish(repository, scope, name, version);
    }

    /** What npm publish sends: one version, its tarball attached, dist-tag latest. */
    private void publish(String repository, String scope, String name, String version) throws Exception {
        String full = scope == null ? name : "@" + scope + "/" + name;
        byte[] tarball = bytes(full, version);
        String integrity = "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512")
                .digest(tarball));
        String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(tarball));
        String body = "{\"_id\":\"" + full + "\",\"name\":\"" + full + "\",\"dist-tags\":{\"latest\":\"" + version
                + "\"},\"versions\":{\"" + version + "\":{\"name\":\"" + full + "\",\"version\":\"" + version
                + "\",\"readme\":\"# " + name + "\",\"dist\":{\"shasum\":\"" + sha1 + "\",\"integrity\":\""
                + integrity + "\",\"tarball\":\"http://elsewhere/x.tgz\"}}},\"_attachments\":{\"" + full + "-"
                + version + ".tgz\":{\"content_type\":\"application/octet-stream\",\"data\":\""
                + Base64.getEncoder().encodeToString(tarball) + "\",\"length\":" + tarball.length + "}}}";
        String path = scope == null ? name : "@" + scope + "%2f" + name;
        HttpResponse<String> response = domain.put(endpoint(repository) + path, adminToken, "application/json", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        server.clock().advance(Duration.ofSeconds(2)); // later publications are later
    }

    private static byte[] bytes(String name, String version) {
        return ("tarball of " + name + "@" + version).getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        return domain.get(url, token);
    }

    private String endpoint(String repository) {
        return domain.endpoint(repository, PackageFormat.NPM);
    }

    private static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + (System.nanoTime() / 1000 % 100_000);
    }
}
