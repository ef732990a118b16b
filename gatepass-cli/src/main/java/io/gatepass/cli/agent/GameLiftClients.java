package io.gatepass.cli.agent;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.GameLiftClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Builds the agent's GameLift client: endpoint from {@code --endpoint-url}, region from {@code --region}, the
 * environment or the profile, credentials from {@code --profile} or the SDK's default chain.
 */
final class GameLiftClients {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private GameLiftClients() {
    }

    static GameLiftClient build(AgentSettings settings, Map<String, String> env) {
        GameLiftClientBuilder builder = GameLiftClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT).socketTimeout(CALL_TIMEOUT))
                .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT))
                .region(region(settings, env))
                .credentialsProvider(credentials(settings));
        if (settings.endpointUrl() != null) {
            builder.endpointOverride(URI.create(settings.endpointUrl()));
        }
        return builder.build();
    }

    static Region region(AgentSettings settings, Map<String, String> env) {
        String[] candidates = {settings.region(), env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION")};
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return Region.of(candidate.trim());
            }
        }
        String profile = settings.profile() != null ? settings.profile() : env.getOrDefault("AWS_PROFILE", "default");
        try {
            return new AwsProfileRegionProvider(ProfileFile::defaultProfileFile, profile).getRegion();
        } catch (SdkClientException e) {
            throw new IllegalArgumentException("no region: give --region, set AWS_REGION, or set region in profile "
                    + profile);
        }
    }

    private static AwsCredentialsProvider credentials(AgentSettings settings) {
        return settings.profile() != null
                ? ProfileCredentialsProvider.create(settings.profile())
                : DefaultCredentialsProvider.builder().build();
    }
}
