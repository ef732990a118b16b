package io.gatepass.cli.internal.aws.model;

import java.lang.reflect.InvocationTargetException;

/** The few reflective calls the model needs, with checked exceptions turned into unchecked ones. */
final class ModelReflection {

    private ModelReflection() {
    }

    static Class<?> load(String className) {
        try {
            return Class.forName(className, true, ModelReflection.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("SDK class missing: " + className, e);
        }
    }

    static Class<?> tryLoad(String className) {
        try {
            return Class.forName(className, true, ModelReflection.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    static Object invokeStatic(Class<?> type, String method) {
        try {
            return type.getMethod(method).invoke(null);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw rethrow(e);
        }
    }

    private static RuntimeException rethrow(InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
