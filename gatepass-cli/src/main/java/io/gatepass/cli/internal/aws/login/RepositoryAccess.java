package io.gatepass.cli.internal.aws.login;

import io.gatepass.cli.internal.aws.CliException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.GetAuthorizationTokenResponse;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What a login writes into a tool's configuration: the authorization token, when it expires, and the repository's
 * endpoint for the tool's package format. Fetched as aws does: GetAuthorizationToken first, then
 * GetRepositoryEndpoint; failures reported in aws's words.
 */
record RepositoryAccess(String token, Instant expiration, String endpoint) {

    static RepositoryAccess fetch(CodeartifactClient client, LoginArguments args) {
        // aws leaves a duration of 0 out of the request, so the service's default applies.
        Long duration = args.durationSeconds() == null || args.durationSeconds() == 0 ? null
                : args.durationSeconds().longValue();
        GetAuthorizationTokenResponse token = call("GetAuthorizationToken",
                () -> url(client, "/v1/authorization-token?domain=" + args.domain()
                        + (args.domainOwner() == null ? "" : "&domain-owner=" + args.domainOwner())
                        + (duration == null ? "" : "&duration=" + duration)),
                () -> client.getAuthorizationToken(b -> b.domain(args.domain()).domainOwner(args.domainOwner())
                        .durationSeconds(duration)));
        String endpoint = call("GetRepositoryEndpoint",
                () -> url(client, "/v1/repository/endpoint?domain=" + args.domain()
                        + (args.domainOwner() == null ? "" : "&domain-owner=" + args.domainOwner())
                        + "&repository=" + args.repository() + "&format=" + args.tool().packageFormat()),
                () -> client.getRepositoryEndpoint(b -> b.domain(args.domain()).domainOwner(args.domainOwner())
                        .repository(args.repository()).format(args.tool().packageFormat()))).repositoryEndpoint();
        return new RepositoryAccess(token.authorizationToken(), token.expiration(), endpoint);
    }

    private static <T> T call(String operation, Supplier<String> url, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            boolean details = e.awsErrorDetails() != null;
            String code = details && e.awsErrorDetails().errorCode() != null ? e.awsErrorDetails().errorCode()
                    : String.valueOf(e.statusCode());
            String message = details && e.awsErrorDetails().errorMessage() != null
                    ? e.awsErrorDetails().errorMessage() : "Unknown";
            throw CliException.service(code, operation, message, e);
        } catch (SdkClientException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SocketTimeoutException && String.valueOf(cause.getMessage()).contains("Read")) {
                    throw CliException.other("Read timeout on endpoint URL: \"" + url.get() + "\"", e);
                }
                if (cause instanceof ConnectException || cause instanceof UnknownHostException
                        || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
                    throw CliException.other("Could not connect to the endpoint URL: \"" + url.get() + "\"", e);
                }
            }
            throw CliException.other(e.getMessage(), e);
        }
    }

    /** The request URL as aws names it in connection errors. */
    private static String url(CodeartifactClient client, String pathAndQuery) {
        String base = client.serviceClientConfiguration().endpointOverride().map(URI::toString)
                .orElseGet(() -> "https://codeartifact." + client.serviceClientConfiguration().region()
                        + ".amazonaws.com");
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery;
    }

    @Override
    public String toString() {
        return "RepositoryAccess[token=<redacted>, expiration=" + expiration + ", endpoint=" + endpoint + "]";
    }
}
