package io.gatepass.server.it;

import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.testing.PlainHttp;
import io.gatepass.server.testing.PrivatePostgres;
import io.gatepass.server.testing.TestServer;
import io.gatepass.store.internal.cache.CachingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * PostgreSQL restarted under two running nodes (a server of the test's own, never the machine's shared one): while it
 * is down, requests that need it fail at once or within the pool's 5 s wait, as AWS answers a temporary failure (503
 * ServiceUnavailable in the protocol's shape, no internals in the body); once it is back, every request succeeds
 * without restarting a node, and the nodes hear each other's changes again (their caches trust reads for an hour here,
 * so only word by NOTIFY explains a change seen at once).
 */
class StoreOutageTest {
    private static final Duration LONG_TTL = Duration.ofHours(1);
    /** Hikari waits 5 s for a connection before giving up; the answer must come well before any client timeout. */
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(10);

    private final HttpClient http = PlainHttp.client();

    @Test
    void postgresRestartedUnderRunningNodes_requestsFailAsServiceUnavailable_thenAllSucceedWithoutARestart(
            @TempDir Path dirA, @TempDir Path dirB) throws Exception {
        try (PrivatePostgres postgres = PrivatePostgres.start()) {
            String masterKey = Base64.getEncoder().encodeToString(new byte[32]);
            try (TestServer a = TestServer.start(node(postgres.url(), masterKey, dirA), LONG_TTL);
                 TestServer b = TestServer.start(node(postgres.url(), masterKey, dirB), LONG_TTL);
                 IamClient iamA = a.iam(TestServer.admin());
                 IamClient iamB = b.iam(TestServer.admin());
                 GameLiftClient gameLiftB = b.gameLift(TestServer.admin());
                 CodeartifactClient codeArtifactA = a.codeArtifact(TestServer.admin())) {
                iamA.createUser(r -> r.userName("builder"));
                AccessKey created = iamA.createAccessKey(r -> r.userName("builder")).accessKey();
                AwsCredentials builder = AwsBasicCredentials.create(created.accessKeyId(), created.secretAccessKey());
                codeArtifactA.createDomain(r -> r.domain("team"));
                codeArtifactA.createRepository(r -> r.domain("team").repository("libs"));
                String repositoryToken = codeArtifactA.getAuthorizationToken(r -> r.domain("team"))
                        .authorizationToken();
                assertThat(packument(b, repositoryToken).statusCode()).isEqualTo(404); // admitted, no such package

                postgres.stop();

                // query protocol (IAM): a write and an uncached read
                assertServiceUnavailable(() -> iamA.createUser(r -> r.userName("during-outage")),
                        "ServiceUnavailable");
                assertServiceUnavailable(iamB::listUsers, "ServiceUnavailable");
                // JSON protocol (GameLift)
                assertServiceUnavailable(gameLiftB::listFleets, "ServiceUnavailableException");
                // a package endpoint, in npm's shape
                long started = System.nanoTime();
                HttpResponse<String> npm = packument(b, repositoryToken);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ANSWERED_WITHIN);
                assertThat(npm.statusCode()).isEqualTo(503);
                assertThat(npm.body()).contains("\"error\"").doesNotContain("Exception").doesNotContain("SQL")
                        .doesNotContain("io.gatepass");

                postgres.startAgain();

                await(() -> succeeds(iamA::listUsers) && succeeds(iamB::listUsers), Duration.ofSeconds(30),
                        "both nodes answering again");
                for (int i = 0; i < 10; i++) {
                    String name = "after-" + i;
                    iamA.createUser(r -> r.userName(name));
                    assertThat(iamB.getUser(r -> r.userName(name)).user().userName()).isEqualTo(name);
                    assertThat(gameLiftB.listFleets().fleetIds()).isEmpty();
                    assertThat(packument(b, repositoryToken).statusCode()).isEqualTo(404);
                }
                await(() -> listening(a) && listening(b), Duration.ofSeconds(15), "both nodes listening again");
                try (StsClient onB = b.sts(builder)) {
                    onB.getCallerIdentity(); // now cached on B for an hour, unless word comes
                    iamA.updateAccessKey(r -> r.userName("builder").accessKeyId(created.accessKeyId())
                            .status(StatusType.INACTIVE));
                    await(() -> !succeeds(onB::getCallerIdentity), Duration.ofSeconds(1),
                            "B refusing the key A deactivated");
                }
            }
        }
    }

    private static ServerConfig node(String store, String masterKey, Path dir) {
        return new ServerConfig(0, "127.0.0.1", dir, store, TestServer.REGION, "text",
                ServerConfig.DEFAULT_MAX_BODY_BYTES, masterKey,
                new ServerConfig.Bootstrap(TestServer.ACCOUNT, TestServer.ADMIN_ID, TestServer.ADMIN_SECRET));
    }

    private static void assertServiceUnavailable(Runnable call, String code) {
        long started = System.nanoTime();
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, call::run);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ANSWERED_WITHIN);
        assertThat(e).as("refused while the store is down").isNotNull();
        assertThat(e.statusCode()).isEqualTo(503);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                "The service is temporarily unavailable. Please try again.");
        assertThat(e.requestId()).isNotBlank();
    }

    private static boolean succeeds(Runnable call) {
        try {
            call.run();
            return true;
        } catch (AwsServiceException e) {
            assertThat(e.statusCode()).isEqualTo(e.awsErrorDetails().errorCode().startsWith("ServiceUnavailable")
                    ? 503 : 403);
            return false;
        }
    }

    private static boolean listening(TestServer node) {
        return ((CachingStore) node.server().store()).invalidations().listening();
    }

    private HttpResponse<String> packument(TestServer node, String token) throws Exception {
        URI uri = node.endpoint().resolve("/codeartifact/team-" + TestServer.ACCOUNT + "/npm/libs/left-pad");
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void await(BooleanSupplier condition, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within.toMillis() + " ms: " + what);
            }
            Thread.onSpinWait();
        }
    }
}
