package io.gatepass.server.it;

import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.config.UpstreamTimeouts;
import io.gatepass.server.testing.Closeables;
import io.gatepass.server.testing.FakePublicRegistry;
import io.gatepass.server.testing.PackageDomain;
import io.gatepass.server.testing.PlainHttp;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A public registry that is slow to answer: the test's registry holds chosen requests until the test releases them.
 * With a short {@code --upstream-timeout}, metadata is answered from what the repository already keeps (the newer
 * public versions are simply not offered), and what is not kept at all gets a 504 in the format's own error shape (as
 * the 502 of a registry that is down). With a long timeout, requests held at the registry do not hold up any other
 * request: other packages, other repositories, the APIs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamsSlowRegistryTest {
    private static final String DOMAIN = "team";
    /** Short enough to wait for, long enough for the registry's answers on a loaded machine; held ones wait longer. */
    private static final Duration SHORT = Duration.ofSeconds(2);
    /** Far longer than anything in this test takes: requests held at the registry stay pending until released. */
    private static final Duration LONG = Duration.ofSeconds(90);

    private FakePublicRegistry registry;
    private TestServer impatient;
    private TestServer patient;
    private final HttpClient http = PlainHttp.client();

    @BeforeAll
    void start(@TempDir Path work) {
        registry = FakePublicRegistry.start();
        impatient = start(work.resolve("impatient"), SHORT);
        patient = start(work.resolve("patient"), LONG);
    }

    private TestServer start(Path data, Duration timeout) {
        ServerConfig config = TestServer.config(null, data, ServerConfig.DEFAULT_MAX_BODY_BYTES)
                .withExternalConnections(registry.asEveryExternalConnection())
                .withUpstreamTimeouts(new UpstreamTimeouts(Duration.ofSeconds(5), timeout));
        TestServer server = TestServer.start(config);
        try (PackageDomain domain = PackageDomain.create(server, DOMAIN)) {
            domain.withAppOverEveryExternalConnection();
        }
        return server;
    }

    @AfterAll
    void stop() {
        Closeables.closeAll(impatient, patient, registry);
    }

    // ------------------------------------------------------------------------------------------------ npm

    @Test
    void npm_whenTheRegistryIsSlow_servesTheKeptVersions_and504sWhatIsNotKept() throws Exception {
        registry.npmPackage("slow-pad", npm("slow-pad", "1.0.0"));
        String token = token(impatient);
        HttpResponse<String> kept = get(impatient, endpoint(impatient, PackageFormat.NPM)
                + "slow-pad/-/slow-pad-1.0.0.tgz", token);
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        Map<String, byte[]> newer = npm("slow-pad", "1.0.0");
        newer.putAll(npm("slow-pad", "1.1.0"));
        registry.npmPackage("slow-pad", newer);
        registry.npmPackage("slow-odd", npm("slow-odd", "3.0.1"));
        FakePublicRegistry.Stall packument = registry.stall("/slow-pad");
        FakePublicRegistry.Stall never = registry.stall("/slow-odd");
        impatient.clock().advance(Duration.ofSeconds(2)); // past the rendered packument's second

        HttpResponse<String> fromKept = get(impatient, endpoint(impatient, PackageFormat.NPM) + "slow-pad", token);
        HttpResponse<String> notKept = get(impatient, endpoint(impatient, PackageFormat.NPM) + "slow-odd", token);
        HttpResponse<String> tarball = get(impatient, endpoint(impatient, PackageFormat.NPM)
                + "slow-odd/-/slow-odd-3.0.1.tgz", token);

        assertThat(packument.held()).as("the registry was asked, and held the request").isPositive();
        assertThat(fromKept.statusCode()).as(fromKept.body()).isEqualTo(200);
        assertThat(fromKept.body()).contains("\"1.0.0\"").doesNotContain("1.1.0");
        assertThat(never.held()).isPositive();
        for (HttpResponse<String> response : java.util.List.of(notKept, tarball)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).startsWith("{\"error\":\"").contains("did not answer within 2 s");
        }
        registry.unstall("/slow-pad");
        registry.unstall("/slow-odd");
    }

    // ------------------------------------------------------------------------------------------------ PyPI

    @Test
    void pypi_whenTheRegistryIsSlow_servesTheKeptFiles_and504sWhatIsNotKept() throws Exception {
        byte[] one = "wheel 1.0".getBytes(StandardCharsets.UTF_8);
        registry.pypiProject("slow-thing", Map.of("slow_thing-1.0-py3-none-any.whl", one));
        String token = token(impatient);
        String base = endpoint(impatient, PackageFormat.PYPI);
        HttpResponse<String> page = get(impatient, base + "simple/slow-thing/", token);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        HttpResponse<String> kept = get(impatient, base + "simple/slow-thing/1.0/slow_thing-1.0-py3-none-any.whl",
                token);
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        assertThat(kept.body()).isEqualTo("wheel 1.0");
        Map<String, byte[]> newer = new LinkedHashMap<>();
        newer.put("slow_thing-1.0-py3-none-any.whl", one);
        newer.put("slow_thing-2.0-py3-none-any.whl", "wheel 2.0".getBytes(StandardCharsets.UTF_8));
        registry.pypiProject("slow-thing", newer);
        registry.pypiProject("slow-other", Map.of("slow_other-1.0-py3-none-any.whl", one));
        FakePublicRegistry.Stall stalled = registry.stall("/simple/slow-thing/");
        FakePublicRegistry.Stall never = registry.stall("/simple/slow-other/");
        impatient.clock().advance(Duration.ofSeconds(2));

        HttpResponse<String> fromKept = get(impatient, base + "simple/slow-thing/", token);
        HttpResponse<String> notKept = get(impatient, base + "simple/slow-other/", token);
        HttpResponse<String> file = get(impatient, base + "simple/slow-other/1.0/slow_other-1.0-py3-none-any.whl",
                token);

        assertThat(stalled.held()).isPositive();
        assertThat(never.held()).isPositive();
        assertThat(fromKept.statusCode()).as(fromKept.body()).isEqualTo(200);
        assertThat(fromKept.body()).contains("slow_thing-1.0-py3-none-any.whl").doesNotContain("2.0");
        for (HttpResponse<String> response : java.util.List.of(notKept, file)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain"));
            assertThat(response.body()).contains("did not answer within 2 s");
        }
        registry.unstall("/simple/slow-thing/");
        registry.unstall("/simple/slow-other/");
    }

    // ------------------------------------------------------------------------------------------------ Maven

    @Test
    void maven_whenTheRegistryIsSlow_servesTheKeptVersions_and504sWhatIsNotKept() throws Exception {
        String dir = "/gatepasse2e/slow/lib/";
        registry.put(dir + "maven-metadata.xml", "application/xml", metadata("lib", "1.0"));
        registry.put(dir + "1.0/lib-1.0.jar", "application/java-archive", "jar 1.0".getBytes(StandardCharsets.UTF_8));
        registry.put(dir + "2.0/lib-2.0.jar", "application/java-archive", "jar 2.0".getBytes(StandardCharsets.UTF_8));
        String token = token(impatient);
        String base = endpoint(impatient, PackageFormat.MAVEN);
        HttpResponse<String> kept = get(impatient, base + "gatepasse2e/slow/lib/1.0/lib-1.0.jar", token);
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        registry.put(dir + "maven-metadata.xml", "application/xml", metadata("lib", "1.0", "2.0"));
        registry.put("/gatepasse2e/slow/other/maven-metadata.xml", "application/xml", metadata("other", "1.0"));
        FakePublicRegistry.Stall stalled = registry.stall(dir + "maven-metadata.xml");
        FakePublicRegistry.Stall never = registry.stall("/gatepasse2e/slow/other/maven-metadata.xml");
        FakePublicRegistry.Stall jar = registry.stall(dir + "2.0/lib-2.0.jar");

        HttpResponse<String> fromKept = get(impatient, base + "gatepasse2e/slow/lib/maven-metadata.xml", token);
        HttpResponse<String> notKept = get(impatient, base + "gatepasse2e/slow/other/maven-metadata.xml", token);
        HttpResponse<String> notKeptJar = get(impatient, base + "gatepasse2e/slow/lib/2.0/lib-2.0.jar", token);

        assertThat(stalled.held()).isPositive();
        assertThat(never.held()).isPositive();
        assertThat(jar.held()).isPositive();
        assertThat(fromKept.statusCode()).as(fromKept.body()).isEqualTo(200);
        assertThat(fromKept.body()).contains("<version>1.0</version>").doesNotContain("2.0");
        for (HttpResponse<String> response : java.util.List.of(notKept, notKeptJar)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain"));
            assertThat(response.body()).contains("did not answer within 2 s");
        }
        registry.unstall(dir + "maven-metadata.xml");
        registry.unstall("/gatepasse2e/slow/other/maven-metadata.xml");
        registry.unstall(dir + "2.0/lib-2.0.jar");
    }

    // ------------------------------------------------------------------------------------------------ others

    @Test
    void requestsHeldAtTheRegistry_holdUpNoOtherRequest() throws Exception {
        registry.npmPackage("held-pad", npm("held-pad", "1.0.0"));
        registry.npmPackage("quick-pad", npm("quick-pad", "2.0.0"));
        registry.pypiProject("quick-thing", Map.of("quick_thing-1.0-py3-none-any.whl",
                "wheel".getBytes(StandardCharsets.UTF_8)));
        String token = token(patient);
        String npm = endpoint(patient, PackageFormat.NPM);
        FakePublicRegistry.Stall stall = registry.stall("/held-pad");
        // several clients wait for the same held package
        java.util.List<CompletableFuture<HttpResponse<String>>> held = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(http.sendAsync(request(npm + "held-pad", token), HttpResponse.BodyHandlers.ofString()));
        }
        stall.awaitArrival();

        HttpResponse<String> otherPackage = get(patient, npm + "quick-pad", token);
        HttpResponse<String> otherRepository = get(patient, endpoint(patient, PackageFormat.NPM, "npm-store")
                + "quick-pad", token);
        HttpResponse<String> otherFormat = get(patient, endpoint(patient, PackageFormat.PYPI)
                + "simple/quick-thing/", token);
        int repositories;
        try (CodeartifactClient admin = patient.codeArtifact(TestServer.admin())) {
            repositories = admin.listRepositoriesInDomain(r -> r.domain(DOMAIN)).repositories().size();
        }
        boolean stillHeld = held.stream().noneMatch(CompletableFuture::isDone);
        registry.unstall("/held-pad");

        assertThat(otherPackage.statusCode()).as(otherPackage.body()).isEqualTo(200);
        assertThat(otherPackage.body()).contains("2.0.0");
        assertThat(otherRepository.statusCode()).as(otherRepository.body()).isEqualTo(200);
        assertThat(otherFormat.statusCode()).as(otherFormat.body()).isEqualTo(200);
        assertThat(repositories).isEqualTo(4);
        assertThat(stillHeld).as("the held requests were still waiting while the others were answered").isTrue();
        for (CompletableFuture<HttpResponse<String>> future : held) {
            HttpResponse<String> response = future.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"1.0.0\"");
        }
        assertThat(registry.hits("/held-pad")).as("one fetch for all who waited").isEqualTo(1);
    }

    @Test
    void moreRequestsHeldAtTheRegistryThanTheApisHaveWorkers_holdUpNeitherTheApisNorOtherPackages()
            throws Exception {
        int many = 40; // more than the 32 worker threads the APIs run on
        registry.npmPackage("crowd-quick", npm("crowd-quick", "1.0.0"));
        String token = token(patient);
        String npm = endpoint(patient, PackageFormat.NPM);
        java.util.List<FakePublicRegistry.Stall> stalls = new java.util.ArrayList<>();
        java.util.List<CompletableFuture<HttpResponse<String>>> held = new java.util.ArrayList<>();
        for (int i = 0; i < many; i++) {
            stalls.add(registry.stall("/crowd-" + i));
            held.add(http.sendAsync(request(npm + "crowd-" + i, token), HttpResponse.BodyHandlers.ofString()));
        }
        for (FakePublicRegistry.Stall stall : stalls) {
            stall.awaitArrival(); // every one of them is being held, each by a request waiting in Gatepass
        }

        int repositories;
        try (CodeartifactClient admin = patient.codeArtifact(TestServer.admin())) {
            repositories = admin.listRepositoriesInDomain(r -> r.domain(DOMAIN)).repositories().size();
        }
        HttpResponse<String> otherPackage = get(patient, npm + "crowd-quick", token);
        boolean stillHeld = held.stream().noneMatch(CompletableFuture::isDone);
        for (int i = 0; i < many; i++) {
            registry.unstall("/crowd-" + i);
        }

        assertThat(repositories).isEqualTo(4);
        assertThat(otherPackage.statusCode()).as(otherPackage.body()).isEqualTo(200);
        assertThat(stillHeld).isTrue();
        for (CompletableFuture<HttpResponse<String>> future : held) {
            assertThat(future.get(60, java.util.concurrent.TimeUnit.SECONDS).statusCode())
                    .as("not on the registry either, once it answers").isEqualTo(404);
        }
    }

    // ------------------------------------------------------------------------------------------------ setup

    private Map<String, byte[]> npm(String name, String version) throws Exception {
        Map<String, byte[]> tarballs = new LinkedHashMap<>();
        Path dir = java.nio.file.Files.createTempDirectory("slow-npm");
        tarballs.put(version, FakePublicRegistry.npmTarball(dir, name, version, "module.exports = '" + name + " "
                + version + "';"));
        return tarballs;
    }

    private static byte[] metadata(String artifactId, String... versions) {
        StringBuilder list = new StringBuilder();
        for (String version : versions) {
            list.append("<version>").append(version).append("</version>");
        }
        return ("<metadata><groupId>gatepasse2e.slow</groupId><artifactId>" + artifactId + "</artifactId><versioning>"
                + "<release>" + versions[versions.length - 1] + "</release><versions>" + list + "</versions>"
                + "<lastUpdated>20200101000000</lastUpdated></versioning></metadata>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String token(TestServer server) {
        try (CodeartifactClient admin = server.codeArtifact(TestServer.admin())) {
            return admin.getAuthorizationToken(r -> r.domain(DOMAIN).domainOwner(TestServer.ACCOUNT))
                    .authorizationToken();
        }
    }

    private static String endpoint(TestServer server, PackageFormat format) {
        return endpoint(server, format, "app");
    }

    private static String endpoint(TestServer server, PackageFormat format, String repository) {
        try (CodeartifactClient admin = server.codeArtifact(TestServer.admin())) {
            return admin.getRepositoryEndpoint(r -> r.domain(DOMAIN).repository(repository).format(format))
                    .repositoryEndpoint();
        }
    }

    private static HttpRequest request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
    }

    private HttpResponse<String> get(TestServer server, String url, String token) throws Exception {
        return http.send(request(url, token), HttpResponse.BodyHandlers.ofString());
    }
}
