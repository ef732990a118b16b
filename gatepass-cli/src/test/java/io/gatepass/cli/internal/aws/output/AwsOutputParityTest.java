package io.gatepass.cli.internal.aws.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.cli.AwsClis;
import io.gatepass.cli.testing.CliRun;
import io.gatepass.cli.testing.CliTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real responses from a Gatepass server, printed by aws v2 (/usr/bin/aws) in every --output format and with assorted
 * --query expressions, must equal what {@link Renderer} prints for the same response, byte for byte.
 */
class AwsOutputParityTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path dir;

    private static CliTestServer server;
    private static CliRun run;
    /** One parity check: the aws command line, its operation, a query or null, a format, colour. */
    private record Case(String operation, List<String> command, String query, String format, boolean color) {

        List<String> awsArguments() {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--output", format));
            if (query != null) {
                args.addAll(List.of("--query", query));
            }
            if (color) {
                args.addAll(List.of("--color", "on"));
            }
            return args;
        }

        String name() {
            return String.join(" ", command.subList(0, 2)) + " --output " + format + (color ? " --color on" : "")
                    + (query == null ? "" : " --query " + query);
        }
    }

    private static final List<Case> CASES = new ArrayList<>();
    private static final Map<List<String>, CliRun.Result> AWS_OUTPUT = new LinkedHashMap<>();

    @BeforeAll
    static void createResourcesAndRunAws() throws Exception {
        AwsClis.assumeOrFail(AwsClis.v2(), "aws-cli/2");
        server = CliTestServer.start(dir.resolve("data"));
        run = CliRun.against(server, dir.resolve("home"));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<String> fleet = pool.submit(() -> {
                aws("gamelift", "create-location", "--location-name", "custom-parity-home");
                String fleetId = json(aws("gamelift", "create-fleet", "--name", "parity studio", "--description",
                        "Build farm: nightly #7, 'quoted' and \"double\" — ünïcode 日本語", "--compute-type",
                        "ANYWHERE", "--locations", "Location=custom-parity-home", "--output", "json"))
                        .at("/FleetAttributes/FleetId").asText();
                for (String compute : List.of("rack-1", "rack-2")) {
                    aws("gamelift", "register-compute", "--fleet-id", fleetId, "--compute-name", compute,
                            "--ip-address", compute.equals("rack-1") ? "10.0.0.7" : "10.0.0.8", "--location",
                            "custom-parity-home");
                }
                return fleetId;
            });
            Future<?> repositories = pool.submit(() -> {
                aws("codeartifact", "create-domain", "--domain", "parity");
                aws("codeartifact", "create-domain", "--domain", "parity-empty");
                aws("codeartifact", "create-repository", "--domain", "parity", "--repository", "base",
                        "--description", "true");
                aws("codeartifact", "create-repository", "--domain", "parity", "--repository", "app",
                        "--description", "Libraries: the app's own, 2026-11-23 and more", "--upstreams",
                        "repositoryName=base");
                return null;
            });
            Future<?> user = pool.submit(() -> aws("iam", "create-user", "--user-name", "parity-user"));
            String fleetId = fleet.get();
            repositories.get();
            user.get();
            addCases(fleetId);
            List<List<String>> commands = new ArrayList<>();
            for (Case c : CASES) {
                commands.add(c.command());
                commands.add(c.awsArguments());
            }
            Map<List<String>, Future<CliRun.Result>> pending = new LinkedHashMap<>();
            for (List<String> command : commands) {
                pending.computeIfAbsent(command, key -> pool.submit(() -> awsResult(key)));
            }
            for (Map.Entry<List<String>, Future<CliRun.Result>> entry : pending.entrySet()) {
                AWS_OUTPUT.put(entry.getKey(), entry.getValue().get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void addCases(String fleetId) {
        List<String> identity = List.of("sts", "get-caller-identity");
        List<String> fleets = List.of("gamelift", "describe-fleet-attributes", "--fleet-ids", fleetId);
        List<String> computes = List.of("gamelift", "list-compute", "--fleet-id", fleetId);
        List<String> fleetIds = List.of("gamelift", "list-fleets");
        List<String> repository = List.of("codeartifact", "describe-repository", "--domain", "parity",
                "--repository", "app");
        List<String> repositories = List.of("codeartifact", "list-repositories-in-domain", "--domain", "parity");
        List<String> noRepositories = List.of("codeartifact", "list-repositories-in-domain", "--domain",
                "parity-empty");
        List<String> user = List.of("iam", "get-user", "--user-name", "parity-user");
        add("GetCallerIdentity", identity, null, "text", "table+color", "yaml-stream");
        add("DescribeFleetAttributes", fleets, null, "text", "table", "yaml");
        add("ListCompute", computes, null, "table", "yaml-stream");
        add("ListFleets", fleetIds, null, "text");
        add("DescribeRepository", repository, null, "table", "yaml");
        add("ListRepositoriesInDomain", repositories, null, "text");
        add("ListRepositoriesInDomain", noRepositories, null, "text", "table", "yaml");
        add("GetUser", user, null, "yaml");
        add("DescribeFleetAttributes", fleets, "FleetAttributes[].FleetId", "text", "table");
        add("DescribeFleetAttributes", fleets, "FleetAttributes[0].Description", "json", "text", "yaml");
        add("DescribeFleetAttributes", fleets, "FleetAttributes[0].Nothing", "json", "text", "table");
        add("ListCompute", computes, "ComputeList[].[ComputeName, IpAddress]", "text", "table");
        add("ListCompute", computes, "{names: ComputeList[].ComputeName, count: length(ComputeList), "
                + "first: ComputeList[0]}", "text", "table", "yaml");
        add("ListCompute", computes, "length(ComputeList)", "text");
    }

    private static void add(String operation, List<String> command, String query, String... formats) {
        for (String format : formats) {
            boolean color = format.endsWith("+color");
            CASES.add(new Case(operation, command, query, color ? format.substring(0, format.indexOf('+')) : format,
                    color));
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFormatAndQueryPrintsWhatAwsPrints() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            CliRun.Result expected = AWS_OUTPUT.get(c.awsArguments());
            assertThat(expected.exitCode()).as(expected.err()).isZero();
            JsonNode response = json(AWS_OUTPUT.get(c.command()).out());
            JsonNode value = c.query() == null ? response : Query.compile(c.query()).apply(response);

            assertThat(Renderer.render(value, OutputFormat.parse(c.format()), c.operation(), c.color()))
                    .isEqualTo(expected.out());
        }));
    }

    private static String aws(String... args) {
        CliRun.Result result = awsResult(List.of(args));
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", args) + ": " + result.err());
        }
        return result.out();
    }

    private static CliRun.Result awsResult(List<String> args) {
        List<String> all = new ArrayList<>(List.of("--endpoint-url", server.endpoint()));
        all.addAll(args);
        return run.aws(AwsClis.v2(), all.toArray(String[]::new));
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }
}
