package io.gatepass.cli.internal.store;

import io.gatepass.cli.Commands;
import io.gatepass.cli.testing.CliTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gatepass store copy|backup|restore} move a real server's data; a server started on the result serves it. */
class StoreCommandTest {
    private static final AwsCredentials ADMIN = AwsBasicCredentials.create(CliTestServer.ADMIN_ID,
            CliTestServer.ADMIN_SECRET);

    /** The machine's PostgreSQL (CI starts it); each test gets a schema of its own. */
    private static final String POSTGRES = System.getenv().getOrDefault("GATEPASS_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private record Run(int status, String out, String err) {
    }

    @Test
    void backupThenRestore_intoANewDataDirectory_keepsUsersAndTheirKeys(@TempDir Path laptop, @TempDir Path tmp)
            throws Exception {
        AwsCredentials carol = userWithKey(laptop, "carol");
        Path zip = tmp.resolve("gatepass-backup.zip");

        Run backup = gatepass("store", "backup", "--from", laptop.toString(), "--output", zip.toString());
        Run restore = gatepass("store", "restore", "--input", zip.toString(), "--to", tmp.resolve("new").toString());

        assertThat(backup.status()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Backup written to " + zip).contains("holds the master key");
        assertThat(Files.getPosixFilePermissions(zip)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(restore.status()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Master key copied to " + tmp.resolve("new/master.key"));
        assertThat(Files.getPosixFilePermissions(tmp.resolve("new/master.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(tmp.resolve("new/gatepass.mv.db")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(tmp.resolve("new")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (CliTestServer server = CliTestServer.start(tmp.resolve("new"))) {
            assertThat(server.server().bootstrap().created()).isFalse();
            assertThat(sts(server, carol).getCallerIdentity().arn()).endsWith(":user/carol");
        }
    }

    @Test
    void copy_fromADataDirectoryToPostgres_servesTheSameIdentities(@TempDir Path laptop, @TempDir Path node)
            throws Exception {
        AwsCredentials carol = userWithKey(laptop, "carol");
        String schema = "gp_cli_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(POSTGRES); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String postgres = POSTGRES + "&currentSchema=" + schema;

        Run copy = gatepass("store", "copy", "--from", laptop.toString(), "--to", postgres);

        assertThat(copy.status()).as(copy.err()).isZero();
        assertThat(copy.out()).containsPattern("Copied [\\d,]+ rows of \\d+ tables")
                .contains("GATEPASS_MASTER_KEY").doesNotContain("user=postgres");
        Files.copy(laptop.resolve("master.key"), node.resolve("master.key"));
        try (CliTestServer server = CliTestServer.start(node, postgres)) {
            assertThat(sts(server, carol).getCallerIdentity().arn()).endsWith(":user/carol");
        } finally {
            try (Connection c = DriverManager.getConnection(POSTGRES); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void copy_fromAnUnsupportedUrlOrAMissingStore_saysWhatItTakes(@TempDir Path tmp) {
        Run mysql = gatepass("store", "copy", "--from", "jdbc:mysql://db/x", "--to", tmp.resolve("a").toString());
        Run missing = gatepass("store", "copy", "--from", tmp.resolve("nothing").toString(), "--to",
                tmp.resolve("b").toString());

        assertThat(mysql.status()).isEqualTo(1);
        assertThat(mysql.err()).contains("jdbc:postgresql://");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("No Gatepass store in " + tmp.resolve("nothing"));
        assertThat(tmp.resolve("b")).doesNotExist();
    }

    private static AwsCredentials userWithKey(Path dataDir, String name) {
        try (CliTestServer server = CliTestServer.start(dataDir);
             IamClient iam = IamClient.builder().endpointOverride(URI.create(server.endpoint()))
                     .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                     .credentialsProvider(() -> ADMIN).build()) {
            iam.createUser(r -> r.userName(name));
            AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
            return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
        }
    }

    private static StsClient sts(CliTestServer server, AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(() -> credentials).build();
    }

    private static Run gatepass(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Commands.commandLine(args[0]).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Run(status, out.toString(), err.toString());
    }
}
