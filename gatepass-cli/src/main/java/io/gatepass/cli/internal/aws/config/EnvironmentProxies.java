package io.gatepass.cli.internal.aws.config;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * The proxy for one request from the environment, as aws (through urllib3) reads it: HTTPS_PROXY for https URLs,
 * HTTP_PROXY for http URLs (upper or lower case), and NO_PROXY's comma-separated hosts, domain suffixes or "*" going
 * direct. Credentials in the proxy URL are not supported.
 */
final class EnvironmentProxies {

    private final Map<String, String> env;

    EnvironmentProxies(Map<String, String> env) {
        this.env = env;
    }

    /** The proxy to use, or null to let the JDK decide (its system properties; direct by default). */
    Proxy proxyFor(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String configured = variable(scheme + "_proxy");
        if (configured == null || bypassed(uri.getHost())) {
            return configured == null ? null : Proxy.NO_PROXY;
        }
        URI proxy = URI.create(configured.contains("://") ? configured : "http://" + configured);
        int port = proxy.getPort() > 0 ? proxy.getPort() : "https".equalsIgnoreCase(proxy.getScheme()) ? 443 : 80;
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.getHost(), port));
    }

    private boolean bypassed(String host) {
        String noProxy = variable("no_proxy");
        if (noProxy == null || host == null) {
            return false;
        }
        String target = host.toLowerCase(Locale.ROOT);
        for (String entry : noProxy.split(",")) {
            String pattern = entry.trim().toLowerCase(Locale.ROOT);
            if (pattern.isEmpty()) {
                continue;
            }
            if (pattern.equals("*")) {
                return true;
            }
            String domain = pattern.startsWith(".") ? pattern.substring(1) : pattern;
            if (target.equals(domain) || target.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    private String variable(String lowerName) {
        String value = env.get(lowerName);
        if (value == null || value.isBlank()) {
            value = env.get(lowerName.toUpperCase(Locale.ROOT));
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
