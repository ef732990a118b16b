package io.gatepass.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.server.testing.GatepassServerExtension;
import io.gatepass.server.testing.AwsCli;
import io.gatepass.server.testing.PlainHttp;
import io.gatepass.server.testing.TestServer;
import io.gatepass.server.testing.ToolRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package read APIs driven by the real AWS CLI (/usr/bin/aws, botocore's own serializers), including
 * {@code get-package-version-asset}'s blob written to an outfile. Skipped, with a message, where it is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackageApiAwsCliTest {
    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension();
    private TestServer server;
    private Path work;
    private final byte[] tarball = new byte[4_321];

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(AWS), "/usr/bin/aws is not installed: skipping the AWS CLI test");
        this.work = work;
        server = GATEPASS.server();
        CodeartifactClient admin = server.codeArtifact(TestServer.admin());
        admin.createDomain(r -> r.domain("team"));
        admin.createRepository(r -> r.domain("team").repository("libs"));
        String npm = admin.getRepositoryEndpoint(r -> r.domain("team").repository("libs").format(PackageFormat.NPM))
                .repositoryEndpoint();
        String token = admin.getAuthorizationToken(r -> r.domain("team")).authorizationToken();
        new Random(5).nextBytes(tarball);
        String integrity = "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512")
                .digest(tarball));
        String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(tarball));
        String body = "{\"name\":\"@acme/cli-lib\",\"dist-tags\":{\"latest\":\"1.2.3\"},\"versions\":{\"1.2.3\":"
                + "{\"name\":\"@acme/cli-lib\",\"version\":\"1.2.3\",\"description\":\"From the CLI\","
                + "\"readme\":\"# cli-lib\",\"dist\":{\"shasum\":\"" + sha1 + "\",\"integrity\":\"" + integrity
                + "\"}}},\"_attachments\":{\"cli-lib-1.2.3.tgz\":{\"data\":\""
                + Base64.getEncoder().encodeToString(tarball) + "\",\"length\":" + tarball.length + "}}}";
        HttpResponse<String> put = PlainHttp.client().send(HttpRequest.newBuilder(URI.create(npm
                        + "@acme%2fcli-lib")).PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    }

    @Test
    void awsCli_listsDescribesAndDownloadsAPublishedNpmVersion() throws Exception {
        JsonNode packages = aws("list-packages", "--domain", "team", "--repository", "libs", "--format", "npm",
                "--namespace", "acm");
        assertThat(packages.path("packages").get(0).path("package").asText()).isEqualTo("cli-lib");
        assertThat(packages.path("packages").get(0).path("namespace").asText()).isEqualTo("acme");

        JsonNode versions = aws("list-package-versions", "--domain", "team", "--repository", "libs", "--format",
                "npm", "--namespace", "acme", "--package", "cli-lib", "--sort-by", "PUBLISHED_TIME");
        assertThat(versions.path("defaultDisplayVersion").asText()).isEqualTo("1.2.3");
        assertThat(versions.path("versions").get(0).path("status").asText()).isEqualTo("Published");

        JsonNode described = aws("describe-package-version", "--domain", "team", "--repository", "libs",
                "--format", "npm", "--namespace", "acme", "--package", "cli-lib", "--package-version", "1.2.3");
        assertThat(described.path("packageVersion").path("summary").asText()).isEqualTo("From the CLI");

        Path outfile = work.resolve("asset.tgz");
        JsonNode asset = aws("get-package-version-asset", "--domain", "team", "--repository", "libs", "--format",
                "npm", "--namespace", "acme", "--package", "cli-lib", "--package-version", "1.2.3", "--asset",
                "cli-lib-1.2.3.tgz", outfile.toString());
        assertThat(Files.readAllBytes(outfile)).isEqualTo(tarball);
        assertThat(asset.path("assetName").asText()).isEqualTo("cli-lib-1.2.3.tgz");
        assertThat(asset.path("packageVersionRevision").asText())
                .isEqualTo(described.path("packageVersion").path("revision").asText());
    }

    private JsonNode aws(String... arguments) throws Exception {
        ToolRun run = AwsCli.run(work, server.endpoint(), "codeartifact", arguments);
        assertThat(run.exitCode()).as(run.output()).isZero();
        return JSON.readTree(run.stdout());
    }
}
