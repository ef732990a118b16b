package io.gatepass.cli.internal.aws.config;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentProxiesTest {

    private static String proxyOf(Map<String, String> env, String url) {
        Proxy proxy = new EnvironmentProxies(env).proxyFor(URI.create(url));
        if (proxy == null) {
            return "jdk default";
        }
        if (proxy.type() == Proxy.Type.DIRECT) {
            return "direct";
        }
        InetSocketAddress address = (InetSocketAddress) proxy.address();
        return address.getHostString() + ":" + address.getPort();
    }

    @Test
    void proxyFor_picksTheVariableOfTheUrlsScheme() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://secure-proxy:3128", "http_proxy", "plain-proxy:8080");
        assertThat(proxyOf(env, "https://gamelift.us-east-1.amazonaws.com/")).isEqualTo("secure-proxy:3128");
        assertThat(proxyOf(env, "http://127.0.0.1:9700/")).isEqualTo("plain-proxy:8080");
        assertThat(proxyOf(Map.of(), "http://127.0.0.1:9700/")).isEqualTo("jdk default");
    }

    @Test
    void proxyFor_goesDirectForHostsAndDomainsInNoProxy() {
        Map<String, String> env = Map.of("https_proxy", "http://p:1", "no_proxy", "localhost, .corp.example,gatepass");
        assertThat(proxyOf(env, "https://localhost/")).isEqualTo("direct");
        assertThat(proxyOf(env, "https://auth.corp.example/")).isEqualTo("direct");
        assertThat(proxyOf(env, "https://corp.example/")).isEqualTo("direct");
        assertThat(proxyOf(env, "https://gatepass:9700/")).isEqualTo("direct");
        assertThat(proxyOf(env, "https://notcorp.example/")).isEqualTo("p:1");
        assertThat(proxyOf(Map.of("HTTPS_PROXY", "http://p:1", "NO_PROXY", "*"), "https://any/")).isEqualTo("direct");
    }
}
