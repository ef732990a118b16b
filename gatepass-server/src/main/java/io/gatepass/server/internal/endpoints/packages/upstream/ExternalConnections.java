package io.gatepass.server.internal.endpoints.packages.upstream;

import io.gatepass.core.codeartifact.ExternalConnection;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each external connection fetches from: CodeArtifact's public registry by default, or the URL configured with
 * {@code serve --external-connection NAME=URL} (a mirror; a local registry in tests and air-gapped sites).
 */
public final class ExternalConnections {
    private final Map<String, URI> urls = new HashMap<>();

    /**
     * @param overrides connection name → base URL
     * @throws IllegalArgumentException for an unknown connection name or a URL that is not http(s)
     */
    public ExternalConnections(Map<String, String> overrides) {
        for (ExternalConnection connection : ExternalConnection.KNOWN) {
            urls.put(connection.name(), URI.create(connection.defaultUrl()));
        }
        overrides.forEach((name, url) -> {
            if (ExternalConnection.named(name).isEmpty()) {
                throw new IllegalArgumentException("--external-connection: unknown connection " + name + "; known: "
                        + String.join(", ", ExternalConnection.KNOWN.stream().map(ExternalConnection::name)
                        .toList()));
            }
            URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("--external-connection " + name + ": " + url
                        + " is not an http(s) URL");
            }
            urls.put(name, uri);
        });
    }

    /** The defaults only. */
    public static ExternalConnections defaults() {
        return new ExternalConnections(Map.of());
    }

    public Optional<URI> baseUrl(String connection) {
        return Optional.ofNullable(urls.get(connection));
    }
}
