package io.gatepass.cli.aws.model;

import software.amazon.awssdk.core.SdkPojo;

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
    private final Method method;
    private StructureShape input;
    private StructureShape output;

    private OperationModel(AwsService service, String name, String cliName, Method method) {
        this.service = service;
        this.name = name;
        this.cliName = cliName;
        this.method = method;
    }

    static OperationModel load(AwsService service, String name, String cliName) {
        String javaName = Names.javaClassName(cliName);
        Class<?> client = service.clientClass();
        Class<?> request = ModelReflection.tryLoad(service.modelPackage() + "." + javaName + "Request");
        Method method = null;
        if (request != null) {
            try {
                method = client.getMethod(Character.toLowerCase(javaName.charAt(0)) + javaName.substring(1), request);
                if (!SdkPojo.class.isAssignableFrom(method.getReturnType())) {
                    method = null;
                }
            } catch (NoSuchMethodException e) {
                method = null;
            }
        }
        if (method == null) {
            method = findBySimilarName(client, name);
        }
        return new OperationModel(service, name, cliName, method);
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

    /** The client interface method taking the request. */
    public Method method() {
        return method;
    }

    public StructureShape input() {
        if (input == null) {
            Class<?> request = method.getParameterTypes()[0];
            input = StructureShape.input(() -> (SdkPojo) ModelReflection.invokeStatic(request, "builder"),
                    service.requiredInput(name), service);
        }
        return input;
    }

    public StructureShape output() {
        if (output == null) {
            Class<?> response = method.getReturnType();
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
        return method.getParameterCount() != 1;
    }

    /** Calls the operation on an SDK client with a built request and returns the SDK response. */
    public Object call(Object client, Object request) {
        if (streaming()) {
            throw new UnsupportedOperationException("gatepass does not support the streaming operation " + name);
        }
        return ModelReflection.invoke(method, client, request);
    }
}
