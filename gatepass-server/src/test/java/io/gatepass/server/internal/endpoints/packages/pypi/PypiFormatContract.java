package io.gatepass.server.internal.endpoints.packages.pypi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.core.codeartifact.Domain;
import io.gatepass.core.codeartifact.PackageKey;
import io.gatepass.core.codeartifact.PackageVersionStatus;
import io.gatepass.core.codeartifact.Repository;
import io.gatepass.server.internal.endpoints.packages.FormatContext;
import io.gatepass.server.internal.endpoints.packages.PackageException;
import io.gatepass.server.internal.endpoints.packages.PackageRequest;
import io.gatepass.server.internal.endpoints.packages.PackageResponse;
import io.gatepass.server.internal.endpoints.packages.RepositoryAccess;
import io.gatepass.store.BlobStore;
import io.gatepass.store.PackageStore;
import io.gatepass.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The PyPI format against a real package store and blob store (files with H2, database chunks with PostgreSQL), with
 * the caller's permissions faked.
 */
abstract class PypiFormatContract {
    private static final String OWNER = "111122223333";
    private static final byte[] WHEEL = "PK\u0003\u0004 a wheel".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] SDIST = "\u001f\u008b an sdist".getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path dir;
    private Store store;
    private BlobStore blobs;
    private final SettableClock clock = new SettableClock();
    private final Access access = new Access();
    private PypiFormat format;
    private final ObjectMapper json = new ObjectMapper();

    /** A fresh, migrated store. */
    abstract Store openStore();

    /** The blob store to use beside it. */
    abstract BlobStore blobStore(Store store, Path dir);

    @BeforeEach
    void open() {
        store = openStore();
        blobs = blobStore(store, dir);
        store.domains().create(new Domain(OWNER, "team", "arn:aws:codeartifact:us-east-1:" + OWNER + ":domain/team",
                Domain.STATUS_ACTIVE, Instant.parse("2026-12-01T00:00:00Z"), null));
        store.repositories().create(new Repository(OWNER, "team", "libs", "arn:aws:codeartifact:us-east-1:" + OWNER
                + ":repository/team/libs", OWNER, null, List.of(), Instant.parse("2026-12-01T00:00:00Z")));
        format = new PypiFormat(new FormatContext(clock, 1_000_000));
    }

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void upload_wheelThenSdist_bothListedAndDownloadable() throws Exception {
        assertThat(upload(UploadBodies.wheel("Tiny_Pkg", "1.0", WHEEL)).status()).isEqualTo(200);
        assertThat(upload(UploadBodies.sdist("Tiny_Pkg", "1.0", SDIST)).status()).isEqualTo(200);

        String html = text(get("simple/tiny-pkg/", null));
        assertThat(html).contains("<a href=\"1.0/Tiny_Pkg-1.0-py3-none-any.whl#sha256="
                + UploadBodies.hex("SHA-256", WHEEL) + "\" data-requires-python=\"&gt;=3.8\">")
                .contains("1.0/tiny_pkg-1.0.tar.gz#sha256=" + UploadBodies.hex("SHA-256", SDIST));
        PackageResponse wheel = get("simple/tiny-pkg/1.0/Tiny_Pkg-1.0-py3-none-any.whl", null);
        assertThat(wheel.blobLength()).isEqualTo(WHEEL.length);
        try (InputStream in = blobs.open(wheel.blobKey()).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(WHEEL);
        }
        assertThat(text(get("simple/", null))).contains("<a href=\"tiny-pkg/\">Tiny_Pkg</a>");
    }

    @Test
    void upload_realWheel_itsMetadataServedBesideItWithItsHash() throws Exception {
        String metadata = "Metadata-Version: 2.1\nName: tiny\nVersion: 1.0\nRequires-Python: >=3.8\n";
        java.io.ByteArrayOutputStream zipBytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipBytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("tiny/__init__.py"));
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry("tiny-1.0.dist-info/METADATA"));
            zip.write(metadata.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        upload(UploadBodies.wheel("tiny", "1.0", zipBytes.toByteArray()));
        upload(UploadBodies.sdist("tiny", "1.0", SDIST));

        String sha = UploadBodies.hex("SHA-256", metadata.getBytes(StandardCharsets.UTF_8));
        JsonNode page = json.readTree(get("simple/tiny/", "application/vnd.pypi.simple.v1+json").bytes());
        PackageResponse served = get("simple/tiny/1.0/tiny-1.0-py3-none-any.whl.metadata", null);

        assertThat(page.at("/files/0/filename").asText()).isEqualTo("tiny-1.0-py3-none-any.whl");
        assertThat(page.at("/files/0/core-metadata/sha256").asText()).isEqualTo(sha);
        assertThat(page.at("/files/1").has("core-metadata")).as("an sdist has none").isFalse();
        assertThat(text(served)).isEqualTo(metadata);
        assertThatThrownBy(() -> get("simple/tiny/1.0/tiny-1.0.tar.gz.metadata", null))
                .isInstanceOfSatisfying(PackageException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void upload_wheelThatIsNoZip_storedWithoutMetadataFile() throws Exception {
        upload(UploadBodies.wheel("tiny", "1.0", WHEEL));

        assertThat(text(get("simple/tiny/", null))).doesNotContain("data-core-metadata");
        assertThatThrownBy(() -> get("simple/tiny/1.0/tiny-1.0-py3-none-any.whl.metadata", null))
                .isInstanceOfSatisfying(PackageException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void projectPage_json_pep691WithSizesAndUploadTimes() throws Exception {
        clock.set(Instant.parse("2026-12-06T09:00:00.123456Z"));
        upload(UploadBodies.wheel("tiny", "1.0", WHEEL));
        clock.set(Instant.parse("2026-12-06T09:05:00Z"));
        upload(UploadBodies.wheel("tiny", "2.0", WHEEL));
        upload(UploadBodies.wheel("tiny", "1.10", WHEEL));

        PackageResponse response = get("simple/tiny/", "application/vnd.pypi.simple.v1+json");
        JsonNode page = json.readTree(response.bytes());

        assertThat(response.headers()).containsEntry("Content-Type", "application/vnd.pypi.simple.v1+json")
                .containsEntry("Vary", "Accept");
        assertThat(page.get("versions")).extracting(JsonNode::asText).containsExactly("1.0", "1.10", "2.0");
        assertThat(page.at("/files/0/upload-time").asText()).isEqualTo("2026-12-06T09:00:00.123456Z");
        assertThat(page.at("/files/0/size").asLong()).isEqualTo(WHEEL.length);
        assertThat(page.at("/files/0/requires-python").asText()).isEqualTo(">=3.8");
        assertThat(page.at("/files/2/url").asText()).isEqualTo("2.0/tiny-2.0-py3-none-any.whl");
    }

    @Test
    void upload_sameFileAgain_400FileAlreadyExists() throws Exception {
        upload(UploadBodies.wheel("tiny", "1.0", WHEEL));

        assertThatThrownBy(() -> upload(UploadBodies.wheel("tiny", "1.0", WHEEL)))
                .isInstanceOfSatisfying(PackageException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("File already exists").hasMessageContaining("tiny-1.0-py3-none-any.whl");
    }

    @Test
    void upload_filesOfANewVersionAtTheSameTime_bothStored() throws Exception {
        for (int round = 0; round < 5; round++) {
            String version = "1." + round;
            String suffix = Integer.toString(round);
            byte[] wheelBody = UploadBodies.wheel("tiny", version, WHEEL).bytes();
            byte[] sdistBody = UploadBodies.sdist("tiny", version, SDIST).bytes();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var a = pool.submit(() -> {
                    start.await();
                    return upload(wheelBody, "a" + suffix).status();
                });
                var b = pool.submit(() -> {
                    start.await();
                    return upload(sdistBody, "b" + suffix).status();
                });
                start.countDown();
                assertThat(a.get()).as("round %d wheel", round).isEqualTo(200);
                assertThat(b.get()).as("round %d sdist", round).isEqualTo(200);
            } finally {
                pool.shutdownNow();
            }
            assertThat(store.packages().listAssets(key("tiny"), version)).as("round %d", round).hasSize(2);
        }
    }

    @Test
    void upload_digestMismatch_400AndNothingStored() {
        UploadBodies body = UploadBodies.wheel("tiny", "1.0", WHEEL).replace("sha256_digest", "0".repeat(64));

        assertThatThrownBy(() -> upload(body))
                .isInstanceOfSatisfying(PackageException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("sha256_digest does not match");
        assertThat(store.packages().findPackage(key("tiny"))).isEmpty();
        assertThat(dir.resolve("uploads").toFile().list()).containsExactly("body");
    }

    @Test
    void upload_whenPublishDenied_403AndNothingStored() {
        access.mayPublish = false;

        assertThatThrownBy(() -> upload(UploadBodies.wheel("tiny", "1.0", WHEEL)))
                .isInstanceOfSatisfying(PackageException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(store.packages().findPackage(key("tiny"))).isEmpty();
        assertThat(access.publishChecks).containsExactly("tiny");
    }

    @Test
    void reads_whenReadDenied_403EvenForMissingProjects() {
        access.mayRead = false;
        for (String path : List.of("simple/", "simple/nothing/", "simple/nothing/1.0/nothing-1.0.tar.gz", "",
                "simple/Nothing/")) {
            assertThatThrownBy(() -> get(path, null)).as(path)
                    .isInstanceOfSatisfying(PackageException.class, e -> assertThat(e.status()).isEqualTo(403));
        }
    }

    @Test
    void reads_missingThings_404PlainText() {
        assertThatThrownBy(() -> get("simple/nothing/", null))
                .isInstanceOfSatisfying(PackageException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.response().headers().get("Content-Type")).startsWith("text/plain");
                }).hasMessageContaining("No project 'nothing' in repository 'libs'");
        assertThatThrownBy(() -> get("simple/nothing/1.0/nothing-1.0.tar.gz", null))
                .isInstanceOfSatisfying(PackageException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> get("pypi/json", null))
                .isInstanceOfSatisfying(PackageException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void projectPage_unacceptableAccept_406WithVary() throws Exception {
        upload(UploadBodies.wheel("tiny", "1.0", WHEEL));
        assertThatThrownBy(() -> get("simple/tiny/", "application/json"))
                .isInstanceOfSatisfying(PackageException.class, e -> {
                    assertThat(e.status()).isEqualTo(406);
                    assertThat(e.response().headers()).containsEntry("Vary", "Accept");
                });
    }

    @Test
    void projectPage_nonNormalizedName_301ToTheNormalizedPage() throws Exception {
        PackageResponse response = get("simple/Tiny_Pkg/", null);
        assertThat(response.status()).isEqualTo(301);
        assertThat(response.headers()).containsEntry("Location", "../tiny-pkg/");
        assertThat(get("", null).headers()).containsEntry("Location", "simple/");
    }

    @Test
    void projectPage_unlistedVersionYankedArchivedHidden() throws Exception {
        upload(UploadBodies.wheel("tiny", "1.0", WHEEL));
        upload(UploadBodies.wheel("tiny", "2.0", WHEEL));
        upload(UploadBodies.wheel("tiny", "3.0", WHEEL));
        setStatus("1.0", PackageVersionStatus.UNLISTED);
        setStatus("3.0", PackageVersionStatus.ARCHIVED);

        String html = text(get("simple/tiny/", null));

        assertThat(html).contains("tiny-1.0-py3-none-any.whl#sha256=" + UploadBodies.hex("SHA-256", WHEEL)
                + "\" data-requires-python=\"&gt;=3.8\" data-yanked=\"Unlisted in this repository\"")
                .contains("tiny-2.0-py3-none-any.whl").doesNotContain("tiny-3.0");
        assertThat(get("simple/tiny/1.0/tiny-1.0-py3-none-any.whl", null).status()).isEqualTo(200);
        assertThatThrownBy(() -> get("simple/tiny/3.0/tiny-3.0-py3-none-any.whl", null))
                .isInstanceOfSatisfying(PackageException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> upload(UploadBodies.sdist("tiny", "3.0", SDIST)))
                .isInstanceOfSatisfying(PackageException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("Archived");
    }

    @Test
    void upload_versionSpelledDifferently_oneNormalizedVersion() throws Exception {
        upload(UploadBodies.wheel("tiny", "1.0a1", WHEEL));
        upload(UploadBodies.sdist("tiny", "1.0-alpha1", SDIST).replace("version", "1.0-alpha1"));

        assertThat(store.packages().listVersions(key("tiny"), null, 10)).hasSize(1);
        assertThat(store.packages().listAssets(key("tiny"), "1.0a1")).hasSize(2);
    }

    @Test
    void post_elsewhere_405() {
        assertThatThrownBy(() -> format.handle(request("POST", "simple/", null, null)))
                .isInstanceOfSatisfying(PackageException.class, e -> assertThat(e.status()).isEqualTo(405));
    }

    private void setStatus(String version, PackageVersionStatus status) {
        var stored = store.packages().findVersion(key("tiny"), version).orElseThrow();
        store.packages().updateVersion(key("tiny"), version, stored.revision(), status, stored.metadata(), "r2")
                .orElseThrow();
    }

    private PackageKey key(String name) {
        return access.packageKey(null, name);
    }

    private PackageResponse upload(UploadBodies body) throws IOException {
        return upload(body.bytes(), "body");
    }

    private PackageResponse upload(byte[] body, String name) throws IOException {
        Path uploads = Files.createDirectories(dir.resolve("uploads"));
        Path file = uploads.resolve(name);
        Files.write(file, body);
        return format.handle(new PackageRequest("POST", "", "", Map.of("content-type",
                List.of(UploadBodies.CONTENT_TYPE)), Optional.of(new PackageRequest.Upload(file, Files.size(file))),
                access));
    }

    private PackageResponse get(String path, String accept) {
        return format.handle(request("GET", path, accept, null));
    }

    private PackageRequest request(String method, String path, String accept, PackageRequest.Upload upload) {
        Map<String, List<String>> headers = new HashMap<>();
        if (accept != null) {
            headers.put("accept", List.of(accept));
        }
        return new PackageRequest(method, path, "", headers, Optional.ofNullable(upload), access);
    }

    private static String text(PackageResponse response) {
        return new String(response.bytes(), StandardCharsets.UTF_8);
    }

    /** The repository team/libs with permissions the test sets. */
    private final class Access implements RepositoryAccess {
        boolean mayRead = true;
        boolean mayPublish = true;
        final List<String> publishChecks = new java.util.ArrayList<>();

        @Override public String domainOwner() {
            return OWNER;
        }

        @Override public String domain() {
            return "team";
        }

        @Override public String repository() {
            return "libs";
        }

        @Override public String format() {
            return "pypi";
        }

        @Override public String region() {
            return "us-east-1";
        }

        @Override public String principalArn() {
            return "arn:aws:iam::" + OWNER + ":user/ci";
        }

        @Override public String endpointUrl() {
            return "http://127.0.0.1/codeartifact/team-" + OWNER + "/pypi/libs/";
        }

        @Override public void requireRead() {
            if (!mayRead) {
                throw PackageException.of(format, 403, "not allowed to read");
            }
        }

        @Override public void requirePublish(String namespace, String name) {
            publishChecks.add(name);
            if (!mayPublish) {
                throw PackageException.of(format, 403, "not allowed to publish " + name);
            }
        }

        @Override public PackageStore packages() {
            return store.packages();
        }

        @Override public BlobStore blobs() {
            return blobs;
        }
    }

    private static final class SettableClock extends java.time.Clock {
        private volatile Instant now = Instant.parse("2026-12-06T08:00:00Z");

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
