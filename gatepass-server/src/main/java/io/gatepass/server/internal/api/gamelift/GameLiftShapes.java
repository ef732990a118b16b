package io.gatepass.server.internal.api.gamelift;

import java.time.Instant;
import java.util.List;

/** GameLift input and output members, named as in the AWS model (PascalCase on the wire). */
public final class GameLiftShapes {
    private GameLiftShapes() {
    }

    // Locations
    public record Tag(String key, String value) {
    }

    public record CreateLocationInput(String locationName, List<Tag> tags) {
    }

    public record LocationModel(String locationName, String locationArn) {
    }

    public record CreateLocationOutput(LocationModel location) {
    }

    public record ListLocationsInput(List<String> filters, Integer limit, String nextToken) {
    }

    public record ListLocationsOutput(List<LocationModel> locations, String nextToken) {
    }

    public record DeleteLocationInput(String locationName) {
    }

    // Fleets
    public record LocationConfiguration(String location) {
    }

    public record AnywhereConfiguration(String cost) {
    }

    public record CertificateConfiguration(String certificateType) {
    }

    public record CreateFleetInput(String name, String description, String computeType, String fleetType,
                                   List<LocationConfiguration> locations, AnywhereConfiguration anywhereConfiguration,
                                   CertificateConfiguration certificateConfiguration, List<String> metricGroups,
                                   String newGameSessionProtectionPolicy, String buildId, String scriptId,
                                   String eC2InstanceType, List<Tag> tags, String instanceRoleArn,
                                   io.gatepass.core.gamelift.RuntimeConfiguration runtimeConfiguration) {
    }

    public record FleetAttributes(String fleetId, String fleetArn, String fleetType, String description, String name,
                                  Instant creationTime, String status, List<String> metricGroups,
                                  String newGameSessionProtectionPolicy, String computeType,
                                  AnywhereConfiguration anywhereConfiguration,
                                  CertificateConfiguration certificateConfiguration, String instanceRoleArn) {
    }

    public record LocationState(String location, String status) {
    }

    public record CreateFleetOutput(FleetAttributes fleetAttributes, List<LocationState> locationStates) {
    }

    public record DescribeFleetAttributesInput(List<String> fleetIds, Integer limit, String nextToken) {
    }

    public record DescribeFleetAttributesOutput(List<FleetAttributes> fleetAttributes, String nextToken) {
    }

    public record ListFleetsInput(String buildId, String scriptId, Integer limit, String nextToken) {
    }

    public record ListFleetsOutput(List<String> fleetIds, String nextToken) {
    }

    public record FleetIdInput(String fleetId) {
    }

    public record CreateFleetLocationsInput(String fleetId, List<LocationConfiguration> locations) {
    }

    public record DeleteFleetLocationsInput(String fleetId, List<String> locations) {
    }

    public record FleetLocationsOutput(String fleetId, String fleetArn, List<LocationState> locationStates) {
    }

    public record DescribeFleetLocationAttributesInput(String fleetId, List<String> locations, Integer limit,
                                                       String nextToken) {
    }

    public record LocationAttributes(LocationState locationState, List<String> stoppedActions, String updateStatus) {
    }

    public record DescribeFleetLocationAttributesOutput(String fleetId, String fleetArn,
                                                        List<LocationAttributes> locationAttributes,
                                                        String nextToken) {
    }

    // Computes
    public record RegisterComputeInput(String fleetId, String computeName, String certificatePath, String dnsName,
                                       String ipAddress, String location) {
    }

    public record Compute(String fleetId, String fleetArn, String computeName, String computeArn, String ipAddress,
                          String dnsName, String computeStatus, String location, Instant creationTime,
                          String gameLiftServiceSdkEndpoint, String gameLiftAgentEndpoint) {
    }

    public record ComputeOutput(Compute compute) {
    }

    public record ComputeInput(String fleetId, String computeName) {
    }

    public record ListComputeInput(String fleetId, String location, String containerGroupDefinitionName,
                                   String computeStatus, Integer limit, String nextToken) {
    }

    public record ListComputeOutput(List<Compute> computeList, String nextToken) {
    }

    public record GetComputeAuthTokenOutput(String fleetId, String fleetArn, String computeName, String computeArn,
                                            String authToken, Instant expirationTimestamp) {
        @Override
        public String toString() {
            return "GetComputeAuthTokenOutput[" + fleetId + ", " + computeName + ", expires " + expirationTimestamp
                    + "]";
        }
    }
}
