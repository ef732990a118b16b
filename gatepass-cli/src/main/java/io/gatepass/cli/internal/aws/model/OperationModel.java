package io.gatepass.cli.internal.aws.model;

import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;

/**
 * One operation of a service: its model name (as in error messages), CLI name, the SDK client method that calls it and
 * the request and response structures, loaded from the SDK's classes for this one operation only.
 */
public final class OperationModel {

    private final AwsService service;
    private final String name;
    private final String cliName;
    private final Class<?> requestClass;
    private final Class<?> responseClass;
    private final MethodHandle handle;
    private final boolean streaming;
    private StructureShape input;
    private StructureShape output;

    private OperationModel(AwsService service, String name, String cliName, Class<?> requestClass,
                           Class<?> responseClass, MethodHandle handle, boolean streaming) {
        this.service = service;
        this.name = name;
        this.cliName = cliName;
        this.requestClass = requestClass;
        this.responseClass = responseClass;
        this.handle = handle;
        this.streaming = streaming;
    }

    /**
     * Finds the client method for one operation. The fast path looks up only that method (Class.getMethod would load
     * every request and response class of the service); names the SDK spells differently take the slow path.
     */
    static OperationModel load(AwsService service, String name, String cliName) {
        String javaName = Names.javaClassName(cliName);
        Class<?> client = service.clientClass();
        Class<?> request = ModelReflection.tryLoad(service.modelPackage() + "." + javaName + "Request");
        Class<?> response = ModelReflection.tryLoad(service.modelPackage() + "." + javaName + "Response");
        if (request != null && response != null) {
            try {
                MethodHandle handle = MethodHandles.publicLookup().findVirtual(client,
                        Character.toLowerCase(javaName.charAt(0)) + javaName.substring(1),
                        MethodType.methodType(response, request));
                return new OperationModel(service, name, cliName, request, response, handle, false);
            } catch (NoSuchMethodException | IllegalAccessException e) {
                // spelled differently, or streaming: the slow path finds it
            }
        }
        Method method = findBySimilarName(client, name);
        // a ResponseTransformer overload returns what the transformer returns: the response class is named after
        // the request class
        Class<?> responseType = SdkPojo.class.isAssignableFrom(method.getReturnType()) ? method.getReturnType()
                : ModelReflection.load(service.modelPackage() + "."
                        + method.getParameterTypes()[0].getSimpleName().replaceFirst("Request$", "Response"));
        try {
            return new OperationModel(service, name, cliName, method.getParameterTypes()[0], responseType,
                    MethodHandles.publicLookup().unreflect(method), method.getParameterCount() != 1);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Slow path for names the SDK spells differently, and for streaming operations: the client method whose request
     * class matches, ignoring case; of a streaming operation's overloads, the one that takes the body as a
     * {@link RequestBody} or hands it to a {@link ResponseTransformer}.
     */
    private static Method findBySimilarName(Class<?> client, String name) {
        String wanted = alphanumeric(name + "Request");
        Method found = null;
        for (Method candidate : client.getMethods()) {
            boolean transforms = candidate.getParameterCount() == 2
                    && candidate.getParameterTypes()[1] == ResponseTransformer.class;
            if (candidate.getParameterCount() >= 1
                    && alphanumeric(candidate.getParameterTypes()[0].getSimpleName()).equals(wanted)
                    && (SdkPojo.class.isAssignableFrom(candidate.getReturnType()) || transforms)
                    && (found == null || candidate.getParameterCount() == 1 || transforms
                        || candidate.getParameterTypes()[1] == RequestBody.class)) {
                found = candidate;
            }
        }
        if (found != null) {
            return found;
        }
        throw new IllegalStateException("no SDK client method for operation " + name);
    }

    private static String alphanumeric(String value) {
        return value.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    public AwsService service() {
        return service;
    }

    /** The model name, e.g. "GetComputeAuthToken". */
    public String name() {
        return name;
    }

    /** e.g. "get-compute-auth-token". */
    public String cliName() {
        return cliName;
    }


    /** The SDK request class, e.g. GetAuthorizationTokenRequest. */
    public Class<?> requestClass() {
        return requestClass;
    }

    /** The SDK response class. */
    public Class<?> responseClass() {
        return responseClass;
    }

    public StructureShape input() {
        if (input == null) {
            Class<?> request = requestClass;
            input = StructureShape.input(() -> (SdkPojo) ModelReflection.invokeStatic(request, "builder"),
                    service.requiredInput(name), service, name);
        }
        return input;
    }

    public StructureShape output() {
        if (output == null) {
            Class<?> response = responseClass;
            output = StructureShape.output(() -> (SdkPojo) ModelReflection.invokeStatic(response, "builder"),
                    service);
        }
        return output;
    }

    /** How aws pages this operation, if it does. */
    public Optional<Pagination> pagination() {
        return service.pagination(name);
    }

    /**
     * Whether the operation streams a file in or out (codeartifact publish-package-version,
     * get-package-version-asset): then {@link #call(Object, Object, Object)} calls it.
     */
    public boolean streaming() {
        return streaming;
    }

    /** The input member that streams a file to the service (publish-package-version's assetContent), if any. */
    public Optional<StreamingInput> streamingInput() {
        return streaming ? service.streamingInput(name) : Optional.empty();
    }

    /** Whether the response body is a file, saved to aws's {@code <outfile>} argument (get-package-version-asset). */
    public boolean streamingOutput() {
        return streaming && service.streamingOutput(name);
    }

    /** Calls an operation that does not stream on an SDK client with a built request; returns the SDK response. */
    public Object call(Object client, Object request) {
        if (streaming()) {
            throw new IllegalStateException(name + " streams its body: call it with the body");
        }
        return invoke(client, request, null);
    }

    /**
     * Calls a streaming operation: {@code body} is the {@link RequestBody} the request sends, or the
     * {@link ResponseTransformer} the response body goes to; returns the SDK response.
     */
    public Object call(Object client, Object request, Object body) {
        if (!streaming()) {
            throw new IllegalStateException(name + " does not stream a body");
        }
        return invoke(client, request, body);
    }

    private Object invoke(Object client, Object request, Object body) {
        try {
            return body == null ? handle.invoke(client, request) : handle.invoke(client, request, body);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
