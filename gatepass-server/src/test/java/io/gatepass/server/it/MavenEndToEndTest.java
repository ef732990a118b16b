package io.gatepass.server.it;

import io.gatepass.server.testing.GatepassServerExtension;
import io.gatepass.server.testing.MavenRun;
import io.gatepass.server.testing.PackageDomain;
import io.gatepass.server.testing.PackageUsers;
import io.gatepass.server.testing.TestServer;
import io.gatepass.server.testing.ToolRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.iam.IamClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static io.gatepass.server.testing.MavenRun.assertSucceeded;
import static io.gatepass.server.testing.MavenRun.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Maven ({@code mvn} on the PATH) against a real Gatepass: {@code mvn deploy} of a release and of a snapshot
 * (twice), then a second project resolving both, each Maven run with {@code ~/.m2/settings.xml} as
 * {@code gatepass codeartifact login --tool maven} writes it and a fresh token. Skipped, with a message, only where mvn
 * is not installed.
 *
 * <p>Offline-safe: each run gets its own local repository made of links to the entries of {@code ~/.m2/repository}
 * (so the plugins this build already uses resolve without a network), while the test's own group, {@code gatepasse2e},
 * stays private to the run; the plugin versions are the ones this project's build pins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MavenEndToEndTest {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final String GROUP = "gatepasse2e.demo";
    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension();
    private TestServer server;
    private IamClient iam;
    private Path work;
    private String endpoint;

    @BeforeAll
    void start(@TempDir Path work) {
        Assumptions.assumeTrue(ToolRun.onPath("mvn"), "mvn is not installed: skipping the Maven end-to-end test "
                + "(install Maven 3 to run it)");
        this.work = work;
        server = GATEPASS.server();
        iam = server.iam(TestServer.admin());
        try (PackageDomain team = PackageDomain.create(server, "team").withRepository("libs")) {
            endpoint = team.endpoint("libs", PackageFormat.MAVEN);
        }
    }

    @Test
    void deployReleaseAndSnapshotTwice_thenAnotherProjectResolvesBoth() throws Exception {
        AwsCredentials publisher = publisher();
        String release = unique("core");
        String snapshot = unique("edge");
        Path releaseProject = library(release, "1.0", "jar", "release one");
        Path snapshotProject = library(snapshot, "2.0-SNAPSHOT", "jar", "snapshot build one");

        assertSucceeded(mvn(token(publisher, 43200), releaseProject, "deploy"));
        assertSucceeded(mvn(token(publisher, 43200), snapshotProject, "deploy"));
        Files.writeString(snapshotProject.resolve("src/main/resources/message.txt"), "snapshot build two");
        assertSucceeded(mvn(token(publisher, 43200), snapshotProject, "deploy"));

        String versionMetadata = server.send("GET", "/codeartifact/team-" + TestServer.ACCOUNT + "/maven/libs/"
                + GROUP.replace('.', '/') + "/" + snapshot + "/2.0-SNAPSHOT/maven-metadata.xml", java.util.Map.of(
                "Authorization", "Bearer " + token(publisher, 900)), null).body();
        assertThat(versionMetadata).contains("<buildNumber>2</buildNumber>");

        Path consumer = project(unique("app"), "1.0", "pom", """
                  <dependencies>
                    <dependency>
                      <groupId>%s</groupId><artifactId>%s</artifactId><version>1.0</version>
                    </dependency>
                    <dependency>
                      <groupId>%s</groupId><artifactId>%s</artifactId><version>2.0-SNAPSHOT</version>
                    </dependency>
                  </dependencies>
                """.formatted(GROUP, release, GROUP, snapshot));
        MavenRun resolve = mvn(token(reader(), 43200), consumer, "dependency:copy-dependencies",
                "-DoutputDirectory=" + consumer.resolve("libs"));

        assertSucceeded(resolve);
        assertThat(message(consumer.resolve("libs/" + release + "-1.0.jar"))).isEqualTo("release one");
        assertThat(message(consumer.resolve("libs/" + snapshot + "-2.0-SNAPSHOT.jar"))).isEqualTo("snapshot build two");
    }

    @Test
    void deploy_whenTheTokenExpired_failsWithMavensOwn401() throws Exception {
        String token = token(publisher(), 900);
        Path project = library(unique("late"), "1.0", "pom", "never published");
        server.clock().advance(Duration.ofSeconds(901));
        MavenRun deploy;
        try {
            deploy = mvn(token, project, "deploy");
        } finally {
            server.clock().advance(Duration.ofSeconds(-901));
        }

        assertThat(deploy.exitCode()).isNotZero();
        assertThat(deploy.output()).contains("401").doesNotContain(token);
    }

    @Test
    void deploy_whenThePrincipalMayOnlyRead_failsWith403() throws Exception {
        Path project = library(unique("denied"), "1.0", "pom", "never published");

        MavenRun deploy = mvn(token(reader(), 43200), project, "deploy");

        assertThat(deploy.exitCode()).isNotZero();
        assertThat(deploy.output()).contains("403");
    }

    // ------------------------------------------------------------------------------------------------ setup

    /** A project deployed to the repository; as a jar, its jar holds {@code message.txt}. */
    private Path library(String artifactId, String version, String packaging, String message) throws IOException {
        return MavenRun.withMessage(project(artifactId, version, packaging, """
                  <distributionManagement>
                    <repository><id>team-libs</id><url>%s</url></repository>
                    <snapshotRepository><id>team-libs</id><url>%s</url></snapshotRepository>
                  </distributionManagement>
                """.formatted(endpoint, endpoint)), message);
    }

    private Path project(String artifactId, String version, String packaging, String more) throws IOException {
        return MavenRun.project(work.resolve("projects").resolve(artifactId), GROUP, artifactId, version, packaging,
                more);
    }

    /**
     * {@code mvn -B <goals>} with its own HOME whose {@code .m2/settings.xml} is what
     * {@code gatepass codeartifact login --tool maven --domain team --repository libs} writes, and its own local
     * repository.
     */
    private MavenRun mvn(String token, Path project, String... goals) throws Exception {
        Path home = Files.createDirectories(work.resolve(unique("home")));
        Path m2 = Files.createDirectories(home.resolve(".m2"));
        Files.writeString(m2.resolve("settings.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                  <servers>
                    <server>
                      <id>team-libs</id>
                      <username>aws</username>
                      <password>%s</password>
                    </server>
                  </servers>
                  <profiles>
                    <profile>
                      <id>team-libs</id>
                      <repositories>
                        <repository><id>team-libs</id><url>%s</url></repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository><id>team-libs</id><url>%s</url></pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles>
                    <activeProfile>team-libs</activeProfile>
                  </activeProfiles>
                </settings>
                """.formatted(token, endpoint, endpoint));
        return MavenRun.run(home, m2.resolve("settings.xml"), GROUP.substring(0, GROUP.indexOf('.')), project, goals);
    }

    private AwsCredentials publisher() {
        return user("\"codeartifact:ReadFromRepository\",\"codeartifact:PublishPackageVersion\"");
    }

    private AwsCredentials reader() {
        return user("\"codeartifact:ReadFromRepository\"");
    }

    private AwsCredentials user(String actions) {
        return PackageUsers.create(iam, unique("mvn-user"), "{\"Effect\":\"Allow\",\"Action\":["
                + "\"codeartifact:GetAuthorizationToken\"," + actions + "],\"Resource\":\"*\"}");
    }

    private String token(AwsCredentials credentials, long seconds) {
        return PackageUsers.token(server, credentials, "team", seconds);
    }

    private static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }
}
