package io.gatepass.server.it;

import io.gatepass.server.testing.TestServer;
import io.gatepass.store.Store;
import io.gatepass.store.Stores;
import io.gatepass.store.internal.jdbc.StoreCopy;
import io.gatepass.store.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.gamelift.model.ComputeType;
import software.amazon.awssdk.services.gamelift.model.LocationConfiguration;
import software.amazon.awssdk.services.iam.model.AccessKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A laptop's embedded store moves into PostgreSQL and back with {@link StoreCopy}: users and their keys, fleets and
 * computes, domains, repositories and package bytes all work on a server started on the copy.
 */
class StoreCopyTest {

    @Test
    void copy_fromEmbeddedToPostgresAndBack_keepsIdentitiesGameLiftAndPackages(@TempDir Path laptop,
                                                                                @TempDir Path node,
                                                                                @TempDir Path back) throws Exception {
        byte[] asset = new byte[300_000];
        new Random(7).nextBytes(asset);
        String digest = sha256(asset);
        AwsCredentials userKey;
        String fleetId;
        try (TestServer server = TestServer.start(null, laptop)) {
            server.iam(TestServer.admin()).createUser(r -> r.userName("carol"));
            AccessKey key = server.iam(TestServer.admin()).createAccessKey(r -> r.userName("carol")).accessKey();
            userKey = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
            var gl = server.gameLift(TestServer.admin());
            gl.createLocation(r -> r.locationName("custom-studio"));
            fleetId = gl.createFleet(r -> r.name("arena").computeType(ComputeType.ANYWHERE)
                    .locations(LocationConfiguration.builder().location("custom-studio").build()))
                    .fleetAttributes().fleetId();
            gl.registerCompute(r -> r.fleetId(fleetId).computeName("box-1").ipAddress("10.1.2.3")
                    .location("custom-studio"));
            var ca = server.codeArtifact(TestServer.admin());
            ca.createDomain(r -> r.domain("team"));
            ca.createRepository(r -> r.domain("team").repository("libs"));
            ca.publishPackageVersion(r -> r.domain("team").repository("libs").format(PackageFormat.GENERIC)
                    .namespace("tools").packageValue("engine").packageVersion("1.0.0").assetName("engine.bin")
                    .assetSHA256(digest), RequestBody.fromBytes(asset));
        }

        String postgres = TestDatabase.POSTGRESQL.freshUrl();
        StoreCopy.Report there = copy(null, laptop, postgres, node);
        assertThat(there.rows()).containsKeys("accounts", "iam_users", "gamelift_computes",
                "codeartifact_package_assets");
        assertThat(there.blobs()).isEqualTo(1);
        assertThat(there.blobBytes()).isEqualTo(asset.length);
        Files.copy(laptop.resolve("master.key"), node.resolve("master.key"));
        try (TestServer server = TestServer.start(postgres, node)) {
            assertThat(server.server().bootstrap().created()).isFalse();
            assertItAllWorks(server, userKey, fleetId, asset);
            server.iam(TestServer.admin()).createUser(r -> r.userName("dave")); // identities continue after copies
        }

        copy(postgres, node, null, back);
        Files.copy(laptop.resolve("master.key"), back.resolve("master.key"));
        try (TestServer server = TestServer.start(null, back)) {
            assertItAllWorks(server, userKey, fleetId, asset);
            assertThat(server.iam(TestServer.admin()).getUser(r -> r.userName("dave")).user().userName())
                    .isEqualTo("dave");
        }
    }

    @Test
    void copy_intoAStoreThatHoldsAnAccount_isRefused_andChangesNothing(@TempDir Path a, @TempDir Path b) {
        try (TestServer first = TestServer.start(null, a)) {
            first.iam(TestServer.admin()).createUser(r -> r.userName("only-in-a"));
        }
        try (TestServer second = TestServer.start(null, b)) {
            second.iam(TestServer.admin()).createUser(r -> r.userName("only-in-b"));
        }

        assertThatThrownBy(() -> copy(null, a, null, b)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not empty");

        try (Store store = Stores.open(null, b)) {
            assertThat(store.users().find(TestServer.ACCOUNT, "only-in-a")).isEmpty();
            assertThat(store.users().find(TestServer.ACCOUNT, "only-in-b")).isPresent();
        }
    }

    private static StoreCopy.Report copy(String fromUrl, Path fromDir, String toUrl, Path toDir) {
        try (Store from = Stores.open(fromUrl, fromDir); Store to = Stores.open(toUrl, toDir)) {
            return StoreCopy.copy(from, Stores.blobs(from, fromDir), to, Stores.blobs(to, toDir));
        }
    }

    private static void assertItAllWorks(TestServer server, AwsCredentials userKey, String fleetId, byte[] asset) {
        assertThat(server.sts(userKey).getCallerIdentity().arn()).endsWith(":user/carol");
        assertThat(server.gameLift(TestServer.admin()).describeCompute(r -> r.fleetId(fleetId).computeName("box-1"))
                .compute().ipAddress()).isEqualTo("10.1.2.3");
        assertThat(server.gameLift(TestServer.admin()).getComputeAuthToken(r -> r.fleetId(fleetId)
                .computeName("box-1")).authToken()).isNotBlank();
        byte[] read = server.codeArtifact(TestServer.admin()).getPackageVersionAssetAsBytes(r -> r.domain("team")
                .repository("libs").format(PackageFormat.GENERIC).namespace("tools").packageValue("engine")
                .packageVersion("1.0.0").asset("engine.bin")).asByteArray();
        assertThat(read).isEqualTo(asset);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
