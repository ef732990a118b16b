package io.gatepass.cli.internal.aws.params;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatepass.cli.internal.aws.CliException;
import io.gatepass.cli.internal.aws.model.AwsService;
import io.gatepass.cli.internal.aws.model.OperationModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.codeartifact.model.GetAuthorizationTokenRequest;
import software.amazon.awssdk.services.gamelift.model.AnywhereConfiguration;
import software.amazon.awssdk.services.gamelift.model.CreateFleetRequest;
import software.amazon.awssdk.services.gamelift.model.CreateScriptRequest;
import software.amazon.awssdk.services.gamelift.model.DescribeFleetAttributesRequest;
import software.amazon.awssdk.services.gamelift.model.DescribeFleetEventsRequest;
import software.amazon.awssdk.services.gamelift.model.LocationConfiguration;
import software.amazon.awssdk.services.gamelift.model.Tag;
import software.amazon.awssdk.services.iam.model.CreateLoginProfileRequest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Options (shorthand, JSON, files, flags) become the SDK request aws would send. */
class RequestBuildingTest {

    @TempDir
    Path home;

    private Object requestIn(String binaryFormat, AwsService service, String operationName, String... args) {
        OperationModel operation = service.operation(operationName).orElseThrow();
        ArgumentValues values = new ArgumentValues(new ParamFile(home, Map.of("DIR", home.toString())));
        OperationArguments arguments = OperationArguments.parse(operation, List.of(args), values);
        assertThat(arguments.unknown()).isEmpty();
        return new RequestBuilder(binaryFormat).build(operation.input(), arguments.parameters());
    }

    private Object request(AwsService service, String operationName, String... args) {
        return requestIn("base64", service, operationName, args);
    }

    @Test
    void shorthandStructuresAndLists_buildNestedSdkObjects() {
        Object request = request(AwsService.GAMELIFT, "create-fleet", "--name", "studio", "--compute-type",
                "ANYWHERE", "--locations", "Location=custom-home", "--anywhere-configuration", "Cost=1",
                "--tags", "Key=a,Value=b", "Key=c,Value=d");

        assertThat(request).isEqualTo(CreateFleetRequest.builder().name("studio").computeType("ANYWHERE")
                .locations(LocationConfiguration.builder().location("custom-home").build())
                .anywhereConfiguration(AnywhereConfiguration.builder().cost("1").build())
                .tags(Tag.builder().key("a").value("b").build(), Tag.builder().key("c").value("d").build())
                .build());
    }

    @Test
    void jsonLists_andOptionEqualsValue_areAccepted() {
        Object request = request(AwsService.GAMELIFT, "create-fleet", "--name=studio",
                "--tags", "[{\"Key\": \"a\", \"Value\": \"b\"}]");

        assertThat(request).isEqualTo(CreateFleetRequest.builder().name("studio")
                .tags(Tag.builder().key("a").value("b").build()).build());
    }

    @Test
    void listOfStrings_takesOneWordPerElement() {
        assertThat(request(AwsService.GAMELIFT, "describe-fleet-attributes", "--fleet-ids", "a", "b,c", "d"))
                .isEqualTo(DescribeFleetAttributesRequest.builder().fleetIds("a", "b,c", "d").build());
    }

    @Test
    void numbers_andTheLastOccurrenceWins() {
        assertThat(request(AwsService.CODEARTIFACT, "get-authorization-token", "--domain", "dd", "--domain-owner",
                "111122223333", "--duration-seconds", "60", "--duration-seconds", "900"))
                .isEqualTo(GetAuthorizationTokenRequest.builder().domain("dd").domainOwner("111122223333")
                        .durationSeconds(900L).build());
    }

    @Test
    void booleans_areFlagsWithANegation() {
        assertThat(request(AwsService.IAM, "create-login-profile", "--user-name", "u", "--password", "p",
                "--password-reset-required"))
                .isEqualTo(CreateLoginProfileRequest.builder().userName("u").password("p").passwordResetRequired(true)
                        .build());
        assertThat(request(AwsService.IAM, "create-login-profile", "--user-name", "u", "--password", "p",
                "--no-password-reset-required"))
                .isEqualTo(CreateLoginProfileRequest.builder().userName("u").password("p")
                        .passwordResetRequired(false).build());
    }

    @Test
    void timestamps_acceptIsoAndEpochSeconds() {
        assertThat(request(AwsService.GAMELIFT, "describe-fleet-events", "--fleet-id", "f", "--start-time",
                "2026-11-23T19:40:12Z", "--end-time", "1700000000"))
                .isEqualTo(DescribeFleetEventsRequest.builder().fleetId("f")
                        .startTime(Instant.parse("2026-11-23T19:40:12Z"))
                        .endTime(Instant.ofEpochSecond(1700000000)).build());
    }

    @Test
    void fileValues_readTextAndBytes() throws Exception {
        Files.writeString(home.resolve("name.txt"), "from-a-file");
        Files.write(home.resolve("script.zip"), new byte[] {0, (byte) 0xff, 7});

        assertThat(request(AwsService.GAMELIFT, "create-script", "--name", "file://" + home.resolve("name.txt"),
                "--zip-file", "fileb://$DIR/script.zip"))
                .isEqualTo(CreateScriptRequest.builder().name("from-a-file")
                        .zipFile(SdkBytes.fromByteArray(new byte[] {0, (byte) 0xff, 7})).build());
    }

    @Test
    void blobs_areBase64ByDefault_andRawWithRawInBase64Out() {
        assertThat(((CreateScriptRequest) request(AwsService.GAMELIFT, "create-script", "--zip-file", "aGk="))
                .zipFile().asUtf8String()).isEqualTo("hi");
        assertThat(((CreateScriptRequest) requestIn("raw-in-base64-out", AwsService.GAMELIFT, "create-script",
                "--zip-file", "aGk=")).zipFile().asString(StandardCharsets.UTF_8)).isEqualTo("aGk=");
    }

    @Test
    void invalidBase64_isAParameterError() {
        assertThatThrownBy(() -> request(AwsService.GAMELIFT, "create-script", "--zip-file", "not base64!"))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(252))
                .hasMessage("Invalid base64: \"not base64!\"");
    }

    @Test
    void cliInputJson_fillsWhatTheCommandLineLacks() {
        OperationModel operation = AwsService.GAMELIFT.operation("get-compute-auth-token").orElseThrow();
        ArgumentValues values = new ArgumentValues(new ParamFile(home, Map.of()));
        ObjectNode commandLine = OperationArguments.parse(operation, List.of("--fleet-id", "cli"), values).parameters();

        ObjectNode merged = CliInput.merge(commandLine, "{\"FleetId\": \"json\", \"ComputeName\": \"c\"}", null,
                new ParamFile(home, Map.of()));

        assertThat(merged.toString()).isEqualTo("{\"FleetId\":\"cli\",\"ComputeName\":\"c\"}");
    }

    @Test
    void cliInputYaml_isReadToo() {
        ObjectNode merged = CliInput.merge(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode(), null,
                "FleetId: f\nComputeName: c\n", new ParamFile(home, Map.of()));

        assertThat(merged.toString()).isEqualTo("{\"FleetId\":\"f\",\"ComputeName\":\"c\"}");
    }
}
