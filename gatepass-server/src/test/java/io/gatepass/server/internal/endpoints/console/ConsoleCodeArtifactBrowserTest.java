package io.gatepass.server.internal.endpoints.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.server.testing.TestServer;
import io.gatepass.server.testing.ToolRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's CodeArtifact pages in a real browser (e2e/codeartifact.mjs): domains, a domain's repositories, a
 * repository's endpoints, login commands and packages, a package's versions; a domain and repositories created through
 * the page and a repository deleted after confirming, each seen through the AWS CLI v2; a refused domain delete shown
 * as the API's ConflictException. Screenshots (light and dark) in target/console-screenshots.
 */
class ConsoleCodeArtifactBrowserTest {
    static final Path AWS = Path.of("/usr/bin/aws");
    static TestServer server;
    static String owner;
    static String libsNpmEndpoint;

    @BeforeAll
    static void start(@TempDir Path dataDir) throws Exception {
        server = TestServer.start(null, dataDir);
        CodeartifactClient admin = server.codeArtifact(TestServer.admin());
        owner = admin.createDomain(r -> r.domain("team")).domain().owner();
        admin.createRepository(r -> r.domain("team").repository("base"));
        admin.createRepository(r -> r.domain("team").repository("libs").description("Shared libraries")
                .upstreams(u -> u.repositoryName("base")));
        libsNpmEndpoint = admin.getRepositoryEndpoint(r -> r.domain("team").repository("libs")
                .format(PackageFormat.NPM)).repositoryEndpoint();
        for (String version : List.of("1.0.0", "1.1.0")) {
            byte[] content = ("hello " + version).getBytes(StandardCharsets.UTF_8);
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            admin.publishPackageVersion(r -> r.domain("team").repository("libs").format(PackageFormat.GENERIC)
                    .namespace("tools").packageValue("hello").packageVersion(version).assetName("hello.txt")
                    .assetSHA256(sha256), RequestBody.fromBytes(content));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void walksDomainsRepositoriesAndPackagesCreatesAndDeletesThroughThePage(@TempDir Path profile,
                                                                            @TempDir Path awsWork) throws Exception {
        assertThat(Files.isExecutable(AWS)).as("the AWS CLI v2 at %s", AWS).isTrue();
        String serverUrl = server.endpoint().toString();
        JsonNode seen = ConsoleBrowser.run("codeartifact.mjs", serverUrl + ConsoleRoute.PATH, profile,
                TestServer.ADMIN_ID, TestServer.ADMIN_SECRET,
                Map.of("AWS_CLI", AWS.toString(), "SERVER_URL", serverUrl, "AWS_WORK_DIR", awsWork.toString()));

        // Domains: every column, the repository count and size from DescribeDomain
        assertThat(seen.get("domainsTitle").asText()).isEqualTo("Domains");
        assertThat(ConsoleBrowser.texts(seen.get("domainsHeadings")))
                .containsExactly("Name", "Owner", "Status", "Repositories", "Asset size", "Created");
        assertThat(seen.get("domainRows")).hasSize(1);
        List<String> team = ConsoleBrowser.texts(seen.get("domainRows").get(0));
        assertThat(team.subList(0, 4)).containsExactly("team", owner, "Active", "2");
        assertThat(team.get(4)).endsWith("bytes");
        assertThat(team.get(5)).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        // the domain and the repository pages
        assertThat(ConsoleBrowser.texts(seen.get("teamRepositories"))).containsExactly("base", "libs");
        assertThat(seen.get("teamOwner").asText()).isEqualTo(owner);
        assertThat(seen.get("teamRepositoryCount").asText()).isEqualTo("2");
        assertThat(seen.get("repositoryDescription").asText()).isEqualTo("Shared libraries");
        assertThat(seen.get("repositoryUpstreams").asText()).isEqualTo("base");
        assertThat(seen.get("repositoryExternalConnections").asText()).isEqualTo("(none)");
        assertThat(seen.get("endpoints").get("npm").asText()).isEqualTo(libsNpmEndpoint);
        assertThat(seen.get("endpoints").get("pypi").asText()).isEqualTo(libsNpmEndpoint.replace("/npm/", "/pypi/"));
        assertThat(seen.get("endpoints").get("maven").asText())
                .isEqualTo(libsNpmEndpoint.replace("/npm/", "/maven/"));
        for (String tool : List.of("npm", "pip", "twine")) {
            assertThat(seen.get("logins").get(tool).asText()).isEqualTo("aws codeartifact login --tool " + tool
                    + " --domain team --domain-owner " + owner + " --repository libs --endpoint-url " + serverUrl
                    + " --region " + TestServer.REGION);
        }
        assertThat(seen.get("logins").get("maven").asText()).isEqualTo("./gatepass --endpoint-url " + serverUrl
                + " --region " + TestServer.REGION + " codeartifact login --tool maven --domain team --domain-owner "
                + owner + " --repository libs");
        assertThat(seen.get("logins").get("gradle").asText()).contains("codeartifact login --tool gradle ");
        assertThat(seen.get("mavenDistribution").asText())
                .contains("<repository><id>team-libs</id><url>" + libsNpmEndpoint.replace("/npm/", "/maven/")
                        + "</url></repository>");
        assertThat(seen.get("packageRows")).hasSize(1);
        assertThat(ConsoleBrowser.texts(seen.get("packageRows").get(0)))
                .containsExactly("generic", "tools", "hello", "publish ALLOW, upstream BLOCK");

        // the package page: namespace, origin configuration, versions with status and published time
        assertThat(seen.get("packageRoute").asText())
                .isEqualTo("#/domains/team/repositories/libs/packages/generic/tools/hello");
        JsonNode facts = seen.get("packageFacts");
        assertThat(facts.get("format").asText()).isEqualTo("generic");
        assertThat(facts.get("namespace").asText()).isEqualTo("tools");
        assertThat(facts.get("name").asText()).isEqualTo("hello");
        assertThat(facts.get("default-version").asText()).isEqualTo("1.1.0");
        assertThat(facts.get("origin-publish").asText()).isEqualTo("ALLOW");
        assertThat(facts.get("origin-upstream").asText()).isEqualTo("BLOCK");
        List<List<String>> versions = new ArrayList<>();
        seen.get("versionRows").forEach(row -> versions.add(ConsoleBrowser.texts(row)));
        assertThat(versions).extracting(row -> row.get(0)).containsExactlyInAnyOrder("1.0.0", "1.1.0");
        assertThat(versions).allSatisfy(row -> {
            assertThat(row.get(1)).isEqualTo("Published");
            assertThat(row.get(2)).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        });

        // a domain and two repositories created through the page, seen by the AWS CLI
        assertThat(seen.get("createdDomainRoute").asText()).isEqualTo("#/domains/ui-domain");
        assertThat(seen.get("createdDomainOwner").asText()).isEqualTo(owner);
        assertThat(ConsoleBrowser.texts(seen.get("cliDomainsAfterCreate"))).containsExactly("team", "ui-domain");
        assertThat(ConsoleBrowser.texts(seen.get("uiRepositoriesAfterCreate"))).containsExactly("ui-gone", "ui-repo");
        assertThat(ConsoleBrowser.texts(seen.get("uiRepositoryDescriptions"))).containsExactly("", "made in the browser");
        assertThat(ConsoleBrowser.texts(seen.get("cliAfterCreate"))).containsExactly("ui-gone", "ui-repo");

        // deleting the domain that still has repositories: confirmed, refused, the API's message on the page
        assertThat(seen.get("deleteDomainConfirm").asText()).contains("ui-domain");
        assertThat(seen.get("refusedDeleteError").asText()).isEqualTo(
                "ConflictException: Domain ui-domain still has repositories; delete them before the domain.");
        assertThat(seen.get("routeAfterRefusedDelete").asText()).isEqualTo("#/domains/ui-domain");

        // deleting a repository: cancelling keeps it, confirming deletes it for the page and for the CLI
        assertThat(seen.get("errorClearedOnNavigation").asBoolean()).isTrue();
        assertThat(seen.get("deleteRepositoryConfirm").asText()).contains("ui-gone");
        assertThat(seen.get("focusInDialog").asText()).as("the safe choice has the focus").isEqualTo("confirm-no");
        assertThat(ConsoleBrowser.texts(seen.get("cliAfterCancel"))).containsExactly("ui-gone", "ui-repo");
        assertThat(ConsoleBrowser.texts(seen.get("uiRepositoriesAfterDelete"))).containsExactly("ui-repo");
        assertThat(ConsoleBrowser.texts(seen.get("cliAfterDelete"))).containsExactly("ui-repo");
        assertThat(seen.get("errorHiddenAfterDelete").asBoolean()).isTrue();

        // the last repository deleted, the domain's delete goes through: gone for the page and the CLI
        assertThat(ConsoleBrowser.texts(seen.get("domainsAfterDomainDelete"))).containsExactly("team");
        assertThat(ConsoleBrowser.texts(seen.get("cliDomainsAfterDelete"))).containsExactly("team");
        assertThat(cli("list-domains").get("domains")).extracting(d -> d.get("name").asText())
                .containsExactly("team");

        assertThat(seen.get("missingRepositoryError").asText()).startsWith("ResourceNotFoundException: ")
                .contains("no-such-repo");

        // the only refused calls: the domain delete (409) and the missing repository's page (404, its calls in parallel)
        assertThat(ConsoleBrowser.texts(seen.get("refusedCalls"))).as("API calls refused")
                .contains("DELETE /v1/domain?domain=ui-domain 409")
                .allSatisfy(call -> assertThat(call).matches(
                        "DELETE /v1/domain\\?domain=ui-domain 409|\\S+ /v1/\\S+repository=no-such-repo\\S* 404"));
        assertThat(ConsoleBrowser.texts(seen.get("policyViolations"))).as("Content-Security-Policy violations").isEmpty();
        // browser console errors, each with its source: the refused calls above, and the favicon Chromium asks
        // the server for (not the console's; unsigned, so refused) — nothing else
        assertThat(ConsoleBrowser.texts(seen.get("errorSources"))).as("browser console errors")
                .hasSameSizeAs(seen.get("consoleErrors"))
                .anySatisfy(error -> assertThat(error).contains("409 (Conflict)"))
                .allSatisfy(error -> assertThat(error).matches(".*(status of 409 .*/v1/domain\\?domain=ui-domain\""
                        + "|status of 404 .*repository=no-such-repo.*|status of 403 .*/favicon\\.ico\").*"));
        for (String name : List.of("domains", "domain", "repository", "package")) {
            for (String scheme : List.of("light", "dark")) {
                assertThat(ConsoleBrowser.SCREENSHOTS.resolve("console-codeartifact-" + name + "-" + scheme + ".png"))
                        .isNotEmptyFile();
            }
        }
    }

    /** An AWS CLI v2 codeartifact call's JSON answer, signed with the administrator's keys from the environment. */
    private static JsonNode cli(String... arguments) throws Exception {
        Path work = Files.createTempDirectory("aws-cli");
        List<String> command = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url", server.endpoint().toString(),
                "--region", TestServer.REGION, "--output", "json", "codeartifact"));
        command.addAll(List.of(arguments));
        ToolRun run = ToolRun.run(work, Map.of("HOME", work.toString(),
                "AWS_ACCESS_KEY_ID", TestServer.ADMIN_ID, "AWS_SECRET_ACCESS_KEY", TestServer.ADMIN_SECRET,
                "AWS_CONFIG_FILE", work.resolve("config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", work.resolve("credentials").toString()), 120, command);
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return new ObjectMapper().readTree(run.stdout());
    }
}
