package io.gatepass.server.it.pypi;

import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.testing.FakePublicRegistry;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionSummary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pip through a chain of three repositories ({@code app} → {@code libs} → {@code pypi-store}, which has the
 * external connection {@code public:pypi}, pointed at a small index the test starts): one install from {@code app}'s
 * index URL gets a private project twine uploaded to {@code libs} and a public one, and the public file is kept.
 */
class UpstreamsPypiEndToEndTest {
    private static final String MISSING = PythonTools.missing();
    private static final String DOMAIN = "pyteam";
    private static FakePublicRegistry registry;
    private static TestServer server;
    private static CodeartifactClient admin;

    @TempDir
    static Path data;
    @TempDir
    Path work;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(MISSING == null, () -> "Skipping the pip upstream test: " + MISSING);
        registry = FakePublicRegistry.start();
        Path wheel = TinyDistributions.wheel(Files.createDirectories(data.resolve("public")), "Public_Thing",
                "public_thing", "2.0", "hello from the public index");
        registry.pypiProject("public-thing", Map.of(wheel.getFileName().toString(), Files.readAllBytes(wheel)));
        server = TestServer.start(TestServer.config(null, data.resolve("gatepass"),
                ServerConfig.DEFAULT_MAX_BODY_BYTES).withExternalConnections(Map.of("public:pypi", registry.url())));
        admin = server.codeArtifact(TestServer.admin());
        admin.createDomain(r -> r.domain(DOMAIN));
        admin.createRepository(r -> r.domain(DOMAIN).repository("pypi-store"));
        admin.associateExternalConnection(r -> r.domain(DOMAIN).repository("pypi-store")
                .externalConnection("public:pypi"));
        admin.createRepository(r -> r.domain(DOMAIN).repository("libs")
                .upstreams(u -> u.repositoryName("pypi-store")));
        admin.createRepository(r -> r.domain(DOMAIN).repository("app").upstreams(u -> u.repositoryName("libs")));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void pipInstall_fromTheEndOfTheChain_getsAPrivateAndAPublicProjectInOneInstall_andKeepsThePublicFile()
            throws Exception {
        String token = admin.getAuthorizationToken(r -> r.domain(DOMAIN).domainOwner(TestServer.ACCOUNT))
                .authorizationToken();
        PythonTools publisher = new PythonTools(Files.createDirectories(work.resolve("publisher")));
        publisher.twineLogin(endpoint("libs"), token);
        PythonTools.Result upload = publisher.twineUpload(TinyDistributions.wheel(
                Files.createDirectories(work.resolve("dist")), "1.0"));
        assertThat(upload.exitCode()).as(upload.output()).isZero();
        PythonTools user = new PythonTools(Files.createDirectories(work.resolve("user")));
        user.pipLogin(endpoint("app"), token);
        Path target = work.resolve("site");

        PythonTools.Result install = user.pipInstall(target, "public-thing==2.0", "tiny-gatepass-demo==1.0");

        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(Files.readString(target.resolve(TinyDistributions.MODULE + "/__init__.py")))
                .contains("hello from gatepass");
        assertThat(Files.readString(target.resolve("public_thing/__init__.py")))
                .contains("hello from the public index");
        assertThat(registry.hits("/files/public_thing-2.0-py3-none-any.whl")).isEqualTo(1);
        List<PackageVersionSummary> kept = admin.listPackageVersions(r -> r.domain(DOMAIN).repository("app")
                .format(PackageFormat.PYPI).packageValue("public-thing")).versions();
        assertThat(kept).extracting(PackageVersionSummary::version).containsExactly("2.0");
        assertThat(kept.get(0).origin().domainEntryPoint().externalConnectionName()).isEqualTo("public:pypi");

        registry.close(); // the public index goes away: what was kept still installs
        PythonTools.Result again = user.pipInstall(work.resolve("site2"), "public-thing==2.0");
        assertThat(again.exitCode()).as(again.output()).isZero();
    }

    private static String endpoint(String repository) {
        return admin.getRepositoryEndpoint(r -> r.domain(DOMAIN).repository(repository).format(PackageFormat.PYPI))
                .repositoryEndpoint();
    }
}
