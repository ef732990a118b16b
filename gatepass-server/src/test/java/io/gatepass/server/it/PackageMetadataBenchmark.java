package io.gatepass.server.it;

import io.gatepass.server.testing.TestServer;
import io.gatepass.server.testing.ToolRun;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of {@code mvn verify} (the name does not end in Test): authenticated npm packument GETs per second against
 * Gatepass beside a bare Vert.x server answering the same bytes, in one run, with wrk. The JVM (both servers) is
 * pinned to CPU 0 and wrk to CPU 1. Run it alone:
 * <pre>
 * mvn -B -q -o -pl gatepass-server -am test -Dtest=PackageMetadataBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.seconds=10
 * </pre>
 * and read the figures from {@code gatepass-server/target/surefire-reports/*PackageMetadataBenchmark-output.txt}.
 */
class PackageMetadataBenchmark {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final String ACCEPT = "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*";

    @Test
    void packumentGets_authenticated_versusABareServer(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(ToolRun.onPath("wrk") && ToolRun.onPath("taskset"), "wrk and taskset are needed");
        int seconds = Integer.getInteger("bench.seconds", 5);
        try (TestServer server = TestServer.start(null, dir)) {
            CodeartifactClient admin = server.codeArtifact(TestServer.admin());
            admin.createDomain(r -> r.domain("bench"));
            admin.createRepository(r -> r.domain("bench").repository("libs"));
            String endpoint = admin.getRepositoryEndpoint(r -> r.domain("bench").repository("libs")
                    .format(PackageFormat.NPM)).repositoryEndpoint();
            // The administrator may not hold tokens (as in AWS, root cannot); a user with all of CodeArtifact may.
            var iam = server.iam(TestServer.admin());
            iam.createUser(r -> r.userName("bench"));
            iam.putUserPolicy(r -> r.userName("bench").policyName("p").policyDocument("{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"codeartifact:*\",\"sts:GetServiceBearerToken\"],"
                    + "\"Resource\":\"*\"}]}"));
            var key = iam.createAccessKey(r -> r.userName("bench")).accessKey();
            String token;
            try (CodeartifactClient user = server.codeArtifact(software.amazon.awssdk.auth.credentials
                    .AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
                token = user.getAuthorizationToken(r -> r.domain("bench")).authorizationToken();
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int v = 0; v < 20; v++) {
                publish(http, endpoint, token, "bench-lib", "1.0." + v);
            }
            HttpResponse<byte[]> sample = http.send(HttpRequest.newBuilder(URI.create(endpoint + "bench-lib"))
                    .header("Authorization", "Bearer " + token).header("Accept", ACCEPT).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(sample.statusCode()).isEqualTo(200);
            byte[] body = sample.body();

            Vertx vertx = Vertx.vertx();
            HttpServer bare = vertx.createHttpServer().requestHandler(request -> request.response()
                    .putHeader("Content-Type", "application/vnd.npm.install-v1+json")
                    .end(Buffer.buffer(body))).listen(0, "127.0.0.1").await();
            try {
                long pid = ProcessHandle.current().pid();
                ToolRun.run(dir, Map.of(), 10, List.of("taskset", "-a", "-p", "-c", "0", Long.toString(pid)));
                String bareUrl = "http://127.0.0.1:" + bare.actualPort() + "/bench-lib";
                List<String> lines = new ArrayList<>();
                lines.add("packument: " + body.length + " bytes, 20 versions; wrk -t1 -c32 -d" + seconds
                        + "s on CPU 1, servers on CPU 0");
                wrk(dir, 3, bareUrl, null); // warm-up: JIT and connection pools, not recorded
                wrk(dir, 3, endpoint + "bench-lib", token);
                for (int round = 1; round <= 3; round++) {
                    double bareRate = wrk(dir, seconds, bareUrl, null);
                    double gatepassRate = wrk(dir, seconds, endpoint + "bench-lib", token);
                    lines.add(String.format("round %d: bare %.0f req/s, gatepass (token + permission + store) %.0f "
                            + "req/s, ratio %.2f", round, bareRate, gatepassRate, gatepassRate / bareRate));
                }
                lines.forEach(System.out::println);
            } finally {
                bare.close().await();
                vertx.close().await();
            }
        }
    }

    private static double wrk(Path dir, int seconds, String url, String token) throws Exception {
        List<String> command = new ArrayList<>(List.of("taskset", "-c", "1", "wrk", "-t1", "-c32",
                "-d" + seconds + "s", "-H", "Accept: " + ACCEPT));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        command.add(url);
        ToolRun run = ToolRun.run(dir, Map.of(), seconds + 30L, command);
        Matcher rate = RATE.matcher(run.stdout());
        assertThat(run.stdout()).doesNotContain("Non-2xx");
        assertThat(rate.find()).as("wrk printed a rate").isTrue();
        return Double.parseDouble(rate.group(1));
    }

    private static void publish(HttpClient http, String endpoint, String token, String name, String version)
            throws Exception {
        byte[] tarball = (name + version).getBytes(StandardCharsets.UTF_8);
        String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(tarball));
        String body = "{\"name\":\"" + name + "\",\"dist-tags\":{\"latest\":\"" + version + "\"},\"versions\":{\""
                + version + "\":{\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"dependencies\":{\"a\":"
                + "\"^1.0.0\"},\"dist\":{\"shasum\":\"" + sha1 + "\"}}},\"_attachments\":{\"" + name + "-" + version
                + ".tgz\":{\"data\":\"" + Base64.getEncoder().encodeToString(tarball) + "\"}}}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoint + name))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
