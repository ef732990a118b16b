package io.gatepass.cli.internal.agent;

/** A compute as RegisterCompute answered: who it is and where its game servers connect (GameLiftServiceSdkEndpoint). */
public record RegisteredCompute(String fleetId, String computeName, String computeArn, String location,
                                String sdkEndpoint) {
}
