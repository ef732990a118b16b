package io.gatepass.server.ops;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Request counts and latency by service, operation and outcome (success, client_error, server_error), served in
 * Prometheus text format at {@code GET /metrics}.
 */
public final class RequestMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** One timer per (service, operation, outcome), found without building meter ids on every request. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public void record(String service, String operation, int status, long nanos) {
        String outcome = outcome(status);
        timers.computeIfAbsent(service + '\u0000' + operation + '\u0000' + outcome,
                key -> Timer.builder("gatepass.requests")
                        .description("API requests by service, operation and outcome")
                        .tags("service", service, "operation", operation, "outcome", outcome)
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1))
                        .maximumExpectedValue(Duration.ofSeconds(10))
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Adds one to a counter, e.g. {@code gatepass.sdk.handshake.refusals} with {@code reason}. */
    public void count(String name, String description, String tagKey, String tagValue) {
        io.micrometer.core.instrument.Counter.builder(name).description(description).tag(tagKey, tagValue)
                .register(registry).increment();
    }

    /** Adds one to a counter with several tags, given as key, value, key, value, ... */
    public void count(String name, String description, String... tags) {
        io.micrometer.core.instrument.Counter.builder(name).description(description).tags(tags)
                .register(registry).increment();
    }

    /** A gauge read at each scrape, e.g. the number of connected game server processes. */
    public void gauge(String name, String description, java.util.function.Supplier<Number> value) {
        io.micrometer.core.instrument.Gauge.builder(name, value).description(description).register(registry);
    }

    public String scrape() {
        return registry.scrape();
    }

    private static String outcome(int status) {
        if (status < 400) {
            return "success";
        }
        return status < 500 ? "client_error" : "server_error";
    }
}
