package io.gatepass.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.server.testing.BoundedHeapServer;
import io.gatepass.server.testing.TestServer;
import io.gatepass.server.testing.ToolRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.GetPackageVersionAssetResponse;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.PublishPackageVersionResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PublishPackageVersion and GetPackageVersionAsset with an asset larger than the server's whole heap: the server runs
 * in a JVM of its own with {@value #HEAP_MB} MiB of heap (and exits on an OutOfMemoryError), and a
 * {@value #ASSET_MB} MiB asset goes up and comes back byte for byte through the AWS SDK for Java v2 and through the
 * AWS CLI v2, so neither direction can hold the asset whole. Bodies over the asset limit are refused with 413 and the
 * connection closed; a client that goes away mid-upload leaves neither a version nor a file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AssetStreamingContract {
    static final int HEAP_MB = 96;
    static final int ASSET_MB = 150;
    private static final long MAX_ASSET_BYTES = 160L * 1024 * 1024;
    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final String PUBLISH = "/v1/package/version/publish?domain=team&repository=libs&format=generic"
            + "&namespace=tools&package=%s&version=1.0&asset=a.bin";

    /** null for H2 with file blobs, or a JDBC URL (PostgreSQL: blobs in the database). */
    abstract String storeUrl();

    private BoundedHeapServer server;
    private CodeartifactClient client;
    private Path work;
    private Path dataDir;
    private Path asset;
    private String assetSha256;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        this.work = work;
        this.dataDir = work.resolve("data");
        server = BoundedHeapServer.start(HEAP_MB, dataDir, storeUrl(), MAX_ASSET_BYTES);
        client = CodeartifactClient.builder().endpointOverride(URI.create(server.endpoint()))
                .region(Region.of(TestServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(TestServer.admin()))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()).apiCallTimeout(Duration.ofMinutes(5)))
                .build();
        client.createDomain(r -> r.domain("team"));
        client.createRepository(r -> r.domain("team").repository("libs"));
        asset = work.resolve("asset.bin");
        assetSha256 = writeRandom(asset, ASSET_MB * 1024L * 1024 + 12_345);
    }

    @AfterAll
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sdk_publishesAndDownloadsAnAssetLargerThanTheServerHeap() throws Exception {
        PublishPackageVersionResponse published = client.publishPackageVersion(r -> r.domain("team")
                .repository("libs").format(PackageFormat.GENERIC).namespace("tools").packageValue("big-sdk")
                .packageVersion("1.0").assetName("big.bin").assetSHA256(assetSha256), RequestBody.fromFile(asset));
        Path downloaded = work.resolve("sdk-download.bin");
        GetPackageVersionAssetResponse got = client.getPackageVersionAsset(r -> r.domain("team").repository("libs")
                .format(PackageFormat.GENERIC).namespace("tools").packageValue("big-sdk").packageVersion("1.0")
                .asset("big.bin"), ResponseTransformer.toFile(downloaded));

        assertThat(published.asset().size()).isEqualTo(Files.size(asset));
        assertThat(published.asset().hashesAsStrings()).containsEntry("SHA-256", assetSha256);
        assertThat(Files.size(downloaded)).isEqualTo(Files.size(asset));
        assertThat(sha256(downloaded)).isEqualTo(assetSha256);
        assertThat(got.assetName()).isEqualTo("big.bin");
        assertThat(got.packageVersion()).isEqualTo("1.0");
        assertThat(got.packageVersionRevision()).isEqualTo(published.versionRevision());
        assertThat(server.isAlive()).as("the server did not run out of its %d MiB heap", HEAP_MB).isTrue();
        assertThat(uploads()).as("spooled bodies are deleted").isEmpty();
    }

    /**
     * Debian's AWS CLI v2 (2.9.19) predates publish-package-version, so the AWS CLI v1 on the PATH (botocore's same
     * serializers and signer) publishes and /usr/bin/aws v2 downloads.
     */
    @Test
    void awsCli_publishesAndDownloadsAnAssetLargerThanTheServerHeap() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(AWS), "/usr/bin/aws is not installed: skipping the AWS CLI part");
        Path awsV1 = awsCliV1();
        Assumptions.assumeTrue(awsV1 != null, "no AWS CLI v1 on the PATH: skipping the AWS CLI part");
        JsonNode published = aws(awsV1, "publish-package-version", "--domain", "team", "--repository", "libs",
                "--format", "generic", "--namespace", "tools", "--package", "big-cli", "--package-version", "1.0",
                "--asset-content", asset.toString(), "--asset-name", "big.bin", "--asset-sha256", assetSha256);
        Path outfile = work.resolve("cli-download.bin");
        JsonNode got = aws(AWS, "get-package-version-asset", "--domain", "team", "--repository", "libs",
                "--format", "generic", "--namespace", "tools", "--package", "big-cli", "--package-version", "1.0",
                "--asset", "big.bin", outfile.toString());

        assertThat(published.path("status").asText()).isEqualTo("Published");
        assertThat(published.path("asset").path("hashes").path("SHA-256").asText()).isEqualTo(assetSha256);
        assertThat(sha256(outfile)).isEqualTo(assetSha256);
        assertThat(got.path("assetName").asText()).isEqualTo("big.bin");
        assertThat(got.path("packageVersionRevision").asText())
                .isEqualTo(published.path("versionRevision").asText());
        assertThat(server.isAlive()).isTrue();
    }

    @Test
    void publish_declaringMoreThanTheAssetLimit_is413_andTheConnectionIsClosed() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(head(String.format(PUBLISH, "declared-huge"),
                    "Content-Length: 1000000000000").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            String response = readToEnd(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 413").containsIgnoringCase("connection: close")
                    .contains("RequestEntityTooLarge").contains(Long.toString(MAX_ASSET_BYTES));
        }
        assertNoVersion("declared-huge");
    }

    @Test
    void publish_streamingPastTheAssetLimit_is413_andTheConnectionIsClosed() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head(String.format(PUBLISH, "streamed-huge"), "Transfer-Encoding: chunked")
                    .getBytes(StandardCharsets.US_ASCII));
            Thread writer = new Thread(() -> writeChunks(out, MAX_ASSET_BYTES + 4 * 1024 * 1024),
                    "over-limit-writer");
            writer.start();

            String response = readToEnd(socket.getInputStream());
            writer.join(Duration.ofSeconds(60).toMillis());

            assertThat(response).startsWith("HTTP/1.1 413").containsIgnoringCase("connection: close")
                    .contains("RequestEntityTooLarge");
        }
        assertNoVersion("streamed-huge");
        awaitNoUploads();
    }

    @Test
    void publish_signedWithAnUnknownKey_isRefusedBeforeTheBodyIsSent() throws Exception {
        String amzDate = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .format(Instant.now().atZone(java.time.ZoneOffset.UTC));
        try (Socket socket = connect()) {
            socket.getOutputStream().write(head(String.format(PUBLISH, "forged"), "Content-Length: "
                    + 100 * 1024 * 1024 + "\r\nx-amz-date: " + amzDate + "\r\nx-amz-content-sha256: " + assetSha256
                    + "\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7UNKNOWN/" + amzDate.substring(0, 8)
                    + "/" + TestServer.REGION + "/codeartifact/aws4_request, SignedHeaders=host;x-amz-content-sha256;"
                    + "x-amz-date, Signature=" + "0".repeat(64)).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            String response = readToEnd(socket.getInputStream()); // no body sent: an answer only if not waited for

            assertThat(response).startsWith("HTTP/1.1 403").containsIgnoringCase("connection: close")
                    .contains("UnrecognizedClientException");
        }
        assertThat(uploads()).isEmpty();
        assertNoVersion("forged");
    }

    @Test
    void publish_whenTheClientGoesAwayMidUpload_leavesNoVersionAndNoFile() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head(String.format(PUBLISH, "half"), "Content-Length: " + 20 * 1024 * 1024)
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[5 * 1024 * 1024]);
            out.flush();
        } // closed with 15 MiB still to come

        awaitNoUploads();
        assertNoVersion("half");
        assertThat(server.isAlive()).isTrue();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private void assertNoVersion(String name) {
        assertThatThrownBy(() -> client.describePackageVersion(r -> r.domain("team").repository("libs")
                .format(PackageFormat.GENERIC).namespace("tools").packageValue(name).packageVersion("1.0")))
                .isInstanceOf(AwsServiceException.class)
                .satisfies(e -> assertThat(((AwsServiceException) e).statusCode()).isEqualTo(404));
    }

    private List<Path> uploads() throws IOException {
        Path dir = dataDir.resolve("tmp").resolve("uploads");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    /** The server deletes a spooled body when it sees the connection go; wait for that, up to 30 s. */
    private void awaitNoUploads() throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!uploads().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(uploads()).as("spooled bodies left behind").isEmpty();
    }

    private Socket connect() throws IOException {
        URI uri = URI.create(server.endpoint());
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        socket.setSoTimeout((int) Duration.ofSeconds(60).toMillis()); // a hung connection fails the test
        return socket;
    }

    private String head(String pathAndQuery, String lengthHeader) {
        URI uri = URI.create(server.endpoint());
        return "POST " + pathAndQuery + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Content-Type: application/octet-stream\r\n" + lengthHeader + "\r\n\r\n";
    }

    private static void writeChunks(OutputStream out, long total) {
        byte[] chunk = new byte[1024 * 1024];
        byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        try {
            for (long sent = 0; sent < total; sent += chunk.length) {
                out.write(size);
                out.write(chunk);
                out.write(crlf);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException closedByTheServer) {
            // expected: the server stops reading at the limit and closes the connection
        }
    }

    /** Everything the server sends until it closes the connection (a read timeout fails: it would hang). */
    private static String readToEnd(InputStream in) throws IOException {
        try {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (java.net.SocketException resetAfterTheResponse) {
            throw new AssertionError("the connection was reset instead of answered and closed", resetAfterTheResponse);
        }
    }

    /** The first {@code aws} on the PATH that says it is version 1, or null. */
    private Path awsCliV1() throws Exception {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "aws");
            if (Files.isExecutable(candidate)) {
                ToolRun version = ToolRun.run(work, Map.of("HOME", System.getProperty("user.home")), 60, List.of(candidate.toString(), "--version"));
                if (version.exitCode() == 0 && version.output().contains("aws-cli/1.")) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private JsonNode aws(Path executable, String... arguments) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", TestServer.admin().accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", TestServer.admin().secretAccessKey());
        env.put("AWS_DEFAULT_REGION", TestServer.REGION);
        env.put("HOME", System.getProperty("user.home")); // a pyenv shim finds its Python through it
        env.put("AWS_CONFIG_FILE", work.resolve("aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("aws-credentials").toString());
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--endpoint-url", server.endpoint(),
                "--output", "json", "codeartifact"));
        command.addAll(List.of(arguments));
        ToolRun run = ToolRun.run(work, env, 300, command);
        assertThat(run.exitCode()).as(run.output()).isZero();
        return new ObjectMapper().readTree(run.stdout());
    }

    /** Writes {@code size} seeded random bytes; returns their SHA-256. */
    private static String writeRandom(Path file, long size) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Random random = new Random(20261206L);
        byte[] buffer = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= buffer.length) {
                random.nextBytes(buffer);
                int n = (int) Math.min(buffer.length, left);
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1024 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
