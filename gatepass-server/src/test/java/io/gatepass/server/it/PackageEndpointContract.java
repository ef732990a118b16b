package io.gatepass.server.it;

import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.testing.PackageUsers;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.GetRepositoryPermissionsPolicyResponse;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iam.IamClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The package endpoints over plain HTTP (no npm): authentication answers, existence hiding, repository permissions
 * policies, npm document shapes, tarball bytes and the upload limit; on H2 with file blobs and on PostgreSQL with
 * database blobs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PackageEndpointContract {
    /** null for the embedded H2 file store (file blobs), or a JDBC URL (PostgreSQL: database blobs). */
    abstract String storeUrl();

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final long MAX_ASSET = 200_000;

    private TestServer server;
    private CodeartifactClient admin;
    private IamClient iam;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String npm;
    private String publisherToken;

    @BeforeAll
    void start(@TempDir Path dir) {
        server = TestServer.start(TestServer.config(storeUrl(), dir, ServerConfig.DEFAULT_MAX_BODY_BYTES)
                .withMaxAssetBytes(MAX_ASSET));
        admin = server.codeArtifact(TestServer.admin());
        iam = server.iam(TestServer.admin());
        admin.createDomain(r -> r.domain("team"));
        admin.createRepository(r -> r.domain("team").repository("libs"));
        npm = admin.getRepositoryEndpoint(r -> r.domain("team").repository("libs").format(PackageFormat.NPM))
                .repositoryEndpoint();
        publisherToken = token(user("codeartifact:*"));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anyRequest_withoutToken_is401WithNpmsChallengeAndTheReason() throws Exception {
        HttpResponse<String> response = get(npm + "some-package", Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .contains("Bearer realm=\"team/libs\", Basic realm=\"team/libs\"");
        assertThat(response.body()).contains("Authentication required");
    }

    @Test
    void mavenAndPypiPaths_withoutToken_challengeWithBasicOnly() throws Exception {
        for (String format : new String[]{"maven", "pypi"}) {
            HttpResponse<String> response = get(npm.replace("/npm/", "/" + format + "/") + "x", Map.of());
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Basic realm=\"team/libs\"");
        }
    }

    @Test
    void forgedOrForeignTokens_are401_andNeverEchoTheToken() throws Exception {
        String forged = publisherToken.substring(0, publisherToken.length() - 3) + "AAA";
        HttpResponse<String> bad = get(npm + "x", Map.of("Authorization", "Bearer " + forged));
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.body()).contains("signature").doesNotContain(forged);

        admin.createDomain(r -> r.domain("other"));
        String otherToken = token("other", user("codeartifact:*"));
        HttpResponse<String> foreign = get(npm + "x", Map.of("Authorization", "Bearer " + otherToken));
        assertThat(foreign.statusCode()).isEqualTo(401);
        assertThat(foreign.body()).contains("issued for domain other");
    }

    @Test
    void expiredToken_is401AndTheBodySaysWhenItExpired() throws Exception {
        String shortToken;
        java.time.Instant expiry;
        try (CodeartifactClient client = server.codeArtifact(user("codeartifact:*"))) {
            var issued = client.getAuthorizationToken(r -> r.domain("team").durationSeconds(900L));
            shortToken = issued.authorizationToken();
            expiry = issued.expiration();
        }
        server.clock().advance(Duration.ofSeconds(901));
        HttpResponse<String> response;
        try {
            response = get(npm + "-/ping", Map.of("Authorization", "Bearer " + shortToken));
        } finally {
            server.clock().advance(Duration.ofSeconds(-901));
        }

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("expired at " + expiry).doesNotContain(shortToken);
    }

    @Test
    void unknownRepositoryOrFormat_withAValidToken_are404Json_butWithoutAToken401() throws Exception {
        String missingRepo = npm.replace("/libs/", "/nothing-here/");
        assertThat(get(missingRepo + "x", Map.of()).statusCode()).isEqualTo(401);
        HttpResponse<String> missing = get(missingRepo + "x", bearer());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"error\"").contains("nothing-here");

        HttpResponse<String> nuget = get(npm.replace("/npm/", "/nuget/") + "x", bearer());
        assertThat(nuget.statusCode()).isEqualTo(404);
        assertThat(nuget.body()).contains("nuget");
    }

    @Test
    void basicAuth_withAnyUserAndTheTokenAsPassword_isAccepted() throws Exception {
        String basic = Base64.getEncoder().encodeToString(("aws:" + publisherToken).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> ping = get(npm + "-/ping?write=true", Map.of("Authorization", "Basic " + basic));

        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.body()).isEqualTo("{}");
    }

    @Test
    void publishedTarball_isServedByteForByteWithContentLength_andPackumentsHaveTheRightShape() throws Exception {
        String name = unique("shape");
        byte[] tarball = new byte[150_000];
        new Random(7).nextBytes(tarball);
        HttpResponse<String> put = publish(name, "1.0.0", tarball, null);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);

        HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(npm + name + "/-/" + name
                + "-1.0.0.tgz")).header("Authorization", "Bearer " + publisherToken)
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(tarball);
        assertThat(file.headers().firstValue("Content-Length")).contains(Integer.toString(tarball.length));
        assertThat(file.headers().firstValue("Content-Encoding")).isEmpty();
        HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(URI.create(npm + name + "/-/" + name
                + "-1.0.0.tgz")).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + publisherToken).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).contains(Integer.toString(tarball.length));
        assertThat(head.body()).isEmpty();

        HttpResponse<String> full = get(npm + name, bearer());
        assertThat(full.body()).contains("\"readme\":\"# hello\"").contains("\"dist-tags\":{\"latest\":\"1.0.0\"}")
                .contains("\"tarball\":\"" + npm + name + "/-/" + name + "-1.0.0.tgz\"");
        HttpResponse<String> corgi = get(npm + name, Map.of("Authorization", "Bearer " + publisherToken,
                "Accept", "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*"));
        assertThat(corgi.headers().firstValue("Content-Type")).contains("application/vnd.npm.install-v1+json");
        assertThat(corgi.body()).contains("\"integrity\":\"sha512-").doesNotContain("readme").doesNotContain("_id");

        HttpResponse<String> missing = get(npm + name + "/-/" + name + "-9.9.9.tgz", bearer());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).startsWith("{\"error\":");
    }

    @Test
    void publish_whenDigestsDoNotMatchTheTarball_isRefusedWith400() throws Exception {
        String name = unique("digest");
        HttpResponse<String> badSha1 = publish(name, "1.0.0", new byte[]{1, 2, 3}, "0".repeat(40));

        assertThat(badSha1.statusCode()).isEqualTo(400);
        assertThat(badSha1.body()).contains("SHA-1");
        assertThat(get(npm + name, bearer()).statusCode()).isEqualTo(404);
    }

    @Test
    void upload_overTheAssetLimit_is413AndStoresNothing() throws Exception {
        String name = unique("huge");
        HttpResponse<String> tarballTooLarge = publish(name, "1.0.0", new byte[(int) MAX_ASSET + 1], null);
        HttpResponse<String> bodyTooLarge = publish(name, "1.0.0", new byte[20_000_000], null);

        assertThat(tarballTooLarge.statusCode()).isEqualTo(413);
        assertThat(tarballTooLarge.body()).contains("larger than the limit of " + MAX_ASSET);
        assertThat(bodyTooLarge.statusCode()).isEqualTo(413);
        assertThat(get(npm + name, bearer()).statusCode()).isEqualTo(404);
    }

    @Test
    void repositoryPolicy_whenItAllowsReading_letsATokenWithoutIdentityPermissionRead_andItsRemovalTakesEffect()
            throws Exception {
        AwsCredentials tokenOnly = user("codeartifact:GetAuthorizationToken");
        String token = token(tokenOnly);
        String arn = iam.listUsers().users().stream().map(u -> u.arn()).filter(a -> a.endsWith(lastUser))
                .findFirst().orElseThrow();
        assertThat(get(npm + "-/package/x/dist-tags", Map.of("Authorization", "Bearer " + token)).statusCode())
                .isEqualTo(403);

        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + arn + "\"},\"Action\":\"codeartifact:ReadFromRepository\",\"Resource\":\"*\"}]}";
        admin.putRepositoryPermissionsPolicy(r -> r.domain("team").repository("libs").policyDocument(policy));
        GetRepositoryPermissionsPolicyResponse stored = admin.getRepositoryPermissionsPolicy(r -> r.domain("team")
                .repository("libs"));
        assertThat(stored.policy().document()).isEqualTo(policy);
        assertThat(stored.policy().resourceArn()).endsWith(":repository/team/libs");
        server.clock().advance(Duration.ofSeconds(2));
        HttpResponse<String> allowed = get(npm + "-/package/x/dist-tags", Map.of("Authorization", "Bearer " + token));
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(404);

        admin.deleteRepositoryPermissionsPolicy(r -> r.domain("team").repository("libs"));
        server.clock().advance(Duration.ofSeconds(2));
        assertThat(get(npm + "-/package/x/dist-tags", Map.of("Authorization", "Bearer " + token)).statusCode())
                .isEqualTo(403);
        assertThatThrownBy(() -> admin.getRepositoryPermissionsPolicy(r -> r.domain("team").repository("libs")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void packument_servedFromMemory_showsAPublishOrTagChangeOnThisNodeAtOnce() throws Exception {
        String name = unique("fresh");
        Map<String, String> corgi = Map.of("Authorization", "Bearer " + publisherToken,
                "Accept", "application/vnd.npm.install-v1+json");
        assertThat(publish(name, "1.0.0", new byte[]{1}, null).statusCode()).isEqualTo(201);
        for (int i = 0; i < 3; i++) { // the later GETs are answered from the rendered copy
            assertThat(get(npm + name, corgi).body()).contains("\"1.0.0\"").doesNotContain("\"1.0.1\"");
            assertThat(get(npm + name, bearer()).body()).contains("\"readme\":\"# hello\"");
        }

        assertThat(publish(name, "1.0.1", new byte[]{2}, null).statusCode()).isEqualTo(201);
        assertThat(get(npm + name, corgi).body()).contains("\"1.0.1\"")
                .contains("\"dist-tags\":{\"latest\":\"1.0.1\"}");
        assertThat(get(npm + name, bearer()).body()).contains("\"1.0.1\"");

        HttpResponse<String> tagged = http.send(HttpRequest.newBuilder(URI.create(npm + "-/package/" + name
                        + "/dist-tags/stable")).PUT(HttpRequest.BodyPublishers.ofString("\"1.0.0\""))
                .header("Authorization", "Bearer " + publisherToken).header("Content-Type", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tagged.statusCode()).as(tagged.body()).isEqualTo(201);
        assertThat(get(npm + name, corgi).body()).contains("\"stable\":\"1.0.0\"");
    }

    @Test
    void packument_servedFromMemory_isRefusedOnceTheReadersPermissionIsGone() throws Exception {
        String name = unique("revoked");
        assertThat(publish(name, "1.0.0", new byte[]{1}, null).statusCode()).isEqualTo(201);
        AwsCredentials tokenOnly = user("codeartifact:GetAuthorizationToken");
        String token = token(tokenOnly);
        String arn = iam.listUsers().users().stream().map(u -> u.arn()).filter(a -> a.endsWith(lastUser))
                .findFirst().orElseThrow();
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + arn + "\"},\"Action\":\"codeartifact:ReadFromRepository\",\"Resource\":\"*\"}]}";
        admin.putRepositoryPermissionsPolicy(r -> r.domain("team").repository("libs").policyDocument(policy));
        server.clock().advance(Duration.ofSeconds(2));
        Map<String, String> reader = Map.of("Authorization", "Bearer " + token);
        assertThat(get(npm + name, reader).statusCode()).isEqualTo(200);
        assertThat(get(npm + name, reader).statusCode()).isEqualTo(200); // from memory

        admin.deleteRepositoryPermissionsPolicy(r -> r.domain("team").repository("libs"));
        server.clock().advance(Duration.ofMillis(1_001));

        HttpResponse<String> refused = get(npm + name, reader);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("1.0.0");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String lastUser;

    private AwsCredentials user(String action) {
        String name = unique("pkg-user");
        lastUser = name;
        return PackageUsers.create(iam, name, PackageUsers.allow(action));
    }

    private String token(AwsCredentials credentials) {
        return token("team", credentials);
    }

    private String token(String domain, AwsCredentials credentials) {
        try (CodeartifactClient client = server.codeArtifact(credentials)) {
            return client.getAuthorizationToken(r -> r.domain(domain)).authorizationToken();
        }
    }

    private Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer " + publisherToken);
    }

    private HttpResponse<String> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What npm publish sends; {@code shasum} null for the right one. */
    private HttpResponse<String> publish(String name, String version, byte[] tarball, String shasum) throws Exception {
        String sha1 = shasum != null ? shasum : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(tarball));
        String integrity = "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512")
                .digest(tarball));
        String body = "{\"_id\":\"" + name + "\",\"name\":\"" + name + "\",\"dist-tags\":{\"latest\":\"" + version
                + "\"},\"versions\":{\"" + version + "\":{\"name\":\"" + name + "\",\"version\":\"" + version
                + "\",\"readme\":\"# hello\",\"dist\":{\"shasum\":\"" + sha1 + "\",\"integrity\":\"" + integrity
                + "\",\"tarball\":\"http://elsewhere/x.tgz\"}}},\"_attachments\":{\"" + name + "-" + version
                + ".tgz\":{\"content_type\":\"application/octet-stream\",\"data\":\""
                + Base64.getEncoder().encodeToString(tarball) + "\",\"length\":" + tarball.length + "}}}";
        return http.send(HttpRequest.newBuilder(URI.create(npm + name)).PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + publisherToken).header("Content-Type", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + (System.nanoTime() / 1000 % 100_000);
    }
}
