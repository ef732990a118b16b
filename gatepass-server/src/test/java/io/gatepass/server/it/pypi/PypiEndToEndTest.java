package io.gatepass.server.it.pypi;

import io.gatepass.server.testing.GatepassServerExtension;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * twine and pip from Debian against a running Gatepass, configured as {@code aws codeartifact login --tool twine}
 * and {@code --tool pip} configure them: upload a wheel and an sdist, install from the simple index, and the
 * refusals those clients must show (a file that exists, an expired token, a principal that may only read).
 */
class PypiEndToEndTest {
    private static final String MISSING = PythonTools.missing();
    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension();
    private static TestServer server;
    private static CodeartifactClient admin;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(MISSING == null, () -> "Skipping the twine/pip end-to-end test: " + MISSING);
        server = GATEPASS.server();
        admin = server.codeArtifact(TestServer.admin());
    }

    @Test
    void twineUploadThenPipInstall_fromTheRepositoryEndpoint() throws Exception {
        Repo repo = repository();
        String token = token(repo, admin);
        PythonTools tools = tools(repo, token);
        Path dist = Files.createDirectories(work.resolve("dist"));
        Path wheel = TinyDistributions.wheel(dist, "1.0");
        Path sdist = TinyDistributions.sdist(dist, "1.0");

        PythonTools.Result upload = tools.twineUpload(wheel, sdist);
        assertThat(upload.exitCode()).as(upload.output()).isZero();
        assertThat(upload.output()).contains("Uploading tiny_gatepass_demo-1.0-py3-none-any.whl")
                .contains("Uploading tiny_gatepass_demo-1.0.tar.gz");

        Path target = work.resolve("site");
        PythonTools.Result install = tools.pipInstall(target, "tiny-gatepass-demo==1.0");
        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(install.output()).contains("Successfully installed").doesNotContain(token);
        assertThat(Files.readString(target.resolve(TinyDistributions.MODULE + "/__init__.py")))
                .contains("hello from gatepass");
        assertThat(target.resolve(TinyDistributions.MODULE + "-1.0.dist-info/METADATA")).exists();
    }

    @Test
    void twineUploadThenPipInstall_overHttps_trustingTheServersOwnCertificate() throws Exception {
        Repo plain = repository();
        Repo repo = new Repo(plain.domain, plain.name,
                plain.endpoint.replace(server.server().endpoint(), server.server().tlsEndpoint()));
        assertThat(repo.endpoint).startsWith("https://");
        PythonTools tools = tools(repo, token(repo, admin));
        tools.trust(server.server().tlsCertificatePath());
        Path wheel = TinyDistributions.wheel(Files.createDirectories(work.resolve("dist")), "1.0");

        PythonTools.Result upload = tools.twineUpload(wheel);
        PythonTools.Result install = tools.pipInstall(work.resolve("site"), "tiny-gatepass-demo==1.0");

        assertThat(upload.exitCode()).as(upload.output()).isZero();
        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(install.output()).contains("Successfully installed");
        assertThat(work.resolve("site/" + TinyDistributions.MODULE + "/__init__.py")).exists();
    }

    @Test
    void twineUpload_sameFileAgain_400ThatTwineReports() throws Exception {
        Repo repo = repository();
        PythonTools tools = tools(repo, token(repo, admin));
        Path wheel = TinyDistributions.wheel(Files.createDirectories(work.resolve("dist")), "2.0");
        assertThat(tools.twineUpload(wheel).exitCode()).isZero();

        PythonTools.Result again = tools.twineUpload(wheel);

        assertThat(again.exitCode()).as(again.output()).isNotZero();
        assertThat(again.output()).contains("400").contains("File already exists");
        PythonTools.Result skipped = tools.twineUpload("--skip-existing", wheel);
        assertThat(skipped.exitCode()).as(skipped.output()).isZero();
        assertThat(skipped.output()).contains("Skipping tiny_gatepass_demo-2.0-py3-none-any.whl");
    }

    @Test
    void pipInstall_withExpiredToken_pipReports401() throws Exception {
        Repo repo = repository();
        String shortToken = admin.getAuthorizationToken(r -> r.domain(repo.domain).durationSeconds(900L))
                .authorizationToken();
        PythonTools tools = tools(repo, shortToken);
        assertThat(tools.twineUpload(TinyDistributions.wheel(Files.createDirectories(work.resolve("dist")), "1.0"))
                .exitCode()).isZero();

        String page = java.net.URI.create(repo.endpoint).getPath() + "simple/tiny-gatepass-demo/";
        String basic = "Basic " + Base64.getEncoder().encodeToString(("aws:" + shortToken)
                .getBytes(StandardCharsets.UTF_8));
        List<Object> results = later(Duration.ofMinutes(16), () -> List.of(
                tools.pipInstall(work.resolve("site"), "tiny-gatepass-demo"),
                server.send("GET", page, Map.of("Authorization", basic), new byte[0])));
        PythonTools.Result install = (PythonTools.Result) results.get(0);
        HttpResponse<?> direct = (HttpResponse<?>) results.get(1);

        assertThat(install.exitCode()).as(install.output()).isNotZero();
        assertThat(install.output()).contains("401 Error, Credentials not correct for " + repo.endpoint
                + "simple/tiny-gatepass-demo/").doesNotContain(shortToken);
        assertThat(direct.statusCode()).isEqualTo(401);
        assertThat(direct.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"" + repo.domain
                + "/libs\"");
        assertThat(direct.body().toString()).contains("expired at").doesNotContain(shortToken);
    }

    @Test
    void pipInstall_afterTheDomainIsDeleted_pipReports401() throws Exception {
        Repo repo = repository();
        PythonTools tools = tools(repo, token(repo, admin));
        admin.deleteRepository(r -> r.domain(repo.domain).repository(repo.name));
        admin.deleteDomain(r -> r.domain(repo.domain));

        PythonTools.Result install = later(Duration.ofSeconds(2), // past the endpoint's one-second recheck
                () -> tools.pipInstall(work.resolve("site"), "tiny-gatepass-demo"));

        assertThat(install.exitCode()).as(install.output()).isNotZero();
        assertThat(install.output()).contains("401 Error, Credentials not correct for " + repo.endpoint
                + "simple/tiny-gatepass-demo/");
    }

    @Test
    void twineUpload_readOnlyPrincipal_403ButPipInstallWorks() throws Exception {
        Repo repo = repository();
        PythonTools publisher = tools(repo, token(repo, admin));
        assertThat(publisher.twineUpload(TinyDistributions.wheel(Files.createDirectories(work.resolve("dist")),
                "1.0")).exitCode()).isZero();
        AwsCredentials reader = readOnlyUser(repo);
        PythonTools tools = tools(repo, token(repo, server.codeArtifact(reader)));

        PythonTools.Result upload = tools.twineUpload(TinyDistributions.wheel(
                Files.createDirectories(work.resolve("dist2")), "3.0"));
        PythonTools.Result install = tools.pipInstall(work.resolve("site"), "Tiny_Gatepass.Demo");

        assertThat(upload.exitCode()).as(upload.output()).isNotZero();
        assertThat(upload.output()).contains("403");
        assertThat(install.exitCode()).as(install.output()).isZero();
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    /** Runs a call with the server's clock moved ahead, then moves it back (the SDK clients sign with real time). */
    private static <T> T later(Duration by, Call<T> call) throws Exception {
        server.clock().advance(by);
        try {
            return call.run();
        } finally {
            server.clock().advance(by.negated());
        }
    }

    private record Repo(String domain, String name, String endpoint) {
    }

    private static Repo repository() {
        String domain = "py" + UUID.randomUUID().toString().substring(0, 8);
        admin.createDomain(r -> r.domain(domain));
        admin.createRepository(r -> r.domain(domain).repository("libs"));
        String endpoint = admin.getRepositoryEndpoint(r -> r.domain(domain).repository("libs")
                .format(PackageFormat.PYPI)).repositoryEndpoint();
        return new Repo(domain, "libs", endpoint);
    }

    private static String token(Repo repo, CodeartifactClient client) {
        return client.getAuthorizationToken(r -> r.domain(repo.domain).domainOwner(TestServer.ACCOUNT))
                .authorizationToken();
    }

    private PythonTools tools(Repo repo, String token) throws Exception {
        Path home = Files.createDirectories(work.resolve("home-" + UUID.randomUUID()));
        PythonTools tools = new PythonTools(home);
        tools.twineLogin(repo.endpoint, token);
        tools.pipLogin(repo.endpoint, token);
        return tools;
    }

    /** A user allowed to get tokens and read the repository, nothing more. */
    private static AwsCredentials readOnlyUser(Repo repo) {
        IamClient iam = server.iam(TestServer.admin());
        String name = "reader-" + repo.domain;
        iam.createUser(r -> r.userName(name));
        String arn = "arn:aws:codeartifact:" + TestServer.REGION + ":" + TestServer.ACCOUNT;
        iam.putUserPolicy(r -> r.userName(name).policyName("read").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"codeartifact:GetAuthorizationToken\","
                + "\"Resource\":\"" + arn + ":domain/" + repo.domain + "\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"sts:GetServiceBearerToken\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"codeartifact:ReadFromRepository\",\"Resource\":\"" + arn
                + ":repository/" + repo.domain + "/libs\"}]}"));
        AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }
}
