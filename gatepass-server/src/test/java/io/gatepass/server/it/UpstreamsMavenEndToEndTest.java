package io.gatepass.server.it;

import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.testing.Closeables;
import io.gatepass.server.testing.FakePublicRegistry;
import io.gatepass.server.testing.MavenRun;
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
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.AllowPublish;
import software.amazon.awssdk.services.codeartifact.model.AllowUpstream;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionSummary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.gatepass.server.testing.MavenRun.assertSucceeded;
import static io.gatepass.server.testing.MavenRun.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One URL for private and public Maven artifacts: a chain of three repositories ({@code app} → {@code libs} →
 * {@code maven-store}, which has the external connection {@code public:maven-central}) with the connection pointed at
 * a small registry the test starts, serving a public artifact at Maven Central's layout. The real {@code mvn},
 * configured for {@code app} as {@code aws codeartifact login --tool maven} and docs/packages.md do it, resolves a
 * private artifact of {@code libs} and the public one in one build; the public one is kept, and resolves again with
 * a fresh local repository once the registry is gone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpstreamsMavenEndToEndTest {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final String DOMAIN = "team";
    /** Both groups are under {@code gatepasse2e}, which each run's local repository leaves out. */
    private static final String GROUP = "gatepasse2e.up";
    private static final String PUBLIC_GROUP = "gatepasse2e.pub";
    private static final String PUBLIC_PATH = "/gatepasse2e/pub/greeting/";
    private FakePublicRegistry registry;
    private TestServer server;
    private PackageDomain domain;
    private CodeartifactClient admin;
    private Path work;
    private String privateArtifact;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        Assumptions.assumeTrue(ToolRun.onPath("mvn"), "mvn is not installed: skipping the Maven upstream test");
        this.work = work;
        registry = FakePublicRegistry.start();
        publicArtifact("1.0", "public greeting 1.0");
        publicArtifact("2.0", "public greeting 2.0");
        registry.put(PUBLIC_PATH + "maven-metadata.xml", "application/xml", ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <metadata>
                  <groupId>%s</groupId>
                  <artifactId>greeting</artifactId>
                  <versioning>
                    <latest>2.0</latest>
                    <release>2.0</release>
                    <versions><version>1.0</version><version>2.0</version></versions>
                    <lastUpdated>20261201000000</lastUpdated>
                  </versioning>
                </metadata>
                """.formatted(PUBLIC_GROUP)).getBytes(StandardCharsets.UTF_8));
        ServerConfig config = TestServer.config(null, work.resolve("data"), ServerConfig.DEFAULT_MAX_BODY_BYTES)
                .withExternalConnections(java.util.Map.of("public:maven-central", registry.url()));
        server = TestServer.start(config);
        domain = PackageDomain.create(server, DOMAIN).withChain("maven-store", "public:maven-central");
        admin = domain.admin();
        privateArtifact = unique("core");
    }

    @AfterAll
    void stop() {
        Closeables.closeAll(domain, server, registry);
    }

    @Test
    @Order(1)
    void build_fromTheEndOfTheChain_resolvesAPrivateAndAPublicArtifact_andKeepsThePublicOne() throws Exception {
        Path library = library(privateArtifact, "1.0", "private core");
        assertSucceeded(mvn(domain.token(domain.publisher()), "libs", library, "deploy"));
        Path consumer = consumer(unique("app"), "1.0");

        MavenRun resolve = mvn(domain.token(domain.reader("app")), "app", consumer, "dependency:copy-dependencies",
                "-DoutputDirectory=" + consumer.resolve("libs"));

        assertSucceeded(resolve);
        assertThat(message(consumer.resolve("libs/" + privateArtifact + "-1.0.jar"))).isEqualTo("private core");
        assertThat(message(consumer.resolve("libs/greeting-1.0.jar"))).isEqualTo("public greeting 1.0");
        assertThat(registry.hits(PUBLIC_PATH + "1.0/greeting-1.0.jar")).isEqualTo(1);
        for (String repository : List.of("app", "maven-store")) {
            List<PackageVersionSummary> versions = admin.listPackageVersions(r -> r.domain(DOMAIN)
                    .repository(repository).format(PackageFormat.MAVEN).namespace(PUBLIC_GROUP)
                    .packageValue("greeting")).versions();
            assertThat(versions).extracting(PackageVersionSummary::version).containsExactly("1.0");
            assertThat(versions.get(0).origin().originTypeAsString()).isEqualTo("EXTERNAL");
            assertThat(versions.get(0).origin().domainEntryPoint().externalConnectionName())
                    .isEqualTo("public:maven-central");
        }
        assertThat(admin.listPackageVersionAssets(r -> r.domain(DOMAIN).repository("app").format(PackageFormat.MAVEN)
                .namespace(PUBLIC_GROUP).packageValue("greeting").packageVersion("1.0")).assets())
                .extracting(a -> a.name()).containsExactlyInAnyOrder("greeting-1.0.pom", "greeting-1.0.jar");
        assertThat(admin.listPackageVersions(r -> r.domain(DOMAIN).repository("app").format(PackageFormat.MAVEN)
                .namespace(GROUP).packageValue(privateArtifact)).versions().get(0).origin().domainEntryPoint()
                .repositoryName()).as("a private version keeps the repository it was published to").isEqualTo("libs");
    }

    @Test
    @Order(2)
    void metadata_listsTheVersionsOfTheWholeChain() throws Exception {
        String token = domain.token(domain.reader("app"));

        HttpResponse<String> publicMetadata = domain.get(endpoint("app")
                + "gatepasse2e/pub/greeting/maven-metadata.xml", token);
        HttpResponse<String> privateMetadata = domain.get(endpoint("app") + GROUP.replace('.', '/') + "/"
                + privateArtifact + "/maven-metadata.xml", token);

        assertThat(publicMetadata.statusCode()).as(publicMetadata.body()).isEqualTo(200);
        assertThat(publicMetadata.body()).contains("<version>1.0</version>").contains("<version>2.0</version>")
                .contains("<release>2.0</release>");
        assertThat(privateMetadata.statusCode()).as(privateMetadata.body()).isEqualTo(200);
        assertThat(privateMetadata.body()).contains("<version>1.0</version>");
        assertThat(domain.get(endpoint("libs") + "gatepasse2e/pub/greeting/maven-metadata.xml", token).statusCode())
                .as("reading needs ReadFromRepository on the repository asked").isEqualTo(403);
    }

    @Test
    @Order(3)
    void jar_whenManyAskAtOnce_isFetchedFromThePublicRegistryOnce() throws Exception {
        String token = domain.token(domain.reader("app"));
        String url = endpoint("app") + "gatepasse2e/pub/greeting/2.0/greeting-2.0.jar";

        List<HttpResponse<byte[]>> responses = domain.getBytesAtOnce(url, token, 8);

        byte[] expected = jar("public greeting 2.0");
        assertThat(responses).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(expected);
        });
        assertThat(registry.hits(PUBLIC_PATH + "2.0/greeting-2.0.jar")).isEqualTo(1);
        assertThat(domain.get(url + ".sha1", token).body()).isEqualTo(sha1(expected));
    }

    @Test
    @Order(4)
    void metadata_whenAPrivateArtifactHasAPublicNamesake_showsOnlyThePrivateVersionsUntilOriginControlsAllow()
            throws Exception {
        String name = unique("confusable");
        assertSucceeded(mvn(domain.token(domain.publisher()), "libs", library(name, "1.0", "ours"), "deploy"));
        // then a namesake appears on the public registry, with a higher version (dependency substitution)
        String path = "/" + GROUP.replace('.', '/') + "/" + name + "/";
        registry.put(path + "maven-metadata.xml", "application/xml", ("<metadata><groupId>" + GROUP
                + "</groupId><artifactId>" + name + "</artifactId><versioning><versions><version>9.9</version>"
                + "</versions></versioning></metadata>").getBytes(StandardCharsets.UTF_8));
        registry.put(path + "9.9/" + name + "-9.9.pom", "application/xml", "<project/>".getBytes(
                StandardCharsets.UTF_8));
        String token = domain.token(domain.reader("app"));
        String metadataUrl = endpoint("app") + path.substring(1) + "maven-metadata.xml";

        assertThat(domain.get(metadataUrl, token).body()).contains("<version>1.0</version>").doesNotContain("9.9");
        assertThat(domain.get(endpoint("app") + path.substring(1) + "9.9/" + name + "-9.9.pom", token).statusCode())
                .isEqualTo(404);
        assertThat(registry.hits(path + "9.9/" + name + "-9.9.pom")).isZero();

        admin.putPackageOriginConfiguration(r -> r.domain(DOMAIN).repository("libs").format(PackageFormat.MAVEN)
                .namespace(GROUP).packageValue(name).restrictions(x -> x.publish(AllowPublish.ALLOW)
                        .upstream(AllowUpstream.ALLOW)));

        assertThat(domain.get(metadataUrl, token).body()).contains("<version>1.0</version>")
                .contains("<version>9.9</version>");
    }

    @Test
    @Order(5)
    void deploy_whenOriginControlsBlockPublishing_failsWith403SayingSo() throws Exception {
        String name = unique("reserved");
        admin.putPackageOriginConfiguration(r -> r.domain(DOMAIN).repository("libs").format(PackageFormat.MAVEN)
                .namespace(GROUP).packageValue(name).restrictions(x -> x.publish(AllowPublish.BLOCK)
                        .upstream(AllowUpstream.ALLOW)));
        String url = endpoint("libs") + GROUP.replace('.', '/') + "/" + name + "/1.0/" + name + "-1.0.pom";

        HttpResponse<String> put = domain.put(url, domain.token(domain.publisher()), null, "<project/>");

        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.body()).contains("origin controls");
    }

    @Test
    @Order(6)
    void jar_whoseSha1DoesNotMatchThePublicRegistrys_isRefusedWith502_andNotKept() throws Exception {
        String path = "gatepasse2e/pub/tampered/1.0/tampered-1.0.jar";
        registry.put("/" + path, "application/java-archive", jar("tampered"));
        registry.put("/" + path + ".sha1", "text/plain", sha1(jar("original")).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = domain.get(endpoint("app") + path, domain.token(domain.reader("app")));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("does not match its SHA-1");
        assertThat(admin.listPackages(r -> r.domain(DOMAIN).repository("app").format(PackageFormat.MAVEN)
                .namespace(PUBLIC_GROUP).packagePrefix("tampered")).packages()).isEmpty();
    }

    @Test
    @Order(7)
    void build_whenThePublicRegistryIsGone_resolvesWhatWasKept_withAFreshLocalRepository() throws Exception {
        registry.close();
        Path consumer = consumer(unique("app-again"), "1.0");

        MavenRun resolve = mvn(domain.token(domain.reader("app")), "app", consumer, "dependency:copy-dependencies",
                "-DoutputDirectory=" + consumer.resolve("libs"));

        assertSucceeded(resolve);
        assertThat(message(consumer.resolve("libs/greeting-1.0.jar"))).isEqualTo("public greeting 1.0");
        assertThat(message(consumer.resolve("libs/" + privateArtifact + "-1.0.jar"))).isEqualTo("private core");
        HttpResponse<String> never = domain.get(endpoint("app") + "gatepasse2e/pub/other/1.0/other-1.0.pom",
                domain.token(domain.reader("app")));
        assertThat(never.statusCode()).isEqualTo(502);
        assertThat(never.body()).contains("cannot be reached");
    }

    // ------------------------------------------------------------------------------------------------ setup

    /** A public release at Maven Central's layout: POM and jar, each with its .sha1 and .md5. */
    private void publicArtifact(String version, String message) throws Exception {
        byte[] pom = ("""
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId><artifactId>greeting</artifactId><version>%s</version>
                </project>
                """.formatted(PUBLIC_GROUP, version)).getBytes(StandardCharsets.UTF_8);
        String dir = PUBLIC_PATH + version + "/greeting-" + version;
        for (var file : java.util.Map.of(".pom", pom, ".jar", jar(message)).entrySet()) {
            registry.put(dir + file.getKey(), "application/octet-stream", file.getValue());
            registry.put(dir + file.getKey() + ".sha1", "text/plain", sha1(file.getValue())
                    .getBytes(StandardCharsets.UTF_8));
            registry.put(dir + file.getKey() + ".md5", "text/plain", HexFormat.of().formatHex(
                    MessageDigest.getInstance("MD5").digest(file.getValue())).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] jar(String message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry("message.txt");
            entry.setTime(0);
            zip.putNextEntry(entry);
            zip.write(message.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }

    private Path consumer(String artifactId, String publicVersion) throws IOException {
        return project(artifactId, "1.0", "pom", """
                  <dependencies>
                    <dependency>
                      <groupId>%s</groupId><artifactId>%s</artifactId><version>1.0</version>
                    </dependency>
                    <dependency>
                      <groupId>%s</groupId><artifactId>greeting</artifactId><version>%s</version>
                    </dependency>
                  </dependencies>
                """.formatted(GROUP, privateArtifact, PUBLIC_GROUP, publicVersion));
    }

    private Path library(String artifactId, String version, String message) throws IOException {
        String endpoint = endpoint("libs");
        return MavenRun.withMessage(project(artifactId, version, "jar", """
                  <distributionManagement>
                    <repository><id>codeartifact</id><url>%s</url></repository>
                  </distributionManagement>
                """.formatted(endpoint)), message);
    }

    private Path project(String artifactId, String version, String packaging, String more) throws IOException {
        return MavenRun.project(work.resolve("projects").resolve(artifactId), GROUP, artifactId, version, packaging,
                more);
    }

    /**
     * {@code mvn -B <goals>} with its own HOME whose {@code .m2/settings.xml} is the one docs/packages.md gives for
     * {@code repository} (server {@code codeartifact}, user {@code aws}, the token as password), and its own local
     * repository.
     */
    private MavenRun mvn(String token, String repository, Path project, String... goals) throws Exception {
        String endpoint = endpoint(repository);
        Path home = Files.createDirectories(work.resolve(unique("home")));
        Path m2 = Files.createDirectories(home.resolve(".m2"));
        Files.writeString(m2.resolve("settings.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                  <servers>
                    <server><id>codeartifact</id><username>aws</username><password>%s</password></server>
                  </servers>
                  <profiles>
                    <profile>
                      <id>codeartifact</id>
                      <repositories>
                        <repository><id>codeartifact</id><url>%s</url></repository>
                      </repositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>codeartifact</activeProfile></activeProfiles>
                </settings>
                """.formatted(token, endpoint));
        return MavenRun.run(home, m2.resolve("settings.xml"), "gatepasse2e", project, goals);
    }

    private String endpoint(String repository) {
        return domain.endpoint(repository, PackageFormat.MAVEN);
    }

    private static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }
}
