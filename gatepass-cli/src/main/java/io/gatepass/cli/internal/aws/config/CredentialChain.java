package io.gatepass.cli.internal.aws.config;

import io.gatepass.cli.internal.aws.CliException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the credentials for one call in aws's order: the key environment variables (unless --profile was given), then
 * the profile: role_arn with source_profile or credential_source = Environment (assumed through STS at the configured
 * endpoint), static keys from the credentials or config file, credential_process. Nothing else is probed (no instance
 * metadata), so a machine without configuration fails at once.
 */
final class CredentialChain {

    static final String NO_CREDENTIALS =
            "Unable to locate credentials. You can configure credentials by running \"gatepass configure\".";

    private final ConfigFiles files;
    private final Map<String, String> env;
    private final Function<AwsCredentials, StsClient> stsClients;
    private final String stsEndpoint;
    private final AssumedRoleCache cache;
    private final DebugLog log;

    /**
     * @param stsClients  builds an STS client that signs with the given credentials (for role profiles)
     * @param stsEndpoint where those clients send AssumeRole (part of the cache key)
     */
    CredentialChain(ConfigFiles files, Map<String, String> env, Function<AwsCredentials, StsClient> stsClients,
                    String stsEndpoint, AssumedRoleCache cache, DebugLog log) {
        this.files = files;
        this.env = env;
        this.stsClients = stsClients;
        this.stsEndpoint = stsEndpoint;
        this.cache = cache;
        this.log = log;
    }

    AwsCredentials resolve() {
        if (!files.profileFromFlag()) {
            Optional<AwsCredentials> fromEnv = fromEnvironment();
            if (fromEnv.isPresent()) {
                log.debug("credentials", "Found credentials in environment variables.");
                return fromEnv.get();
            }
        }
        return fromProfile(files.profileName(), new LinkedHashSet<>())
                .orElseThrow(() -> CliException.configuration(NO_CREDENTIALS));
    }

    private Optional<AwsCredentials> fromEnvironment() {
        String keyId = blankToNull(env.get("AWS_ACCESS_KEY_ID"));
        if (keyId == null) {
            return Optional.empty();
        }
        String secret = blankToNull(env.get("AWS_SECRET_ACCESS_KEY"));
        if (secret == null) {
            throw CliException.configuration("Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY");
        }
        return Optional.of(keys(keyId, secret, blankToNull(env.get("AWS_SESSION_TOKEN"))));
    }

    private Optional<AwsCredentials> fromProfile(String profile, Set<String> visited) {
        if (!visited.add(profile)) {
            throw CliException.configuration("Infinite loop in credential configuration detected. Attempting to load "
                    + "from profile " + profile + " which has already been visited. Visited profiles: " + visited);
        }
        if (setting(profile, "role_arn").isPresent()) {
            return Optional.of(assumeRole(profile, visited));
        }
        Optional<AwsCredentials> keys = staticKeys(profile);
        if (keys.isPresent()) {
            log.debug("credentials", "Found credentials in shared credentials file or config for profile " + profile);
            return keys;
        }
        if (setting(profile, "credential_process").isPresent()) {
            log.debug("credentials", "Running credential_process of profile " + profile);
            try {
                return Optional.of(ProfileCredentialsProvider.builder().profileFile(files.file()).profileName(profile)
                        .build().resolveCredentials());
            } catch (RuntimeException e) {
                throw CliException.other("Error when retrieving credentials from custom-process: " + e.getMessage(), e);
            }
        }
        if (setting(profile, "sso_session").or(() -> setting(profile, "sso_start_url")).isPresent()) {
            throw CliException.configuration("The profile (" + profile + ") signs in through IAM Identity Center "
                    + "(sso_*), which gatepass does not support; use keys, role_arn or credential_process.");
        }
        return Optional.empty();
    }

    private Optional<AwsCredentials> staticKeys(String profile) {
        Optional<String> keyId = setting(profile, "aws_access_key_id");
        if (keyId.isEmpty()) {
            return Optional.empty();
        }
        String secret = setting(profile, "aws_secret_access_key").orElseThrow(() -> CliException.configuration(
                "Partial credentials found in shared-credentials-file, missing: aws_secret_access_key"));
        return Optional.of(keys(keyId.get(), secret, setting(profile, "aws_session_token").orElse(null)));
    }

    private AwsCredentials assumeRole(String profile, Set<String> visited) {
        String roleArn = setting(profile, "role_arn").orElseThrow();
        Optional<String> sourceProfile = setting(profile, "source_profile");
        Optional<String> credentialSource = setting(profile, "credential_source");
        AwsCredentials source;
        if (sourceProfile.isPresent() && credentialSource.isPresent()) {
            throw CliException.configuration("The profile \"" + profile + "\" contains both source_profile and "
                    + "credential_source.");
        } else if (sourceProfile.isPresent()) {
            String name = sourceProfile.get();
            if (files.file().profile(name).isEmpty()) {
                throw CliException.configuration("The source_profile \"" + name + "\" referenced in the profile \""
                        + profile + "\" does not exist.");
            }
            Optional<AwsCredentials> found = name.equals(profile) ? staticKeys(name) : fromProfile(name, visited);
            source = found.orElseThrow(() -> CliException.configuration(NO_CREDENTIALS));
        } else if (credentialSource.filter("Environment"::equals).isPresent()) {
            source = fromEnvironment().orElseThrow(() -> CliException.configuration(NO_CREDENTIALS));
        } else if (credentialSource.isPresent()) {
            throw CliException.configuration("Unsupported credential source: " + credentialSource.get()
                    + " (gatepass supports credential_source = Environment)");
        } else {
            throw CliException.configuration("The profile \"" + profile + "\" has role_arn but neither "
                    + "source_profile nor credential_source.");
        }
        Optional<String> sessionName = setting(profile, "role_session_name");
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder().roleArn(roleArn)
                .roleSessionName(sessionName.orElse("botocore-session-" + System.currentTimeMillis() / 1000));
        setting(profile, "external_id").ifPresent(request::externalId);
        setting(profile, "duration_seconds").map(ConfigValues::positiveInt).ifPresent(request::durationSeconds);
        String cacheKey = AssumedRoleCache.key(stsEndpoint, source.accessKeyId(), roleArn, sessionName.orElse(null),
                setting(profile, "external_id").orElse(null), setting(profile, "duration_seconds").orElse(null));
        Optional<AwsSessionCredentials> cached = cache.get(cacheKey);
        if (cached.isPresent()) {
            log.debug("credentials", "Using cached credentials of role " + roleArn + " for profile " + profile);
            return cached.get();
        }
        log.debug("credentials", "Assuming role " + roleArn + " for profile " + profile);
        try (StsClient sts = stsClients.apply(source)) {
            Credentials credentials = sts.assumeRole(request.build()).credentials();
            cache.put(cacheKey, credentials);
            return AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                    credentials.sessionToken());
        } catch (StsException e) {
            throw CliException.service(e.awsErrorDetails().errorCode(), "AssumeRole",
                    e.awsErrorDetails().errorMessage(), e);
        }
    }

    private Optional<String> setting(String profile, String name) {
        return files.setting(profile, name).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static AwsCredentials keys(String keyId, String secret, String token) {
        return token == null ? AwsBasicCredentials.create(keyId.trim(), secret.trim())
                : AwsSessionCredentials.create(keyId.trim(), secret.trim(), token.trim());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
