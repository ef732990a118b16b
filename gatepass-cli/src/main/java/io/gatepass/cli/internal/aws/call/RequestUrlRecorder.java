package io.gatepass.cli.internal.aws.call;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.net.URI;

/**
 * Remembers the URL of the last HTTP request this thread sent, so a connection failure can name it as aws does
 * ("Could not connect to the endpoint URL: ..."). Registered for every SDK client through the SDK's global
 * execution.interceptors resource.
 */
public final class RequestUrlRecorder implements ExecutionInterceptor {

    private static final ThreadLocal<URI> LAST = new ThreadLocal<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
        LAST.set(context.httpRequest().getUri());
    }

    /** Records a URL sent without an SDK client (the direct JSON calls). */
    public static void sent(URI uri) {
        LAST.set(uri);
    }

    /** The last request URL on this thread, or null. */
    static URI last() {
        return LAST.get();
    }

    static void clear() {
        LAST.remove();
    }
}
