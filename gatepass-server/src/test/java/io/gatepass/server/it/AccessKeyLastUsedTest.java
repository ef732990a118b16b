package io.gatepass.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.server.testing.AwsCli;
import io.gatepass.server.testing.TestServer;
import io.gatepass.server.testing.ToolRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedResponse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.gatepass.server.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GetAccessKeyLastUsed through the AWS SDK for Java v2 and the AWS CLI: "N/A" before a key is used, then the date,
 * signing service and region of its last successfully authenticated request once the noted uses are flushed (the
 * server's once-a-minute flush, triggered here through its hook).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessKeyLastUsedTest {
    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestServer server;
    private IamClient admin;
    private Path work;

    @BeforeAll
    void start(@TempDir Path work) {
        this.work = work;
        server = TestServer.start(null, work.resolve("data"));
        admin = server.iam(TestServer.admin());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private AwsCredentials userWithKey(String userName, String policy) {
        admin.createUser(r -> r.userName(userName));
        if (policy != null) {
            admin.putUserPolicy(r -> r.userName(userName).policyName("p").policyDocument(policy));
        }
        AccessKey key = admin.createAccessKey(r -> r.userName(userName)).accessKey();
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    private static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    @Test
    void neverUsed_isNotAvailable_thenAfterASignedCallAndAFlush_isThatCall() {
        AwsCredentials alice = userWithKey("alice", null);

        GetAccessKeyLastUsedResponse before = admin.getAccessKeyLastUsed(r -> r.accessKeyId(alice.accessKeyId()));
        assertThat(before.userName()).isEqualTo("alice");
        assertThat(before.accessKeyLastUsed().serviceName()).isEqualTo("N/A");
        assertThat(before.accessKeyLastUsed().region()).isEqualTo("N/A");
        assertThat(before.accessKeyLastUsed().lastUsedDate()).isNull();

        Instant start = server.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        server.sts(alice).getCallerIdentity();
        Instant end = server.clock().instant();
        // noted in memory only: nothing is written on the request path
        assertThat(admin.getAccessKeyLastUsed(r -> r.accessKeyId(alice.accessKeyId())).accessKeyLastUsed()
                .serviceName()).isEqualTo("N/A");

        server.server().flushAccessKeyUsage();
        AccessKeyLastUsed used = admin.getAccessKeyLastUsed(r -> r.accessKeyId(alice.accessKeyId()))
                .accessKeyLastUsed();
        assertThat(used.serviceName()).isEqualTo("sts");
        assertThat(used.region()).isEqualTo(TestServer.REGION);
        assertThat(used.lastUsedDate()).isBetween(start, end);

        // a later use with another service replaces it
        assertThatThrownBy(() -> server.iam(alice).listUsers()).isInstanceOf(AwsServiceException.class);
        server.server().flushAccessKeyUsage();
        AccessKeyLastUsed later = admin.getAccessKeyLastUsed(r -> r.accessKeyId(alice.accessKeyId()))
                .accessKeyLastUsed();
        assertThat(later.serviceName()).isEqualTo("iam");
        assertThat(later.lastUsedDate()).isAfterOrEqualTo(used.lastUsedDate());

        // the administrator's root key signed every call above
        server.server().flushAccessKeyUsage();
        GetAccessKeyLastUsedResponse root = admin.getAccessKeyLastUsed(r -> r.accessKeyId(TestServer.ADMIN_ID));
        assertThat(root.userName()).isNull();
        assertThat(root.accessKeyLastUsed().serviceName()).isEqualTo("iam");
    }

    @Test
    void isAuthorizedOnTheKeysUser() {
        AwsCredentials bob = userWithKey("bob", null);
        String bobArn = "arn:aws:iam::" + TestServer.ACCOUNT + ":user/bob";
        AwsCredentials auditor = userWithKey("auditor", allow("iam:GetAccessKeyLastUsed", bobArn));

        assertAwsError(() -> server.iam(bob).getAccessKeyLastUsed(r -> r.accessKeyId(bob.accessKeyId())),
                "AccessDenied", 403, "iam:GetAccessKeyLastUsed");
        assertThat(server.iam(auditor).getAccessKeyLastUsed(r -> r.accessKeyId(bob.accessKeyId())).userName())
                .isEqualTo("bob");
        assertAwsError(() -> server.iam(auditor).getAccessKeyLastUsed(r -> r.accessKeyId(TestServer.ADMIN_ID)),
                "AccessDenied", 403, "iam:GetAccessKeyLastUsed");
        assertAwsError(() -> server.iam(auditor).getAccessKeyLastUsed(r -> r.accessKeyId(auditor.accessKeyId())),
                "AccessDenied", 403, "iam:GetAccessKeyLastUsed");
    }

    @Test
    void cleanStop_writesTheUsesNotedSinceTheLastFlush(@TempDir Path other) {
        Path data = other.resolve("data");
        try (TestServer first = TestServer.start(null, data)) {
            first.sts(TestServer.admin()).getCallerIdentity();
        }
        try (TestServer second = TestServer.start(null, data)) {
            // read before this server's own flush could run: only the first server's stop can have written it
            AccessKeyLastUsed used = second.iam(TestServer.admin())
                    .getAccessKeyLastUsed(r -> r.accessKeyId(TestServer.ADMIN_ID)).accessKeyLastUsed();
            assertThat(used.serviceName()).isEqualTo("sts");
            assertThat(used.region()).isEqualTo(TestServer.REGION);
        }
    }

    @Test
    void temporaryKey_isNoSuchEntity() {
        var session = server.sts(TestServer.admin()).getSessionToken().credentials();
        server.sts(TestServer.of(session)).getCallerIdentity();
        server.server().flushAccessKeyUsage();
        assertAwsError(() -> admin.getAccessKeyLastUsed(r -> r.accessKeyId(session.accessKeyId())),
                "NoSuchEntity", 404, session.accessKeyId());
    }

    @Test
    void unknownKey_isNoSuchEntity() {
        assertAwsError(() -> admin.getAccessKeyLastUsed(r -> r.accessKeyId("AKIAXXXXXXXXXXXXXXXX")),
                "NoSuchEntity", 404, "AKIAXXXXXXXXXXXXXXXX");
    }

    @Test
    void awsCli_showsNotAvailable_thenTheLastUse() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(AWS), "/usr/bin/aws is not installed: skipping the AWS CLI case");
        AwsCredentials carol = userWithKey("carol", null);
        JsonNode before = aws("get-access-key-last-used", "--access-key-id", carol.accessKeyId());
        assertThat(before.path("UserName").asText()).isEqualTo("carol");
        assertThat(before.path("AccessKeyLastUsed").path("ServiceName").asText()).isEqualTo("N/A");
        assertThat(before.path("AccessKeyLastUsed").path("Region").asText()).isEqualTo("N/A");
        assertThat(before.path("AccessKeyLastUsed").has("LastUsedDate")).isFalse();

        server.sts(carol).getCallerIdentity();
        server.server().flushAccessKeyUsage();
        JsonNode after = aws("get-access-key-last-used", "--access-key-id", carol.accessKeyId());
        assertThat(after.path("AccessKeyLastUsed").path("ServiceName").asText()).isEqualTo("sts");
        assertThat(after.path("AccessKeyLastUsed").path("Region").asText()).isEqualTo(TestServer.REGION);
        assertThat(Instant.parse(after.path("AccessKeyLastUsed").path("LastUsedDate").asText()
                .replace("+00:00", "Z"))).isBeforeOrEqualTo(server.clock().instant());
    }

    private JsonNode aws(String... arguments) throws Exception {
        ToolRun run = AwsCli.run(work, server.endpoint(), "iam", arguments);
        assertThat(run.exitCode()).as(run.output()).isZero();
        return JSON.readTree(run.stdout());
    }

}
