package io.gatepass.server.api;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every operation Gatepass serves, keyed by the service's signing name and the operation's wire name. */
public final class OperationTable {
    private final Map<String, ServiceDescriptor> services = new HashMap<>();
    private final Map<String, BoundOperation<?, ?>> operations = new HashMap<>();

    public <I, O> OperationTable add(ServiceDescriptor service, String name, Class<I> inputType,
                                     Operation<I, O> handler) {
        services.put(service.signingName(), service);
        BoundOperation<I, O> bound = new BoundOperation<>(service, name, inputType, handler);
        if (operations.putIfAbsent(key(service.signingName(), name), bound) != null) {
            throw new IllegalStateException("operation registered twice: " + service.signingName() + "." + name);
        }
        return this;
    }

    public Optional<BoundOperation<?, ?>> find(String signingName, String operationName) {
        return Optional.ofNullable(operations.get(key(signingName, operationName)));
    }

    public Optional<ServiceDescriptor> service(String signingName) {
        return Optional.ofNullable(services.get(signingName));
    }

    /** The service whose wire name (target prefix, CBOR service name or XML namespace) is {@code wireName}. */
    public Optional<ServiceDescriptor> serviceByWireName(String wireName) {
        return services.values().stream().filter(s -> s.wireName().equals(wireName)).findFirst();
    }

    public Collection<ServiceDescriptor> services() {
        return services.values();
    }

    /** Every registered operation, sorted by service and name (a stable order for tests that walk them all). */
    public List<BoundOperation<?, ?>> all() {
        return operations.values().stream()
                .sorted(Comparator.comparing((BoundOperation<?, ?> o) -> o.service().signingName())
                        .thenComparing(BoundOperation::name))
                .toList();
    }

    private static String key(String signingName, String operationName) {
        return signingName + "\u0000" + operationName;
    }
}
