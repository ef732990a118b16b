package io.gatepass.cli.internal.aws.config;

import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;

/**
 * Marks a request whose body is a file sent, or whose successful response body is a file saved, so that --debug
 * names those bodies instead of printing them (and never holds a streamed body in memory to print it).
 */
public final class StreamedBodies {

    static final ExecutionAttribute<Boolean> REQUEST = new ExecutionAttribute<>("GatepassStreamedRequestBody");
    static final ExecutionAttribute<Boolean> RESPONSE = new ExecutionAttribute<>("GatepassStreamedResponseBody");

    private StreamedBodies() {
    }

    /** The request, marked as streaming its body out ({@code request}) and/or in ({@code response}). */
    public static AwsRequest mark(AwsRequest request, boolean requestBody, boolean responseBody) {
        return request.toBuilder().overrideConfiguration(o -> o
                .putExecutionAttribute(REQUEST, requestBody)
                .putExecutionAttribute(RESPONSE, responseBody)).build();
    }
}
