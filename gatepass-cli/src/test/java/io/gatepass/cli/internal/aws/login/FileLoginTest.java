package io.gatepass.cli.internal.aws.login;

import io.gatepass.cli.internal.aws.login.LoginHarness.Outcome;
import io.gatepass.cli.testing.CliRun;
import io.gatepass.cli.testing.CliTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.gatepass.cli.internal.aws.login.LoginHarness.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** maven and gradle, which aws lacks: the files a login writes, end to end against a real server. */
class FileLoginTest {

    private static final String DOMAIN = "files";
    private static final String REPOSITORY = "jars";
    private static final AtomicInteger HOMES = new AtomicInteger();

    @TempDir
    static Path dir;
    static CliTestServer server;
    static CodeartifactClient client;

    @BeforeAll
    static void start() {
        server = CliTestServer.start(dir.resolve("data"));
        client = LoginHarness.client(server);
        LoginHarness.createRepository(client, DOMAIN, REPOSITORY);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void maven_withoutSettings_createsThemOwnerOnly_withAValidToken() throws Exception {
        CliRun home = home();
        Outcome outcome = login(home, "--tool", "maven");

        assertThat(outcome.exitCode()).as(LoginHarness.mask(outcome.err())).isZero();
        assertThat(outcome.out()).startsWith("Successfully configured maven to use AWS CodeArtifact repository "
                + endpoint() + " \nLogin expires in 12 hours at ");
        Path settings = home.home().resolve(".m2/settings.xml");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settings))).isEqualTo("rw-------");
        Document dom = MavenSettingsTest.dom(read(settings));
        String password = MavenSettingsTest.text(dom, "/settings/servers/server[id='files-jars']/password");
        assertThat(server.server().repositoryTokenVerifier().verify(password).isValid()).isTrue();
        assertThat(MavenSettingsTest.text(dom, "//repository[id='files-jars']/url")).isEqualTo(endpoint());
    }

    @Test
    void maven_twice_keepsOneServer_withTheLatestToken() {
        CliRun home = home();
        login(home, "--tool", "maven");
        String first = read(home.home().resolve(".m2/settings.xml"));
        login(home, "--tool", "maven");
        String second = read(home.home().resolve(".m2/settings.xml"));

        Document dom = MavenSettingsTest.dom(second);
        assertThat(MavenSettingsTest.count(dom, "/settings/servers/server")).isEqualTo(1);
        assertThat(MavenSettingsTest.count(dom, "/settings/profiles/profile")).isEqualTo(1);
        assertThat(LoginHarness.mask(second)).isEqualTo(LoginHarness.mask(first));
        String password = MavenSettingsTest.text(dom, "/settings/servers/server/password");
        assertThat(server.server().repositoryTokenVerifier().verify(password).isValid()).isTrue();
    }

    @Test
    void maven_serverId_namesTheEntries_andMavenReadsTheSettingsWithoutComplaint() throws Exception {
        Path mvn = ToolProcess.find("mvn", new io.gatepass.cli.internal.aws.CliIo(null, null, null,
                java.util.Map.of("PATH", LoginHarness.PATH), dir, false, false));
        assumeTrue(mvn != null, "mvn on " + LoginHarness.PATH);
        CliRun home = home();
        home.file(".m2/settings.xml", "<settings>\n  <offline>true</offline>\n</settings>\n");
        assertThat(login(home, "--tool", "maven", "--server-id", "company").exitCode()).isZero();
        Path settings = home.home().resolve(".m2/settings.xml");
        assertThat(LoginHarness.mask(read(settings))).contains("<id>company</id>").doesNotContain("files-jars")
                .contains("<offline>true</offline>");

        home.file("project/pom.xml", "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0"
                + "</modelVersion><groupId>t</groupId><artifactId>t</artifactId><version>1</version>"
                + "<packaging>pom</packaging></project>");
        Process process = new ProcessBuilder(List.of(mvn.toString(), "-B", "-o", "-s", settings.toString(),
                "-Dmaven.repo.local=" + home.home().resolve("repo"), "validate"))
                .directory(home.home().resolve("project").toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(LoginHarness.mask(output)).contains("BUILD SUCCESS").doesNotContain("WARNING");
    }

    @Test
    void gradle_writesUrlAndCredentials_keepingWhatIsThere() throws Exception {
        CliRun home = home();
        home.file(".gradle/gradle.properties", "# mine\norg.gradle.daemon=false\n");
        Outcome outcome = login(home, "--tool", "gradle");

        assertThat(outcome.exitCode()).as(LoginHarness.mask(outcome.err())).isZero();
        assertThat(outcome.out()).startsWith("Successfully configured gradle to use AWS CodeArtifact repository "
                + endpoint() + " \n");
        Path file = home.home().resolve(".gradle/gradle.properties");
        String text = read(file);
        assertThat(LoginHarness.mask(text)).startsWith("# mine\norg.gradle.daemon=false\n\n# ");
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        assertThat(properties.getProperty("codeartifactUrl")).isEqualTo(endpoint());
        assertThat(properties.getProperty("org.gradle.daemon")).isEqualTo("false");
        assertThat(properties.getProperty("codeartifactUsername")).isEqualTo("aws");
        assertThat(server.server().repositoryTokenVerifier().verify(properties.getProperty("codeartifactPassword"))
                .isValid()).isTrue();

        login(home, "--tool", "gradle");
        assertThat(LoginHarness.mask(read(file))).isEqualTo(LoginHarness.mask(text));
    }

    @Test
    void gradle_followsGradleUserHome_andServerIdNamesTheProperties() throws Exception {
        CliRun home = home();
        Path gradleHome = home.home().resolve("elsewhere");
        home.env("GRADLE_USER_HOME", gradleHome.toString());
        assertThat(login(home, "--tool", "gradle", "--server-id", "internal").exitCode()).isZero();

        Path file = gradleHome.resolve("gradle.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(LoginHarness.mask(read(file))).contains("internalUrl=" + endpoint() + "\n")
                .contains("internalUsername=aws\n").contains("internalPassword=<token>\n");
        assertThat(home.home().resolve(".gradle")).doesNotExist();
    }

    @Test
    void dryRun_showsTheFiles_andChangesNothing() throws IOException {
        CliRun home = home();
        home.file(".m2/settings.xml", "<settings/>\n");
        Outcome maven = login(home, "--tool", "maven", "--dry-run");
        Outcome gradle = login(home, "--tool", "gradle", "--dry-run");

        assertThat(LoginHarness.mask(maven.out())).startsWith("Dryrun mode is enabled, not writing to settings.xml.\n"
                + home.home().resolve(".m2/settings.xml") + " would have been set to the following:\n\n<settings>\n"
                + "  <servers>\n    <server>\n      <id>files-jars</id>\n      <username>aws</username>\n"
                + "      <password><token></password>");
        assertThat(LoginHarness.mask(gradle.out())).startsWith(
                "Dryrun mode is enabled, not writing to gradle.properties.\n"
                        + home.home().resolve(".gradle/gradle.properties")
                        + " would have been set to the following:\n\n# ")
                .contains("\ncodeartifactPassword=<token>\n");
        assertThat(LoginHarness.mask(read(home.home().resolve(".m2/settings.xml")))).isEqualTo("<settings/>\n");
        assertThat(home.home().resolve(".gradle")).doesNotExist();
    }

    @Test
    void brokenSettings_areLeftAlone_andTheFailureSaysWhy() {
        CliRun home = home();
        home.file(".m2/settings.xml", "<settings><servers></settings>");
        Outcome outcome = login(home, "--tool", "maven");

        assertThat(outcome.exitCode()).isEqualTo(255);
        assertThat(outcome.err()).startsWith(home.home().resolve(".m2/settings.xml")
                + " was not changed: it is not well-formed XML (line 1, column ");
        assertThat(read(home.home().resolve(".m2/settings.xml"))).isEqualTo("<settings><servers></settings>");
    }

    @Test
    void namespace_isRefusedForMaven_asAwsRefusesItForPip() {
        Outcome outcome = login(home(), "--tool", "maven", "--namespace", "x");
        assertThat(outcome.exitCode()).isEqualTo(255);
        assertThat(outcome.err()).isEqualTo("Argument --namespace is not supported for maven");
    }

    private static Outcome login(CliRun home, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[]{"--domain", DOMAIN, "--repository", REPOSITORY}, 0, all, args.length, 4);
        return LoginHarness.gatepass(client, home, all);
    }

    private static CliRun home() {
        return LoginHarness.home(server, dir.resolve("home-" + HOMES.incrementAndGet()));
    }

    private static String endpoint() {
        return server.endpoint() + "/codeartifact/" + DOMAIN + "-" + CliTestServer.ACCOUNT + "/maven/" + REPOSITORY
                + "/";
    }
}
