package io.gatepass.cli.internal.aws.config;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

import java.net.URI;

/**
 * The request path under a configured endpoint that has a path of its own, as aws joins them: an operation whose
 * request URI is {@code /} (every awsJson and query operation) goes to the endpoint's path as given
 * ({@code --endpoint-url http://h:p/prefix} sends {@code POST /prefix}); the SDK appends the slash
 * ({@code /prefix/}). As an interceptor it corrects the SDK client's requests before they are signed.
 */
public final class EndpointPath implements ExecutionInterceptor {

    private final URI endpoint;

    EndpointPath(URI endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * The encoded path aws sends for an operation the SDK marshalled to {@code encodedPath} under {@code endpoint}:
     * the same, except the endpoint's path plus a slash becomes the endpoint's path.
     */
    public static String of(URI endpoint, String encodedPath) {
        String prefix = endpoint.getRawPath();
        if (prefix == null || prefix.isEmpty() || prefix.endsWith("/")) {
            return encodedPath;
        }
        return encodedPath.equals(prefix + "/") ? prefix : encodedPath;
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        SdkHttpRequest request = context.httpRequest();
        String path = of(endpoint, request.encodedPath());
        return path.equals(request.encodedPath()) ? request : request.toBuilder().encodedPath(path).build();
    }
}
