package io.gatepass.cli.internal.agent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.function.Supplier;

/** The agent's Prometheus metrics: token refreshes by outcome, token expiry, running processes and restarts. */
public final class AgentMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter renewed = refreshes("renewed");
    private final Counter unchanged = refreshes("unchanged");
    private final Counter failed = refreshes("failed");
    private final Counter processStarts = Counter.builder("gatepass.agent.process.starts")
            .description("Game server processes started, restarts included").register(registry);
    private final Counter processExits = Counter.builder("gatepass.agent.process.exits")
            .description("Game server processes that exited while the agent was running").register(registry);

    /** Registers the gauges that read the agent's live state. */
    public void bind(Supplier<AuthToken> token, Supplier<Boolean> tokenValid, Supplier<Integer> runningProcesses) {
        Gauge.builder("gatepass.agent.token.expiry.seconds", () -> {
            AuthToken current = token.get();
            return current == null ? Double.NaN : current.expiry().getEpochSecond();
        }).description("When the current compute auth token expires (Unix time)").strongReference(true)
                .register(registry);
        Gauge.builder("gatepass.agent.token.valid", () -> tokenValid.get() ? 1 : 0)
                .description("1 while the agent holds an unexpired compute auth token").strongReference(true)
                .register(registry);
        Gauge.builder("gatepass.agent.processes.running", runningProcesses::get)
                .description("Game server processes running now").strongReference(true).register(registry);
    }

    void refreshed(boolean changed) {
        (changed ? renewed : unchanged).increment();
    }

    void refreshFailed() {
        failed.increment();
    }

    void processStarted() {
        processStarts.increment();
    }

    void processExited() {
        processExits.increment();
    }

    /** The metrics in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    private Counter refreshes(String outcome) {
        return Counter.builder("gatepass.agent.token.refreshes").tag("outcome", outcome)
                .description("Compute auth token requests by outcome: renewed, unchanged or failed")
                .register(registry);
    }
}
