package io.gatepass.server.internal.endpoints.packages.upstream;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExternalConnectionsTest {

    @Test
    void baseUrl_isThePublicRegistryUnlessConfigured() {
        ExternalConnections connections = new ExternalConnections(Map.of("public:npmjs", "http://127.0.0.1:4873/"));

        assertThat(connections.baseUrl("public:npmjs")).contains(URI.create("http://127.0.0.1:4873"));
        assertThat(connections.baseUrl("public:pypi")).contains(URI.create("https://pypi.org"));
        assertThat(connections.baseUrl("public:nowhere")).isEmpty();
    }

    @Test
    void constructor_whenANameIsUnknownOrTheUrlIsNotHttp_refusesNamingIt() {
        assertThatThrownBy(() -> new ExternalConnections(Map.of("public:npm", "http://x")))
                .hasMessageContaining("unknown connection public:npm").hasMessageContaining("public:npmjs");
        assertThatThrownBy(() -> new ExternalConnections(Map.of("public:pypi", "file:///srv/pypi")))
                .hasMessageContaining("not an http(s) URL");
    }

    @Test
    void sameOrigin_followsOnlyLinksOnTheConnectionsOwnSchemeHostAndPort() {
        UpstreamSource.External external = new UpstreamSource.External("npm-store", "public:npmjs",
                URI.create("http://127.0.0.1:4873"));

        assertThat(external.sameOrigin(URI.create("http://127.0.0.1:4873/a/-/a-1.0.0.tgz"))).isTrue();
        assertThat(external.sameOrigin(URI.create("http://127.0.0.1:4874/a/-/a-1.0.0.tgz"))).isFalse();
        assertThat(external.sameOrigin(URI.create("http://169.254.169.254/latest/meta-data"))).isFalse();
        assertThat(external.resolve("@acme%2fa")).isEqualTo(URI.create("http://127.0.0.1:4873/@acme%2fa"));
    }
}
