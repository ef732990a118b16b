package io.gatepass.cli.internal.aws.login;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatepass.cli.internal.aws.CliException;
import io.gatepass.cli.internal.aws.model.AwsService;
import io.gatepass.cli.internal.aws.params.RequestBuilder;
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
import java.util.function.Consumer;
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
        validate("get-authorization-token", args, parameters -> {
            if (duration != null) {
                parameters.put("durationSeconds", duration);
            }
        });
        GetAuthorizationTokenResponse token = call("GetAuthorizationToken",
                () -> url(client, "/v1/authorization-token?domain=" + args.domain()
                        + (args.domainOwner() == null ? "" : "&domain-owner=" + args.domainOwner())
                        + (duration == null ? "" : "&duration=" + duration)),
                () -> client.getAuthorizationToken(b -> b.domain(args.domain()).domainOwner(args.domainOwner())
                        .durationSeconds(duration)));
        validate("get-repository-endpoint", args, parameters -> parameters.put("repository", args.repository())
                .put("format", args.tool().packageFormat()));
        String endpoint = call("GetRepositoryEndpoint",
                () -> url(client, "/v1/repository/endpoint?domain=" + args.domain()
                        + (args.domainOwner() == null ? "" : "&domain-owner=" + args.domainOwner())
                        + "&repository=" + args.repository() + "&format=" + args.tool().packageFormat()),
                () -> client.getRepositoryEndpoint(b -> b.domain(args.domain()).domainOwner(args.domainOwner())
                        .repository(args.repository()).format(args.tool().packageFormat()))).repositoryEndpoint();
        return new RepositoryAccess(token.authorizationToken(), token.expiration(), endpoint);
    }

    /**
     * The parameters of one of the login's calls, checked as every command's are (botocore's validation, exit 252)
     * before it is sent: a domain or repository name too short, a negative duration.
     */
    private static void validate(String operation, LoginArguments args, Consumer<ObjectNode> more) {
        ObjectNode parameters = JsonNodeFactory.instance.objectNode().put("domain", args.domain());
        if (args.domainOwner() != null) {
            parameters.put("domainOwner", args.domainOwner());
        }
        more.accept(parameters);
        RequestBuilder.validate(AwsService.CODEARTIFACT.operation(operation).orElseThrow().input(), parameters);
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
