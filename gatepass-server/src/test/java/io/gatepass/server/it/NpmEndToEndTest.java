package io.gatepass.server.it;

import io.gatepass.server.testing.GatepassServerExtension;
import io.gatepass.server.testing.NpmUser;
import io.gatepass.server.testing.PackageUsers;
import io.gatepass.server.testing.TestServer;
import io.gatepass.server.testing.ToolRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.iam.IamClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real npm (/usr/bin/npm) against a real Gatepass, configured exactly as {@code aws codeartifact login --tool npm}
 * configures it: {@code npm config set registry <endpoint>} and {@code npm config set //<host><path>:_authToken
 * <token>}, in a user config of its own. Skipped, with a message, only where npm is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NpmEndToEndTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension();
    private TestServer server;
    private CodeartifactClient admin;
    private IamClient iam;
    private Path work;
    private String domain;

    @BeforeAll
    void start(@TempDir Path work) {
        Assumptions.assumeTrue(ToolRun.onPath("npm"), "npm is not installed: skipping the npm end-to-end test "
                + "(install Node.js and npm to run it; CI has npm)");
        this.work = work;
        server = GATEPASS.server();
        admin = server.codeArtifact(TestServer.admin());
        iam = server.iam(TestServer.admin());
        domain = "team";
        admin.createDomain(r -> r.domain(domain));
        admin.createRepository(r -> r.domain(domain).repository("libs"));
    }

    @Test
    void publishAndInstall_whenLoggedInAsCodeArtifactLoginDoes_worksForScopedAndUnscopedPackagesWithNpmCi()
            throws Exception {
        NpmUser npm = login(publisher(), "libs");
        String plain = unique("gp-hello");
        String scoped = "@acme/" + unique("util");
        Path a = npm.project(plain, "1.0.0", "module.exports = 'hello from " + plain + "';");
        Path b = npm.project(scoped, "2.1.0", "module.exports = 'scoped " + scoped + "';");

        assertThat(npm.run(a, "publish").exitCode()).as("publish unscoped").isZero();
        ToolRun scopedPublish = npm.run(b, "publish");
        assertThat(scopedPublish.exitCode()).as(scopedPublish.output()).isZero();

        Path app = npm.dir("app");
        Files.writeString(app.resolve("package.json"), "{\"name\":\"app\",\"version\":\"1.0.0\",\"private\":true,"
                + "\"dependencies\":{\"" + plain + "\":\"^1.0.0\",\"" + scoped + "\":\"2.1.0\"}}");
        ToolRun install = npm.run(app, "install");
        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(Files.readString(app.resolve("node_modules/" + plain + "/index.js"))).contains("hello from");
        assertThat(Files.readString(app.resolve("node_modules/" + scoped + "/index.js"))).contains("scoped");
        String lock = Files.readString(app.resolve("package-lock.json"));
        assertThat(lock).contains(npm.registry + plain + "/-/" + plain + "-1.0.0.tgz").contains("sha512-");

        deleteTree(app.resolve("node_modules"));
        ToolRun ci = npm.run(app, "ci");
        assertThat(ci.exitCode()).as(ci.output()).isZero();
        assertThat(Files.readString(app.resolve("node_modules/" + scoped + "/package.json"))).contains("2.1.0");

        ToolRun view = npm.run(app, "view", scoped, "version");
        assertThat(view.stdout().trim()).isEqualTo("2.1.0");
        assertThat(npm.run(app, "ping").exitCode()).isZero();
    }

    @Test
    void awsCodeartifactLogin_whenRunByTheRealAwsCli_configuresNpmToPublishAndView() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/aws")),
                "/usr/bin/aws is not installed: skipping the aws codeartifact login case");
        AwsBasicCredentials credentials = (AwsBasicCredentials) publisher();
        NpmUser npm = new NpmUser(work.resolve(unique("npm")), endpoint(domain, "libs"), null);
        Map<String, String> env = new HashMap<>(npm.env());
        env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        env.put("AWS_DEFAULT_REGION", TestServer.REGION);
        env.put("AWS_CONFIG_FILE", npm.home.resolve("aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", npm.home.resolve("aws-credentials").toString());

        ToolRun login = ToolRun.run(npm.home, env, 120, List.of("/usr/bin/aws", "--endpoint-url",
                server.endpoint().toString(), "codeartifact", "login", "--tool", "npm", "--domain", domain,
                "--domain-owner", TestServer.ACCOUNT, "--repository", "libs"));
        assertThat(login.exitCode()).as(login.output()).isZero();
        assertThat(login.stdout()).contains("Successfully configured npm");

        String name = unique("gp-awslogin");
        Path project = npm.project(name, "3.0.0", "module.exports = 3;");
        ToolRun publish = npm.run(project, "publish");
        assertThat(publish.exitCode()).as(publish.output()).isZero();
        assertThat(npm.run(project, "view", name, "version").stdout().trim()).isEqualTo("3.0.0");
    }

    @Test
    void publish_whenTheVersionExists_failsWithNpmsConflictError() throws Exception {
        NpmUser npm = login(publisher(), "libs");
        String name = unique("gp-twice");
        Path project = npm.project(name, "1.0.0", "module.exports = 1;");
        assertThat(npm.run(project, "publish").exitCode()).isZero();

        ToolRun again = npm.run(project, "publish");

        assertThat(again.exitCode()).isNotZero();
        assertThat(again.stderr()).containsAnyOf("E409", "EPUBLISHCONFLICT", "previously published");
    }

    @Test
    void distTagAndDeprecate_whenPublisherChangesThem_npmViewShowsTheChange() throws Exception {
        NpmUser npm = login(publisher(), "libs");
        String name = unique("gp-tags");
        Path v1 = npm.project(name, "1.0.0", "module.exports = 1;");
        assertThat(npm.run(v1, "publish").exitCode()).isZero();
        Path v2 = npm.project(name, "1.1.0-beta.1", "module.exports = 2;");
        assertThat(npm.run(v2, "publish", "--tag", "next").exitCode()).isZero();

        ToolRun add = npm.run(v1, "dist-tag", "add", name + "@1.0.0", "stable");
        assertThat(add.exitCode()).as(add.output()).isZero();
        ToolRun ls = npm.run(v1, "dist-tag", "ls", name);
        assertThat(ls.stdout()).contains("latest: 1.0.0").contains("next: 1.1.0-beta.1").contains("stable: 1.0.0");
        assertThat(npm.run(v1, "dist-tag", "rm", name, "stable").exitCode()).isZero();
        assertThat(npm.run(v1, "dist-tag", "ls", name).stdout()).doesNotContain("stable");

        ToolRun deprecate = npm.run(v1, "deprecate", name + "@1.0.0", "use 1.1 instead");
        assertThat(deprecate.exitCode()).as(deprecate.output()).isZero();
        ToolRun view = npm.run(v1, "view", name + "@1.0.0", "deprecated", "--prefer-online");
        assertThat(view.stdout()).contains("use 1.1 instead");
    }

    @Test
    void publish_whenThePrincipalMayOnlyRead_failsWith403() throws Exception {
        NpmUser npm = login(reader(), "libs");
        Path project = npm.project(unique("gp-denied"), "1.0.0", "module.exports = 1;");

        ToolRun publish = npm.run(project, "publish");

        assertThat(publish.exitCode()).isNotZero();
        assertThat(publish.stderr()).contains("E403").contains("codeartifact:PublishPackageVersion");
        assertThat(npm.run(project, "ping").exitCode()).as("reading is allowed").isZero();
    }

    @Test
    void install_whenTheTokenExpired_failsWithNpmsOwn401() throws Exception {
        NpmUser publisher = login(publisher(), "libs");
        String name = unique("gp-expiry");
        Path project = publisher.project(name, "1.0.0", "module.exports = 1;");
        assertThat(publisher.run(project, "publish").exitCode()).isZero();
        NpmUser npm = login(token(reader(), 900), "libs");
        assertThat(npm.run(project, "view", name, "version").stdout().trim()).isEqualTo("1.0.0");

        server.clock().advance(Duration.ofSeconds(901));
        ToolRun view;
        try {
            view = npm.run(project, "view", name, "version", "--prefer-online");
        } finally {
            server.clock().advance(Duration.ofSeconds(-901));
        }

        assertThat(view.exitCode()).isNotZero();
        assertThat(view.stderr()).contains("E401");
        assertThat(view.stderr()).doesNotContain(npm.token);
    }

    @Test
    void ping_whenTheDomainWasDeleted_failsWith401() throws Exception {
        String gone = unique("gone");
        admin.createDomain(r -> r.domain(gone));
        admin.createRepository(r -> r.domain(gone).repository("tmp"));
        NpmUser npm = new NpmUser(work.resolve(unique("npm")), endpoint(gone, "tmp"), token(gone, publisher(), 43200));
        assertThat(npm.run(npm.home, "ping").exitCode()).isZero();

        admin.deleteRepository(r -> r.domain(gone).repository("tmp"));
        admin.deleteDomain(r -> r.domain(gone));
        server.clock().advance(Duration.ofSeconds(2)); // past the one-second verification cache
        ToolRun ping = npm.run(npm.home, "ping");

        assertThat(ping.exitCode()).isNotZero();
        assertThat(ping.stderr()).contains("E401");
    }

    @Test
    void whoami_whenAsked_isRefusedWithAClearMessage() throws Exception {
        NpmUser npm = login(publisher(), "libs");

        ToolRun whoami = npm.run(npm.home, "whoami");

        assertThat(whoami.exitCode()).isNotZero();
        assertThat(whoami.stderr()).contains("not supported");
    }

    // ------------------------------------------------------------------------------------------------ setup

    private AwsCredentials publisher() {
        return user("{\"Effect\":\"Allow\",\"Action\":[\"codeartifact:GetAuthorizationToken\",\"codeartifact:GetRepositoryEndpoint\","
                + "\"codeartifact:ReadFromRepository\",\"codeartifact:PublishPackageVersion\"],\"Resource\":\"*\"}");
    }

    private AwsCredentials reader() {
        return user("{\"Effect\":\"Allow\",\"Action\":[\"codeartifact:GetAuthorizationToken\",\"codeartifact:GetRepositoryEndpoint\","
                + "\"codeartifact:ReadFromRepository\"],\"Resource\":\"*\"}");
    }

    private AwsCredentials user(String statement) {
        return PackageUsers.create(iam, unique("npm-user"), statement);
    }

    private String token(AwsCredentials credentials, long seconds) {
        return token(domain, credentials, seconds);
    }

    private String token(String domainName, AwsCredentials credentials, long seconds) {
        return PackageUsers.token(server, credentials, domainName, seconds);
    }

    private String endpoint(String domainName, String repository) {
        return admin.getRepositoryEndpoint(r -> r.domain(domainName).repository(repository)
                .format(PackageFormat.NPM)).repositoryEndpoint();
    }

    private NpmUser login(AwsCredentials credentials, String repository) throws Exception {
        return login(token(credentials, 43200), repository);
    }

    private NpmUser login(String token, String repository) throws Exception {
        return new NpmUser(work.resolve(unique("npm")), endpoint(domain, repository), token);
    }

    private static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + (System.nanoTime() / 1000 % 100_000);
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
