package io.gatepass.cli.internal.aws.call.direct;

import software.amazon.awssdk.core.internal.useragent.SdkClientUserAgentProperties;
import software.amazon.awssdk.core.internal.useragent.SdkUserAgentBuilder;
import software.amazon.awssdk.core.util.SystemUserAgent;

import java.util.List;

/**
 * The User-Agent of a direct call, as the SDK's synchronous URL-connection client sends it (it is not signed;
 * services only log it): the SDK's own builder for the client's part (SDK version, io and http, the service's
 * {@code api/<service id>#<version>}, os, lang, JVM metadata, app id), then the request's business metrics
 * ({@code m/E,N,e}: retry mode, endpoint override, credentials source).
 */
final class UserAgent {

    private UserAgent() {
    }

    /**
     * @param apiMetadata the service id and the generated client's version, "GameLift#2.40.x"
     * @param appId       the configured sdk_ua_app_id, or null
     * @param metrics     the business metrics' codes, in the SDK's order
     */
    static String of(String apiMetadata, String appId, List<String> metrics) {
        SdkClientUserAgentProperties properties = new SdkClientUserAgentProperties();
        properties.putProperty("internal", "");
        properties.putProperty("io", "sync");
        properties.putProperty("http", "UrlConnection");
        properties.putProperty("app", appId);
        properties.putProperty("api", apiMetadata);
        String client = SdkUserAgentBuilder.buildClientUserAgentString(SystemUserAgent.getOrCreate(), properties);
        return metrics.isEmpty() ? client : client + " m/" + String.join(",", metrics);
    }
}
