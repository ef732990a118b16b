package io.gatepass.server.it;

import io.gatepass.server.testing.PackageUsers;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.AssetSummary;
import software.amazon.awssdk.services.codeartifact.model.GetPackageVersionAssetResponse;
import software.amazon.awssdk.services.codeartifact.model.HashAlgorithm;
import software.amazon.awssdk.services.codeartifact.model.ListPackageVersionsResponse;
import software.amazon.awssdk.services.codeartifact.model.ListPackagesResponse;
import software.amazon.awssdk.services.codeartifact.model.PackageDependency;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.PackageSummary;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionDescription;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionSortType;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionStatus;
import software.amazon.awssdk.services.codeartifact.model.PackageVersionSummary;
import software.amazon.awssdk.services.iam.IamClient;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static io.gatepass.server.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CodeArtifact's package read APIs through the AWS SDK for Java v2, over packages published through the real npm and
 * PyPI repository endpoints (plain HTTP, as npm publish and twine upload send them); on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PackageApiContract {
    /** null for the embedded H2 file store, or a PostgreSQL JDBC URL. */
    abstract String storeUrl();

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final String DOMAIN = "pkgs";
    private static final String REPO = "libs";

    private TestServer server;
    private CodeartifactClient admin;
    private IamClient iam;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String token;

    @BeforeAll
    void start(@TempDir Path dir) {
        server = TestServer.start(storeUrl(), dir);
        admin = server.codeArtifact(TestServer.admin());
        iam = server.iam(TestServer.admin());
        admin.createDomain(r -> r.domain(DOMAIN));
        admin.createRepository(r -> r.domain(DOMAIN).repository(REPO));
        token = token(DOMAIN, user("codeartifact:*"));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void npmVersions_whenPublished_areDescribedListedAndDownloadableThroughTheApi() throws Exception {
        String name = unique("web");
        byte[] one = random(3_000, 1);
        byte[] two = random(5_000, 2);
        byte[] beta = random(700, 3);
        publishNpm(REPO, null, name, "1.0.0", one, "latest", "");
        server.clock().advance(Duration.ofMinutes(1));
        publishNpm(REPO, null, name, "2.0.0", two, "latest", ",\"description\":\"Web things\","
                + "\"homepage\":\"https://example.com/web\",\"license\":\"MIT\","
                + "\"repository\":{\"type\":\"git\",\"url\":\"git+https://example.com/web.git\"},"
                + "\"dependencies\":{\"left-pad\":\"^1.3.0\",\"@types/node\":\"^20\"},"
                + "\"devDependencies\":{\"jest\":\"29.x\"}");
        server.clock().advance(Duration.ofMinutes(1));
        publishNpm(REPO, null, name, "0.9.0-beta.1", beta, "beta", "");

        PackageVersionDescription two0 = admin.describePackageVersion(r -> r.domain(DOMAIN).repository(REPO)
                .format(PackageFormat.NPM).packageValue(name).packageVersion("2.0.0")).packageVersion();
        assertThat(two0.packageName()).isEqualTo(name);
        assertThat(two0.displayName()).isEqualTo(name);
        assertThat(two0.version()).isEqualTo("2.0.0");
        assertThat(two0.status()).isEqualTo(PackageVersionStatus.PUBLISHED);
        assertThat(two0.revision()).isNotBlank();
        assertThat(two0.publishedTime()).isNotNull();
        assertThat(two0.summary()).isEqualTo("Web things");
        assertThat(two0.homePage()).isEqualTo("https://example.com/web");
        assertThat(two0.sourceCodeRepository()).isEqualTo("git+https://example.com/web.git");
        assertThat(two0.licenses()).singleElement().satisfies(l -> assertThat(l.name()).isEqualTo("MIT"));
        assertThat(two0.origin().originTypeAsString()).isEqualTo("INTERNAL");

        ListPackageVersionsResponse byVersion = admin.listPackageVersions(r -> r.domain(DOMAIN).repository(REPO)
                .format(PackageFormat.NPM).packageValue(name));
        assertThat(byVersion.versions()).extracting(PackageVersionSummary::version)
                .containsExactly("0.9.0-beta.1", "1.0.0", "2.0.0");
        assertThat(byVersion.defaultDisplayVersion()).as("the latest tag, not the newest").isEqualTo("2.0.0");
        assertThat(admin.listPackageVersions(r -> r.domain(DOMAIN).repository(REPO).format(PackageFormat.NPM)
                .packageValue(name).sortBy(PackageVersionSortType.PUBLISHED_TIME)).versions())
                .extracting(PackageVersionSummary::version).containsExactly("0.9.0-beta.1", "2.0.0", "1.0.0");
        assertThat(admin.listPackageVersions(r -> r.domain(DOMAIN).repository(REPO).format(PackageFormat.NPM)
                .packageValue(name).status(PackageVersionStatus.UNLISTED)).versions()).isEmpty();
        List<String> paged = new ArrayList<>();
        String next = null;
        do {
            String from = next;
            ListPackageVersionsResponse page = admin.listPackageVersions(r -> r.domain(DOMAIN).repository(REPO)
                    .format(PackageFormat.NPM).packageValue(name).sortBy(PackageVersionSortType.PUBLISHED_TIME)
                    .maxResults(2).nextToken(from));
            assertThat(page.versions()).hasSizeLessThanOrEqualTo(2);
            page.versions().forEach(v -> paged.add(v.version()));
            next = page.nextToken();
        } while (next != null);
        assertThat(paged).containsExactly("0.9.0-beta.1", "2.0.0", "1.0.0");

        AssetSummary asset = admin.listPackageVersionAssets(r -> r.domain(DOMAIN).repository(REPO)
                .format(PackageFormat.NPM).packageValue(name).packageVersion("2.0.0")).assets().get(0);
        assertThat(asset.name()).isEqualTo(name + "-2.0.0.tgz");
        assertThat(asset.size()).isEqualTo(two.length);
        assertThat(asset.hashes()).containsEntry(HashAlgorithm.MD5, hex("MD5", two))
                .containsEntry(HashAlgorithm.SHA_1, hex("SHA-1", two))
                .containsEntry(HashAlgorithm.SHA_256, hex("SHA-256", two))
                .containsEntry(HashAlgorithm.SHA_512, hex("SHA-512", two));

        ResponseBytes<GetPackageVersionAssetResponse> bytes = admin.getPackageVersionAsset(r -> r.domain(DOMAIN)
                .repository(REPO).format(PackageFormat.NPM).packageValue(name).packageVersion("2.0.0")
                .asset(name + "-2.0.0.tgz"), ResponseTransformer.toBytes());
        assertThat(bytes.asByteArray()).isEqualTo(two);
        assertThat(bytes.response().assetName()).isEqualTo(name + "-2.0.0.tgz");
        assertThat(bytes.response().packageVersion()).isEqualTo("2.0.0");
        assertThat(bytes.response().packageVersionRevision()).isEqualTo(two0.revision());

        assertThat(admin.listPackageVersionDependencies(r -> r.domain(DOMAIN).repository(REPO)
                .format(PackageFormat.NPM).packageValue(name).packageVersion("2.0.0")).dependencies())
                .extracting(PackageDependency::namespace, PackageDependency::packageValue,
                        PackageDependency::dependencyType, PackageDependency::versionRequirement)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(null, "left-pad", "regular", "^1.3.0"),
                        org.assertj.core.groups.Tuple.tuple("types", "node", "regular", "^20"),
                        org.assertj.core.groups.Tuple.tuple(null, "jest", "dev", "29.x"));
        assertThat(admin.getPackageVersionReadme(r -> r.domain(DOMAIN).repository(REPO).format(PackageFormat.NPM)
                .packageValue(name).packageVersion("1.0.0")).readme()).isEqualTo("# " + name);
    }

    @Test
    void listPackages_filtersByFormatNamespacePrefixAndPackagePrefix_andPagesThroughEverything() throws Exception {
        String repo = unique("list");
        admin.createRepository(r -> r.domain(DOMAIN).repository(repo));
        publishNpm(repo, "acme", "alpha", "1.0.0", random(10, 4), "latest", "");
        publishNpm(repo, "acme-labs", "beta", "1.0.0", random(10, 5), "latest", "");
        publishNpm(repo, null, "alpine", "1.0.0", random(10, 6), "latest", "");
        publishPypi(repo, "Tiny.Pkg", "0.1", random(50, 7));

        assertThat(admin.listPackages(r -> r.domain(DOMAIN).repository(repo)).packages())
                .extracting(PackageSummary::formatAsString, PackageSummary::namespace, PackageSummary::packageValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("npm", null, "alpine"),
                        org.assertj.core.groups.Tuple.tuple("npm", "acme", "alpha"),
                        org.assertj.core.groups.Tuple.tuple("npm", "acme-labs", "beta"),
                        org.assertj.core.groups.Tuple.tuple("pypi", null, "tiny-pkg"));
        assertThat(admin.listPackages(r -> r.domain(DOMAIN).repository(repo).format(PackageFormat.PYPI))
                .packages()).extracting(PackageSummary::packageValue).containsExactly("tiny-pkg");
        assertThat(admin.listPackages(r -> r.domain(DOMAIN).repository(repo).namespace("acme")).packages())
                .as("namespace is a prefix").extracting(PackageSummary::packageValue).containsExactly("alpha", "beta");
        assertThat(admin.listPackages(r -> r.domain(DOMAIN).repository(repo).packagePrefix("alp")).packages())
                .extracting(PackageSummary::packageValue).containsExactlyInAnyOrder("alpha", "alpine");
        assertThat(admin.listPackages(r -> r.domain(DOMAIN).repository(repo).publish("BLOCK")).packages()).isEmpty();
        assertThat(admin.listPackages(r -> r.domain(DOMAIN).repository(repo).format(PackageFormat.NPM)).packages())
                .allSatisfy(p -> assertThat(p.originConfiguration().restrictions().publishAsString())
                        .isEqualTo("ALLOW"));

        List<String> paged = new ArrayList<>();
        String next = null;
        do {
            String from = next;
            ListPackagesResponse page = admin.listPackages(r -> r.domain(DOMAIN).repository(repo).namespace("acme")
                    .maxResults(1).nextToken(from));
            page.packages().forEach(p -> paged.add(p.packageValue()));
            next = page.nextToken();
        } while (next != null);
        assertThat(paged).containsExactly("alpha", "beta");

        assertThat(admin.describePackage(r -> r.domain(DOMAIN).repository(repo).format(PackageFormat.NPM)
                .namespace("acme").packageValue("alpha")).packageValue().name()).isEqualTo("alpha");
    }

    @Test
    void pypiVersion_describesItsCoreMetadata_dependenciesAndReadme_underAnyNameSpelling() throws Exception {
        String repo = unique("py");
        admin.createRepository(r -> r.domain(DOMAIN).repository(repo));
        byte[] sdist = random(400, 8);
        publishPypi(repo, "Tiny.Pkg", "0.1", sdist);

        PackageVersionDescription version = admin.describePackageVersion(r -> r.domain(DOMAIN).repository(repo)
                .format(PackageFormat.PYPI).packageValue("tiny_pkg").packageVersion("0.1")).packageVersion();
        assertThat(version.packageName()).isEqualTo("tiny-pkg");
        assertThat(version.displayName()).isEqualTo("Tiny.Pkg");
        assertThat(version.summary()).isEqualTo("A tiny package");
        assertThat(version.homePage()).isEqualTo("https://example.com/tiny");
        assertThat(version.sourceCodeRepository()).isEqualTo("https://example.com/tiny/src");
        assertThat(version.licenses()).singleElement().satisfies(l -> assertThat(l.name()).isEqualTo("MIT"));
        assertThat(admin.listPackageVersionDependencies(r -> r.domain(DOMAIN).repository(repo)
                .format(PackageFormat.PYPI).packageValue("tiny-pkg").packageVersion("0.1")).dependencies())
                .extracting(PackageDependency::packageValue, PackageDependency::dependencyType,
                        PackageDependency::versionRequirement)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("requests", "Requires-Dist", ">=2"),
                        org.assertj.core.groups.Tuple.tuple("PySocks", "Requires-Dist",
                                "!=1.5.7,>=1.5.6; extra == \"socks\""));
        assertThat(admin.getPackageVersionReadme(r -> r.domain(DOMAIN).repository(repo).format(PackageFormat.PYPI)
                .packageValue("tiny-pkg").packageVersion("0.1")).readme()).isEqualTo("# Tiny\n\nSays hello.\n");
        assertThat(admin.getPackageVersionAsset(r -> r.domain(DOMAIN).repository(repo).format(PackageFormat.PYPI)
                .packageValue("tiny-pkg").packageVersion("0.1").asset("tiny_pkg-0.1.tar.gz"),
                ResponseTransformer.toBytes()).asByteArray()).isEqualTo(sdist);
    }

    @Test
    void mavenVersion_listsThePomsParentAndDependenciesByScope() throws Exception {
        String repo = unique("mvn");
        admin.createRepository(r -> r.domain(DOMAIN).repository(repo));
        String maven = admin.getRepositoryEndpoint(r -> r.domain(DOMAIN).repository(repo).format(PackageFormat.MAVEN))
                .repositoryEndpoint();
        String pom = "<?xml version=\"1.0\"?><project xmlns=\"http://maven.apache.org/POM/4.0.0\">"
                + "<parent><groupId>org.example</groupId><artifactId>base</artifactId><version>3</version></parent>"
                + "<artifactId>app</artifactId><version>1.0</version><dependencyManagement><dependencies><dependency>"
                + "<groupId>x</groupId><artifactId>managed</artifactId><version>9</version></dependency>"
                + "</dependencies></dependencyManagement><dependencies>"
                + "<dependency><groupId>com.acme</groupId><artifactId>core</artifactId><version>2.1</version>"
                + "</dependency><dependency><groupId>org.junit</groupId><artifactId>junit</artifactId>"
                + "<version>5.10</version><scope>test</scope></dependency></dependencies></project>";
        String dir = "org/example/app/1.0/";
        assertThat(putMaven(maven + dir + "app-1.0.pom", pom.getBytes(StandardCharsets.UTF_8))).isEqualTo(201);
        assertThat(putMaven(maven + "org/example/app/maven-metadata.xml", ("<metadata><groupId>org.example"
                + "</groupId><artifactId>app</artifactId><versioning><versions><version>1.0</version></versions>"
                + "</versioning></metadata>").getBytes(StandardCharsets.UTF_8))).isEqualTo(201);

        assertThat(admin.describePackageVersion(r -> r.domain(DOMAIN).repository(repo).format(PackageFormat.MAVEN)
                .namespace("org.example").packageValue("app").packageVersion("1.0")).packageVersion().status())
                .isEqualTo(PackageVersionStatus.PUBLISHED);
        assertThat(admin.listPackageVersionDependencies(r -> r.domain(DOMAIN).repository(repo)
                .format(PackageFormat.MAVEN).namespace("org.example").packageValue("app").packageVersion("1.0"))
                .dependencies())
                .extracting(PackageDependency::namespace, PackageDependency::packageValue,
                        PackageDependency::dependencyType, PackageDependency::versionRequirement)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("org.example", "base", "parent", "3"),
                        org.assertj.core.groups.Tuple.tuple("com.acme", "core", "compile", "2.1"),
                        org.assertj.core.groups.Tuple.tuple("org.junit", "junit", "test", "5.10"));
    }

    private int putMaven(String url, byte[] body) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("aws:" + token).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void describeDomain_assetSizeBytes_isTheSizeOfEveryStoredAsset() throws Exception {
        String domain = unique("sized");
        admin.createDomain(r -> r.domain(domain));
        admin.createRepository(r -> r.domain(domain).repository("ra"));
        admin.createRepository(r -> r.domain(domain).repository("rb"));
        assertThat(admin.describeDomain(r -> r.domain(domain)).domain().assetSizeBytes()).isZero();
        String domainToken = token(domain, user("codeartifact:*"));
        publishNpm(domainToken, npmUrl(domain, "ra"), null, "x", "1.0.0", random(1_000, 9), "latest", "");
        publishNpm(domainToken, npmUrl(domain, "rb"), null, "y", "1.0.0", random(2_500, 10), "latest", "");

        var described = admin.describeDomain(r -> r.domain(domain)).domain();
        assertThat(described.assetSizeBytes()).isEqualTo(3_500L);
        assertThat(described.repositoryCount()).isEqualTo(2);
    }

    @Test
    void missingThings_areResourceNotFound_andMalformedRequestsValidationErrors() throws Exception {
        String name = unique("err");
        publishNpm(REPO, null, name, "1.0.0", random(20, 11), "latest", "");

        assertAwsError(() -> admin.describePackage(r -> r.domain(DOMAIN).repository(REPO).format(PackageFormat.NPM)
                .packageValue("no-such-package")), "ResourceNotFoundException", 404, "no-such-package");
        assertAwsError(() -> admin.describePackageVersion(r -> r.domain(DOMAIN).repository(REPO)
                .format(PackageFormat.NPM).packageValue(name).packageVersion("9.9.9")),
                "ResourceNotFoundException", 404, "9.9.9");
        assertAwsError(() -> admin.listPackages(r -> r.domain(DOMAIN).repository("nowhere")),
                "ResourceNotFoundException", 404, "nowhere");
        assertAwsError(() -> admin.describePackage(r -> r.domain("no-domain").repository(REPO)
                .format(PackageFormat.NPM).packageValue(name)), "ResourceNotFoundException", 404, "no-domain");
        assertAwsError(() -> admin.describePackage(r -> r.domain(DOMAIN).repository(REPO)
                .format(PackageFormat.NUGET).packageValue(name)), "ResourceNotFoundException", 404, name);
        assertAwsError(() -> admin.getPackageVersionAsset(r -> r.domain(DOMAIN).repository(REPO)
                .format(PackageFormat.NPM).packageValue(name).packageVersion("1.0.0").asset("other.tgz"),
                ResponseTransformer.toBytes()), "ResourceNotFoundException", 404, "other.tgz");
        assertAwsError(() -> admin.getPackageVersionAsset(r -> r.domain(DOMAIN).repository(REPO)
                .format(PackageFormat.NPM).packageValue(name).packageVersion("1.0.0").asset(name + "-1.0.0.tgz")
                .packageVersionRevision("not-the-revision"), ResponseTransformer.toBytes()),
                "ResourceNotFoundException", 404, "not-the-revision");

        assertAwsError(() -> admin.describePackage(r -> r.domain(DOMAIN).repository(REPO).format("tarball")
                .packageValue(name)), "ValidationException", 400, "format");
        assertAwsError(() -> admin.describePackage(r -> r.domain(DOMAIN).repository(REPO).format(PackageFormat.NPM)
                .namespace("a/b").packageValue(name)), "ValidationException", 400, "namespace");
        assertAwsError(() -> admin.listPackageVersions(r -> r.domain(DOMAIN).repository(REPO)
                .format(PackageFormat.NPM).packageValue(name).status("Gone")), "ValidationException", 400, "status");
        assertAwsError(() -> admin.listPackages(r -> r.domain(DOMAIN).repository(REPO).maxResults(1001)),
                "ValidationException", 400, "maxResults");
        assertAwsError(() -> admin.listPackages(r -> r.domain(DOMAIN).repository(REPO).nextToken("bm90IG91cnM")),
                "ValidationException", 400, "nextToken");
    }

    @Test
    void readOnlyPrincipal_isDeniedThePackageApis_untilARepositoryPolicyAllowsThePackageAction() throws Exception {
        String name = unique("guarded");
        publishNpm(REPO, null, name, "1.0.0", random(20, 12), "latest", "");
        String repo = unique("guarded-repo");
        admin.createRepository(r -> r.domain(DOMAIN).repository(repo));
        publishNpm(repo, null, name, "1.0.0", random(20, 13), "latest", "");
        AwsCredentials reader = user("codeartifact:ReadFromRepository");
        String readerArn = "arn:aws:iam::" + TestServer.ACCOUNT + ":user/" + lastUser;
        try (CodeartifactClient client = server.codeArtifact(reader)) {
            assertAwsError(() -> client.describePackageVersion(r -> r.domain(DOMAIN).repository(repo)
                    .format(PackageFormat.NPM).packageValue(name).packageVersion("1.0.0")),
                    "AccessDeniedException", 403, "codeartifact:DescribePackageVersion");
            assertAwsError(() -> client.listPackages(r -> r.domain(DOMAIN).repository(repo)),
                    "AccessDeniedException", 403, "codeartifact:ListPackages");

            admin.putRepositoryPermissionsPolicy(r -> r.domain(DOMAIN).repository(repo).policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                            + readerArn + "\"},\"Action\":\"codeartifact:DescribePackageVersion\","
                            + "\"Resource\":\"*\"}]}"));

            assertThat(client.describePackageVersion(r -> r.domain(DOMAIN).repository(repo)
                    .format(PackageFormat.NPM).packageValue(name).packageVersion("1.0.0")).packageVersion()
                    .version()).isEqualTo("1.0.0");
            assertAwsError(() -> client.describePackageVersion(r -> r.domain(DOMAIN).repository(REPO)
                    .format(PackageFormat.NPM).packageValue(name).packageVersion("1.0.0")),
                    "AccessDeniedException", 403, "codeartifact:DescribePackageVersion");
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String lastUser;

    private AwsCredentials user(String action) {
        String name = unique("api-user");
        lastUser = name;
        return PackageUsers.create(iam, name, PackageUsers.allow(action));
    }

    private String token(String domain, AwsCredentials credentials) {
        try (CodeartifactClient client = server.codeArtifact(credentials)) {
            return client.getAuthorizationToken(r -> r.domain(domain)).authorizationToken();
        }
    }

    private String npmUrl(String domain, String repo) {
        return admin.getRepositoryEndpoint(r -> r.domain(domain).repository(repo).format(PackageFormat.NPM))
                .repositoryEndpoint();
    }

    private void publishNpm(String repo, String scope, String name, String version, byte[] tarball, String tag,
                            String extraManifest) throws Exception {
        publishNpm(token, npmUrl(DOMAIN, repo), scope, name, version, tarball, tag, extraManifest);
    }

    /** What npm publish sends (one version, its tarball attached, the given dist-tag). */
    private void publishNpm(String bearer, String npm, String scope, String name, String version, byte[] tarball,
                            String tag, String extraManifest) throws Exception {
        String full = scope == null ? name : "@" + scope + "/" + name;
        String sha1 = hex("SHA-1", tarball);
        String integrity = "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512")
                .digest(tarball));
        String body = "{\"_id\":\"" + full + "\",\"name\":\"" + full + "\",\"dist-tags\":{\"" + tag + "\":\""
                + version + "\"},\"versions\":{\"" + version + "\":{\"name\":\"" + full + "\",\"version\":\""
                + version + "\",\"readme\":\"# " + name + "\"" + extraManifest + ",\"dist\":{\"shasum\":\"" + sha1
                + "\",\"integrity\":\"" + integrity + "\",\"tarball\":\"http://elsewhere/x.tgz\"}}},"
                + "\"_attachments\":{\"" + name + "-" + version + ".tgz\":{\"content_type\":"
                + "\"application/octet-stream\",\"data\":\"" + Base64.getEncoder().encodeToString(tarball)
                + "\",\"length\":" + tarball.length + "}}}";
        String path = scope == null ? name : "@" + scope + "%2f" + name;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(npm + path))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** What twine upload sends for an sdist (legacy upload API, multipart form). */
    private void publishPypi(String repo, String project, String version, byte[] sdist) throws Exception {
        String url = admin.getRepositoryEndpoint(r -> r.domain(DOMAIN).repository(repo).format(PackageFormat.PYPI))
                .repositoryEndpoint();
        String boundary = "b0undary" + NAMES.incrementAndGet();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Map.Entry<String, String>> fields = List.of(Map.entry(":action", "file_upload"),
                Map.entry("protocol_version", "1"), Map.entry("metadata_version", "2.1"), Map.entry("name", project),
                Map.entry("version", version), Map.entry("filetype", "sdist"), Map.entry("pyversion", "source"),
                Map.entry("summary", "A tiny package"), Map.entry("home_page", "https://example.com/tiny"),
                Map.entry("license", "MIT"), Map.entry("description", "# Tiny\n\nSays hello.\n"),
                Map.entry("project_urls", "Source, https://example.com/tiny/src"),
                Map.entry("requires_dist", "requests>=2"),
                Map.entry("requires_dist", "PySocks (!=1.5.7,>=1.5.6) ; extra == \"socks\""),
                Map.entry("md5_digest", hex("MD5", sdist)), Map.entry("sha256_digest", hex("SHA-256", sdist)));
        for (Map.Entry<String, String> field : fields) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        String filename = project.toLowerCase().replace('.', '_') + "-" + version + ".tar.gz";
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(sdist);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String basic = Base64.getEncoder().encodeToString(("aws:" + token).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }


    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    private static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + (System.nanoTime() / 1000 % 100_000);
    }
}
