package io.gatepass.server.it;

import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.config.UpstreamTimeouts;
import io.gatepass.server.internal.endpoints.packages.upstream.RemoteRegistry;
import io.gatepass.server.testing.Closeables;
import io.gatepass.server.testing.FakePublicRegistry;
import io.gatepass.server.testing.PackageDomain;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A public registry that sends more than Gatepass keeps: a tarball, wheel or jar over {@code serve
 * --max-asset-bytes}, or a packument, simple page or maven-metadata.xml over the 64 MiB metadata limit, with or
 * without a Content-Length, or a Content-Length its body falls short of. Each is refused in the format's error shape
 * (502) while it streams (the registry sees the connection closed long before it could send it all), nothing is kept
 * (no blob, no package in any repository, nothing left in the spool), and once the registry serves a proper answer
 * the next request gets it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamsOversizedTest {
    private static final String DOMAIN = "team";
    private static final long MAX_ASSET = 64 * 1024;
    /** What a flooding registry would send if nobody stopped it: beyond every limit and any socket buffer. */
    private static final long FLOOD = 1024L * 1024 * 1024;

    /** How a registry sends too much. */
    enum Kind {
        /** No Content-Length (chunked) and no end. */
        ENDLESS,
        /** A Content-Length over the limit. */
        DECLARED_TOO_LARGE,
        /** A Content-Length within the limit, and the connection closed before that many bytes came. */
        SHORT_OF_ITS_LENGTH
    }

    private FakePublicRegistry registry;
    private TestServer server;
    private Path data;
    private PackageDomain domain;
    private String token;

    @BeforeAll
    void start(@TempDir Path work) {
        registry = FakePublicRegistry.start();
        data = work.resolve("data");
        ServerConfig config = TestServer.config(null, data, ServerConfig.DEFAULT_MAX_BODY_BYTES)
                .withExternalConnections(registry.asEveryExternalConnection())
                .withUpstreamTimeouts(new UpstreamTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60)))
                .withMaxAssetBytes(MAX_ASSET);
        server = TestServer.start(config);
        domain = PackageDomain.create(server, DOMAIN).withAppOverEveryExternalConnection();
        token = domain.adminToken();
    }

    @AfterAll
    void stop() {
        Closeables.closeAll(domain, server, registry);
    }

    // ------------------------------------------------------------------------------------------------ assets

    @ParameterizedTest
    @EnumSource(Kind.class)
    void npmTarball_tooLarge_isRefused_nothingKept_thenTheProperOneIsServed(Kind kind) throws Exception {
        String name = "big-" + kind.name().toLowerCase().replace('_', '-');
        Path work = Files.createTempDirectory("oversized-npm");
        byte[] tarball = FakePublicRegistry.npmTarball(work, name, "1.0.0", "module.exports = 1;");
        Map<String, byte[]> tarballs = new LinkedHashMap<>();
        tarballs.put("1.0.0", tarball);
        registry.npmPackage(name, tarballs);
        String path = "/" + name + "/-/" + name + "-1.0.0.tgz";
        String url = endpoint(PackageFormat.NPM) + name + "/-/" + name + "-1.0.0.tgz";

        assertRefusedWhileStreaming(kind, path, MAX_ASSET, url, "application/json", name, PackageFormat.NPM);

        registry.put(path, "application/octet-stream", tarball);
        HttpResponse<byte[]> fine = getBytes(url);
        assertThat(fine.statusCode()).isEqualTo(200);
        assertThat(fine.body()).isEqualTo(tarball);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void pypiWheel_tooLarge_isRefused_nothingKept_thenTheProperOneIsServed(Kind kind) throws Exception {
        String project = "big-" + kind.name().toLowerCase().replace('_', '-');
        String filename = project.replace('-', '_') + "-1.0-py3-none-any.whl";
        byte[] wheel = ("wheel of " + project).getBytes(StandardCharsets.UTF_8);
        registry.pypiProject(project, Map.of(filename, wheel));
        String url = endpoint(PackageFormat.PYPI) + "simple/" + project + "/1.0/" + filename;

        assertRefusedWhileStreaming(kind, "/files/" + filename, MAX_ASSET, url, "text/plain", project,
                PackageFormat.PYPI);

        registry.put("/files/" + filename, "application/octet-stream", wheel);
        HttpResponse<byte[]> fine = getBytes(url);
        assertThat(fine.statusCode()).isEqualTo(200);
        assertThat(fine.body()).isEqualTo(wheel);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void mavenJar_tooLarge_isRefused_nothingKept_thenTheProperOneIsServed(Kind kind) throws Exception {
        String artifact = "big-" + kind.name().toLowerCase().replace('_', '-');
        String path = "/gatepasse2e/big/" + artifact + "/1.0/" + artifact + "-1.0.jar";
        byte[] jar = ("jar of " + artifact).getBytes(StandardCharsets.UTF_8);
        String url = endpoint(PackageFormat.MAVEN) + path.substring(1);

        assertRefusedWhileStreaming(kind, path, MAX_ASSET, url, "text/plain", artifact, PackageFormat.MAVEN);

        registry.put(path, "application/java-archive", jar);
        HttpResponse<byte[]> fine = getBytes(url);
        assertThat(fine.statusCode()).isEqualTo(200);
        assertThat(fine.body()).isEqualTo(jar);
    }

    // ------------------------------------------------------------------------------------------------ metadata

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"ENDLESS", "DECLARED_TOO_LARGE"})
    void npmPackument_over64MiB_isRefused_thenTheProperOneIsServed(Kind kind) throws Exception {
        String name = "huge-doc-" + kind.name().toLowerCase().replace('_', '-');
        String url = endpoint(PackageFormat.NPM) + name;

        assertRefusedWhileStreaming(kind, "/" + name, RemoteRegistry.MAX_METADATA_BYTES, url, "application/json",
                name, PackageFormat.NPM);

        Map<String, byte[]> tarballs = new LinkedHashMap<>();
        tarballs.put("1.0.0", FakePublicRegistry.npmTarball(Files.createTempDirectory("oversized-doc"), name,
                "1.0.0", "module.exports = 2;"));
        registry.npmPackage(name, tarballs);
        HttpResponse<String> fine = get(url);
        assertThat(fine.statusCode()).as(fine.body()).isEqualTo(200);
        assertThat(fine.body()).contains("\"1.0.0\"");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"ENDLESS", "DECLARED_TOO_LARGE"})
    void pypiSimplePage_over64MiB_isRefused_thenTheProperOneIsServed(Kind kind) throws Exception {
        String project = "huge-page-" + kind.name().toLowerCase().replace('_', '-');
        String url = endpoint(PackageFormat.PYPI) + "simple/" + project + "/";

        assertRefusedWhileStreaming(kind, "/simple/" + project + "/", RemoteRegistry.MAX_METADATA_BYTES, url,
                "text/plain", project, PackageFormat.PYPI);

        String filename = project.replace('-', '_') + "-1.0-py3-none-any.whl";
        registry.pypiProject(project, Map.of(filename, "wheel".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> fine = get(url);
        assertThat(fine.statusCode()).as(fine.body()).isEqualTo(200);
        assertThat(fine.body()).contains(filename);
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"ENDLESS", "DECLARED_TOO_LARGE"})
    void mavenMetadata_over64MiB_isRefused_thenTheProperOneIsServed(Kind kind) throws Exception {
        String artifact = "huge-meta-" + kind.name().toLowerCase().replace('_', '-');
        String path = "/gatepasse2e/big/" + artifact + "/maven-metadata.xml";
        String url = endpoint(PackageFormat.MAVEN) + path.substring(1);

        assertRefusedWhileStreaming(kind, path, RemoteRegistry.MAX_METADATA_BYTES, url, "text/plain", artifact,
                PackageFormat.MAVEN);

        registry.put(path, "application/xml", ("<metadata><groupId>gatepasse2e.big</groupId><artifactId>" + artifact
                + "</artifactId><versioning><release>1.0</release><versions><version>1.0</version></versions>"
                + "<lastUpdated>20200101000000</lastUpdated></versioning></metadata>")
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> fine = get(url);
        assertThat(fine.statusCode()).as(fine.body()).isEqualTo(200);
        assertThat(fine.body()).contains("<version>1.0</version>");
    }

    // ------------------------------------------------------------------------------------------------ checks

    /**
     * Floods {@code registryPath} the way {@code kind} says, GETs {@code url} and checks the 502 in the format's
     * shape, that the registry was cut off (or, for a short body, sent only what it meant to), and that nothing was
     * kept: no new blob, nothing in the spool, no package named {@code name} in any repository.
     */
    private void assertRefusedWhileStreaming(Kind kind, String registryPath, long limit, String url,
                                             String contentType, String name, PackageFormat format)
            throws Exception {
        List<Path> blobsBefore = files(data.resolve("blobs"));
        FakePublicRegistry.Flood flood = switch (kind) {
            case ENDLESS -> registry.flood(registryPath, -1, FLOOD);
            case DECLARED_TOO_LARGE -> registry.flood(registryPath, FLOOD, FLOOD);
            case SHORT_OF_ITS_LENGTH -> registry.flood(registryPath, limit, limit / 2);
        };

        HttpResponse<String> refused = get(url);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(502);
        assertThat(refused.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(contentType));
        if (contentType.equals("application/json")) {
            assertThat(refused.body()).startsWith("{\"error\":\"");
        }
        long written = flood.awaitEnd();
        if (kind == Kind.SHORT_OF_ITS_LENGTH) {
            assertThat(written).isEqualTo(limit / 2);
        } else {
            assertThat(refused.body()).contains("larger than the limit of " + limit + " bytes");
            assertThat(flood.cutOff()).as("the registry's connection was closed").isTrue();
            assertThat(written).isLessThan(FLOOD);
        }
        assertThat(files(data.resolve("blobs"))).as("no blob was stored").isEqualTo(blobsBefore);
        assertThat(files(data.resolve("tmp").resolve("uploads"))).as("nothing left in the spool").isEmpty();
        for (String repository : List.of("app", "npm-store", "pypi-store", "maven-store")) {
            assertThat(domain.admin().listPackages(r -> r.domain(DOMAIN).repository(repository).format(format)
                    .packagePrefix(name)).packages()).as("packages in " + repository).isEmpty();
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private String endpoint(PackageFormat format) {
        return domain.endpoint("app", format);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return domain.get(url, token);
    }

    private HttpResponse<byte[]> getBytes(String url) throws Exception {
        return domain.getBytes(url, token);
    }
}
