package io.gatepass.cli.internal.agent;

import io.gatepass.cli.LogSetup;
import io.gatepass.cli.SettingOptions;
import io.gatepass.cli.ProcessEnvironment;
import io.gatepass.cli.SettingsResolver;
import io.gatepass.cli.Signals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.gamelift.GameLiftClient;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/** {@code gatepass agent}: registers a compute, keeps its auth token fresh and runs game server processes with it. */
@Command(name = "agent", mixinStandardHelpOptions = true, modelTransformer = AgentCommand.Options.class,
        description = {"Register this host as a GameLift Anywhere compute and keep its auth token fresh.",
                "Each option can also be set as GATEPASS_AGENT_<NAME> in the environment (e.g. "
                        + "GATEPASS_AGENT_FLEET_ID) or in a YAML file given with --config (e.g. fleet-id: ...)."})
public final class AgentCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(AgentCommand.class);

    /** An option for each {@link AgentSetting} with a flag. */
    static final class Options extends SettingOptions.Transformer<AgentSetting> {
        Options() {
            super(AgentSetting.class);
        }
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = ProcessEnvironment.variables();
        AgentSettings settings;
        GameLiftClient client;
        try {
            SettingsResolver<AgentSetting> resolver = new SettingsResolver<>(AgentSetting.class,
                    SettingOptions.given(spec, AgentSetting.class), env::get);
            settings = AgentSettings.resolve(resolver, SettingOptions.arguments(spec));
            LogSetup.configure(settings.logFormat());
            client = GameLiftClients.build(settings, env);
        } catch (IllegalArgumentException e) {
            System.err.println("gatepass agent: " + e.getMessage());
            return 2;
        }
        return run(settings, client);
    }

    private static int run(AgentSettings settings, GameLiftClient gameLift) throws Exception {
        ScheduledExecutorService tokenThread = Scheduler.daemonExecutor("gatepass-agent-token");
        ScheduledExecutorService processThread = Scheduler.daemonExecutor("gatepass-agent-processes");
        try (GameLiftClient client = gameLift) {
            Agent agent = new Agent(settings, client, Clock.systemUTC(), Scheduler.of(tokenThread),
                    Scheduler.of(processThread), new SecureRandom());
            CompletableFuture<String> stop = new CompletableFuture<>();
            Signals.onTermination(() -> stop.complete("signal"));
            agent.fatal().thenAccept(e -> stop.complete("fatal"));
            LOG.info("agent for compute {} in fleet {} starting", settings.computeName(), settings.fleetId());
            try {
                agent.start();
            } catch (IOException e) {
                System.err.println("gatepass agent: cannot serve the status endpoint on " + settings.statusBind()
                        + ":" + settings.statusPort() + ": " + e.getMessage());
                return 1;
            }
            String reason = stop.get();
            boolean deregistered = agent.stop();
            if (reason.equals("fatal")) {
                return 1;
            }
            return deregistered ? 0 : 1;
        } catch (IllegalArgumentException e) {
            System.err.println("gatepass agent: " + e.getMessage());
            return 2;
        } finally {
            tokenThread.shutdownNow();
            processThread.shutdownNow();
        }
    }
}
