package io.gatepass.server.it;

import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.testing.FakePublicRegistry;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
    private CodeartifactClient admin;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path work) {
        registry = FakePublicRegistry.start();
        server = TestServer.start(TestServer.config(null, work, ServerConfig.DEFAULT_MAX_BODY_BYTES)
                .withExternalConnections(Map.of("public:maven-central", registry.url())));
        admin = server.codeArtifact(TestServer.admin());
        admin.createDomain(r -> r.domain(DOMAIN));
        admin.createRepository(r -> r.domain(DOMAIN).repository("maven-store"));
        admin.associateExternalConnection(r -> r.domain(DOMAIN).repository("maven-store")
                .externalConnection("public:maven-central"));
        admin.createRepository(r -> r.domain(DOMAIN).repository("libs")
                .upstreams(u -> u.repositoryName("maven-store")));
        admin.createRepository(r -> r.domain(DOMAIN).repository("app").upstreams(u -> u.repositoryName("libs")));
    }

    @AfterAll
    void stop() {
        if (admin != null) {
            admin.close();
        }
        if (server != null) {
            server.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void metadata_whenAVersionIsUnlistedNearer_doesNotListItAgainFromFurtherAway() throws Exception {
        registry.put(DIR + "maven-metadata.xml", "application/xml", ("<metadata><groupId>gatepasse2e.near</groupId>"
                + "<artifactId>lib</artifactId><versioning><release>2.0</release><versions><version>1.0</version>"
                + "<version>2.0</version></versions><lastUpdated>20200101000000</lastUpdated></versioning>"
                + "</metadata>").getBytes(StandardCharsets.UTF_8));
        registry.put(DIR + "1.0/lib-1.0.jar", "application/java-archive", "jar 1.0".getBytes(StandardCharsets.UTF_8));
        String token = admin.getAuthorizationToken(r -> r.domain(DOMAIN)).authorizationToken();
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
        String base = admin.getRepositoryEndpoint(r -> r.domain(DOMAIN).repository(repository)
                .format(PackageFormat.MAVEN)).repositoryEndpoint();
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
