package io.gatepass.server.ops;

import io.gatepass.server.protocol.WireResponse;
import io.gatepass.store.Store;

import java.nio.charset.StandardCharsets;

/** {@code GET /health} (200 once the store is migrated and answers, else 503) and {@code GET /metrics}. */
public final class OpsEndpoints {
    private final Store store;
    private final RequestMetrics metrics;
    private final String version;

    public OpsEndpoints(Store store, RequestMetrics metrics, String version) {
        this.store = store;
        this.metrics = metrics;
        this.version = version;
    }

    public boolean handles(String path) {
        return path.equals("/health") || path.equals("/metrics");
    }

    public WireResponse handle(String path) {
        if (path.equals("/metrics")) {
            return WireResponse.of(200, "text/plain; version=0.0.4; charset=utf-8",
                    metrics.scrape().getBytes(StandardCharsets.UTF_8));
        }
        boolean healthy = store.isHealthy();
        String body = "{\"status\":\"" + (healthy ? "UP" : "DOWN") + "\",\"store\":\"" + store.kind()
                + "\",\"version\":\"" + version + "\"}";
        return WireResponse.of(healthy ? 200 : 503, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }
}
