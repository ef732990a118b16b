package io.gatepass.cli.internal.aws.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatepass.cli.internal.aws.CliException;
import io.gatepass.cli.internal.aws.model.AwsService;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * botocore's parameter validation as aws v2 applies it before sending anything: lengths and values below the model's
 * minimum, named as botocore names nested members, reported together in botocore's order with exit 252.
 */
class ParameterMinimumsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The validation report, or "" when the parameters pass. */
    private static String problems(AwsService service, String operation, String parameters) {
        JsonNode json;
        try {
            json = JSON.readTree(parameters);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        CliException failure = catchThrowableOfType(() -> RequestBuilder.validate(
                service.operation(operation).orElseThrow().input(), json), CliException.class);
        if (failure == null) {
            return "";
        }
        assertThat(failure.exitCode()).isEqualTo(CliException.PARAMETER);
        assertThat(failure.getMessage()).startsWith("Parameter validation failed:\n");
        return failure.getMessage().substring("Parameter validation failed:\n".length());
    }

    @Test
    void tooShortAndTooSmall_areBothReported_inTheOrderGiven() {
        assertThat(problems(AwsService.CODEARTIFACT, "get-authorization-token",
                "{\"domain\": \"a\", \"durationSeconds\": -5}")).isEqualTo("""
                Invalid length for parameter domain, value: 1, valid min length: 2
                Invalid value for parameter durationSeconds, value: -5, valid min value: 0""");
        assertThat(problems(AwsService.STS, "assume-role",
                "{\"RoleArn\": \"arn:aws:iam::1:role/r\", \"RoleSessionName\": \"s\", \"DurationSeconds\": 899}"))
                .isEqualTo("""
                        Invalid length for parameter RoleSessionName, value: 1, valid min length: 2
                        Invalid value for parameter DurationSeconds, value: 899, valid min value: 900""");
    }

    @Test
    void nestedMembers_areNamedWithIndexesAndDots() {
        assertThat(problems(AwsService.GAMELIFT, "create-fleet",
                "{\"Name\": \"f\", \"Tags\": [{\"Key\": \"ok\", \"Value\": \"\"}, {\"Key\": \"\", \"Value\": \"v\"}],"
                        + " \"LogPaths\": [\"/a\", \"\"], \"Locations\": []}"))
                .isEqualTo("""
                        Invalid length for parameter Tags[1].Key, value: 0, valid min length: 1
                        Invalid length for parameter LogPaths[1], value: 0, valid min length: 1
                        Invalid length for parameter Locations, value: 0, valid min length: 1""");
        assertThat(problems(AwsService.CODEARTIFACT, "copy-package-versions",
                "{\"domain\": \"dd\", \"sourceRepository\": \"ss\", \"destinationRepository\": \"tt\","
                        + " \"format\": \"npm\", \"package\": \"p\", \"versionRevisions\": {\"\": \"r\", \"1.0\": \"\"}}"))
                .isEqualTo("""
                        Invalid length for parameter versionRevisions (key: ), value: 0, valid min length: 1
                        Invalid length for parameter versionRevisions.1.0, value: 0, valid min length: 1""");
    }

    @Test
    void decimalMinimums_comparePrecisely() {
        String base = "{\"Name\": \"g\", \"TotalMemoryLimitMebibytes\": 4, \"OperatingSystem\": \"AMAZON_LINUX_2023\","
                + " \"TotalVcpuLimit\": ";
        assertThat(problems(AwsService.GAMELIFT, "create-container-group-definition", base + "0.124}"))
                .isEqualTo("Invalid value for parameter TotalVcpuLimit, value: 0.124, valid min value: 0.125");
        assertThat(problems(AwsService.GAMELIFT, "create-container-group-definition", base + "0.125}")).isEmpty();
    }

    /** aws 2.9's GameLift model sets no minimum on fleet ids, so aws sends an empty one: so does Gatepass. */
    @Test
    void emptyFleetIds_areSent_asAwsV2SendsThem() {
        assertThat(problems(AwsService.GAMELIFT, "get-compute-auth-token",
                "{\"FleetId\": \"\", \"ComputeName\": \"c\"}")).isEmpty();
        assertThat(problems(AwsService.GAMELIFT, "describe-fleet-attributes", "{\"FleetIds\": [\"\"]}")).isEmpty();
        assertThat(problems(AwsService.GAMELIFT, "describe-fleet-attributes", "{\"FleetIds\": []}"))
                .isEqualTo("Invalid length for parameter FleetIds, value: 0, valid min length: 1");
    }

    /** botocore reports missing members, then unknown ones, then what is wrong inside the known ones. */
    @Test
    void unknownMembers_comeBeforeInvalidValues() {
        assertThat(problems(AwsService.CODEARTIFACT, "get-authorization-token",
                "{\"domainOwner\": \"1\", \"bogus\": 1}")).isEqualTo("""
                Missing required parameter in input: "domain"
                Unknown parameter in input: "bogus", must be one of: domain, domainOwner, durationSeconds
                Invalid length for parameter domainOwner, value: 1, valid min length: 12""");
    }

    /** Maximums, patterns and enums are the service's to check, as aws leaves them. */
    @Test
    void onlyMinimumsAreChecked() {
        assertThat(problems(AwsService.CODEARTIFACT, "get-authorization-token",
                "{\"domain\": \"" + "D!".repeat(40) + "\", \"durationSeconds\": 99999999}")).isEmpty();
        assertThat(problems(AwsService.GAMELIFT, "create-fleet",
                "{\"Name\": \"f\", \"ComputeType\": \"NOT_A_TYPE\"}")).isEmpty();
    }

    /** Lengths around each minimum, counted in code points as Python counts them (an emoji is one). */
    @Test
    void randomLengthsAroundTheMinimum_failExactlyBelowIt() {
        Random random = new Random(20261207L);
        String[] alphabet = {"a", "Z", "9", "-", "é", "\uD83C\uDFAE"};
        for (int round = 0; round < 300; round++) {
            int domain = random.nextInt(5);
            int owner = 9 + random.nextInt(6);
            long seconds = random.nextInt(7) - 3;
            ObjectNode parameters = JSON.createObjectNode();
            parameters.put("domain", text(random, alphabet, domain));
            parameters.put("domainOwner", text(random, alphabet, owner));
            parameters.put("durationSeconds", seconds);
            List<String> expected = new ArrayList<>();
            if (domain < 2) {
                expected.add("Invalid length for parameter domain, value: " + domain + ", valid min length: 2");
            }
            if (owner < 12) {
                expected.add("Invalid length for parameter domainOwner, value: " + owner + ", valid min length: 12");
            }
            if (seconds < 0) {
                expected.add("Invalid value for parameter durationSeconds, value: " + seconds
                        + ", valid min value: 0");
            }
            assertThat(problems(AwsService.CODEARTIFACT, "get-authorization-token", parameters.toString()))
                    .as(parameters.toString()).isEqualTo(String.join("\n", expected));
        }
    }

    private static String text(Random random, String[] alphabet, int codePoints) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            text.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return text.toString();
    }
}
