package io.gatepass.cli.internal.store;

import io.gatepass.cli.Commands;
import io.gatepass.cli.testing.CliTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gatepass keys rotate|list} on a real server's data directory. */
class KeysCommandTest {
    private record Run(int status, String out, String err) {
    }

    @Test
    void rotate_addsAKeyToEachRing_whichTheNextServerPublishesAndStartsSigningWith(@TempDir Path dataDir)
            throws Exception {
        try (CliTestServer server = CliTestServer.start(dataDir)) {
            assertThat(jwksKeyIds(server)).hasSize(1);
        }
        Run before = gatepass("keys", "list", "--store", dataDir.toString());
        assertThat(before.status()).as(before.err()).isZero();
        assertThat(before.out().lines()).hasSize(2);

        Run rotate = gatepass("keys", "rotate", "--store", dataDir.toString());

        assertThat(rotate.status()).as(rotate.err()).isZero();
        assertThat(rotate.out()).containsPattern("Added compute key [A-Za-z0-9]{5}")
                .containsPattern("Added repository key [A-Za-z0-9]{5}");
        String repositoryKey = rotate.out().replaceAll("(?s).*Added repository key ([A-Za-z0-9]{5}).*", "$1");
        Run after = gatepass("keys", "list", "--store", dataDir.toString());
        assertThat(after.out().lines()).hasSize(4);
        assertThat(after.out()).contains("repository " + repositoryKey + " created")
                .contains("waiting for every node to load it").doesNotContain("secret");

        try (CliTestServer server = CliTestServer.start(dataDir)) {
            // published before it signs, beside the old key; this single node has loaded it, so it signs at once
            assertThat(jwksKeyIds(server)).hasSize(2).endsWith(repositoryKey);
        }
        Run signing = gatepass("keys", "list", "--store", dataDir.toString());
        assertThat(signing.out()).containsPattern("repository " + repositoryKey + " created \\S+, signs from ");
    }

    @Test
    void rotatedThroughTheServersApi_listedByKeysList(@TempDir Path dataDir) throws Exception {
        String added;
        try (CliTestServer server = CliTestServer.start(dataDir)) {
            HttpResponse<String> rotated = rotateThroughApi(server);
            assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
            added = rotated.body().replaceAll("(?s).*\"rotated\":\\[\\{[^}]*\"keyId\":\"([A-Za-z0-9]{5})\".*", "$1");
            assertThat(added).matches("[A-Za-z0-9]{5}");
            assertThat(jwksKeyIds(server)).endsWith(added);
        }

        Run list = gatepass("keys", "list", "--store", dataDir.toString());

        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern("repository " + added + " created ");
    }

    /** POST /gatepass/v1/token-keys/rotate for the repository ring, signed for the service "gatepass". */
    private static HttpResponse<String> rotateThroughApi(CliTestServer server) throws Exception {
        byte[] body = "{\"ring\":\"repository\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        URI uri = URI.create(server.endpoint() + "/gatepass/v1/token-keys/rotate");
        var signed = software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.create().sign(r -> r
                .identity(software.amazon.awssdk.identity.spi.AwsCredentialsIdentity.create(CliTestServer.ADMIN_ID,
                        CliTestServer.ADMIN_SECRET))
                .request(software.amazon.awssdk.http.SdkHttpRequest.builder()
                        .method(software.amazon.awssdk.http.SdkHttpMethod.POST).uri(uri)
                        .putHeader("Content-Type", "application/json").build())
                .payload(software.amazon.awssdk.http.ContentStreamProvider.fromByteArray(body))
                .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                        "gatepass")
                .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.REGION_NAME,
                        CliTestServer.REGION));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.request().headers().forEach((name, values) -> {
            if (!java.util.List.of("host", "content-length").contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void rotate_withoutAMasterKey_refusedWithTheReason(@TempDir Path empty) {
        Run rotate = gatepass("keys", "rotate", "--store", empty.toString(), "--ring", "compute");
        assertThat(rotate.status()).isEqualTo(1);
        assertThat(rotate.err()).contains("No Gatepass store in " + empty);

        Run ring = gatepass("keys", "rotate", "--store", empty.toString(), "--ring", "everything");
        assertThat(ring.status()).isEqualTo(1);
        assertThat(ring.err()).contains("--ring is compute, repository or all");
    }

    @Test
    void rings_keepTheirKeysAsLongAsTheServerDoes_theComputeTokenLifetimeAndTheRepositoryTokensLongest() {
        assertThat(KeysCommand.RINGS).extracting(KeysCommand.Ring::name).containsExactly("compute", "repository");
        assertThat(KeysCommand.RINGS).extracting(KeysCommand.Ring::maxTokenLifetime).containsExactly(
                io.gatepass.server.config.ServerConfig.DEFAULT_COMPUTE_TOKEN_TTL,
                io.gatepass.core.token.RepositoryTokens.MAX_LIFETIME);
    }

    private static java.util.List<String> jwksKeyIds(CliTestServer server) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.endpoint() + "/.well-known/jwks.json")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return java.util.regex.Pattern.compile("\"kid\":\"([A-Za-z0-9]{5})\"").matcher(response.body()).results()
                .map(m -> m.group(1)).toList();
    }

    private static Run gatepass(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Commands.commandLine(args[0]).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Run(status, out.toString(), err.toString());
    }
}
