package io.gatepass.cli.store;

import io.gatepass.cli.Main;
import io.gatepass.cli.testing.CliTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
        int status = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Run(status, out.toString(), err.toString());
    }
}
