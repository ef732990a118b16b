package io.gatepass.server.internal.api.gamelift;

import io.gatepass.core.gamelift.Fleet;
import io.gatepass.core.gamelift.RuntimeConfiguration;
import io.gatepass.server.internal.api.CallContext;
import io.gatepass.server.internal.gamelift.RuntimeConfigurations;

import java.util.List;
import java.util.regex.Pattern;

/**
 * UpdateRuntimeConfiguration and DescribeRuntimeConfiguration, and the validation CreateFleet's RuntimeConfiguration
 * shares with them: the model's constraints, then GameLift's limit of 50 concurrent processes per compute.
 */
final class RuntimeConfigurationOperations {
    private static final Pattern LAUNCH_PATH = Pattern.compile("[A-Za-z0-9_:.+\\/\\\\\\- ]+");
    private static final Pattern PARAMETERS = Pattern.compile("[A-Za-z0-9_:.+\\/\\\\\\- =@;{},?'\\[\\]\"]+");
    private static final int MAX_SERVER_PROCESSES = 50;
    private static final int MAX_CONCURRENT_PROCESSES = 50;

    record UpdateRuntimeConfigurationInput(String fleetId, RuntimeConfiguration runtimeConfiguration) {
    }

    record DescribeRuntimeConfigurationInput(String fleetId) {
    }

    record RuntimeConfigurationOutput(RuntimeConfiguration runtimeConfiguration) {
    }

    private final GameLiftSupport support;
    private final FleetOperations fleets;
    private final RuntimeConfigurations configurations;

    RuntimeConfigurationOperations(GameLiftSupport support, FleetOperations fleets,
                                   RuntimeConfigurations configurations) {
        this.support = support;
        this.fleets = fleets;
        this.configurations = configurations;
    }

    RuntimeConfigurationOutput updateRuntimeConfiguration(UpdateRuntimeConfigurationInput input,
                                                          CallContext context) {
        support.validation.required("RuntimeConfiguration", input.runtimeConfiguration());
        RuntimeConfiguration configuration = validate(support, input.runtimeConfiguration());
        Fleet fleet = fleets.find(context, input.fleetId());
        if (!configurations.replace(fleet.fleetId(), configuration)) {
            throw FleetOperations.fleetNotFound(fleet.fleetId());
        }
        return new RuntimeConfigurationOutput(configuration);
    }

    RuntimeConfigurationOutput describeRuntimeConfiguration(DescribeRuntimeConfigurationInput input,
                                                            CallContext context) {
        Fleet fleet = fleets.find(context, input.fleetId());
        return new RuntimeConfigurationOutput(configurations.of(fleet.fleetId()));
    }

    /** The configuration if it satisfies the model and GameLift's limits; InvalidRequestException if not. */
    static RuntimeConfiguration validate(GameLiftSupport support, RuntimeConfiguration configuration) {
        var v = support.validation;
        List<RuntimeConfiguration.ServerProcess> processes = configuration.serverProcesses();
        if (processes != null) {
            if (processes.isEmpty() || processes.size() > MAX_SERVER_PROCESSES) {
                throw v.fail("Value at 'runtimeConfiguration.serverProcesses' failed to satisfy constraint: Member "
                        + "must have length " + (processes.isEmpty() ? "greater than or equal to 1"
                        : "less than or equal to " + MAX_SERVER_PROCESSES));
            }
            long total = 0;
            for (int i = 0; i < processes.size(); i++) {
                String at = "runtimeConfiguration.serverProcesses." + (i + 1) + ".member.";
                RuntimeConfiguration.ServerProcess process = processes.get(i);
                if (process == null) {
                    throw v.fail("Value null at 'runtimeConfiguration.serverProcesses." + (i + 1)
                            + ".member' failed to satisfy constraint: Member must not be null");
                }
                v.requiredString(at + "launchPath", process.launchPath(), 1, 1024, LAUNCH_PATH);
                v.optionalString(at + "parameters", process.parameters(), 1, 1024, PARAMETERS);
                v.required(at + "concurrentExecutions", process.concurrentExecutions());
                v.range(at + "concurrentExecutions", process.concurrentExecutions(), 1, Integer.MAX_VALUE);
                total += process.concurrentExecutions();
            }
            if (total > MAX_CONCURRENT_PROCESSES) {
                throw GameLiftErrors.INVALID_REQUEST.exception("The runtime configuration runs %d server processes "
                        + "concurrently; a compute runs at most %d.", total, MAX_CONCURRENT_PROCESSES);
            }
        }
        v.range("runtimeConfiguration.maxConcurrentGameSessionActivations",
                configuration.maxConcurrentGameSessionActivations(), 1, Integer.MAX_VALUE);
        v.range("runtimeConfiguration.gameSessionActivationTimeoutSeconds",
                configuration.gameSessionActivationTimeoutSeconds(), 1, 600);
        return new RuntimeConfiguration(processes == null ? null : List.copyOf(processes),
                configuration.maxConcurrentGameSessionActivations(),
                configuration.gameSessionActivationTimeoutSeconds());
    }
}
