package io.gatepass.server.internal.ops;

import io.gatepass.server.internal.protocol.WireResponse;
import io.gatepass.store.Store;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code GET /health} (200 once the store is migrated and answers, else 503), {@code GET /metrics} and
 * {@code GET /.well-known/jwks.json} (the public keys that verify repository authorization tokens, see
 * {@code docs/tokens.md}).
 */
public final class OpsEndpoints {
    public static final String JWKS_PATH = "/.well-known/jwks.json";
    /** How long a verifier may keep the key set: a minute, so a key published now is seen well before it retires. */
    public static final int JWKS_MAX_AGE_SECONDS = 60;

    private final Store store;
    private final RequestMetrics metrics;
    private final String version;
    private final Supplier<String> jwks;

    public OpsEndpoints(Store store, RequestMetrics metrics, String version) {
        this(store, metrics, version, null);
    }

    /** @param jwksOrNull the JWKS document of the repository token keys, as JSON; null for no such endpoint */
    public OpsEndpoints(Store store, RequestMetrics metrics, String version, Supplier<String> jwksOrNull) {
        this.store = store;
        this.metrics = metrics;
        this.version = version;
        this.jwks = jwksOrNull;
    }

    public boolean handles(String path) {
        return path.equals("/health") || path.equals("/metrics") || (jwks != null && path.equals(JWKS_PATH));
    }

    public WireResponse handle(String path) {
        if (path.equals(JWKS_PATH) && jwks != null) {
            // A new key is published here before it signs; verifiers that meet an unknown key id fetch again.
            return WireResponse.of(200, "application/jwk-set+json", jwks.get().getBytes(StandardCharsets.UTF_8))
                    .withHeader("Cache-Control", "public, max-age=" + JWKS_MAX_AGE_SECONDS);
        }
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
