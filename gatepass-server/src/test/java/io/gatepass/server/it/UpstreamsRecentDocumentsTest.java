package io.gatepass.server.it;

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
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public metadata documents are fetched once per second at most: a packument, simple page or maven-metadata.xml
 * asked again within the second (a tarball right after its packument, a second client) is answered without asking
 * the registry, and a change at the registry shows once that second has passed. The server's clock follows real time;
 * so that "within the second" does not depend on how fast a loaded machine answers, the test moves it back a minute
 * between the requests ({@link #stillWithinTheSecond()}) and forward again past the second afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamsRecentDocumentsTest {
    private static final String DOMAIN = "team";
    private static final Duration REWIND = Duration.ofMinutes(1);

    private FakePublicRegistry registry;
    private TestServer server;
    private PackageDomain domain;
    private String token;

    @BeforeAll
    void start(@TempDir Path work) {
        registry = FakePublicRegistry.start();
        server = TestServer.start(TestServer.config(null, work.resolve("data"), ServerConfig.DEFAULT_MAX_BODY_BYTES)
                .withExternalConnections(registry.asEveryExternalConnection()));
        domain = PackageDomain.create(server, DOMAIN).withAppOverEveryExternalConnection();
        token = domain.adminToken();
    }

    @AfterAll
    void stop() {
        Closeables.closeAll(domain, server, registry);
    }

    @Test
    void npm_aTarballRightAfterItsPackument_doesNotFetchThePackumentAgain_andANewVersionShowsAfterTheSecond()
            throws Exception {
        Path work = Files.createTempDirectory("recent-npm");
        Map<String, byte[]> tarballs = new LinkedHashMap<>();
        tarballs.put("1.0.0", FakePublicRegistry.npmTarball(work, "recent-pad", "1.0.0", "module.exports = 1;"));
        registry.npmPackage("recent-pad", tarballs);
        String base = endpoint(PackageFormat.NPM);

        HttpResponse<String> packument = get(base + "recent-pad");
        stillWithinTheSecond();
        HttpResponse<String> tarball = get(base + "recent-pad/-/recent-pad-1.0.0.tgz");

        assertThat(packument.statusCode()).as(packument.body()).isEqualTo(200);
        assertThat(tarball.statusCode()).as(tarball.body()).isEqualTo(200);
        assertThat(registry.hits("/recent-pad")).as("packument fetches").isEqualTo(1);

        tarballs.put("1.1.0", FakePublicRegistry.npmTarball(work, "recent-pad", "1.1.0", "module.exports = 2;"));
        registry.npmPackage("recent-pad", tarballs);
        pastTheSecond();
        HttpResponse<String> newer = get(base + "recent-pad");

        assertThat(newer.body()).contains("\"1.1.0\"");
        assertThat(registry.hits("/recent-pad")).isEqualTo(2);
    }

    @Test
    void pypi_theSimplePageAskedTwiceInASecond_isFetchedOnce_andANewFileShowsAfterTheSecond() throws Exception {
        registry.pypiProject("recent-thing", Map.of("recent_thing-1.0-py3-none-any.whl",
                "one".getBytes(StandardCharsets.UTF_8)));
        String page = endpoint(PackageFormat.PYPI) + "simple/recent-thing/";

        HttpResponse<String> first = get(page);
        stillWithinTheSecond();
        HttpResponse<String> second = get(page);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(registry.hits("/simple/recent-thing/")).isEqualTo(1);

        registry.pypiProject("recent-thing", Map.of("recent_thing-1.0-py3-none-any.whl",
                "one".getBytes(StandardCharsets.UTF_8), "recent_thing-2.0-py3-none-any.whl",
                "two".getBytes(StandardCharsets.UTF_8)));
        pastTheSecond();
        HttpResponse<String> newer = get(page);

        assertThat(newer.body()).contains("recent_thing-2.0-py3-none-any.whl");
        assertThat(registry.hits("/simple/recent-thing/")).isEqualTo(2);
    }

    @Test
    void maven_theMetadataAskedTwiceInASecond_isFetchedOnce_andANewVersionShowsAfterTheSecond() throws Exception {
        String path = "/gatepasse2e/recent/lib/maven-metadata.xml";
        registry.put(path, "application/xml", metadata("1.0"));
        String url = endpoint(PackageFormat.MAVEN) + path.substring(1);

        HttpResponse<String> first = get(url);
        stillWithinTheSecond();
        HttpResponse<String> second = get(url);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(registry.hits(path)).isEqualTo(1);

        registry.put(path, "application/xml", metadata("1.0", "2.0"));
        pastTheSecond();
        HttpResponse<String> newer = get(url);

        assertThat(newer.body()).contains("<version>2.0</version>");
        assertThat(registry.hits(path)).isEqualTo(2);
    }

    /** Back a minute: whatever the machine's speed, the next request comes less than a second after the last. */
    private void stillWithinTheSecond() {
        server.clock().advance(REWIND.negated());
    }

    /** Forward again, and a second (and a millisecond) on from the first request. */
    private void pastTheSecond() {
        server.clock().advance(REWIND.plusMillis(1_001));
    }

    private static byte[] metadata(String... versions) {
        StringBuilder list = new StringBuilder();
        for (String version : versions) {
            list.append("<version>").append(version).append("</version>");
        }
        return ("<metadata><groupId>gatepasse2e.recent</groupId><artifactId>lib</artifactId><versioning><release>"
                + versions[versions.length - 1] + "</release><versions>" + list + "</versions>"
                + "<lastUpdated>20200101000000</lastUpdated></versioning></metadata>").getBytes(StandardCharsets.UTF_8);
    }

    private String endpoint(PackageFormat format) {
        return domain.endpoint("app", format);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return domain.get(url, token);
    }
}
