package io.gatepass.server.internal.api;

import io.gatepass.server.internal.api.rest.RestRoute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every operation Gatepass serves, keyed by the service's signing name and the operation's wire name, and the
 * restJson routes of those that have one (the rest codec's {@code RestRoutes} is built from them).
 */
public final class OperationTable {
    private final Map<String, ServiceDescriptor> services = new HashMap<>();
    /** By signing name, then by operation name: found without building a key per request. */
    private final Map<String, Map<String, BoundOperation<?, ?>>> operations = new HashMap<>();
    /** By wire name; registering two services under one wire name is refused. */
    private final Map<String, ServiceDescriptor> byWireName = new HashMap<>();
    private final Map<String, List<RestRoute>> restRoutes = new LinkedHashMap<>();

    public <I, O> OperationTable add(ServiceDescriptor service, String name, Class<I> inputType,
                                     Operation<I, O> handler) {
        ServiceDescriptor other = byWireName.put(service.wireName(), service);
        if (other != null && !other.signingName().equals(service.signingName())) {
            throw new IllegalStateException("two services with the wire name " + service.wireName() + ": "
                    + other.signingName() + " and " + service.signingName());
        }
        services.put(service.signingName(), service);
        BoundOperation<I, O> bound = new BoundOperation<>(service, name, inputType, handler);
        if (operations.computeIfAbsent(service.signingName(), s -> new HashMap<>()).putIfAbsent(name, bound) != null) {
            throw new IllegalStateException("operation registered twice: " + service.signingName() + "." + name);
        }
        return this;
    }

    /** Adds the restJson routes (method, path, bindings) of operations of {@code service}. */
    public OperationTable route(ServiceDescriptor service, RestRoute... routes) {
        restRoutes.computeIfAbsent(service.signingName(), s -> new ArrayList<>()).addAll(Arrays.asList(routes));
        return this;
    }

    /** The restJson routes by signing name, services and routes in registration order. */
    public Map<String, List<RestRoute>> restRoutes() {
        Map<String, List<RestRoute>> copy = new LinkedHashMap<>();
        restRoutes.forEach((service, routes) -> copy.put(service, List.copyOf(routes)));
        return copy;
    }

    public Optional<BoundOperation<?, ?>> find(String signingName, String operationName) {
        Map<String, BoundOperation<?, ?>> ofService = operations.get(signingName);
        return Optional.ofNullable(ofService == null ? null : ofService.get(operationName));
    }

    public Optional<ServiceDescriptor> service(String signingName) {
        return Optional.ofNullable(services.get(signingName));
    }

    /** The service whose wire name (target prefix, CBOR service name or XML namespace) is {@code wireName}. */
    public Optional<ServiceDescriptor> serviceByWireName(String wireName) {
        return Optional.ofNullable(byWireName.get(wireName));
    }

    public Collection<ServiceDescriptor> services() {
        return services.values();
    }

    /** Every registered operation, sorted by service and name (a stable order for tests that walk them all). */
    public List<BoundOperation<?, ?>> all() {
        return operations.values().stream().flatMap(ofService -> ofService.values().stream())
                .sorted(Comparator.comparing((BoundOperation<?, ?> o) -> o.service().signingName())
                        .thenComparing(BoundOperation::name))
                .toList();
    }
}
