package io.gatepass.core.gamelift;

import java.util.List;

/**
 * A fleet's runtime configuration, as modelled by GameLift: which server processes to run on each compute and how
 * many of each, and how game session activation is throttled. The Amazon GameLift Agent (and {@code gatepass agent
 * --runtime-configuration fleet}) launch processes from it. Members may be null where the model leaves them out.
 *
 * @param serverProcesses the process configurations; null when none were given
 */
public record RuntimeConfiguration(List<ServerProcess> serverProcesses, Integer maxConcurrentGameSessionActivations,
                                   Integer gameSessionActivationTimeoutSeconds) {
    /** The configuration of a fleet that was given none. */
    public static final RuntimeConfiguration NONE = new RuntimeConfiguration(null, null, null);

    /**
     * One kind of server process.
     *
     * @param launchPath           the executable
     * @param parameters           its command line parameters, space separated; may be null
     * @param concurrentExecutions how many of it run at once on each compute
     */
    public record ServerProcess(String launchPath, String parameters, Integer concurrentExecutions) {
    }

    /** The process configurations, never null. */
    public List<ServerProcess> processes() {
        return serverProcesses == null ? List.of() : serverProcesses;
    }
}
