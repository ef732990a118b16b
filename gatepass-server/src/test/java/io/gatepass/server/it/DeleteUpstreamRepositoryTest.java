package io.gatepass.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.server.testing.AwsCli;
import io.gatepass.server.testing.Closeables;
import io.gatepass.server.testing.PackageDomain;
import io.gatepass.server.testing.TestServer;
import io.gatepass.server.testing.ToolRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codeartifact.model.UpstreamRepositoryInfo;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DeleteRepository of a repository that another one has as upstream, as CodeArtifact does it: the delete succeeds;
 * the downstream keeps the link (DescribeRepository still lists it) and keeps the versions it already retained, but
 * a package request that resolves through the deleted repository fails, saying so, until UpdateRepository sets the
 * upstreams again. Driven by the Java SDK v2 and the AWS CLI v2 ({@code /usr/bin/aws}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeleteUpstreamRepositoryTest {
    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOMAIN = "team";

    private TestServer server;
    private PackageDomain domain;
    private CodeartifactClient admin;
    private Path work;

    @BeforeAll
    void start(@TempDir Path work) {
        Assumptions.assumeTrue(Files.isExecutable(AWS), "/usr/bin/aws is not installed: skipping");
        this.work = work;
        server = TestServer.start(null, work.resolve("data"));
        domain = PackageDomain.create(server, DOMAIN);
        admin = domain.admin();
        admin.createRepository(r -> r.domain(DOMAIN).repository("libs"));
        admin.createRepository(r -> r.domain(DOMAIN).repository("extra"));
        admin.createRepository(r -> r.domain(DOMAIN).repository("app").upstreams(u -> u.repositoryName("libs"),
                u -> u.repositoryName("extra")));
    }

    @AfterAll
    void stop() {
        Closeables.closeAll(domain, server);
    }

    @Test
    void deletingAnUpstream_succeeds_andReadsThroughItFailUntilUpdateRepository() throws Exception {
        String token = domain.adminToken();
        publish("libs", "kept-lib", "1.0.0", token);
        publish("libs", "other-lib", "1.0.0", token);
        assertThat(get("app", "kept-lib/-/kept-lib-1.0.0.tgz", token).statusCode()).isEqualTo(200); // retained

        JsonNode deleted = aws(0, "delete-repository", "--domain", DOMAIN, "--repository", "libs");

        assertThat(deleted.path("repository").path("name").asText()).isEqualTo("libs");
        assertThat(admin.describeRepository(r -> r.domain(DOMAIN).repository("app")).repository().upstreams())
                .as("the link stays until UpdateRepository").extracting(UpstreamRepositoryInfo::repositoryName)
                .containsExactly("libs", "extra");
        HttpResponse<String> packument = get("app", "kept-lib", token);
        assertThat(packument.statusCode()).as(packument.body()).isEqualTo(409);
        assertThat(packument.body()).startsWith("{\"error\":\"").contains("no longer exists: libs")
                .contains("UpdateRepository");
        assertThat(get("app", "kept-lib/-/kept-lib-1.0.0.tgz", token).statusCode())
                .as("a version retained before stays downloadable").isEqualTo(200);
        HttpResponse<String> maven = get("app", PackageFormat.MAVEN, "org/example/lib/maven-metadata.xml", token);
        assertThat(maven.statusCode()).isEqualTo(409);
        assertThat(maven.body()).contains("no longer exists: libs");

        // naming the deleted repository again is refused; the AWS CLI prints the error as for AWS
        ToolRun refused = run("update-repository", "--domain", DOMAIN, "--repository", "app", "--upstreams",
                "repositoryName=libs");
        assertThat(refused.exitCode()).isEqualTo(254);
        assertThat(refused.stderr()).contains("An error occurred (ResourceNotFoundException) when calling the "
                + "UpdateRepository operation").contains("libs");
        assertThatThrownBy(() -> admin.updateRepository(r -> r.domain(DOMAIN).repository("app")
                .upstreams(u -> u.repositoryName("libs")))).isInstanceOf(ResourceNotFoundException.class);

        // UpdateRepository without upstreams keeps the others and drops the deleted one
        JsonNode updated = aws(0, "update-repository", "--domain", DOMAIN, "--repository", "app");

        assertThat(updated.path("repository").path("upstreams").toString()).isEqualTo(
                "[{\"repositoryName\":\"extra\"}]");
        HttpResponse<String> again = get("app", "kept-lib", token);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).contains("\"1.0.0\"");
        assertThat(get("app", "other-lib", token).statusCode()).as("libs' packages are gone with it")
                .isEqualTo(404);
    }

    private void publish(String repository, String name, String version, String token) throws Exception {
        byte[] tarball = (name + version).getBytes();
        String integrity = "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512")
                .digest(tarball));
        String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(tarball));
        String body = "{\"name\":\"" + name + "\",\"dist-tags\":{\"latest\":\"" + version + "\"},\"versions\":{\""
                + version + "\":{\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"dist\":{\"shasum\":\""
                + sha1 + "\",\"integrity\":\"" + integrity + "\"}}},\"_attachments\":{\"" + name + "-" + version
                + ".tgz\":{\"data\":\"" + Base64.getEncoder().encodeToString(tarball) + "\",\"length\":"
                + tarball.length + "}}}";
        HttpResponse<String> put = domain.put(domain.endpoint(repository, PackageFormat.NPM) + name, token,
                "application/json", body);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    }

    private HttpResponse<String> get(String repository, String path, String token) throws Exception {
        return get(repository, PackageFormat.NPM, path, token);
    }

    private HttpResponse<String> get(String repository, PackageFormat format, String path, String token)
            throws Exception {
        return domain.get(domain.endpoint(repository, format) + path, token);
    }

    private JsonNode aws(int expectedExit, String... arguments) throws Exception {
        ToolRun run = run(arguments);
        assertThat(run.exitCode()).as(run.output()).isEqualTo(expectedExit);
        return JSON.readTree(run.stdout());
    }

    private ToolRun run(String... arguments) throws Exception {
        return AwsCli.run(work, server.endpoint(), "codeartifact", arguments);
    }
}
