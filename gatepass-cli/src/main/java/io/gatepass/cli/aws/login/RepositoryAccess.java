package io.gatepass.cli.aws.login;

import io.gatepass.cli.aws.CliException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.GetAuthorizationTokenResponse;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * What a login writes into a tool's configuration: the authorization token, when it expires, and the repository's
 * endpoint for the tool's package format. Fetched as aws does: GetAuthorizationToken first, then
 * GetRepositoryEndpoint.
 */
record RepositoryAccess(String token, Instant expiration, String endpoint) {

    static RepositoryAccess fetch(CodeartifactClient client, LoginArguments args) {
        GetAuthorizationTokenResponse token = call("GetAuthorizationToken", () -> client.getAuthorizationToken(b -> {
            b.domain(args.domain()).domainOwner(args.domainOwner());
            // aws leaves a duration of 0 out of the request, so the service's default applies.
            if (args.durationSeconds() != null && args.durationSeconds() != 0) {
                b.durationSeconds(args.durationSeconds().longValue());
            }
        }));
        String endpoint = call("GetRepositoryEndpoint", () -> client.getRepositoryEndpoint(b -> b
                .domain(args.domain()).domainOwner(args.domainOwner()).repository(args.repository())
                .format(args.tool().packageFormat()))).repositoryEndpoint();
        return new RepositoryAccess(token.authorizationToken(), token.expiration(), endpoint);
    }

    private static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "Unknown" : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw CliException.service(code, operation, message, e);
        } catch (SdkClientException e) {
            throw CliException.other(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "RepositoryAccess[token=<redacted>, expiration=" + expiration + ", endpoint=" + endpoint + "]";
    }
}
