package io.gatepass.server.internal.ops;

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
    /**
     * One timer per (service, operation, outcome), found by two map look-ups on the names as given, without building
     * a key or meter id on every request: service → operation → the three outcomes' timers (made when first used).
     */
    private final Map<String, Map<String, Timer[]>> timers = new ConcurrentHashMap<>();
    private static final String[] OUTCOMES = {"success", "client_error", "server_error"};

    public void record(String service, String operation, int status, long nanos) {
        int outcome = status < 400 ? 0 : status < 500 ? 1 : 2;
        Timer[] byOutcome = timers.computeIfAbsent(service, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(operation, o -> new Timer[OUTCOMES.length]);
        Timer timer = byOutcome[outcome];
        if (timer == null) {
            // the registry hands out one timer per id, so two threads racing here record into the same meter
            timer = Timer.builder("gatepass.requests")
                    .description("API requests by service, operation and outcome")
                    .tags("service", service, "operation", operation, "outcome", OUTCOMES[outcome])
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry);
            byOutcome[outcome] = timer;
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
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
}
