package io.gatepass.server.it;

import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.testing.Closeables;
import io.gatepass.server.testing.FakePublicRegistry;
import io.gatepass.server.testing.NpmUser;
import io.gatepass.server.testing.PackageDomain;
import io.gatepass.server.testing.TestServer;
import io.gatepass.server.testing.ToolRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.AllowPublish;
import software.amazon.awssdk.services.codeartifact.model.AllowUpstream;
import software.amazon.awssdk.services.codeartifact.model.ConflictException;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.PackageOriginRestrictions;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionSummary;
import software.amazon.awssdk.services.codeartifact.model.RepositoryDescription;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codeartifact.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.codeartifact.model.ValidationException;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One URL for private and public packages: a chain of three repositories ({@code app} → {@code libs} →
 * {@code npm-store}, which has the external connection {@code public:npmjs}) with the connection pointed at a small
 * registry the test starts. The real npm, logged in to {@code app} as {@code aws codeartifact login} does, installs
 * a private package of {@code libs} and a public one in one install; what comes from the public registry is kept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpstreamsNpmEndToEndTest {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final String DOMAIN = "team";

    private FakePublicRegistry registry;
    private TestServer server;
    private PackageDomain domain;
    private CodeartifactClient admin;
    private Path work;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        Assumptions.assumeTrue(ToolRun.onPath("npm"), "npm is not installed: skipping the npm upstream test");
        this.work = work;
        registry = FakePublicRegistry.start();
        Map<String, byte[]> leftPad = new LinkedHashMap<>();
        leftPad.put("1.0.0", FakePublicRegistry.npmTarball(work, "left-pad", "1.0.0", "module.exports = 'left-pad 1.0.0';"));
        leftPad.put("1.1.0", FakePublicRegistry.npmTarball(work, "left-pad", "1.1.0", "module.exports = 'left-pad 1.1.0';"));
        registry.npmPackage("left-pad", leftPad);
        registry.npmPackage("is-odd", Map.of("3.0.1", FakePublicRegistry.npmTarball(work, "is-odd", "3.0.1",
                "module.exports = 'is-odd';")));
        ServerConfig config = TestServer.config(null, work.resolve("data"), ServerConfig.DEFAULT_MAX_BODY_BYTES)
                .withExternalConnections(Map.of("public:npmjs", registry.url()));
        server = TestServer.start(config);
        domain = PackageDomain.create(server, DOMAIN).withChain("npm-store", "public:npmjs");
        admin = domain.admin();
    }

    @AfterAll
    void stop() {
        Closeables.closeAll(domain, server, registry);
    }

    @Test
    @Order(1)
    void install_fromTheEndOfTheChain_getsAPrivateAndAPublicPackageInOneInstall_andKeepsThePublicOne()
            throws Exception {
        NpmUser publisher = login(domain.publisher(), "libs");
        String mine = unique("gp-private");
        assertThat(publisher.run(publisher.project(mine, "1.0.0", "module.exports = 'private';"), "publish")
                .exitCode()).isZero();
        NpmUser reader = login(domain.reader("app"), "app");
        Path app = reader.dir("app");
        Files.writeString(app.resolve("package.json"), "{\"name\":\"app\",\"version\":\"1.0.0\",\"private\":true,"
                + "\"dependencies\":{\"" + mine + "\":\"^1.0.0\",\"left-pad\":\"^1.0.0\"}}");

        ToolRun install = reader.run(app, "install");

        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(Files.readString(app.resolve("node_modules/" + mine + "/index.js"))).contains("private");
        assertThat(Files.readString(app.resolve("node_modules/left-pad/index.js"))).contains("left-pad 1.1.0");
        assertThat(Files.readString(app.resolve("package-lock.json")))
                .contains(reader.registry + "left-pad/-/left-pad-1.1.0.tgz")
                .contains(reader.registry + mine + "/-/" + mine + "-1.0.0.tgz");
        assertThat(registry.hits("/left-pad/-/left-pad-1.1.0.tgz")).isEqualTo(1);
        // kept where it was asked for and where the connection is, as EXTERNAL from public:npmjs
        for (String repository : List.of("app", "npm-store")) {
            List<PackageVersionSummary> versions = admin.listPackageVersions(r -> r.domain(DOMAIN)
                    .repository(repository).format(PackageFormat.NPM).packageValue("left-pad")).versions();
            assertThat(versions).extracting(PackageVersionSummary::version).containsExactly("1.1.0");
            assertThat(versions.get(0).origin().originTypeAsString()).isEqualTo("EXTERNAL");
            assertThat(versions.get(0).origin().domainEntryPoint().externalConnectionName())
                    .isEqualTo("public:npmjs");
        }
        assertThat(admin.describePackage(r -> r.domain(DOMAIN).repository("app").format(PackageFormat.NPM)
                .packageValue("left-pad")).packageValue().originConfiguration().restrictions())
                .isEqualTo(PackageOriginRestrictions.builder().publish(AllowPublish.BLOCK)
                        .upstream(AllowUpstream.ALLOW).build());
        assertThat(admin.listPackageVersions(r -> r.domain(DOMAIN).repository("app").format(PackageFormat.NPM)
                .packageValue(mine)).versions().get(0).origin().domainEntryPoint().repositoryName())
                .as("a private version keeps the repository it was published to").isEqualTo("libs");
    }

    @Test
    @Order(2)
    void tarball_whenManyAskAtOnce_isFetchedFromThePublicRegistryOnce() throws Exception {
        String token = domain.token(domain.reader("app"));
        String url = endpoint("app") + "left-pad/-/left-pad-1.0.0.tgz";

        List<HttpResponse<byte[]>> responses = domain.getBytesAtOnce(url, token, 8);

        byte[] expected = FakePublicRegistry.npmTarball(work.resolve("again"), "left-pad", "1.0.0",
                "module.exports = 'left-pad 1.0.0';");
        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
        assertThat(responses).allSatisfy(response -> assertThat(response.body()).hasSameSizeAs(responses.get(0)
                .body()));
        assertThat(registry.hits("/left-pad/-/left-pad-1.0.0.tgz")).isEqualTo(1);
        assertThat(expected).isNotEmpty();
    }

    @Test
    @Order(3)
    void packument_whenAPrivatePackageHasAPublicNamesake_showsOnlyThePrivateVersionsUntilOriginControlsAllow()
            throws Exception {
        NpmUser publisher = login(domain.publisher(), "libs");
        ToolRun publish = publisher.run(publisher.project("gp-confusable", "1.0.0", "module.exports = 'ours';"),
                "publish");
        assertThat(publish.exitCode()).as(publish.output()).isZero();
        // then a namesake appears on the public registry, with a higher version (dependency substitution)
        registry.npmPackage("gp-confusable", Map.of("9.9.9", FakePublicRegistry.npmTarball(work, "gp-confusable",
                "9.9.9", "module.exports = 'the attacker';")));
        String token = domain.token(domain.reader("app"));

        assertThat(packument("app", "gp-confusable", token)).contains("\"1.0.0\"").doesNotContain("9.9.9");
        assertThat(admin.describePackage(r -> r.domain(DOMAIN).repository("libs").format(PackageFormat.NPM)
                .packageValue("gp-confusable")).packageValue().originConfiguration().restrictions().upstream())
                .as("published first: upstream versions are blocked").isEqualTo(AllowUpstream.BLOCK);

        admin.putPackageOriginConfiguration(r -> r.domain(DOMAIN).repository("libs").format(PackageFormat.NPM)
                .packageValue("gp-confusable").restrictions(x -> x.publish(AllowPublish.ALLOW)
                        .upstream(AllowUpstream.ALLOW)));
        server.clock().advance(Duration.ofSeconds(2)); // past the rendered packument's one second

        assertThat(packument("app", "gp-confusable", token)).contains("\"1.0.0\"").contains("9.9.9");
    }

    @Test
    @Order(4)
    void publish_whenOriginControlsBlockPublishing_failsWith403SayingSo() throws Exception {
        String name = unique("gp-reserved");
        admin.putPackageOriginConfiguration(r -> r.domain(DOMAIN).repository("libs").format(PackageFormat.NPM)
                .packageValue(name).restrictions(x -> x.publish(AllowPublish.BLOCK).upstream(AllowUpstream.ALLOW)));
        assertThat(admin.describePackage(r -> r.domain(DOMAIN).repository("libs").format(PackageFormat.NPM)
                .packageValue(name)).packageValue().originConfiguration().restrictions().publish())
                .isEqualTo(AllowPublish.BLOCK);
        NpmUser publisher = login(domain.publisher(), "libs");

        ToolRun publish = publisher.run(publisher.project(name, "1.0.0", "module.exports = 1;"), "publish");

        assertThat(publish.exitCode()).isNotZero();
        assertThat(publish.stderr()).contains("E403").contains("origin controls");
    }

    @Test
    @Order(5)
    void externalConnectionApis_followCodeArtifactsRules() {
        RepositoryDescription store = admin.describeRepository(r -> r.domain(DOMAIN).repository("npm-store"))
                .repository();
        assertThat(store.externalConnections()).singleElement().satisfies(c -> {
            assertThat(c.externalConnectionName()).isEqualTo("public:npmjs");
            assertThat(c.packageFormatAsString()).isEqualTo("npm");
            assertThat(c.statusAsString()).isEqualTo("Available");
        });
        assertThatThrownBy(() -> admin.associateExternalConnection(r -> r.domain(DOMAIN).repository("npm-store")
                .externalConnection("public:npmjs"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> admin.associateExternalConnection(r -> r.domain(DOMAIN).repository("npm-store")
                .externalConnection("public:pypi"))).isInstanceOf(ServiceQuotaExceededException.class)
                .hasMessageContaining("one external connection");
        assertThatThrownBy(() -> admin.associateExternalConnection(r -> r.domain(DOMAIN).repository("libs")
                .externalConnection("public:nowhere"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> admin.disassociateExternalConnection(r -> r.domain(DOMAIN).repository("libs")
                .externalConnection("public:npmjs"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> admin.updateRepository(r -> r.domain(DOMAIN).repository("npm-store")
                .upstreams(u -> u.repositoryName("app")))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("cycle");
        assertThat(admin.listRepositoriesInDomain(r -> r.domain(DOMAIN).administratorAccount(TestServer.ACCOUNT)
                .repositoryPrefix("li")).repositories()).extracting(r -> r.name()).containsExactly("libs");
        assertThat(admin.describeRepository(r -> r.domain(DOMAIN).repository("app")).repository().upstreams())
                .extracting(u -> u.repositoryName()).containsExactly("libs");
    }

    @Test
    @Order(6)
    void distTagLsAndView_fromTheEndOfTheChain_showTheTagsMergedAsCodeArtifactDoes_theUpstreamsWinning()
            throws Exception {
        String name = unique("gp-tagged");
        NpmUser libs = login(domain.publisher(), "libs");
        assertThat(libs.run(libs.project(name, "1.0.0", "module.exports = 'one';"), "publish").exitCode()).isZero();
        ToolRun add = libs.run(libs.home, "dist-tag", "add", name + "@1.0.0", "stable");
        assertThat(add.exitCode()).as(add.output()).isZero();
        NpmUser app = login(domain.publisher(), "app");
        ToolRun publish = app.run(app.project(name, "1.0.1", "module.exports = 'one-oh-one';"), "publish");
        assertThat(publish.exitCode()).as(publish.output()).isZero();
        admin.putPackageOriginConfiguration(r -> r.domain(DOMAIN).repository("app").format(PackageFormat.NPM)
                .packageValue(name).restrictions(x -> x.publish(AllowPublish.ALLOW).upstream(AllowUpstream.ALLOW)));
        server.clock().advance(Duration.ofSeconds(2)); // past the rendered packument's one second
        NpmUser reader = login(domain.reader("app"), "app");

        ToolRun ls = reader.run(reader.home, "dist-tag", "ls", name);
        ToolRun tags = reader.run(reader.home, "view", name, "dist-tags", "--json");
        ToolRun version = reader.run(reader.home, "view", name + "@1.0.1", "version");
        ToolRun latest = reader.run(reader.home, "view", name + "@latest", "version");
        ToolRun publicTags = reader.run(reader.home, "dist-tag", "ls", "is-odd");

        // latest is set in app (1.0.1, published last) and in its upstream libs (1.0.0): libs' value is served
        assertThat(ls.exitCode()).as(ls.output()).isZero();
        assertThat(ls.stdout().lines().map(String::trim).sorted().toList())
                .containsExactly("latest: 1.0.0", "stable: 1.0.0");
        assertThat(tags.exitCode()).as(tags.output()).isZero();
        assertThat(tags.stdout().replaceAll("\\s", "")).contains("\"latest\":\"1.0.0\"")
                .contains("\"stable\":\"1.0.0\"");
        assertThat(version.stdout().trim()).as(version.output()).isEqualTo("1.0.1");
        assertThat(latest.stdout().trim()).as(latest.output()).isEqualTo("1.0.0");
        // a public package nothing has kept yet: its tags come from the public registry through libs and npm-store
        assertThat(publicTags.exitCode()).as(publicTags.output()).isZero();
        assertThat(publicTags.stdout().trim()).isEqualTo("latest: 3.0.1");
    }

    @Test
    @Order(7)
    void install_whenThePublicRegistryIsGone_worksFromWhatWasKept_andNamesTheFailureOtherwise() throws Exception {
        String token = domain.token(domain.reader("app"));
        registry.close();
        server.clock().advance(Duration.ofSeconds(2));
        NpmUser reader = login(token, "app"); // a fresh npm cache: everything comes from Gatepass
        Path app = reader.dir("app-again");
        Files.writeString(app.resolve("package.json"), "{\"name\":\"app\",\"version\":\"1.0.0\",\"private\":true,"
                + "\"dependencies\":{\"left-pad\":\"1.1.0\"}}");

        ToolRun install = reader.run(app, "install");

        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(Files.readString(app.resolve("node_modules/left-pad/index.js"))).contains("left-pad 1.1.0");
        HttpResponse<String> never = domain.get(endpoint("app") + "is-odd", token);
        assertThat(never.statusCode()).isEqualTo(502);
        assertThat(never.body()).contains("cannot be reached");
    }

    // ------------------------------------------------------------------------------------------------ setup

    private String packument(String repository, String name, String token) throws Exception {
        HttpResponse<String> response = domain.get(endpoint(repository) + name, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private String endpoint(String repository) {
        return domain.endpoint(repository, PackageFormat.NPM);
    }

    private NpmUser login(AwsCredentials credentials, String repository) throws Exception {
        return login(domain.token(credentials), repository);
    }

    private NpmUser login(String token, String repository) throws Exception {
        return new NpmUser(work.resolve(unique("npm")), endpoint(repository), token);
    }

    private static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + (System.nanoTime() / 1000 % 100_000);
    }
}
