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
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.DeletePackageVersionsResponse;
import software.amazon.awssdk.services.codeartifact.model.DisposePackageVersionsResponse;
import software.amazon.awssdk.services.codeartifact.model.GetPackageVersionAssetResponse;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionErrorCode;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;
import software.amazon.awssdk.services.codeartifact.model.PublishPackageVersionResponse;
import software.amazon.awssdk.services.codeartifact.model.UpdatePackageVersionsStatusResponse;
import software.amazon.awssdk.services.iam.IamClient;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.gatepass.server.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The package write APIs through the AWS SDK for Java v2 against a real server, on packages published through the
 * real npm and PyPI endpoints with plain HTTP; what the package managers see afterwards is read back from those
 * endpoints. On H2 with file blobs and on PostgreSQL with database blobs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PackageWriteApiContract {
    /** null for the embedded H2 file store (file blobs), or a JDBC URL (PostgreSQL: database blobs). */
    abstract String storeUrl();

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final String BOUNDARY = "b0undary5e9c1e0a8b2d4c6e";

    private TestServer server;
    private CodeartifactClient admin;
    private IamClient iam;
    private Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String npm;
    private String pypi;
    private String token;

    @BeforeAll
    void start(@TempDir Path dir) {
        dataDir = dir;
        server = TestServer.start(TestServer.config(storeUrl(), dir, ServerConfig.DEFAULT_MAX_BODY_BYTES));
        admin = server.codeArtifact(TestServer.admin());
        iam = server.iam(TestServer.admin());
        admin.createDomain(r -> r.domain("team"));
        admin.createRepository(r -> r.domain("team").repository("libs"));
        npm = admin.getRepositoryEndpoint(r -> r.domain("team").repository("libs").format(PackageFormat.NPM))
                .repositoryEndpoint();
        pypi = admin.getRepositoryEndpoint(r -> r.domain("team").repository("libs").format(PackageFormat.PYPI))
                .repositoryEndpoint();
        token = admin.getAuthorizationToken(r -> r.domain("team")).authorizationToken();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    // ------------------------------------------------------------------------------ UpdatePackageVersionsStatus

    @Test
    void updateStatus_unlistedAndArchived_disappearFromThePackumentAtOnce_andPublishedBringsThemBack()
            throws Exception {
        String name = unique("status");
        publishNpm(name, "1.0.0");
        publishNpm(name, "2.0.0");
        publishNpm(name, "3.0.0");

        UpdatePackageVersionsStatusResponse unlisted = update(name, PackageVersionStatus.UNLISTED, "1.0.0");
        UpdatePackageVersionsStatusResponse archived = update(name, PackageVersionStatus.ARCHIVED, "2.0.0");

        assertThat(unlisted.successfulVersions().get("1.0.0").status()).isEqualTo(PackageVersionStatus.UNLISTED);
        assertThat(unlisted.successfulVersions().get("1.0.0").revision()).isNotBlank();
        assertThat(unlisted.failedVersions()).isEmpty();
        assertThat(archived.successfulVersions().get("2.0.0").status()).isEqualTo(PackageVersionStatus.ARCHIVED);
        String packument = get(npm + name).body();
        assertThat(packument).contains("\"3.0.0\"").doesNotContain("\"1.0.0\"").doesNotContain("\"2.0.0\"");
        assertThat(get(npm + name + "/-/" + name + "-1.0.0.tgz").statusCode()).isEqualTo(200);
        assertThat(get(npm + name + "/-/" + name + "-2.0.0.tgz").statusCode()).isEqualTo(404);

        UpdatePackageVersionsStatusResponse back = update(name, PackageVersionStatus.PUBLISHED, "1.0.0", "2.0.0");
        assertThat(back.successfulVersions()).containsOnlyKeys("1.0.0", "2.0.0");
        assertThat(get(npm + name).body()).contains("\"1.0.0\"").contains("\"2.0.0\"");
    }

    @Test
    void updateStatus_unlistedPypiVersion_isListedAsYanked() throws Exception {
        String project = unique("yank");
        assertThat(uploadPypi(project, "1.0").statusCode()).isEqualTo(200);

        admin.updatePackageVersionsStatus(r -> r.domain("team").repository("libs").format(PackageFormat.PYPI)
                .packageValue(project.toUpperCase()).versions("1.0").targetStatus(PackageVersionStatus.UNLISTED));

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(pypi + "simple/" + project + "/"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/vnd.pypi.simple.v1+json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("\"yanked\"").doesNotContain("\"yanked\":false");
    }

    @Test
    void updateStatus_reportsEachFailingVersionWithItsErrorCode_andUpdatesTheOthers() throws Exception {
        String name = unique("failures");
        publishNpm(name, "1.0.0");
        publishNpm(name, "2.0.0");
        publishNpm(name, "3.0.0");
        publishNpm(name, "4.0.0");
        admin.disposePackageVersions(r -> r.domain("team").repository("libs").format(PackageFormat.NPM)
                .packageValue(name).versions("4.0.0"));

        UpdatePackageVersionsStatusResponse revision = admin.updatePackageVersionsStatus(r -> r.domain("team")
                .repository("libs").format(PackageFormat.NPM).packageValue(name).versions("1.0.0", "2.0.0")
                .versionRevisions(Map.of("1.0.0", "not-the-revision")).targetStatus(PackageVersionStatus.ARCHIVED));
        UpdatePackageVersionsStatusResponse status = admin.updatePackageVersionsStatus(r -> r.domain("team")
                .repository("libs").format(PackageFormat.NPM).packageValue(name).versions("3.0.0", "4.0.0", "9.9.9")
                .expectedStatus(PackageVersionStatus.UNLISTED).targetStatus(PackageVersionStatus.ARCHIVED));
        UpdatePackageVersionsStatusResponse disposed = update(name, PackageVersionStatus.PUBLISHED, "4.0.0");

        assertThat(revision.failedVersions().get("1.0.0").errorCode())
                .isEqualTo(PackageVersionErrorCode.MISMATCHED_REVISION);
        assertThat(revision.successfulVersions()).containsOnlyKeys("2.0.0");
        assertThat(status.failedVersions().get("3.0.0").errorCode())
                .isEqualTo(PackageVersionErrorCode.MISMATCHED_STATUS);
        assertThat(status.failedVersions().get("3.0.0").errorMessage()).contains("Published");
        assertThat(status.failedVersions().get("9.9.9").errorCode()).isEqualTo(PackageVersionErrorCode.NOT_FOUND);
        assertThat(status.successfulVersions()).isEmpty();
        assertThat(disposed.failedVersions().get("4.0.0").errorCode()).isEqualTo(PackageVersionErrorCode.NOT_ALLOWED);
        assertThat(get(npm + name).body()).contains("\"1.0.0\"").contains("\"3.0.0\"").doesNotContain("\"2.0.0\"");
    }

    @Test
    void updateStatus_withTheRightRevision_appliesAndGivesANewRevision() throws Exception {
        String name = unique("revision");
        publishNpm(name, "1.0.0");
        String first = update(name, PackageVersionStatus.UNLISTED, "1.0.0").successfulVersions().get("1.0.0")
                .revision();

        UpdatePackageVersionsStatusResponse second = admin.updatePackageVersionsStatus(r -> r.domain("team")
                .repository("libs").format(PackageFormat.NPM).packageValue(name).versions("1.0.0")
                .versionRevisions(Map.of("1.0.0", first)).expectedStatus(PackageVersionStatus.UNLISTED)
                .targetStatus(PackageVersionStatus.PUBLISHED));

        assertThat(second.successfulVersions().get("1.0.0").status()).isEqualTo(PackageVersionStatus.PUBLISHED);
        assertThat(second.successfulVersions().get("1.0.0").revision()).isNotEqualTo(first);
    }

    @Test
    void updateStatus_invalidRequests_areValidationExceptions() throws Exception {
        String name = unique("invalid");
        publishNpm(name, "1.0.0");

        assertAwsError(() -> update(name, PackageVersionStatus.DISPOSED, "1.0.0"), "ValidationException", 400,
                "DisposePackageVersions");
        assertAwsError(() -> admin.updatePackageVersionsStatus(r -> r.domain("team").repository("libs")
                        .format(PackageFormat.NPM).packageValue(name).versions("1.0.0")
                        .versionRevisions(Map.of("2.0.0", "x")).targetStatus(PackageVersionStatus.ARCHIVED)),
                "ValidationException", 400, "not in versions");
        assertAwsError(() -> admin.updatePackageVersionsStatus(r -> r.domain("team").repository("libs")
                        .format(PackageFormat.MAVEN).packageValue("lib").versions("1.0")
                        .targetStatus(PackageVersionStatus.ARCHIVED)),
                "ValidationException", 400, "namespace is required");
        assertAwsError(() -> admin.updatePackageVersionsStatus(r -> r.domain("team").repository("libs")
                        .format(PackageFormat.PYPI).namespace("ns").packageValue("lib").versions("1.0")
                        .targetStatus(PackageVersionStatus.ARCHIVED)),
                "ValidationException", 400, "no namespace");
        assertAwsError(() -> admin.updatePackageVersionsStatus(r -> r.domain("team").repository("libs")
                        .format(PackageFormat.NPM).packageValue(name).versions("1 0")
                        .targetStatus(PackageVersionStatus.ARCHIVED)),
                "ValidationException", 400, "versions");
        assertAwsError(() -> admin.updatePackageVersionsStatus(r -> r.domain("team").repository("libs")
                        .format(PackageFormat.NPM).packageValue(name).versions("1.0.0")),
                "ValidationException", 400, "targetStatus");
        assertAwsError(() -> admin.deletePackageVersions(r -> r.domain("team").repository("libs")
                        .format("tarball").packageValue(name).versions("1.0.0")),
                "ValidationException", 400, "format");
        assertAwsError(() -> admin.deletePackageVersions(r -> r.domain("team").repository("libs")
                        .format(PackageFormat.NPM).packageValue(name).versions(java.util.stream.IntStream
                                .range(0, 101).mapToObj(i -> "1.0." + i).toList())),
                "ValidationException", 400, "at most 100");
        assertAwsError(() -> admin.deletePackage(r -> r.domain("team").repository("libs")
                        .format(PackageFormat.NPM).packageValue("has space")),
                "ValidationException", 400, "package");
    }

    @Test
    void writeApis_onMissingDomainRepositoryOrPackage_areResourceNotFound() {
        assertAwsError(() -> admin.updatePackageVersionsStatus(r -> r.domain("nowhere").repository("libs")
                        .format(PackageFormat.NPM).packageValue("x").versions("1.0.0")
                        .targetStatus(PackageVersionStatus.ARCHIVED)),
                "ResourceNotFoundException", 404, "Domain nowhere");
        assertAwsError(() -> admin.deletePackageVersions(r -> r.domain("team").repository("nothing")
                        .format(PackageFormat.NPM).packageValue("x").versions("1.0.0")),
                "ResourceNotFoundException", 404, "Repository nothing");
        assertAwsError(() -> admin.disposePackageVersions(r -> r.domain("team").repository("libs")
                        .format(PackageFormat.NPM).packageValue("never-published").versions("1.0.0")),
                "ResourceNotFoundException", 404, "never-published");
        assertAwsError(() -> admin.deletePackage(r -> r.domain("team").repository("libs")
                        .format(PackageFormat.NPM).packageValue("never-published")),
                "ResourceNotFoundException", 404, "never-published");
    }

    @Test
    void writeApis_needTheirOwnPermissionOnThePackage_whichARepositoryPolicyCanGrant() throws Exception {
        String name = unique("perm");
        publishNpm(name, "1.0.0");
        String user = unique("reader");
        AwsCredentials reader = user(user, "codeartifact:ReadFromRepository");
        String arn = iam.getUser(r -> r.userName(user)).user().arn();
        try (CodeartifactClient client = server.codeArtifact(reader)) {
            assertAwsError(() -> client.updatePackageVersionsStatus(r -> r.domain("team").domainOwner(
                            TestServer.ACCOUNT).repository("libs").format(PackageFormat.NPM).packageValue(name)
                            .versions("1.0.0").targetStatus(PackageVersionStatus.ARCHIVED)),
                    "AccessDeniedException", 403, "codeartifact:UpdatePackageVersionsStatus");
            assertAwsError(() -> client.deletePackage(r -> r.domain("team").repository("libs")
                            .format(PackageFormat.NPM).packageValue(name)),
                    "AccessDeniedException", 403, ":package/team/libs/npm//" + name);

            admin.putRepositoryPermissionsPolicy(r -> r.domain("team").repository("libs").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                            + arn + "\"},\"Action\":\"codeartifact:UpdatePackageVersionsStatus\",\"Resource\":\"*\"}]}"));
            try {
                UpdatePackageVersionsStatusResponse allowed = client.updatePackageVersionsStatus(r -> r
                        .domain("team").repository("libs").format(PackageFormat.NPM).packageValue(name)
                        .versions("1.0.0").targetStatus(PackageVersionStatus.ARCHIVED));
                assertThat(allowed.successfulVersions()).containsOnlyKeys("1.0.0");
                assertAwsError(() -> client.deletePackage(r -> r.domain("team").repository("libs")
                                .format(PackageFormat.NPM).packageValue(name)),
                        "AccessDeniedException", 403, "codeartifact:DeletePackage");
            } finally {
                admin.deleteRepositoryPermissionsPolicy(r -> r.domain("team").repository("libs"));
            }
        }
    }

    // -------------------------------------------------------------------- DeletePackageVersions, Dispose, Delete

    @Test
    void deleteVersions_removesThemFromTheEndpoints_andReportsMissingOrMismatchedOnes() throws Exception {
        String name = unique("delete");
        publishNpm(name, "1.0.0");
        publishNpm(name, "2.0.0");
        publishNpm(name, "3.0.0");

        DeletePackageVersionsResponse deleted = admin.deletePackageVersions(r -> r.domain("team").repository("libs")
                .format(PackageFormat.NPM).packageValue(name).versions("1.0.0", "2.0.0", "7.0.0")
                .expectedStatus(PackageVersionStatus.PUBLISHED));
        update(name, PackageVersionStatus.UNLISTED, "3.0.0");
        DeletePackageVersionsResponse mismatched = admin.deletePackageVersions(r -> r.domain("team")
                .repository("libs").format(PackageFormat.NPM).packageValue(name).versions("3.0.0")
                .expectedStatus(PackageVersionStatus.PUBLISHED));

        assertThat(deleted.successfulVersions()).containsOnlyKeys("1.0.0", "2.0.0");
        assertThat(deleted.successfulVersions().get("1.0.0").status()).isEqualTo(PackageVersionStatus.DELETED);
        assertThat(deleted.failedVersions().get("7.0.0").errorCode()).isEqualTo(PackageVersionErrorCode.NOT_FOUND);
        assertThat(mismatched.failedVersions().get("3.0.0").errorCode())
                .isEqualTo(PackageVersionErrorCode.MISMATCHED_STATUS);
        assertThat(get(npm + name + "/-/" + name + "-1.0.0.tgz").statusCode()).isEqualTo(404);
        assertThat(get(npm + name + "/-/" + name + "-3.0.0.tgz").statusCode()).isEqualTo(200);
    }

    @Test
    void disposeVersions_removesTheAssetsAndTheirBytes_keepsTheVersionDisposed_andSkipsDisposedOnes()
            throws Exception {
        String name = unique("dispose");
        byte[] tarball = publishNpm(name, "1.0.0");
        publishNpm(name, "2.0.0");
        String blobKey = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tarball));

        DisposePackageVersionsResponse disposed = admin.disposePackageVersions(r -> r.domain("team")
                .repository("libs").format(PackageFormat.NPM).packageValue(name).versions("1.0.0"));
        DisposePackageVersionsResponse again = admin.disposePackageVersions(r -> r.domain("team")
                .repository("libs").format(PackageFormat.NPM).packageValue(name).versions("1.0.0", "2.0.0")
                .versionRevisions(Map.of("2.0.0", "stale")));

        assertThat(disposed.successfulVersions().get("1.0.0").status()).isEqualTo(PackageVersionStatus.DISPOSED);
        assertThat(again.failedVersions().get("1.0.0").errorCode()).isEqualTo(PackageVersionErrorCode.SKIPPED);
        assertThat(again.failedVersions().get("2.0.0").errorCode())
                .isEqualTo(PackageVersionErrorCode.MISMATCHED_REVISION);
        assertThat(get(npm + name + "/-/" + name + "-1.0.0.tgz").statusCode()).isEqualTo(404);
        assertThat(get(npm + name).body()).doesNotContain("\"1.0.0\"").contains("\"2.0.0\"");
        assertThat(blobExists(blobKey)).isFalse();
    }

    @Test
    void deletePackage_removesEveryVersion_andSaysWhatItDeleted() throws Exception {
        String name = unique("gone");
        publishNpm(name, "1.0.0");
        publishNpm(name, "2.0.0");

        var deleted = admin.deletePackage(r -> r.domain("team").repository("libs").format(PackageFormat.NPM)
                .packageValue(name)).deletedPackage();

        assertThat(deleted.format()).isEqualTo(PackageFormat.NPM);
        assertThat(deleted.packageValue()).isEqualTo(name);
        assertThat(deleted.namespace()).isNull();
        assertThat(deleted.originConfiguration().restrictions().publishAsString()).isEqualTo("ALLOW");
        assertThat(get(npm + name).statusCode()).isEqualTo(404);
        assertThat(get(npm + name + "/-/" + name + "-2.0.0.tgz").statusCode()).isEqualTo(404);
        assertThat(publishNpmStatus(name, "1.0.0")).isEqualTo(201);
    }

    // --------------------------------------------------------------------------------- PublishPackageVersion

    @Test
    void publishGeneric_storesTheAssetWithItsHashes_andUnfinishedVersionsTakeMoreAssets() throws Exception {
        byte[] first = bytes(5000, 1);
        byte[] second = bytes(70_000, 2);

        PublishPackageVersionResponse one = publishGeneric("tools", "cli", "1.0.0", "cli.tar.gz", first, true);
        PublishPackageVersionResponse two = publishGeneric("tools", "cli", "1.0.0", "cli.zip", second, false);

        assertThat(one.statusAsString()).isEqualTo("Unfinished");
        assertThat(one.formatAsString()).isEqualTo("generic");
        assertThat(one.namespace()).isEqualTo("tools");
        assertThat(one.packageValue()).isEqualTo("cli");
        assertThat(one.version()).isEqualTo("1.0.0");
        assertThat(one.asset().name()).isEqualTo("cli.tar.gz");
        assertThat(one.asset().size()).isEqualTo(5000L);
        assertThat(one.asset().hashesAsStrings()).containsEntry("SHA-256", sha256(first))
                .containsEntry("SHA-1", hex("SHA-1", first)).containsEntry("MD5", hex("MD5", first))
                .containsEntry("SHA-512", hex("SHA-512", first));
        assertThat(two.statusAsString()).isEqualTo("Published");
        assertThat(two.versionRevision()).isNotEqualTo(one.versionRevision());
        assertThat(blobExists(sha256(second))).isTrue();

        assertAwsError(() -> publishGeneric("tools", "cli", "1.0.0", "more.txt", bytes(10, 3), false),
                "ConflictException", 409, "already exists");
        var status = admin.updatePackageVersionsStatus(r -> r.domain("team").repository("libs")
                .format(PackageFormat.GENERIC).namespace("tools").packageValue("cli").versions("1.0.0")
                .targetStatus(PackageVersionStatus.ARCHIVED));
        assertThat(status.successfulVersions()).containsOnlyKeys("1.0.0");
    }

    @Test
    void publishGeneric_sameAssetTwiceInAnUnfinishedVersion_isAConflict() {
        publishGeneric("tools", "twice", "0.1", "a.bin", bytes(10, 4), true);

        assertAwsError(() -> publishGeneric("tools", "twice", "0.1", "a.bin", bytes(12, 5), true),
                "ConflictException", 409, "already has an asset named a.bin");
    }

    @Test
    void publish_ofOtherFormatsOrWithoutNamespace_isAValidationException() {
        byte[] content = bytes(10, 6);
        assertAwsError(() -> admin.publishPackageVersion(r -> r.domain("team").repository("libs")
                        .format(PackageFormat.NPM).packageValue("lib").packageVersion("1.0.0").assetName("lib.tgz")
                        .assetSHA256(sha256(content)), RequestBody.fromBytes(content)),
                "ValidationException", 400, "generic packages only");
        assertAwsError(() -> admin.publishPackageVersion(r -> r.domain("team").repository("libs")
                        .format(PackageFormat.GENERIC).packageValue("lib").packageVersion("1.0.0")
                        .assetName("lib.tgz").assetSHA256(sha256(content)), RequestBody.fromBytes(content)),
                "ValidationException", 400, "namespace is required");
    }

    @Test
    void publish_whenTheShaDoesNotMatchTheContent_isRefusedAndStoresNothing() throws Exception {
        byte[] content = bytes(100, 7);
        String wrong = sha256(bytes(100, 8));

        // assetSHA256 travels in x-amz-content-sha256, which SigV4 signs: the SDK's signer puts the payload's hash
        // there, and a signed header naming another hash is refused before the operation runs.
        HttpResponse<String> refused = signedPublish("/v1/package/version/publish?domain=team&repository=libs"
                + "&format=generic&namespace=tools&package=badsha&version=1.0&asset=x.bin", content, wrong);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("x-amz-content-sha256");
        assertThat(blobExists(sha256(content))).isFalse();
        assertAwsError(() -> admin.deletePackage(r -> r.domain("team").repository("libs")
                        .format(PackageFormat.GENERIC).namespace("tools").packageValue("badsha")),
                "ResourceNotFoundException", 404, "badsha");
    }

    @Test
    void publish_whenAnUnsignedAssetShaDoesNotMatchTheContent_isAValidationException() throws Exception {
        byte[] content = bytes(100, 10);
        String wrong = sha256(bytes(100, 11));

        HttpResponse<String> refused = signedWithoutContentSha("asset=x.bin&domain=team&format=generic"
                + "&namespace=tools&package=unsignedsha&repository=libs&version=1.0", content, wrong);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("x-amzn-ErrorType")).contains("ValidationException");
        assertThat(refused.body()).contains("does not match the SHA-256 of the asset content");
        assertThat(blobExists(sha256(content))).isFalse();
    }

    @Test
    void publish_ofAnAssetLargerThanTheApiBodyLimit_streamsAndReadsBackTheSameBytes() {
        byte[] content = bytes(5 * 1024 * 1024 + 17, 9);

        PublishPackageVersionResponse published = publishGeneric("tools", "big", "1.0", "big.bin", content, false);
        ResponseBytes<GetPackageVersionAssetResponse> read = admin.getPackageVersionAsset(r -> r.domain("team")
                .repository("libs").format(PackageFormat.GENERIC).namespace("tools").packageValue("big")
                .packageVersion("1.0").asset("big.bin"), ResponseTransformer.toBytes());

        assertThat(published.asset().size()).isEqualTo(content.length);
        assertThat(published.asset().hashesAsStrings()).containsEntry("SHA-256", sha256(content));
        assertThat(sha256(read.asByteArray())).isEqualTo(sha256(content));
        assertThat(read.response().assetName()).isEqualTo("big.bin");
        assertThat(read.response().packageVersionRevision()).isEqualTo(published.versionRevision());
    }

    @Test
    void publish_overHttpsWithTheSdk_storesTheAsset_andReadsItBack() throws Exception {
        byte[] content = bytes(3 * 1024 * 1024 + 5, 12);
        javax.net.ssl.TrustManager[] trust = TlsListenerTest.trusting(TlsListenerTest.certificate(
                server.server().tlsCertificatePath()));
        try (CodeartifactClient https = CodeartifactClient.builder()
                .endpointOverride(URI.create(server.server().tlsEndpoint()))
                .region(software.amazon.awssdk.regions.Region.of(TestServer.REGION))
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        TestServer.admin()))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder()
                        .tlsTrustManagersProvider(() -> trust).build())
                .build()) {
            PublishPackageVersionResponse published = https.publishPackageVersion(r -> r.domain("team")
                    .repository("libs").format(PackageFormat.GENERIC).namespace("tools").packageValue("tls")
                    .packageVersion("1.0").assetName("tls.bin").assetSHA256(sha256(content)),
                    RequestBody.fromBytes(content));
            ResponseBytes<GetPackageVersionAssetResponse> read = https.getPackageVersionAsset(r -> r.domain("team")
                    .repository("libs").format(PackageFormat.GENERIC).namespace("tools").packageValue("tls")
                    .packageVersion("1.0").asset("tls.bin"), ResponseTransformer.toBytes());

            assertThat(published.asset().hashesAsStrings()).containsEntry("SHA-256", sha256(content));
            assertThat(read.asByteArray()).isEqualTo(content);
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers


    private UpdatePackageVersionsStatusResponse update(String name, PackageVersionStatus target, String... versions) {
        return admin.updatePackageVersionsStatus(r -> r.domain("team").repository("libs").format(PackageFormat.NPM)
                .packageValue(name).versions(versions).targetStatus(target));
    }

    private PublishPackageVersionResponse publishGeneric(String namespace, String name, String version,
                                                         String asset, byte[] content, boolean unfinished) {
        return admin.publishPackageVersion(r -> r.domain("team").repository("libs").format(PackageFormat.GENERIC)
                .namespace(namespace).packageValue(name).packageVersion(version).assetName(asset)
                .assetSHA256(sha256(content)).unfinished(unfinished ? Boolean.TRUE : null),
                RequestBody.fromBytes(content));
    }

    /** Signs a POST with the SDK's signer, then replaces x-amz-content-sha256 with the given value. */
    private HttpResponse<String> signedPublish(String pathAndQuery, byte[] body, String contentSha256)
            throws Exception {
        URI uri = server.endpoint().resolve(pathAndQuery);
        AwsCredentials admin = TestServer.admin();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(AwsCredentialsIdentity.create(
                        admin.accessKeyId(), admin.secretAccessKey()))
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                        .putHeader("Content-Type", "application/octet-stream").build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "codeartifact")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, server.clock()));
        HttpRequest.Builder out = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.request().headers().forEach((name, values) -> {
            if (!List.of("host", "content-length", "x-amz-content-sha256").contains(name.toLowerCase())) {
                values.forEach(v -> out.header(name, v));
            }
        });
        out.header("x-amz-content-sha256", contentSha256);
        return http.send(out.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A SigV4 request (signed headers host and x-amz-date only, as SigV4 allows) to PublishPackageVersion carrying
     * {@code assetSha256} in the unsigned x-amz-content-sha256 header. {@code canonicalQuery} is sorted and needs no
     * encoding.
     */
    private HttpResponse<String> signedWithoutContentSha(String canonicalQuery, byte[] body, String assetSha256)
            throws Exception {
        String path = "/v1/package/version/publish";
        URI uri = server.endpoint().resolve(path + "?" + canonicalQuery);
        String host = uri.getHost() + ":" + uri.getPort();
        java.time.ZonedDateTime now = server.clock().instant().atZone(java.time.ZoneOffset.UTC);
        String amzDate = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(now);
        String date = amzDate.substring(0, 8);
        String scope = date + "/" + TestServer.REGION + "/codeartifact/aws4_request";
        String canonical = "POST\n" + path + "\n" + canonicalQuery + "\nhost:" + host + "\nx-amz-date:" + amzDate
                + "\n\nhost;x-amz-date\n" + sha256(body);
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + sha256(canonical.getBytes(StandardCharsets.UTF_8));
        AwsCredentials admin = TestServer.admin();
        byte[] key = hmac(("AWS4" + admin.secretAccessKey()).getBytes(StandardCharsets.UTF_8), date);
        for (String part : new String[]{TestServer.REGION, "codeartifact", "aws4_request"}) {
            key = hmac(key, part);
        }
        String signature = HexFormat.of().formatHex(hmac(key, toSign));
        return http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("x-amz-date", amzDate).header("x-amz-content-sha256", assetSha256)
                .header("Content-Type", "application/octet-stream")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + admin.accessKeyId() + "/" + scope
                        + ", SignedHeaders=host;x-amz-date, Signature=" + signature).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the blob store still has the bytes: a file under the data dir (H2) or rows (PostgreSQL). */
    private boolean blobExists(String key) {
        if (storeUrl() == null) {
            try (Stream<Path> files = Files.walk(dataDir.resolve("blobs"))) {
                return files.anyMatch(p -> p.getFileName().toString().startsWith(key));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return server.server().store().databaseBlobs().size(key).isPresent();
    }

    private AwsCredentials user(String name, String action) {
        return PackageUsers.create(iam, name, PackageUsers.allow(action));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Publishes as npm publish does; returns the tarball. */
    private byte[] publishNpm(String name, String version) throws Exception {
        byte[] tarball = bytes(2000, (name + version).hashCode());
        int status = publishNpm(name, version, tarball);
        assertThat(status).isEqualTo(201);
        return tarball;
    }

    private int publishNpmStatus(String name, String version) throws Exception {
        return publishNpm(name, version, bytes(2000, (name + version + "again").hashCode()));
    }

    private int publishNpm(String name, String version, byte[] tarball) throws Exception {
        String integrity = "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512")
                .digest(tarball));
        String body = "{\"_id\":\"" + name + "\",\"name\":\"" + name + "\",\"dist-tags\":{\"latest\":\"" + version
                + "\"},\"versions\":{\"" + version + "\":{\"name\":\"" + name + "\",\"version\":\"" + version
                + "\",\"dist\":{\"shasum\":\"" + hex("SHA-1", tarball) + "\",\"integrity\":\"" + integrity
                + "\",\"tarball\":\"http://elsewhere/x.tgz\"}}},\"_attachments\":{\"" + name + "-" + version
                + ".tgz\":{\"content_type\":\"application/octet-stream\",\"data\":\""
                + Base64.getEncoder().encodeToString(tarball) + "\",\"length\":" + tarball.length + "}}}";
        return http.send(HttpRequest.newBuilder(URI.create(npm + name)).PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** Uploads an sdist as twine does (legacy multipart upload to the repository URL). */
    private HttpResponse<String> uploadPypi(String project, String version) throws Exception {
        byte[] file = bytes(300, project.hashCode());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put(":action", "file_upload");
        fields.put("protocol_version", "1");
        fields.put("name", project);
        fields.put("version", version);
        fields.put("filetype", "sdist");
        fields.put("pyversion", "source");
        fields.put("metadata_version", "2.1");
        fields.put("sha256_digest", sha256(file));
        fields.forEach((k, v) -> out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + k + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\""
                + project + "-" + version + ".tar.gz\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(pypi)).POST(HttpRequest.BodyPublishers.ofByteArray(
                        out.toByteArray())).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] bytes(int size, int seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static String sha256(byte[] data) {
        return hex("SHA-256", data);
    }

    private static String hex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + (System.nanoTime() / 1000 % 100_000);
    }
}
