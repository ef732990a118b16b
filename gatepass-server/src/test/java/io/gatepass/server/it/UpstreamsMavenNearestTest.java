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
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Maven's artifact-level {@code maven-metadata.xml} merged along the search order takes each version from the nearest
 * repository that has it, as CodeArtifact resolves a version: one Unlisted in the repository asked stays unlisted
 * there even though its upstream repository and the public repository still list it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamsMavenNearestTest {
    private static final String DOMAIN = "team";
    private static final String DIR = "/gatepasse2e/near/lib/";

    private FakePublicRegistry registry;
    private TestServer server;
    private PackageDomain domain;
    private CodeartifactClient admin;

    @BeforeAll
    void start(@TempDir Path work) {
        registry = FakePublicRegistry.start();
        server = TestServer.start(TestServer.config(null, work, ServerConfig.DEFAULT_MAX_BODY_BYTES)
                .withExternalConnections(Map.of("public:maven-central", registry.url())));
        domain = PackageDomain.create(server, DOMAIN).withChain("maven-store", "public:maven-central");
        admin = domain.admin();
    }

    @AfterAll
    void stop() {
        Closeables.closeAll(domain, server, registry);
    }

    @Test
    void metadata_whenAVersionIsUnlistedNearer_doesNotListItAgainFromFurtherAway() throws Exception {
        registry.put(DIR + "maven-metadata.xml", "application/xml", ("<metadata><groupId>gatepasse2e.near</groupId>"
                + "<artifactId>lib</artifactId><versioning><release>2.0</release><versions><version>1.0</version>"
                + "<version>2.0</version></versions><lastUpdated>20200101000000</lastUpdated></versioning>"
                + "</metadata>").getBytes(StandardCharsets.UTF_8));
        registry.put(DIR + "1.0/lib-1.0.jar", "application/java-archive", "jar 1.0".getBytes(StandardCharsets.UTF_8));
        String token = domain.adminToken();
        // kept in libs (and maven-store), then in app through libs
        assertThat(get("libs", "gatepasse2e/near/lib/1.0/lib-1.0.jar", token).statusCode()).isEqualTo(200);
        assertThat(get("app", "gatepasse2e/near/lib/1.0/lib-1.0.jar", token).statusCode()).isEqualTo(200);
        assertThat(get("app", "gatepasse2e/near/lib/maven-metadata.xml", token).body())
                .contains("<version>1.0</version>").contains("<version>2.0</version>");

        admin.updatePackageVersionsStatus(r -> r.domain(DOMAIN).repository("app").format(PackageFormat.MAVEN)
                .namespace("gatepasse2e.near").packageValue("lib").versions("1.0")
                .targetStatus(PackageVersionStatus.UNLISTED));

        HttpResponse<String> app = get("app", "gatepasse2e/near/lib/maven-metadata.xml", token);
        assertThat(app.statusCode()).as(app.body()).isEqualTo(200);
        assertThat(app.body()).doesNotContain("<version>1.0</version>").contains("<version>2.0</version>");
        assertThat(get("libs", "gatepasse2e/near/lib/maven-metadata.xml", token).body())
                .as("libs itself still lists it").contains("<version>1.0</version>");
    }

    private HttpResponse<String> get(String repository, String path, String token) throws Exception {
        return domain.get(domain.endpoint(repository, PackageFormat.MAVEN) + path, token);
    }
}
