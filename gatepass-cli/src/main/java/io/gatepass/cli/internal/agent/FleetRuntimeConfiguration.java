package io.gatepass.cli.internal.agent;

import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.RuntimeConfiguration;
import software.amazon.awssdk.services.gamelift.model.ServerProcess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The processes of a fleet's RuntimeConfiguration, read with DescribeRuntimeConfiguration, for {@code gatepass agent
 * --runtime-configuration fleet}: each server process's LaunchPath with its Parameters split at spaces (as the Amazon
 * GameLift Agent splits them), ConcurrentExecutions of it.
 */
final class FleetRuntimeConfiguration {
    /** One kind of process to run: its command line, and how many at once. */
    record Launch(List<String> command, int count) {
    }

    private FleetRuntimeConfiguration() {
    }

    /** @throws IllegalStateException if the fleet's runtime configuration has no server processes */
    static List<Launch> launches(GameLiftClient client, String fleetId) {
        RuntimeConfiguration configuration = client.describeRuntimeConfiguration(r -> r.fleetId(fleetId))
                .runtimeConfiguration();
        if (configuration == null || !configuration.hasServerProcesses() || configuration.serverProcesses()
                .isEmpty()) {
            throw new IllegalStateException("fleet " + fleetId + " has no server processes in its runtime "
                    + "configuration (set them with CreateFleet or UpdateRuntimeConfiguration)");
        }
        List<Launch> launches = new ArrayList<>();
        for (ServerProcess process : configuration.serverProcesses()) {
            List<String> command = new ArrayList<>();
            command.add(process.launchPath());
            if (process.parameters() != null && !process.parameters().isBlank()) {
                command.addAll(Arrays.stream(process.parameters().split(" ")).filter(p -> !p.isEmpty()).toList());
            }
            launches.add(new Launch(command, process.concurrentExecutions() == null ? 1
                    : process.concurrentExecutions()));
        }
        return launches;
    }
}
