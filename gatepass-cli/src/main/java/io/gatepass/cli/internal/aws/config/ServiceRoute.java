package io.gatepass.cli.internal.aws.config;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.retries.api.RetryStrategy;

import java.net.URI;
import java.util.function.Supplier;

/**
 * What a call sent without an SDK client needs, resolved exactly as {@link CliConfig#client} resolves it for the SDK:
 * the configured endpoint, the signing region, the credentials (null for --no-sign-request), the connections and the
 * retry behaviour.
 *
 * @param credentials as the SDK client's credentials provider hands them to it (its name included), or null
 * @param maxAttempts the retry strategy's attempts in all (what {@code amz-sdk-request} announces)
 * @param retryMode   the configured retry mode (the User-Agent names it)
 * @param retries     the SDK's retry strategy for the configured mode, built only when an attempt failed
 * @param appId       the configured {@code sdk_ua_app_id} (the User-Agent's {@code app/}), or null
 */
public record ServiceRoute(URI endpoint, String region, AwsCredentials credentials, ConnectionOpener connections,
                           int maxAttempts, RetryMode retryMode, Supplier<RetryStrategy> retries, String appId) {
}
