package io.gatepass.cli.internal.aws.call;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatepass.cli.internal.aws.CliException;
import io.gatepass.cli.internal.aws.call.direct.DirectCall;
import io.gatepass.cli.internal.aws.config.CliConfig;
import io.gatepass.cli.internal.aws.config.StreamedBodies;
import io.gatepass.cli.internal.aws.model.OperationModel;
import io.gatepass.cli.internal.aws.params.RequestBuilder;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.URI;
import java.util.Optional;

/**
 * One request to the service: parameters in, the response as aws's JSON out; service errors become aws's
 * "An error occurred (Code) when calling the X operation: message" (exit 254), unreachable endpoints
 * "Could not connect to the endpoint URL" (exit 255).
 */
public final class ServiceCall {

    private final OperationModel operation;
    private final SdkClient client;
    private final DirectCall direct;
    private final RequestBuilder requests;
    private final ResponseJson responses;
    private final String region;

    /**
     * @param client the SDK client, or null when {@code direct} calls the operation
     * @param direct the call without an SDK client ({@link #direct}), or null; exactly one of the two is given
     */
    public ServiceCall(OperationModel operation, SdkClient client, DirectCall direct, RequestBuilder requests,
                       ResponseJson responses, String region) {
        if ((client == null) == (direct == null)) {
            throw new IllegalArgumentException("a service call takes exactly one of an SDK client and a direct call");
        }
        this.operation = operation;
        this.client = client;
        this.direct = direct;
        this.requests = requests;
        this.responses = responses;
        this.region = region;
    }

    public ObjectNode call(ObjectNode parameters) {
        return call(parameters, null);
    }

    /**
     * Calls the operation; a streaming operation with its body: the {@link RequestBody} it sends, or the
     * {@link StreamingOutputFile} its response body is saved to (then the result holds the other members).
     */
    public ObjectNode call(ObjectNode parameters, Object body) {
        Object request = requests.build(operation.input(), parameters);
        RequestUrlRecorder.clear();
        try {
            Object response = direct != null && body == null ? direct.call(request)
                    : body == null ? operation.call(client, request)
                    : operation.call(client, StreamedBodies.mark((AwsRequest) request, body instanceof RequestBody,
                            body instanceof StreamingOutputFile), body);
            return responses.toJson((SdkPojo) response);
        } catch (AwsServiceException e) {
            ServiceErrorText text = ServiceErrorText.of(e, maxAttempts());
            throw CliException.service(text.code(), operation.name(), text.retryNote(), text.message(), e);
        } catch (SdkClientException e) {
            throw clientFailure(e);
        }
    }

    /** The attempts in all the call's retry strategy allows. */
    private int maxAttempts() {
        if (direct != null) {
            return direct.maxAttempts();
        }
        return client.serviceClientConfiguration().overrideConfiguration().retryStrategy()
                .map(software.amazon.awssdk.retries.api.RetryStrategy::maxAttempts).orElse(3);
    }

    private CliException clientFailure(SdkClientException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CliException configuration) {
                return configuration;
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String text = String.valueOf(cause.getMessage());
            if (cause instanceof SocketTimeoutException && text.contains("Read")) {
                return CliException.other("Read timeout on endpoint URL: \"" + endpoint() + "\"", e);
            }
            if (cause instanceof SocketTimeoutException && text.toLowerCase(java.util.Locale.ROOT)
                    .contains("connect timed out")) {
                return CliException.other("Connect timeout on endpoint URL: \"" + endpoint() + "\"", e);
            }
            if (cause instanceof java.net.SocketException && (text.contains("Unexpected end of file from server")
                    || text.contains("Connection reset"))) {
                return CliException.other("Connection was closed before we received a valid response from endpoint "
                        + "URL: \"" + endpoint() + "\".", e);
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
                return CliException.other("Could not connect to the endpoint URL: \"" + endpoint() + "\"", e);
            }
        }
        return CliException.other(e.getMessage(), e);
    }

    /**
     * The call of an operation without an SDK client, when the operation and the configuration allow one (a JSON
     * protocol, no streamed body, a configured endpoint: {@link CliConfig#directRoute}); decided before any request.
     */
    public static Optional<DirectCall> direct(OperationModel operation, CliConfig config) {
        if (operation.service().jsonProtocol().isEmpty() || operation.streaming()) {
            return Optional.empty();
        }
        return DirectCall.of(operation, config.directRoute(operation.service().cliName()), RequestUrlRecorder::sent);
    }

    /** The URL aws names in connection errors: the request's URL (endpoint, path and query). */
    String endpoint() {
        URI sent = RequestUrlRecorder.last();
        if (sent != null) {
            // the SDK leaves an empty path empty where the request line (and aws) says "/"
            if (sent.getRawPath() == null || sent.getRawPath().isEmpty()) {
                return sent.getScheme() + "://" + sent.getRawAuthority() + "/"
                        + (sent.getRawQuery() == null ? "" : "?" + sent.getRawQuery());
            }
            return sent.toString();
        }
        URI override = client == null ? direct.endpoint()
                : client.serviceClientConfiguration().endpointOverride().orElse(null);
        if (override != null) {
            String text = override.toString();
            return text.endsWith("/") ? text : text + "/";
        }
        String service = operation.service().cliName();
        if (service.equals("iam")) {
            return "https://iam.amazonaws.com/";
        }
        return "https://" + service + "." + region + ".amazonaws.com/";
    }
}
