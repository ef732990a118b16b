package io.gatepass.cli.aws.model;

import software.amazon.awssdk.core.SdkPojo;

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
        try {
            return new OperationModel(service, name, cliName, method.getParameterTypes()[0], method.getReturnType(),
                    MethodHandles.publicLookup().unreflect(method), method.getParameterCount() != 1);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Slow path for names the SDK spells differently: the client method whose request class matches, ignoring case. */
    private static Method findBySimilarName(Class<?> client, String name) {
        String wanted = alphanumeric(name + "Request");
        Method found = null;
        for (Method candidate : client.getMethods()) {
            if (candidate.getParameterCount() >= 1
                    && alphanumeric(candidate.getParameterTypes()[0].getSimpleName()).equals(wanted)
                    && SdkPojo.class.isAssignableFrom(candidate.getReturnType())
                    && (found == null || candidate.getParameterCount() == 1
                        || candidate.getParameterTypes()[1] == java.nio.file.Path.class)) {
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


    public StructureShape input() {
        if (input == null) {
            Class<?> request = requestClass;
            input = StructureShape.input(() -> (SdkPojo) ModelReflection.invokeStatic(request, "builder"),
                    service.requiredInput(name), service);
        }
        return input;
    }

    public StructureShape output() {
        if (output == null) {
            Class<?> response = responseClass;
            output = StructureShape.input(() -> (SdkPojo) ModelReflection.invokeStatic(response, "builder"),
                    java.util.Set.of(), service);
        }
        return output;
    }

    /** How aws pages this operation, if it does. */
    public Optional<Pagination> pagination() {
        return service.pagination(name);
    }

    /**
     * Whether the operation streams a file in or out (codeartifact publish-package-version,
     * get-package-version-asset); gatepass does not call those.
     */
    public boolean streaming() {
        return streaming;
    }

    /** Calls the operation on an SDK client with a built request and returns the SDK response. */
    public Object call(Object client, Object request) {
        if (streaming()) {
            throw new UnsupportedOperationException("gatepass does not support the streaming operation " + name);
        }
        try {
            return handle.invoke(client, request);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
