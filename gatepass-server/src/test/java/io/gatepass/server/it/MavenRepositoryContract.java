package io.gatepass.server.it;

import io.gatepass.server.internal.endpoints.packages.maven.ChecksumAlgorithm;
import io.gatepass.server.internal.endpoints.packages.maven.MavenMetadataXml;
import io.gatepass.server.testing.PackageDomain;
import io.gatepass.server.testing.PackageUsers;
import io.gatepass.server.testing.PlainHttp;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.iam.IamClient;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Maven repository layout over HTTP against a real Gatepass, file by file as {@code mvn deploy} sends it, on H2
 * (files for the bytes) and PostgreSQL (bytes in the database). The real Maven runs in {@link MavenEndToEndTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MavenRepositoryContract {
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final HttpClient http = PlainHttp.client();
    private TestServer server;
    private IamClient iam;
    private String endpoint;
    private String publisher;
    private String reader;

    /** The store's JDBC URL, or null for the embedded H2 file store. */
    abstract String storeUrl();

    @BeforeAll
    void start(@TempDir Path work) {
        server = TestServer.start(storeUrl(), work.resolve("data"));
        iam = server.iam(TestServer.admin());
        try (PackageDomain team = PackageDomain.create(server, "team").withRepository("libs")) {
            endpoint = team.endpoint("libs", PackageFormat.MAVEN);
        }
        publisher = token(user("\"codeartifact:ReadFromRepository\",\"codeartifact:PublishPackageVersion\""));
        reader = token(user("\"codeartifact:ReadFromRepository\""));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void deployRelease_fileByFile_visibleOnlyOnceMetadataArrives() throws Exception {
        String a = unique("lib");
        String dir = "org/example/" + a + "/1.0/";
        byte[] jar = ("jar of " + a).getBytes(StandardCharsets.UTF_8);
        byte[] pom = ("<project><artifactId>" + a + "</artifactId></project>").getBytes(StandardCharsets.UTF_8);

        assertThat(put(dir + a + "-1.0.jar", jar).statusCode()).isEqualTo(201);
        assertThat(put(dir + a + "-1.0.jar.sha1", ChecksumAlgorithm.SHA1.of(jar)).statusCode()).isEqualTo(201);
        assertThat(put(dir + a + "-1.0.pom", pom).statusCode()).isEqualTo(201);
        assertThat(put(dir + a + "-1.0.pom.md5", ChecksumAlgorithm.MD5.of(pom) + "  " + a + "-1.0.pom")
                .statusCode()).isEqualTo(201);
        assertThat(get(dir + a + "-1.0.pom").statusCode()).as("not complete yet").isEqualTo(404);
        assertThat(get("org/example/" + a + "/maven-metadata.xml").statusCode()).isEqualTo(404);

        assertThat(put("org/example/" + a + "/maven-metadata.xml", metadata(a, "1.0")).statusCode()).isEqualTo(201);

        HttpResponse<byte[]> served = get(dir + a + "-1.0.jar");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(jar);
        assertThat(served.headers().firstValue("X-Checksum-SHA1")).contains(ChecksumAlgorithm.SHA1.of(jar));
        for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
            assertThat(text(get(dir + a + "-1.0.jar." + algorithm.suffix()))).as("%s served though never uploaded",
                    algorithm).isEqualTo(algorithm.of(jar));
        }
        HttpResponse<byte[]> xml = get("org/example/" + a + "/maven-metadata.xml");
        assertThat(MavenMetadataXml.read(xml.body()).versions()).containsExactly("1.0");
        assertThat(new String(xml.body(), StandardCharsets.UTF_8)).contains("<release>1.0</release>");
        for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
            assertThat(text(get("org/example/" + a + "/maven-metadata.xml." + algorithm.suffix())))
                    .as("checksum of the served metadata").isEqualTo(algorithm.of(xml.body()));
        }
        HttpResponse<byte[]> head = send(HttpRequest.newBuilder(uri(dir + a + "-1.0.jar"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()), publisher);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).contains(String.valueOf(jar.length));
    }

    @Test
    void putArtifacts_ofANewVersionInParallel_allStored() throws Exception {
        String a = unique("parallel");
        String dir = "org/example/" + a + "/3.0/";
        List<String> classifiers = List.of("", "-sources", "-javadoc", "-tests", "-linux", "-windows", "-macos",
                "-all");
        List<CompletableFuture<HttpResponse<byte[]>>> puts = new ArrayList<>();
        for (String classifier : classifiers) {
            String basic = Base64.getEncoder().encodeToString(("aws:" + publisher).getBytes(StandardCharsets.UTF_8));
            puts.add(http.sendAsync(HttpRequest.newBuilder(uri(dir + a + "-3.0" + classifier + ".jar"))
                    .header("Authorization", "Basic " + basic)
                    .PUT(HttpRequest.BodyPublishers.ofString("file" + classifier)).build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        }
        for (CompletableFuture<HttpResponse<byte[]>> put : puts) {
            assertThat(put.get().statusCode()).as(new String(put.get().body(), StandardCharsets.UTF_8))
                    .isEqualTo(201);
        }
        assertThat(put(dir + a + "-3.0.pom", "<project/>").statusCode()).isEqualTo(201);
        assertThat(put("org/example/" + a + "/maven-metadata.xml", metadata(a, "3.0")).statusCode()).isEqualTo(201);
        for (String classifier : classifiers) {
            assertThat(text(get(dir + a + "-3.0" + classifier + ".jar"))).isEqualTo("file" + classifier);
        }
    }

    @Test
    void putChecksum_mismatchedMissingOrMalformed_refused() throws Exception {
        String a = unique("sums");
        String jarPath = "org/example/" + a + "/2.0/" + a + "-2.0.jar";
        assertThat(put(jarPath + ".sha1", ChecksumAlgorithm.SHA1.of(new byte[1])).statusCode())
                .as("checksum before its file").isEqualTo(404);
        assertThat(put(jarPath, new byte[] {1, 2, 3}).statusCode()).isEqualTo(201);

        HttpResponse<byte[]> mismatch = put(jarPath + ".sha1", ChecksumAlgorithm.SHA1.of(new byte[1]));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(new String(mismatch.body(), StandardCharsets.UTF_8)).contains("does not match");
        assertThat(put(jarPath + ".sha256", "not a checksum").statusCode()).isEqualTo(400);
        assertThat(put(jarPath + ".sha512", ChecksumAlgorithm.SHA512.of(new byte[] {1, 2, 3}).toUpperCase())
                .statusCode()).isEqualTo(201);
    }

    @Test
    void putArtifact_overAReleasedFile_conflictUnlessTheSameBytes() throws Exception {
        String a = unique("fixed");
        String dir = "org/example/" + a + "/1.0/";
        assertThat(put(dir + a + "-1.0.pom", "<project/>".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(201);
        assertThat(put(dir + a + "-1.0.pom", "<project>v2</project>".getBytes(StandardCharsets.UTF_8))
                .statusCode()).as("an unfinished version may change").isEqualTo(201);
        assertThat(put("org/example/" + a + "/maven-metadata.xml", metadata(a, "1.0")).statusCode()).isEqualTo(201);

        assertThat(put(dir + a + "-1.0.pom", "<project>v2</project>".getBytes(StandardCharsets.UTF_8))
                .statusCode()).as("a retry").isEqualTo(200);
        assertThat(put(dir + a + "-1.0.pom", "<project>v3</project>".getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(409);
        assertThat(put(dir + a + "-1.0-sources.jar", new byte[] {9}).statusCode()).as("a new file may be added")
                .isEqualTo(201);
        assertThat(text(get(dir + a + "-1.0.pom"))).isEqualTo("<project>v2</project>");
    }

    @Test
    void deploySnapshot_buildsCompletedByVersionMetadata_newestCompleteBuildServed() throws Exception {
        String a = unique("snap");
        String dir = "org/example/" + a + "/1.0-SNAPSHOT/";
        deployBuild(a, dir, "20261206.101500", 1, true);
        deployBuild(a, dir, "20261206.111500", 2, true);
        deployBuild(a, dir, "20261206.121500", 3, false); // still uploading

        String xml = text(get(dir + "maven-metadata.xml"));
        assertThat(xml).contains("<buildNumber>2</buildNumber>").contains("<timestamp>20261206.111500</timestamp>")
                .contains("<value>1.0-20261206.111500-2</value>").doesNotContain("-3</value>");
        assertThat(MavenMetadataXml.read(get("org/example/" + a + "/maven-metadata.xml").body()).versions())
                .containsExactly("1.0-SNAPSHOT");
        assertThat(text(get(dir + a + "-1.0-20261206.101500-1.jar"))).isEqualTo("build 1");

        HttpResponse<byte[]> early = put(dir + "maven-metadata.xml", snapshotMetadata(a, "20261206.131500", 4));
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(new String(early.body(), StandardCharsets.UTF_8)).contains("has not been uploaded");
    }

    @Test
    void requests_withoutTokenOrPermission_refusedWithMavensChallengeOr403() throws Exception {
        HttpResponse<byte[]> anonymous = http.send(HttpRequest.newBuilder(uri("org/example/x/maven-metadata.xml"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate")).containsExactly("Basic realm=\"team/libs\"");

        HttpResponse<byte[]> denied = send(HttpRequest.newBuilder(uri("org/example/x/1/x-1.pom"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1})), reader);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(new String(denied.body(), StandardCharsets.UTF_8)).contains("codeartifact:PublishPackageVersion");
    }

    @Test
    void requests_notMavenPathsOrMethods_explained() throws Exception {
        HttpResponse<byte[]> notMaven = get("org/example/lib/1.0/other-1.0.jar");
        assertThat(notMaven.statusCode()).isEqualTo(404);
        assertThat(new String(notMaven.body(), StandardCharsets.UTF_8)).contains("does not start with 'lib-'");
        assertThat(put("org/example/lib/1.0/other-1.0.jar", new byte[1]).statusCode()).isEqualTo(400);
        assertThat(rawGet("org/example/lib/1.0/lib-1.0%zz.jar")).startsWith("HTTP/1.1 404")
                .contains("malformed %-escape");
        assertThat(get("org/example/lib/1.0/lib%2D1.0.jar").statusCode()).as("escapes are decoded").isEqualTo(404);
        HttpResponse<byte[]> delete = send(HttpRequest.newBuilder(uri("org/example/lib/1.0/lib-1.0.jar")).DELETE(),
                publisher);
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).contains("GET, HEAD, PUT");
        assertThat(put("org/example/lib/maven-metadata.xml", "<oops>".getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(400);
        assertThat(put("org/example/maven-metadata.xml", ("<metadata><plugins><plugin><prefix>demo</prefix>"
                + "<artifactId>demo-maven-plugin</artifactId></plugin></plugins></metadata>")
                .getBytes(StandardCharsets.UTF_8)).statusCode()).as("group-level plugin metadata").isEqualTo(201);
    }

    private void deployBuild(String a, String dir, String timestamp, int build, boolean complete) throws Exception {
        String base = dir + a + "-1.0-" + timestamp + "-" + build;
        assertThat(put(base + ".jar", ("build " + build).getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(201);
        assertThat(put(base + ".pom", "<project/>".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
        if (complete) {
            assertThat(put(dir + "maven-metadata.xml", snapshotMetadata(a, timestamp, build)).statusCode())
                    .isEqualTo(201);
            assertThat(put(dir + "maven-metadata.xml.sha1", ChecksumAlgorithm.SHA1.of(new byte[0])).statusCode())
                    .isEqualTo(201);
            assertThat(put("org/example/" + a + "/maven-metadata.xml", metadata(a, "1.0-SNAPSHOT")).statusCode())
                    .isEqualTo(201);
        }
    }

    private static byte[] metadata(String artifactId, String version) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><metadata><groupId>org.example</groupId><artifactId>"
                + artifactId + "</artifactId><versioning><versions><version>" + version
                + "</version></versions></versioning></metadata>").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] snapshotMetadata(String artifactId, String timestamp, int build) {
        return ("<metadata modelVersion=\"1.1.0\"><groupId>org.example</groupId><artifactId>" + artifactId
                + "</artifactId><version>1.0-SNAPSHOT</version><versioning><snapshot><timestamp>" + timestamp
                + "</timestamp><buildNumber>" + build + "</buildNumber></snapshot></versioning></metadata>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), publisher);
    }

    /** A GET written by hand, for paths java.net.URI refuses; answers the whole response as text. */
    private String rawGet(String path) throws Exception {
        URI target = uri("");
        String basic = Base64.getEncoder().encodeToString(("aws:" + publisher).getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket(target.getHost(), target.getPort())) {
            socket.getOutputStream().write(("GET " + target.getRawPath() + path + " HTTP/1.1\r\nHost: "
                    + target.getHost() + "\r\nAuthorization: Basic " + basic + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<byte[]> put(String path, String body) throws Exception {
        return put(path, body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> put(String path, byte[] body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofByteArray(body)), publisher);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, String token) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("aws:" + token).getBytes(StandardCharsets.UTF_8));
        return http.send(request.header("Authorization", "Basic " + basic).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create(endpoint + path);
    }

    private AwsCredentials user(String actions) {
        String name = unique("maven-user");
        return PackageUsers.create(iam, name, "{\"Effect\":\"Allow\",\"Action\":["
                + "\"codeartifact:GetAuthorizationToken\"," + actions + "],\"Resource\":\"*\"}");
    }

    private String token(AwsCredentials credentials) {
        try (CodeartifactClient client = server.codeArtifact(credentials)) {
            return client.getAuthorizationToken(r -> r.domain("team").domainOwner(TestServer.ACCOUNT))
                    .authorizationToken();
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }
}
