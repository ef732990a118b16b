package io.gatepass.cli.internal.aws.config;

import io.gatepass.cli.internal.aws.CliException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.retry.RetryUtils;
import software.amazon.awssdk.retries.api.RetryStrategy;

import java.util.Map;
import java.util.Set;

/**
 * How often a failed call is tried: AWS_RETRY_MODE / {@code retry_mode} (standard by default; standard or adaptive,
 * spelled exactly so, as aws v2 takes them) and AWS_MAX_ATTEMPTS / {@code max_attempts} (attempts in all, first try
 * included).
 */
record RetrySettings(RetryMode mode, Integer maxAttempts) {

    private static final Set<String> BOTOCORE_ONLY_THROTTLING = Set.of("LimitExceededException");

    /**
     * The settings, checked as aws v2 checks them when it creates a client (exit 255): the attempts first, then the
     * mode. An AWS_RETRY_MODE that is set, even to nothing, wins over the profile's; aws v2 has no legacy mode and
     * takes neither other case nor spaces.
     */
    static RetrySettings resolve(Map<String, String> env, ConfigFiles files) {
        String mode = env.containsKey("AWS_RETRY_MODE") ? env.get("AWS_RETRY_MODE")
                : files.setting("retry_mode").orElse(null);
        String attempts = ConfigFiles.firstNonBlank(env.get("AWS_MAX_ATTEMPTS"),
                files.setting("max_attempts").orElse(null));
        Integer maxAttempts = attempts == null ? null : ConfigValues.positiveInt(attempts);
        RetryMode retryMode = switch (mode == null ? "standard" : mode) {
            case "standard" -> RetryMode.STANDARD;
            case "adaptive" -> RetryMode.ADAPTIVE_V2;
            default -> throw CliException.other("Invalid value provided to \"mode\": \"" + mode
                    + "\" must be one of: \"standard\" or \"adaptive\"", null);
        };
        return new RetrySettings(retryMode, maxAttempts);
    }

    /** The attempts in all: the configured number, or the default of both modes, 3. */
    int attempts() {
        return maxAttempts != null ? maxAttempts : 3;
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
