package io.gatepass.server.internal.endpoints.packages.upstream;

import java.net.URI;

/** Where a repository looks for a package after itself: an upstream repository, or an external connection. */
public sealed interface UpstreamSource {

    /**
     * An upstream repository of the same domain.
     *
     * @param through the repository whose upstream list named it (the next one downstream); null if not known
     */
    record Repository(String name, String through) implements UpstreamSource {
        public Repository(String name) {
            this(name, null);
        }
    }

    /**
     * An external connection of {@code repository}, fetching from {@code baseUrl} (no trailing '/').
     *
     * @param repository the repository the connection belongs to (versions from it are retained there too)
     */
    record External(String repository, String connection, URI baseUrl) implements UpstreamSource {
        /** {@code baseUrl} + "/" + {@code path} ({@code path} without a leading '/', already encoded). */
        public URI resolve(String path) {
            return URI.create(baseUrl + "/" + path);
        }

        /**
         * Whether {@code url} is served by the same origin (scheme, host, port) as the connection: links a public
         * registry hands out are only followed there, never to an arbitrary host.
         */
        public boolean sameOrigin(URI url) {
            return url.getScheme() != null && url.getScheme().equalsIgnoreCase(baseUrl.getScheme())
                    && url.getHost() != null && url.getHost().equalsIgnoreCase(baseUrl.getHost())
                    && url.getPort() == baseUrl.getPort();
        }
    }
}
