package io.gatepass.server.it;

import io.gatepass.server.GatepassServer;
import io.gatepass.server.internal.bootstrap.AdminBootstrap;
import io.gatepass.server.config.ServerConfig;
import io.gatepass.server.testing.TestServer;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What is created before a restart still works after it, on H2 and PostgreSQL; the bootstrap is not repeated. */
class RestartTest {

    @Test
    void restart_onH2File_keepsUsersKeysAndTheAdministrator(@TempDir Path dataDir) {
        restartKeepsIdentities(null, dataDir);
    }

    @Test
    void restart_onPostgres_keepsUsersKeysAndTheAdministrator(@TempDir Path dataDir) {
        restartKeepsIdentities(TestDatabase.POSTGRESQL.freshUrl(), dataDir);
    }

    private static void restartKeepsIdentities(String storeUrl, Path dataDir) {
        AwsCredentials userKey;
        try (TestServer first = TestServer.start(storeUrl, dataDir)) {
            assertThat(first.server().bootstrap().created()).isTrue();
            first.iam(TestServer.admin()).createUser(r -> r.userName("survivor"));
            AccessKey key = first.iam(TestServer.admin()).createAccessKey(r -> r.userName("survivor")).accessKey();
            userKey = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
        }
        try (TestServer second = TestServer.start(storeUrl, dataDir)) {
            assertThat(second.server().bootstrap().created()).isFalse();
            assertThat(second.sts(userKey).getCallerIdentity().arn()).endsWith(":user/survivor");
            assertThat(second.sts(TestServer.admin()).getCallerIdentity().account()).isEqualTo(TestServer.ACCOUNT);
        }
    }

    @Test
    void firstStart_ofTwoNodesAtOnceOnOneEmptyPostgres_makesOneAccount_whoseAdministratorBothAccept(
            @TempDir Path dirA, @TempDir Path dirB) throws Exception {
        String storeUrl = TestDatabase.POSTGRESQL.freshUrl();
        String masterKey = Base64.getEncoder().encodeToString(new byte[32]);
        ExecutorService starts = Executors.newFixedThreadPool(2);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<GatepassServer>> nodes = new ArrayList<>();
        for (Path dir : new Path[] {dirA, dirB}) {
            nodes.add(starts.submit(() -> {
                together.await();
                return GatepassServer.start(new ServerConfig(0, "127.0.0.1", dir, storeUrl, "us-east-1", "text",
                        1 << 20, masterKey, ServerConfig.Bootstrap.RANDOM));
            }));
        }
        try (GatepassServer a = nodes.get(0).get(60, TimeUnit.SECONDS);
             GatepassServer b = nodes.get(1).get(60, TimeUnit.SECONDS)) {
            assertThat(a.bootstrap().accountId()).isEqualTo(b.bootstrap().accountId());
            assertThat(a.bootstrap().created() ^ b.bootstrap().created()).as("exactly one node created it").isTrue();
            Path credentials = (a.bootstrap().created() ? dirA : dirB).resolve(AdminBootstrap.CREDENTIALS_FILE);
            String text = Files.readString(credentials);
            AwsCredentials admin = AwsBasicCredentials.create(
                    text.replaceAll("(?s).*aws_access_key_id = (\\S+).*", "$1"),
                    text.replaceAll("(?s).*aws_secret_access_key = (\\S+).*", "$1"));
            for (GatepassServer node : new GatepassServer[] {a, b}) {
                try (var sts = StsClient.builder()
                        .endpointOverride(URI.create(node.endpoint()))
                        .region(Region.US_EAST_1)
                        .credentialsProvider(() -> admin).build()) {
                    assertThat(sts.getCallerIdentity().account()).isEqualTo(a.bootstrap().accountId());
                }
            }
        } finally {
            starts.shutdownNow();
        }
    }

    @Test
    void firstStart_writesAdminCredentialsOnlyTheOwnerCanRead(@TempDir Path dataDir) throws Exception {
        try (TestServer server = TestServer.start(null, dataDir)) {
            Path credentials = dataDir.resolve(AdminBootstrap.CREDENTIALS_FILE);
            assertThat(Files.getPosixFilePermissions(credentials))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(credentials)).isEqualTo("[gatepass]\naws_access_key_id = "
                    + TestServer.ADMIN_ID + "\naws_secret_access_key = " + TestServer.ADMIN_SECRET + "\n");
            assertThat(Files.readString(dataDir.resolve(AdminBootstrap.CONFIG_FILE)))
                    .isEqualTo("[profile gatepass]\nregion = us-east-1\n");
        }
    }

    @Test
    void firstStart_withoutKnownValues_makesAnAwsShapedAccountAndKey(@TempDir Path dataDir) throws Exception {
        ServerConfig config = new ServerConfig(0, "127.0.0.1", dataDir, null, "us-east-1", "text", 1 << 20, null,
                ServerConfig.Bootstrap.RANDOM);
        try (GatepassServer server = GatepassServer.start(config)) {
            assertThat(server.bootstrap().accountId()).matches("\\d{12}");
            String credentials = Files.readString(dataDir.resolve(AdminBootstrap.CREDENTIALS_FILE));
            assertThat(credentials).containsPattern("aws_access_key_id = AKIA[A-Z2-7]{16}\n")
                    .containsPattern("aws_secret_access_key = [A-Za-z0-9+/]{40}\n");
        }
    }

    @Test
    void restart_withAnotherMasterKey_failsFastWithAClearMessage(@TempDir Path dataDir) {
        try (TestServer ignored = TestServer.start(null, dataDir)) {
            assertThat(dataDir.resolve("master.key")).exists();
        }
        String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
        ServerConfig config = new ServerConfig(0, "127.0.0.1", dataDir, null, "us-east-1", "text", 1 << 20, otherKey,
                ServerConfig.Bootstrap.RANDOM);
        assertThatThrownBy(() -> GatepassServer.start(config)).hasMessageContaining("master key");
    }
}
