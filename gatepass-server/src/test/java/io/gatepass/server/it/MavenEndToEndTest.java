package io.gatepass.server.it;

import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipFile;

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
    private static final String BEARER = "{\"Effect\":\"Allow\",\"Action\":\"sts:GetServiceBearerToken\","
            + "\"Resource\":\"*\"}";
    /** The plugins of a jar's build and of deploying, at the versions this project's own build uses. */
    private static final String PLUGINS = plugins("maven-resources-plugin:3.3.1", "maven-compiler-plugin:3.14.0",
            "maven-surefire-plugin:3.5.4", "maven-jar-plugin:3.4.2", "maven-install-plugin:3.1.4",
            "maven-deploy-plugin:3.1.4", "maven-dependency-plugin:3.8.1");

    private TestServer server;
    private IamClient iam;
    private Path work;
    private String endpoint;

    @BeforeAll
    void start(@TempDir Path work) {
        Assumptions.assumeTrue(onPath("mvn"), "mvn is not installed: skipping the Maven end-to-end test "
                + "(install Maven 3 to run it)");
        this.work = work;
        server = TestServer.start(null, work.resolve("data"));
        iam = server.iam(TestServer.admin());
        try (CodeartifactClient admin = server.codeArtifact(TestServer.admin())) {
            admin.createDomain(r -> r.domain("team"));
            admin.createRepository(r -> r.domain("team").repository("libs"));
            endpoint = admin.getRepositoryEndpoint(r -> r.domain("team").repository("libs")
                    .format(PackageFormat.MAVEN)).repositoryEndpoint();
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
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
        Path dir = project(artifactId, version, packaging, """
                  <distributionManagement>
                    <repository><id>team-libs</id><url>%s</url></repository>
                    <snapshotRepository><id>team-libs</id><url>%s</url></snapshotRepository>
                  </distributionManagement>
                """.formatted(endpoint, endpoint));
        Files.createDirectories(dir.resolve("src/main/resources"));
        Files.writeString(dir.resolve("src/main/resources/message.txt"), message);
        return dir;
    }

    private Path project(String artifactId, String version, String packaging, String more) throws IOException {
        Path dir = Files.createDirectories(work.resolve("projects").resolve(artifactId));
        Files.writeString(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                  <packaging>%s</packaging>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <maven.compiler.release>17</maven.compiler.release>
                  </properties>
                %s%s</project>
                """.formatted(GROUP, artifactId, version, packaging, more, PLUGINS));
        return dir;
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
        Path local = linkedLocalRepository(home.resolve("repository"));
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-s", m2.resolve("settings.xml").toString(),
                "-Dmaven.repo.local=" + local, "-DskipTests"));
        command.addAll(List.of(goals));
        Path log = home.resolve("mvn.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1"); // starts faster; the runs are short
        builder.environment().remove("MAVEN_ARGS");
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", goals) + " did not finish in 300 s:\n"
                    + Files.readString(log));
        }
        return new MavenRun(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** A local repository whose top-level entries link to the shared one's, except the test's own group. */
    private static Path linkedLocalRepository(Path local) throws IOException {
        Files.createDirectories(local);
        Path shared = Path.of(System.getProperty("user.home"), ".m2", "repository");
        if (Files.isDirectory(shared)) {
            try (var entries = Files.list(shared)) {
                for (Path entry : entries.toList()) {
                    if (!entry.getFileName().toString().equals(GROUP.substring(0, GROUP.indexOf('.')))) {
                        Files.createSymbolicLink(local.resolve(entry.getFileName()), entry);
                    }
                }
            }
        }
        return local;
    }

    private static String plugins(String... plugins) {
        StringBuilder out = new StringBuilder("  <build><plugins>\n");
        for (String plugin : plugins) {
            String[] parts = plugin.split(":");
            out.append("    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>").append(parts[0])
                    .append("</artifactId><version>").append(parts[1]).append("</version></plugin>\n");
        }
        return out.append("  </plugins></build>\n").toString();
    }

    private static String message(Path jar) throws IOException {
        assertThat(jar).exists();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("message.txt")).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Succeeded, and every checksum Maven fetched (of files and of generated metadata) matched. */
    private static void assertSucceeded(MavenRun run) {
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).as(run.output()).doesNotContainIgnoringCase("checksum validation failed")
                .doesNotContainIgnoringCase("checksum failed");
    }

    private record MavenRun(int exitCode, String output) {
    }

    private AwsCredentials publisher() {
        return user("\"codeartifact:ReadFromRepository\",\"codeartifact:PublishPackageVersion\"");
    }

    private AwsCredentials reader() {
        return user("\"codeartifact:ReadFromRepository\"");
    }

    private AwsCredentials user(String actions) {
        String name = unique("mvn-user");
        iam.createUser(r -> r.userName(name));
        iam.putUserPolicy(r -> r.userName(name).policyName("p").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":["
                        + "\"codeartifact:GetAuthorizationToken\"," + actions + "],\"Resource\":\"*\"}," + BEARER
                        + "]}"));
        AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    private String token(AwsCredentials credentials, long seconds) {
        try (CodeartifactClient client = server.codeArtifact(credentials)) {
            return client.getAuthorizationToken(r -> r.domain("team").domainOwner(TestServer.ACCOUNT)
                    .durationSeconds(seconds)).authorizationToken();
        }
    }

    private static boolean onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, executable))) {
                return true;
            }
        }
        return false;
    }

    private static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }
}
