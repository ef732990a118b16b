package io.gatepass.cli.internal.aws;

import io.gatepass.cli.testing.CliRun;
import io.gatepass.cli.testing.CliTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** gatepass against a real Gatepass server, in-process; where aws v2 is installed, the same calls through it agree. */
class EndToEndTest {

    private static final Path AWS = Path.of("/usr/bin/aws");

    @TempDir
    static Path dataDir;
    @TempDir
    Path home;

    private static CliTestServer server;

    @BeforeAll
    static void startServer() {
        server = CliTestServer.start(dataDir);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private CliRun run() {
        return CliRun.against(server, home);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** aws v2 2.9 ignores AWS_ENDPOINT_URL, so it gets the endpoint as an option. */
    private CliRun.Result aws(CliRun run, String... args) {
        assumeTrue(Files.isExecutable(AWS), "aws v2 not installed");
        List<String> full = new ArrayList<>(List.of("--endpoint-url", server.endpoint()));
        full.addAll(List.of(args));
        return run.aws(AWS, full.toArray(String[]::new));
    }

    @Test
    void getCallerIdentity_printsTheAdministrator() {
        CliRun.Result result = run().gatepass("sts", "get-caller-identity");

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("{\n    \"UserId\": \"111122223333\",\n    \"Account\": \"111122223333\",\n"
                + "    \"Arn\": \"arn:aws:iam::111122223333:root\"\n}\n");
    }

    @Test
    void gameliftTour_matchesAwsJsonOutput() {
        CliRun run = run();
        String location = unique("custom-e2e-");
        CliRun.Result created = run.gatepass("gamelift", "create-location", "--location-name", location);
        assertThat(created.err()).isEmpty();
        assertThat(created.out()).contains("\"LocationName\": \"" + location + "\"");

        String fleet = run.gatepass("gamelift", "create-fleet", "--name", "e2e", "--compute-type", "ANYWHERE",
                "--locations", "Location=" + location, "--query", "FleetAttributes.FleetId", "--output", "text")
                .out().trim();
        assertThat(fleet).startsWith("fleet-");
        CliRun.Result registered = run.gatepass("gamelift", "register-compute", "--fleet-id", fleet, "--compute-name",
                "rack-1", "--ip-address", "10.0.0.7", "--location", location);
        assertThat(registered.err()).isEmpty();

        for (String[] command : List.of(
                new String[] {"gamelift", "describe-fleet-attributes", "--fleet-ids", fleet},
                // aws 2.9's model predates GameLiftAgentEndpoint, which the server sends and the SDK knows
                new String[] {"gamelift", "describe-compute", "--fleet-id", fleet, "--compute-name", "rack-1",
                    "--query", "Compute.{Fleet: FleetId, Name: ComputeName, Status: ComputeStatus, At: CreationTime}"},
                new String[] {"gamelift", "list-compute", "--fleet-id", fleet, "--query",
                    "ComputeList[].[ComputeName, IpAddress, Location, CreationTime]"},
                new String[] {"gamelift", "list-locations", "--filters", "CUSTOM"})) {
            CliRun.Result mine = run.gatepass(command);
            CliRun.Result theirs = aws(run, command);
            assertThat(mine).as(String.join(" ", command)).isEqualTo(theirs);
        }
    }

    @Test
    void computeAuthToken_isPrintedWithItsExpiry() {
        CliRun run = run();
        String location = unique("custom-tok-");
        run.gatepass("gamelift", "create-location", "--location-name", location);
        String fleet = run.gatepass("gamelift", "create-fleet", "--name", "tok", "--compute-type", "ANYWHERE",
                "--locations", "Location=" + location, "--query", "FleetAttributes.FleetId", "--output", "text")
                .out().trim();
        run.gatepass("gamelift", "register-compute", "--fleet-id", fleet, "--compute-name", "c1", "--ip-address",
                "10.0.0.8", "--location", location);

        CliRun.Result token = run.gatepass("gamelift", "get-compute-auth-token", "--fleet-id", fleet,
                "--compute-name", "c1");

        assertThat(token.exitCode()).isZero();
        assertThat(token.out()).containsPattern("\"AuthToken\": \"[^\"]+\"")
                .containsPattern("\"ExpirationTimestamp\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00\"");
    }

    @Test
    void serviceError_exits254WithAwsText() {
        CliRun.Result result = run().gatepass("gamelift", "describe-compute", "--fleet-id", "nope", "--compute-name",
                "x");

        assertThat(result.exitCode()).isEqualTo(254);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("\nAn error occurred (InvalidRequestException) when calling the "
                + "DescribeCompute operation: 1 validation error detected: Value 'nope' at 'fleetId'").endsWith("\n");
        assertThat(result).isEqualTo(aws(run(), "gamelift", "describe-compute", "--fleet-id", "nope",
                "--compute-name", "x"));
    }

    @Test
    void unreachableEndpoint_exits255NamingTheUrl() {
        CliRun.Result result = run().env("AWS_MAX_ATTEMPTS", "1")
                .gatepass("--endpoint-url", "http://127.0.0.1:1", "codeartifact", "list-domains");

        assertThat(result.exitCode()).isEqualTo(255);
        assertThat(result.err()).isEqualTo("\nCould not connect to the endpoint URL: \"http://127.0.0.1:1/v1/domains\"\n");
    }

    @Test
    void codeartifactTimestamps_followTheLocalZone_iamStaysUtc() {
        CliRun run = run();
        String domain = unique("tz");
        run.gatepass("codeartifact", "create-domain", "--domain", domain);
        run.gatepass("iam", "create-user", "--user-name", unique("tz-user-"));

        for (String zone : List.of("UTC", "America/New_York")) {
            run.env("TZ", zone);
            for (String[] command : List.of(new String[] {"codeartifact", "describe-domain", "--domain", domain},
                    new String[] {"iam", "list-users"})) {
                assertThat(run.gatepass(command)).as(zone + " " + String.join(" ", command))
                        .isEqualTo(aws(run, command));
            }
        }
    }

    /** aws prints text page by page, --query applied to each page and to the resume token. */
    @Test
    void textOutputOfPages_isPrintedPageByPageLikeAws() {
        CliRun run = run();
        for (int i = 0; i < 3; i++) {
            run.gatepass("codeartifact", "create-domain", "--domain", unique("text"));
        }

        for (String[] command : List.of(
                new String[] {"codeartifact", "list-domains", "--page-size", "1", "--query", "domains[].name",
                    "--output", "text"},
                new String[] {"codeartifact", "list-domains", "--page-size", "2", "--max-items", "3", "--query",
                    "domains[].name", "--output", "text"},
                new String[] {"codeartifact", "list-domains", "--page-size", "2", "--max-items", "3", "--output",
                    "text"})) {
            assertThat(run.gatepass(command)).as(String.join(" ", command)).isEqualTo(aws(run, command));
        }
    }

    @Test
    void wireTimestampFormat_printsTimestampsAsSent() {
        CliRun run = run().file(".aws/config", "[default]\ncli_timestamp_format = wire\n");
        String domain = unique("wire");
        run.gatepass("codeartifact", "create-domain", "--domain", domain);
        run.gatepass("iam", "create-user", "--user-name", unique("wire-user-"));

        for (String[] command : List.of(new String[] {"codeartifact", "describe-domain", "--domain", domain},
                new String[] {"iam", "list-users"})) {
            CliRun.Result mine = run.gatepass(command);
            assertThat(mine.out()).doesNotContain("+00:00");
            assertThat(mine).as(String.join(" ", command)).isEqualTo(aws(run, command));
        }
    }

    @Test
    void listOperations_followAllPages_andMaxItemsResumes() {
        CliRun run = run();
        List<String> domains = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String domain = unique("page");
            domains.add(domain);
            run.gatepass("codeartifact", "create-domain", "--domain", domain);
        }

        CliRun.Result all = run.gatepass("codeartifact", "list-domains", "--page-size", "1", "--query",
                "domains[].name", "--output", "json");
        CliRun.Result first = run.gatepass("codeartifact", "list-domains", "--max-items", "2", "--page-size", "1");
        CliRun.Result theirs = aws(run, "codeartifact", "list-domains", "--max-items", "2", "--page-size", "1");

        assertThat(all.out()).contains(domains.toArray(String[]::new));
        assertThat(first).isEqualTo(theirs);
        String next = first.out().replaceAll("(?s).*\"NextToken\": \"([^\"]+)\".*", "$1");
        assertThat(run.gatepass("codeartifact", "list-domains", "--starting-token", next))
                .isEqualTo(aws(run, "codeartifact", "list-domains", "--starting-token", next));
    }

    @Test
    void iamMaxItems_isThePagingOption_andMarkerPagingMatchesAws() {
        CliRun run = run();
        for (int i = 0; i < 3; i++) {
            run.gatepass("iam", "create-user", "--user-name", unique("pager-"));
        }

        for (String[] command : List.of(new String[] {"iam", "list-users", "--max-items", "2"},
                new String[] {"iam", "list-users", "--max-items", "1", "--no-paginate"},
                new String[] {"iam", "list-users", "--page-size", "1", "--query", "length(Users)"})) {
            assertThat(run.gatepass(command)).as(String.join(" ", command)).isEqualTo(aws(run, command));
        }
    }

    @Test
    void generateCliSkeleton_printsTheInputAndOutputShapes() {
        CliRun.Result input = run().gatepass("gamelift", "register-compute", "--generate-cli-skeleton");
        CliRun.Result output = run().gatepass("gamelift", "create-location", "--location-name", "custom-x",
                "--generate-cli-skeleton", "output");

        assertThat(input.out()).isEqualTo("{\n    \"FleetId\": \"\",\n    \"ComputeName\": \"\",\n"
                + "    \"CertificatePath\": \"\",\n    \"DnsName\": \"\",\n    \"IpAddress\": \"\",\n"
                + "    \"Location\": \"\"\n}\n");
        assertThat(output.exitCode()).isZero();
        assertThat(output.out()).startsWith("{\n    \"Location\": {\n        \"LocationName\": \"LocationName\",\n"
                + "        \"LocationArn\": \"LocationArn\"");
    }
}
