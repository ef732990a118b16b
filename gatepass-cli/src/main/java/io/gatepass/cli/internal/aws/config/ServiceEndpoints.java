package io.gatepass.cli.internal.aws.config;

import io.gatepass.cli.internal.aws.CliException;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where one service's requests go, in the order of the AWS configured-endpoints rules: --endpoint-url, then
 * AWS_ENDPOINT_URL_&lt;SERVICE&gt;, the profile's {@code services} section, AWS_ENDPOINT_URL, and the profile's
 * {@code endpoint_url}. AWS_IGNORE_CONFIGURED_ENDPOINT_URLS (or {@code ignore_configured_endpoint_urls}) leaves
 * only the flag. Empty means the SDK's standard endpoint for the region.
 */
final class ServiceEndpoints {

    private final String flag;
    private final ConfigFiles files;
    private final Map<String, String> env;

    ServiceEndpoints(String flag, ConfigFiles files, Map<String, String> env) {
        this.flag = flag;
        this.files = files;
        this.env = env;
    }

    /** @param serviceId as aws names it in config: gamelift, codeartifact, sts, iam */
    Optional<URI> endpoint(String serviceId) {
        if (flag != null) {
            return Optional.of(parse(flag, "--endpoint-url", true));
        }
        if (ignoreConfigured()) {
            return Optional.empty();
        }
        String key = serviceId.toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        String envName = "AWS_ENDPOINT_URL_" + key.toUpperCase(Locale.ROOT);
        String value = nonBlank(env.get(envName));
        String source = envName;
        if (value == null) {
            value = files.setting("services")
                    .flatMap(section -> files.file().getSection("services", section))
                    .flatMap(section -> section.property(key + ".endpoint_url"))
                    .map(ServiceEndpoints::nonBlank).orElse(null);
            source = "endpoint_url of " + key + " in the services section of profile " + files.profileName();
        }
        if (value == null) {
            value = nonBlank(env.get("AWS_ENDPOINT_URL"));
            source = "AWS_ENDPOINT_URL";
        }
        if (value == null) {
            value = files.setting("endpoint_url").map(ServiceEndpoints::nonBlank).orElse(null);
            source = "endpoint_url of profile " + files.profileName();
        }
        return value == null ? Optional.empty() : Optional.of(parse(value, source, false));
    }

    private boolean ignoreConfigured() {
        String value = nonBlank(env.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"));
        if (value == null) {
            value = files.setting("ignore_configured_endpoint_urls").orElse("false");
        }
        return value.trim().equalsIgnoreCase("true");
    }

    private static URI parse(String value, String source, boolean fromFlag) {
        URI uri = null;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        if (uri == null || uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
            String message = "Bad value for " + source + " \"" + value + "\": scheme is missing.  Must be of the form "
                    + "http://<hostname>/ or https://<hostname>/";
            throw fromFlag ? CliException.parameter(message) : CliException.configuration(message);
        }
        return uri;
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
