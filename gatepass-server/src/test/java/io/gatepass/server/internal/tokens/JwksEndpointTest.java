package io.gatepass.server.internal.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.server.testing.PlainHttp;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code GET /.well-known/jwks.json} publishes the repository token keys without authentication, and a token from
 * GetAuthorizationToken verifies offline following docs/tokens.md: with the JDK alone, and with python3's
 * cryptography package when it is installed.
 */
class JwksEndpointTest {
    @TempDir
    Path dataDir;
    private TestServer server;
    private final HttpClient http = PlainHttp.client();

    @BeforeEach
    void start() {
        server = TestServer.start(null, dataDir);
        var codeArtifact = server.codeArtifact(TestServer.admin());
        codeArtifact.createDomain(r -> r.domain("offline"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String token() {
        return server.codeArtifact(TestServer.admin()).getAuthorizationToken(r -> r.domain("offline")
                .domainOwner(TestServer.ACCOUNT)).authorizationToken();
    }

    private HttpResponse<String> jwks() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/.well-known/jwks.json")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void jwks_withoutCredentials_publishesTheEd25519KeysWithCacheHeaders() throws Exception {
        HttpResponse<String> response = jwks();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/jwk-set+json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        JsonNode keys = new ObjectMapper().readTree(response.body()).path("keys");
        assertThat(keys).hasSize(1);
        JsonNode key = keys.get(0);
        assertThat(key.path("kty").asText()).isEqualTo("OKP");
        assertThat(key.path("crv").asText()).isEqualTo("Ed25519");
        assertThat(key.path("alg").asText()).isEqualTo("EdDSA");
        assertThat(key.path("use").asText()).isEqualTo("sig");
        assertThat(Base64.getUrlDecoder().decode(key.path("x").asText())).hasSize(32);
        assertThat(key.path("kid").asText()).isEqualTo(token().substring(6, 11));
        assertThat(response.body()).doesNotContain("\"d\""); // never a private part
    }

    @Test
    void token_verifiesOfflineWithTheJdkAlone_asDocsTokensMdSays() throws Exception {
        String token = token();
        JsonNode keys = new ObjectMapper().readTree(jwks().body()).path("keys");

        assertThat(verifyOffline(token, keys)).isTrue();
        String altered = token.substring(0, 20) + (token.charAt(20) == 'A' ? 'B' : 'A') + token.substring(21);
        assertThat(verifyOffline(altered, keys)).isFalse();
    }

    @Test
    void token_verifiesOfflineWithPythonCryptography_whenInstalled() throws Exception {
        assumeTrue(pythonHasCryptography(), "python3 with the cryptography package");
        Path script = dataDir.resolve("verify.py");
        Files.writeString(script, """
                import base64, json, sys
                from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
                def b64url(text):
                    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
                token, jwks = sys.argv[1], json.loads(sys.argv[2])
                signed, signature = token.rsplit(".", 1)
                version, kid = signed.split(".")[:2]
                assert version == "gpca2"
                key = next(k for k in jwks["keys"] if k["kid"] == kid)
                Ed25519PublicKey.from_public_bytes(b64url(key["x"])).verify(
                    b64url(signature), b"gatepass/codeartifact-authorization-token/ed25519\\0" + signed.encode())
                print("valid")
                """);
        String token = token();
        Process python = new ProcessBuilder("python3", script.toString(), token, jwks().body())
                .redirectErrorStream(true).start();
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output.strip()).isEqualTo("valid");
        assertThat(python.exitValue()).isZero();
    }

    /** The recipe of docs/tokens.md, in Java with the JDK only. */
    static boolean verifyOffline(String token, JsonNode jwksKeys) throws Exception {
        int lastDot = token.lastIndexOf('.');
        String signed = token.substring(0, lastDot);
        String[] parts = signed.split("\\.");
        if (parts.length != 3 || !parts[0].equals("gpca2")) {
            return false;
        }
        JsonNode jwk = null;
        for (JsonNode key : jwksKeys) {
            if (key.path("kid").asText().equals(parts[1])) {
                jwk = key;
            }
        }
        if (jwk == null) {
            return false; // an unknown key: fetch the key set again, once
        }
        byte[] spki = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of()
                .formatHex(Base64.getUrlDecoder().decode(jwk.path("x").asText())));
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(key);
        ed25519.update(("gatepass/codeartifact-authorization-token/ed25519\0" + signed)
                .getBytes(StandardCharsets.US_ASCII));
        try {
            return ed25519.verify(Base64.getUrlDecoder().decode(token.substring(lastDot + 1)));
        } catch (java.security.SignatureException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean pythonHasCryptography() {
        try {
            Process check = new ProcessBuilder("python3", "-c", "import cryptography").start();
            return check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
