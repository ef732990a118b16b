package io.gatepass.server.it;

import io.gatepass.core.token.Verification;
import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.testing.PlainHttp;
import io.gatepass.server.testing.TestServer;
import io.gatepass.store.internal.cache.CachingStore;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.ComputeType;
import software.amazon.awssdk.services.gamelift.model.LocationConfiguration;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three nodes on one PostgreSQL store: what one node changes, the others honour within a second. Every node trusts
 * what it read for an hour here (production: 1 s), so a change seen sooner can only have come by word from the node
 * that made it (NOTIFY/LISTEN). The delays seen are summed up at the end (docs/operations.md quotes them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossNodeInvalidationPostgresTest {
    private static final Duration LONG_TTL = Duration.ofHours(1);
    private static final Duration HONOURED_WITHIN = Duration.ofSeconds(1);
    /** How long a test waits for what never comes (then fails); well past {@link #HONOURED_WITHIN}. */
    private static final Duration GIVE_UP = Duration.ofSeconds(5);
    private static final int TRIALS = 5;
    private static final String LIST_USERS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"iam:ListUsers\",\"Resource\":\"*\"}]}";
    private static final String READ_PACKAGES = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"codeartifact:GetAuthorizationToken\",\"codeartifact:ReadFromRepository\","
            + "\"sts:GetServiceBearerToken\"],\"Resource\":\"*\"}]}";

    private final HttpClient http = PlainHttp.client();
    private final Map<String, List<Long>> delaysMillis = new ConcurrentHashMap<>();
    private TestServer a;
    private TestServer b;
    private TestServer c;

    @BeforeAll
    void start(@TempDir Path dirA, @TempDir Path dirB, @TempDir Path dirC) {
        String store = TestDatabase.POSTGRESQL.freshUrl();
        String masterKey = Base64.getEncoder().encodeToString(new byte[32]);
        a = TestServer.start(node(store, masterKey, dirA), LONG_TTL);
        b = TestServer.start(node(store, masterKey, dirB), LONG_TTL);
        c = TestServer.start(node(store, masterKey, dirC), LONG_TTL);
        for (TestServer node : List.of(a, b, c)) {
            await(() -> ((CachingStore) node.server().store()).invalidations().listening(), GIVE_UP,
                    "every node listening");
        }
    }

    private static ServerConfig node(String store, String masterKey, Path dir) {
        return new ServerConfig(0, "127.0.0.1", dir, store, TestServer.REGION, "text",
                ServerConfig.DEFAULT_MAX_BODY_BYTES, masterKey,
                new ServerConfig.Bootstrap(TestServer.ACCOUNT, TestServer.ADMIN_ID, TestServer.ADMIN_SECRET));
    }

    @AfterAll
    void stop() {
        for (TestServer node : new TestServer[] {c, b, a}) {
            if (node != null) {
                node.close();
            }
        }
        List<Long> all = new ArrayList<>();
        delaysMillis.forEach((what, delays) -> {
            summarize(what, delays);
            all.addAll(delays);
        });
        if (!all.isEmpty()) {
            summarize("all", all);
        }
    }

    private static void summarize(String what, List<Long> delays) {
        List<Long> sorted = new ArrayList<>(delays);
        Collections.sort(sorted);
        System.out.printf("cross-node delay, %s: n=%d median=%d ms p90=%d ms max=%d ms%n", what, sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1),
                sorted.get(sorted.size() - 1));
    }

    @Test
    void accessKeyDeactivatedOrActivatedOnA_isHonouredOnBAndCWithinASecond() {
        AwsCredentials key = userWithKey(null);
        String keyId = key.accessKeyId();
        String userName = userNameOf(key);
        try (IamClient iam = a.iam(TestServer.admin()); StsClient onB = b.sts(key); StsClient onC = c.sts(key)) {
            assertThat(callerIdentityWorks(onB)).isTrue();
            assertThat(callerIdentityWorks(onC)).isTrue();
            for (int trial = 0; trial < TRIALS; trial++) {
                iam.updateAccessKey(r -> r.userName(userName).accessKeyId(keyId).status(StatusType.INACTIVE));
                long changed = System.nanoTime();
                honoured("access key deactivated", changed, () -> !callerIdentityWorks(onB));
                honoured("access key deactivated", changed, () -> !callerIdentityWorks(onC));

                iam.updateAccessKey(r -> r.userName(userName).accessKeyId(keyId).status(StatusType.ACTIVE));
                changed = System.nanoTime();
                honoured("access key activated", changed, () -> callerIdentityWorks(onB));
                honoured("access key activated", changed, () -> callerIdentityWorks(onC));
            }
        }
    }

    @Test
    void policyRemovedOrPutOnA_isHonouredOnBWithinASecond() {
        AwsCredentials key = userWithKey(LIST_USERS);
        String userName = userNameOf(key);
        try (IamClient iam = a.iam(TestServer.admin()); IamClient onB = b.iam(key)) {
            assertThat(listUsersAllowed(onB)).isTrue();
            for (int trial = 0; trial < TRIALS; trial++) {
                iam.deleteUserPolicy(r -> r.userName(userName).policyName("list"));
                honoured("policy removed", System.nanoTime(), () -> !listUsersAllowed(onB));

                iam.putUserPolicy(r -> r.userName(userName).policyName("list").policyDocument(LIST_USERS));
                honoured("policy put", System.nanoTime(), () -> listUsersAllowed(onB));
            }
        }
    }

    @Test
    void computeTokens_areTheSameOnEveryNode_verifiedByAnyNode_andRefusedEverywhereOnceDeregisteredOnA() {
        try (GameLiftClient glA = a.gameLift(TestServer.admin()); GameLiftClient glB = b.gameLift(TestServer.admin())) {
            String location = "custom-" + unique();
            glA.createLocation(r -> r.locationName(location));
            String fleetId = glA.createFleet(r -> r.name("fleet-" + unique()).computeType(ComputeType.ANYWHERE)
                    .locations(LocationConfiguration.builder().location(location).build())).fleetAttributes()
                    .fleetId();
            for (int trial = 0; trial < TRIALS; trial++) {
                String compute = "box-" + trial;
                glA.registerCompute(r -> r.fleetId(fleetId).computeName(compute).ipAddress("10.0.0.7")
                        .location(location));
                String token = glA.getComputeAuthToken(r -> r.fleetId(fleetId).computeName(compute)).authToken();
                // the same token until 15 minutes before it expires, whichever node is asked
                assertThat(glB.getComputeAuthToken(r -> r.fleetId(fleetId).computeName(compute)).authToken())
                        .isEqualTo(token);
                assertThat(c.server().computeTokenVerifier().verify(token)).isInstanceOf(Verification.Valid.class);
                assertThat(b.server().computeTokenVerifier().verify(token)).isInstanceOf(Verification.Valid.class);

                glA.deregisterCompute(r -> r.fleetId(fleetId).computeName(compute));
                long changed = System.nanoTime();
                honoured("compute deregistered", changed, () -> b.server().computeTokenVerifier().verify(token)
                        instanceof Verification.Refused);
                honoured("compute deregistered", changed, () -> c.server().computeTokenVerifier().verify(token)
                        instanceof Verification.Refused);
            }
        }
    }

    @Test
    void repositoryTokenFromA_servesOnB_untilTheDomainIsDeletedOnA() {
        try (CodeartifactClient caA = a.codeArtifact(TestServer.admin())) {
            for (int trial = 0; trial < TRIALS; trial++) {
                String domain = "team-" + unique();
                caA.createDomain(r -> r.domain(domain));
                caA.createRepository(r -> r.domain(domain).repository("libs"));
                String token = caA.getAuthorizationToken(r -> r.domain(domain)).authorizationToken();
                assertThat(ping(b, domain, token)).isEqualTo(200);
                assertThat(ping(c, domain, token)).isEqualTo(200);

                caA.deleteRepository(r -> r.domain(domain).repository("libs"));
                caA.deleteDomain(r -> r.domain(domain));
                long changed = System.nanoTime();
                honoured("domain deleted (package endpoint)", changed, () -> ping(b, domain, token) == 401);
                honoured("domain deleted (package endpoint)", changed, () -> ping(c, domain, token) == 401);
            }
        }
    }

    @Test
    void repositoryDeletedOrRecreatedOnA_isHonouredByTheOtherNodesPackageEndpoints() {
        try (CodeartifactClient caA = a.codeArtifact(TestServer.admin())) {
            String domain = "team-" + unique();
            caA.createDomain(r -> r.domain(domain));
            String token = caA.getAuthorizationToken(r -> r.domain(domain)).authorizationToken();
            for (int trial = 0; trial < TRIALS; trial++) {
                caA.createRepository(r -> r.domain(domain).repository("libs"));
                long changed = System.nanoTime();
                honoured("repository created (package endpoint)", changed, () -> ping(b, domain, token) == 200);
                honoured("repository created (package endpoint)", changed, () -> ping(c, domain, token) == 200);

                caA.deleteRepository(r -> r.domain(domain).repository("libs"));
                changed = System.nanoTime();
                honoured("repository deleted (package endpoint)", changed, () -> ping(b, domain, token) == 404);
                honoured("repository deleted (package endpoint)", changed, () -> ping(c, domain, token) == 404);
            }
        }
    }

    @Test
    void repositoryPolicyPutOrDeletedOnA_isHonouredByTheOtherNodesPackageEndpoints() {
        AwsCredentials reader = userWithKey(READ_PACKAGES);
        try (CodeartifactClient caA = a.codeArtifact(TestServer.admin());
             CodeartifactClient asReader = a.codeArtifact(reader)) {
            String domain = "team-" + unique();
            caA.createDomain(r -> r.domain(domain));
            caA.createRepository(r -> r.domain(domain).repository("libs"));
            String token = asReader.getAuthorizationToken(r -> r.domain(domain)).authorizationToken();
            assertThat(ping(b, domain, token)).isEqualTo(200);
            String deny = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":"
                    + "\"arn:aws:iam::" + TestServer.ACCOUNT + ":user/" + userNameOf(reader) + "\"},"
                    + "\"Action\":\"codeartifact:ReadFromRepository\",\"Resource\":\"*\"}]}";
            for (int trial = 0; trial < TRIALS; trial++) {
                caA.putRepositoryPermissionsPolicy(r -> r.domain(domain).repository("libs").policyDocument(deny));
                long changed = System.nanoTime();
                honoured("repository policy put (package endpoint)", changed, () -> ping(b, domain, token) == 403);
                honoured("repository policy put (package endpoint)", changed, () -> ping(c, domain, token) == 403);

                caA.deleteRepositoryPermissionsPolicy(r -> r.domain(domain).repository("libs"));
                changed = System.nanoTime();
                honoured("repository policy deleted (package endpoint)", changed,
                        () -> ping(b, domain, token) == 200);
                honoured("repository policy deleted (package endpoint)", changed,
                        () -> ping(c, domain, token) == 200);
            }
        }
    }

    /** Waits for {@code condition} on another node; records the delay since the change and fails past a second. */
    private void honoured(String what, long changedAtNanos, BooleanSupplier condition) {
        await(condition, GIVE_UP, what);
        long delay = System.nanoTime() - changedAtNanos;
        delaysMillis.computeIfAbsent(what, w -> Collections.synchronizedList(new ArrayList<>()))
                .add(Duration.ofNanos(delay).toMillis());
        assertThat(Duration.ofNanos(delay)).as(what + " honoured on another node").isLessThan(HONOURED_WITHIN);
    }

    private static void await(BooleanSupplier condition, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within.toMillis() + " ms: " + what);
            }
            Thread.onSpinWait(); // each check is a request to a node: polling, not timing
        }
    }

    private AwsCredentials userWithKey(String inlinePolicyOrNull) {
        String name = "u-" + unique();
        try (IamClient iam = a.iam(TestServer.admin())) {
            iam.createUser(r -> r.userName(name));
            if (inlinePolicyOrNull != null) {
                iam.putUserPolicy(r -> r.userName(name).policyName("list").policyDocument(inlinePolicyOrNull));
            }
            AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
            users.put(key.accessKeyId(), name);
            return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
        }
    }

    private final Map<String, String> users = new ConcurrentHashMap<>();

    private String userNameOf(AwsCredentials key) {
        return users.get(key.accessKeyId());
    }

    private static boolean callerIdentityWorks(StsClient sts) {
        try {
            sts.getCallerIdentity();
            return true;
        } catch (AwsServiceException e) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            return false;
        }
    }

    private static boolean listUsersAllowed(IamClient iam) {
        try {
            iam.listUsers();
            return true;
        } catch (AwsServiceException e) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            return false;
        }
    }

    private int ping(TestServer node, String domain, String token) {
        URI uri = node.endpoint().resolve("/codeartifact/" + domain + "-" + TestServer.ACCOUNT + "/npm/libs/-/ping");
        try {
            return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new AssertionError("package endpoint of " + node.endpoint() + " unreachable", e);
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
