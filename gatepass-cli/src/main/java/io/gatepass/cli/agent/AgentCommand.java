package io.gatepass.cli.agent;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code gatepass agent}: registers a compute, keeps its auth token fresh and runs game server processes with it. */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Register this host as a GameLift Anywhere compute and keep its auth token fresh.")
public final class AgentCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("gatepass agent: not built yet");
        return 1;
    }
}
