package io.gatepass.cli.internal.aws.model;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OperationModelTest {

    /**
     * aws-cli-names.txt is botocore's xform_name over the service models (src/build/generate-cli-names.py); that
     * botocore may be newer than the SDK, so every SDK member must have an aws name, not the other way round.
     */
    @Test
    void everyOperationOfTheFourServices_hasAwsCliCommandAndOptionNames() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int operations = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("aws-cli-names.txt"), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] words = line.split(" ");
                AwsService service = AwsService.byCliName(words[0]).orElseThrow();
                OperationModel operation = service.operation(words[2]).orElse(null);
                if (operation == null) {
                    mismatches.add("missing " + line);
                    continue;
                }
                operations++;
                List<String> expected = Arrays.asList(words).subList(3, words.length);
                List<String> actual = new ArrayList<>(operation.input().members().stream().map(Member::cliName)
                        .toList());
                operation.streamingInput().ifPresent(input -> actual.add(input.cliName()));
                if (!operation.name().equals(words[1]) || !expected.containsAll(actual)) {
                    mismatches.add(line + "\n   gatepass: " + operation.name() + " " + actual);
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(operations).isGreaterThan(300);
    }

    /** The generated facts must list every operation the SDK's client interfaces offer (regenerate after an SDK bump). */
    @Test
    void everySdkClientOperation_isKnownToTheCommandLine() {
        List<String> missing = new ArrayList<>();
        for (AwsService service : AwsService.values()) {
            Set<String> known = new HashSet<>();
            service.operations().values().forEach(name -> known.add(name.toLowerCase(Locale.ROOT)));
            for (Method method : service.clientClass().getMethods()) {
                Class<?>[] parameters = method.getParameterTypes();
                if (parameters.length == 1 && SdkRequest.class.isAssignableFrom(parameters[0])
                        && SdkResponse.class.isAssignableFrom(method.getReturnType())) {
                    String operation = parameters[0].getSimpleName().replaceFirst("Request$", "");
                    if (!known.contains(operation.toLowerCase(Locale.ROOT))) {
                        missing.add(service.cliName() + " " + operation);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void getComputeAuthToken_requiresFleetIdAndComputeName() {
        OperationModel operation = AwsService.GAMELIFT.operation("get-compute-auth-token").orElseThrow();

        assertThat(operation.name()).isEqualTo("GetComputeAuthToken");
        assertThat(operation.input().requiredNames()).containsExactly("FleetId", "ComputeName");
        assertThat(operation.output().memberNames()).contains("AuthToken", "ExpirationTimestamp");
    }

    @Test
    void nestedStructure_knowsItsRequiredMembersAndEnumValues() {
        OperationModel createFleet = AwsService.GAMELIFT.operation("create-fleet").orElseThrow();
        Member permissions = createFleet.input().member("EC2InboundPermissions").orElseThrow();
        StructureShape permission = permissions.element().structure();

        assertThat(permission.requiredNames()).containsExactly("FromPort", "ToPort", "IpRange", "Protocol");
        assertThat(permission.member("Protocol").orElseThrow().enumValues()).containsExactly("TCP", "UDP");
        assertThat(createFleet.input().member("ComputeType").orElseThrow().enumValues()).contains("EC2", "ANYWHERE");
    }

    @Test
    void listOperations_carryAwsPagination() {
        Pagination gamelift = AwsService.GAMELIFT.operation("list-fleets").orElseThrow().pagination().orElseThrow();
        Pagination iam = AwsService.IAM.operation("list-users").orElseThrow().pagination().orElseThrow();

        assertThat(gamelift).isEqualTo(new Pagination("NextToken", "NextToken", "Limit", List.of("FleetIds")));
        assertThat(iam).isEqualTo(new Pagination("Marker", "Marker", "MaxItems", List.of("Users")));
        assertThat(AwsService.STS.operation("get-caller-identity").orElseThrow().pagination()).isEmpty();
    }

    @Test
    void streamingOperations_knowTheirStreamedMember_andTheirResponseMembers() {
        OperationModel publish = AwsService.CODEARTIFACT.operation("publish-package-version").orElseThrow();
        OperationModel get = AwsService.CODEARTIFACT.operation("get-package-version-asset").orElseThrow();

        assertThat(publish.streamingInput()).contains(new StreamingInput("assetContent", "assetName", true));
        assertThat(publish.streamingOutput()).isFalse();
        assertThat(publish.input().memberNames()).doesNotContain("assetContent").contains("assetSHA256");
        assertThat(get.streamingOutput()).isTrue();
        assertThat(get.streamingInput()).isEmpty();
        assertThat(get.output().memberNames()).containsExactly("assetName", "packageVersion", "packageVersionRevision");
        assertThat(AwsService.CODEARTIFACT.operation("list-packages").orElseThrow().streaming()).isFalse();
    }

    @Test
    void unknownOperation_isAbsent() {
        assertThat(AwsService.GAMELIFT.operation("get-compute-auth-tokn")).isEmpty();
    }
}
