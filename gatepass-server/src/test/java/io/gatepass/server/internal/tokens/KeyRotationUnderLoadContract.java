package io.gatepass.server.internal.tokens;

import io.gatepass.core.token.ComputeAuthTokens;
import io.gatepass.core.token.ComputeRegistrations.Registration;
import io.gatepass.core.token.TokenAuthority;
import io.gatepass.core.token.Verification;
import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.config.TokenKeySettings;
import io.gatepass.server.testing.PlainHttp;
import io.gatepass.server.testing.TestCertificate;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.ComputeType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys rotate every two seconds on a running cluster while clients keep minting and using both kinds of token, each
 * minted on one node and checked on another: not one may be refused. Nodes reload every 250 ms, so several
 * rotations (and their activation once every node has the new key) happen within the run.
 */
abstract class KeyRotationUnderLoadContract {
    private static final Duration ROTATION = Duration.ofSeconds(2);
    private static final Duration RELOAD = Duration.ofMillis(250);
    private static final Duration LOAD = Duration.ofSeconds(9);
    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    /** The shared store's JDBC URL, or null for each node's embedded store (then there is one node). */
    abstract String storeUrl();

    abstract int nodes();

    @Test
    void tokensMintedAndVerifiedAcrossNodes_whileKeysRotate_neverRefused(@TempDir Path dir) throws Exception {
        String store = storeUrl();
        List<TestServer> servers = new ArrayList<>();
        try {
            for (int i = 0; i < nodes(); i++) {
                Path dataDir = dir.resolve("node-" + i);
                TestCertificate.seed(dataDir);
                servers.add(TestServer.start(new ServerConfig(0, "127.0.0.1", dataDir, store, TestServer.REGION,
                        "text", ServerConfig.DEFAULT_MAX_BODY_BYTES, MASTER_KEY, new ServerConfig.Bootstrap(
                        TestServer.ACCOUNT, TestServer.ADMIN_ID, TestServer.ADMIN_SECRET))
                        .withTokenKeys(new TokenKeySettings(ROTATION, RELOAD))));
            }
            CodeartifactClient codeArtifact = servers.get(0).codeArtifact(TestServer.admin());
            codeArtifact.createDomain(r -> r.domain("rotating"));
            codeArtifact.createRepository(r -> r.domain("rotating").repository("repo"));
            GameLiftClient gameLift = servers.get(0).gameLift(TestServer.admin());
            gameLift.createLocation(r -> r.locationName("custom-rack"));
            String fleetId = gameLift.createFleet(r -> r.name("rotating").computeType(ComputeType.ANYWHERE)
                    .locations(l -> l.location("custom-rack"))).fleetAttributes().fleetId();

            List<CodeartifactClient> codeArtifacts = servers.stream().map(s -> s.codeArtifact(TestServer.admin()))
                    .toList();
            List<GameLiftClient> gameLifts = servers.stream().map(s -> s.gameLift(TestServer.admin())).toList();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            Set<String> repositoryKeys = ConcurrentHashMap.newKeySet();
            Set<String> computeKeys = ConcurrentHashMap.newKeySet();
            AtomicInteger checks = new AtomicInteger();
            AtomicInteger computes = new AtomicInteger();
            long end = System.nanoTime() + LOAD.toNanos();
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int offset = t;
                Thread client = new Thread(() -> {
                    HttpClient http = PlainHttp.client();
                    for (int n = offset; System.nanoTime() < end && failures.size() < 10; n++) {
                        int m = n % servers.size();
                        TestServer checker = servers.get((n + 1) % servers.size());
                        try {
                            String token = codeArtifacts.get(m).getAuthorizationToken(r -> r
                                    .domain("rotating").domainOwner(TestServer.ACCOUNT).durationSeconds(900L))
                                    .authorizationToken();
                            repositoryKeys.add(token.substring(6, 11));
                            Verification verified = checker.server().repositoryTokenVerifier()
                                    .verify(token);
                            if (!verified.isValid()) {
                                failures.add("repository token refused: " + verified);
                            }
                            HttpResponse<String> npm = http.send(HttpRequest.newBuilder(URI.create(
                                    checker.endpoint() + "/codeartifact/rotating-" + TestServer.ACCOUNT
                                            + "/npm/repo/no-such-package"))
                                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                            ("aws:" + token).getBytes(StandardCharsets.US_ASCII)))
                                    .build(), HttpResponse.BodyHandlers.ofString());
                            if (npm.statusCode() != 404) {
                                failures.add("npm with a fresh token: " + npm.statusCode() + " " + npm.body());
                            }
                            String compute = "c" + computes.incrementAndGet();
                            GameLiftClient minterGameLift = gameLifts.get(m);
                            minterGameLift.registerCompute(r -> r.fleetId(fleetId).computeName(compute)
                                    .ipAddress("10.0.0.7").location("custom-rack"));
                            String computeToken = minterGameLift.getComputeAuthToken(r -> r.fleetId(fleetId)
                                    .computeName(compute)).authToken();
                            computeKeys.add(computeToken.substring(1, 6));
                            TokenAuthority<Registration, ComputeAuthTokens> computeTokens =
                                    checker.server().computeTokenVerifier();
                            Verification<Registration> computeVerified = computeTokens.verify(computeToken,
                                    computeTokens.kind().presentedAs(fleetId, compute));
                            if (!(computeVerified instanceof Verification.Valid)) {
                                failures.add("compute token refused: " + computeVerified);
                            }
                            checks.addAndGet(2);
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                });
                client.start();
                clients.add(client);
            }
            for (Thread client : clients) {
                client.join();
            }

            assertThat(failures).isEmpty();
            assertThat(checks.get()).isGreaterThan(20);
            // keys did rotate under the load, and each new key signed
            assertThat(repositoryKeys).hasSizeGreaterThanOrEqualTo(3);
            assertThat(computeKeys).hasSizeGreaterThanOrEqualTo(3);
        } finally {
            for (TestServer server : servers) {
                server.close();
            }
        }
    }
}
