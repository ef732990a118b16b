package io.gatepass.cli.internal.aws.config;

import io.gatepass.cli.internal.aws.CliException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.retry.RetryUtils;
import software.amazon.awssdk.retries.api.RetryStrategy;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How often a failed call is tried: AWS_RETRY_MODE / {@code retry_mode} (standard by default, as in aws v2; legacy,
 * adaptive) and AWS_MAX_ATTEMPTS / {@code max_attempts} (attempts in all, first try included).
 */
record RetrySettings(RetryMode mode, Integer maxAttempts) {

    private static final Set<String> BOTOCORE_ONLY_THROTTLING = Set.of("LimitExceededException");

    static RetrySettings resolve(Map<String, String> env, ConfigFiles files) {
        String mode = ConfigFiles.firstNonBlank(env.get("AWS_RETRY_MODE"), files.setting("retry_mode").orElse(null));
        String attempts = ConfigFiles.firstNonBlank(env.get("AWS_MAX_ATTEMPTS"),
                files.setting("max_attempts").orElse(null));
        RetryMode retryMode = RetryMode.STANDARD;
        if (mode != null) {
            switch (mode.trim().toLowerCase(Locale.ROOT)) {
                case "standard" -> retryMode = RetryMode.STANDARD;
                case "legacy" -> retryMode = RetryMode.LEGACY;
                case "adaptive" -> retryMode = RetryMode.ADAPTIVE_V2;
                default -> throw CliException.configuration("Invalid value '" + mode.trim()
                        + "' for retry_mode. Valid values are: legacy, standard, adaptive");
            }
        }
        return new RetrySettings(retryMode, attempts == null ? null : ConfigValues.positiveInt(attempts));
    }

    /** The attempts in all: the configured number, or the SDK's default for the mode (legacy 4, standard 3). */
    int attempts() {
        return maxAttempts != null ? maxAttempts : mode == RetryMode.LEGACY ? 4 : 3;
    }

    /**
     * The SDK's strategy for the mode, retrying what botocore's standard mode also retries and the SDK's lists lack:
     * the throttling code {@code LimitExceededException} (backed off as throttling).
     */
    RetryStrategy strategy() {
        RetryStrategy.Builder<?, ?> builder = AwsRetryStrategy.forRetryMode(mode).toBuilder()
                .retryOnException(RetrySettings::botocoreThrottling)
                .treatAsThrottling(e -> botocoreThrottling(e)
                        || e instanceof SdkException sdk && RetryUtils.isThrottlingException(sdk));
        if (maxAttempts != null) {
            builder.maxAttempts(maxAttempts);
        }
        return builder.build();
    }

    /** botocore's throttling error codes (retries/standard.py) that the SDK's do not include. */
    private static boolean botocoreThrottling(Throwable e) {
        return e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null
                && BOTOCORE_ONLY_THROTTLING.contains(service.awsErrorDetails().errorCode());
    }
}
