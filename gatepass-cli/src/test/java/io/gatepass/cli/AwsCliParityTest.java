package io.gatepass.cli;

import io.gatepass.cli.testing.CliRun;
import io.gatepass.cli.testing.CliTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Runs the same command lines through aws CLI v2 (Debian's 2.9.19) and through gatepass, against one server, and
 * demands the same stdout byte for byte in every output format (json, text, table, yaml, yaml-stream), with and
 * without --query, for single resources, lists, nested structures, timestamps and empty results; and the same exit
 * code and error text for failures. Where aws 2.9.19's older models lack a member Gatepass returns, the command
 * projects onto the members both know.
 */
class AwsCliParityTest {

    private static final List<String> FORMATS = List.of("json", "text", "table", "yaml", "yaml-stream");

    @TempDir
    static Path dataDir;
    @TempDir
    static Path home;
    static CliTestServer server;
    static CliRun run;
    static String fleetId;

    @BeforeAll
    static void start() throws Exception {
        AwsClis.assumeOrFail(AwsClis.v2(), "aws-cli/2");
        server = CliTestServer.start(dataDir);
        run = CliRun.against(server, home);
        aws("gamelift", "create-location", "--location-name", "custom-parity");
        fleetId = aws("gamelift", "create-fleet", "--name", "parity", "--description", "Parity fleet",
                "--compute-type", "ANYWHERE", "--locations", "Location=custom-parity",
                "--query", "FleetAttributes.FleetId", "--output", "text").strip();
        aws("gamelift", "register-compute", "--fleet-id", fleetId, "--compute-name", "c1", "--ip-address", "10.0.0.1",
                "--location", "custom-parity");
        aws("gamelift", "register-compute", "--fleet-id", fleetId, "--compute-name", "c2", "--dns-name",
                "c2.games.example", "--location", "custom-parity");
        aws("codeartifact", "create-domain", "--domain", "parity");
        aws("codeartifact", "create-domain", "--domain", "empty");
        aws("codeartifact", "create-repository", "--domain", "parity", "--repository", "base", "--description",
                "Base packages: \"quoted\", colons: and unicode é");
        aws("codeartifact", "create-repository", "--domain", "parity", "--repository", "app", "--upstreams",
                "repositoryName=base");
        aws("iam", "create-user", "--user-name", "alice", "--tags", "Key=team,Value=games", "Key=empty,Value=");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyOutputFormat_printsWhatAwsV2Prints() throws Exception {
        List<List<String>> commands = List.of(
                List.of("sts", "get-caller-identity"),
                List.of("gamelift", "describe-fleet-attributes", "--fleet-ids", fleetId),
                List.of("gamelift", "list-fleets"),
                List.of("gamelift", "describe-compute", "--fleet-id", fleetId, "--compute-name", "c1",
                        "--query", "Compute.{FleetId:FleetId,ComputeName:ComputeName,IpAddress:IpAddress,"
                                + "Status:ComputeStatus,Location:Location,CreationTime:CreationTime,"
                                + "Endpoint:GameLiftServiceSdkEndpoint}"),
                List.of("gamelift", "list-compute", "--fleet-id", fleetId,
                        "--query", "ComputeList[].[ComputeName,IpAddress,DnsName,ComputeStatus]"),
                List.of("gamelift", "list-locations", "--filters", "CUSTOM"),
                List.of("codeartifact", "list-domains", "--query", "domains[].[name,owner,status,encryptionKey]"),
                List.of("codeartifact", "describe-domain", "--domain", "parity",
                        "--query", "domain.{name:name,owner:owner,status:status,createdTime:createdTime,"
                                + "repositoryCount:repositoryCount,assetSizeBytes:assetSizeBytes}"),
                List.of("codeartifact", "describe-repository", "--domain", "parity", "--repository", "app",
                        "--query", "repository.{name:name,upstreams:upstreams,domainName:domainName,"
                                + "externalConnections:externalConnections}"),
                List.of("codeartifact", "describe-repository", "--domain", "parity", "--repository", "base",
                        "--query", "repository.description"),
                List.of("codeartifact", "list-repositories-in-domain", "--domain", "empty"),
                List.of("iam", "get-user", "--user-name", "alice"),
                List.of("gamelift", "list-fleets", "--query", "FleetIds[0]"),
                List.of("gamelift", "list-compute", "--fleet-id", fleetId, "--query", "length(ComputeList)"),
                List.of("gamelift", "list-fleets", "--query", "NoSuchMember"),
                List.of("iam", "get-user", "--user-name", "alice", "--query", "User.Tags[?Key=='team'] | [0]"));

        List<String[]> cases = new ArrayList<>();
        for (List<String> command : commands) {
            for (String format : FORMATS) {
                List<String> args = new ArrayList<>(List.of("--endpoint-url", server.endpoint()));
                args.addAll(command);
                args.add("--output");
                args.add(format);
                cases.add(args.toArray(String[]::new));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<CliRun.Result>> expected = new ArrayList<>();
            for (String[] args : cases) {
                expected.add(pool.submit(() -> run.aws(AwsClis.v2(), args)));
            }
            assertSoftly(softly -> {
                for (int i = 0; i < cases.size(); i++) {
                    String[] args = cases.get(i);
                    String line = String.join(" ", args);
                    CliRun.Result aws = join(expected.get(i));
                    CliRun.Result gatepass = run.gatepass(args);
                    softly.assertThat(aws.exitCode()).as("aws %s (stderr: %s)", line, aws.err()).isZero();
                    softly.assertThat(gatepass.out()).as("gatepass %s (stderr: %s)", line, gatepass.err())
                            .isEqualTo(aws.out());
                    softly.assertThat(gatepass.exitCode()).as("exit code of gatepass %s", line).isZero();
                }
            });
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void serviceError_hasAwsExitCodeAndMessage() {
        String[] args = {"--endpoint-url", server.endpoint(), "gamelift", "describe-compute", "--fleet-id", fleetId,
            "--compute-name", "nobody"};
        CliRun.Result aws = run.aws(AwsClis.v2(), args);
        CliRun.Result gatepass = run.gatepass(args);
        assertThat(aws.exitCode()).isEqualTo(254);
        assertThat(gatepass.exitCode()).isEqualTo(aws.exitCode());
        assertThat(gatepass.err()).isEqualTo(aws.err());
        assertThat(gatepass.out()).isEqualTo(aws.out());
    }

    @Test
    void missingRequiredParameter_hasAwsExitCodeAndUsage() {
        String[] args = {"--endpoint-url", server.endpoint(), "codeartifact", "get-authorization-token"};
        CliRun.Result aws = run.aws(AwsClis.v2(), args);
        CliRun.Result gatepass = run.gatepass(args);
        assertThat(aws.exitCode()).isEqualTo(252);
        assertThat(gatepass.exitCode()).isEqualTo(aws.exitCode());
        assertThat(gatepass.err()).isEqualTo(aws.err().replace("aws", "gatepass"));
    }

    /** aws 2.9 predates AWS_ENDPOINT_URL, so every call names the endpoint. */
    private static String aws(String... args) {
        List<String> all = new ArrayList<>(List.of("--endpoint-url", server.endpoint()));
        all.addAll(List.of(args));
        CliRun.Result result = run.aws(AwsClis.v2(), all.toArray(String[]::new));
        assertThat(result.exitCode()).as("aws %s: %s", String.join(" ", args), result.err()).isZero();
        return result.out();
    }

    private static CliRun.Result join(Future<CliRun.Result> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
