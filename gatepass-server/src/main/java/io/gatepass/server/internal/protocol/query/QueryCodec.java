package io.gatepass.server.internal.protocol.query;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.core.error.ServiceException;
import io.gatepass.core.error.Fault;
import io.gatepass.server.internal.api.BoundOperation;
import io.gatepass.server.internal.api.Naming;
import io.gatepass.server.internal.api.OperationTable;
import io.gatepass.server.internal.api.ServiceDescriptor;
import io.gatepass.server.internal.protocol.DecodedCall;
import io.gatepass.server.internal.protocol.ProtocolCodec;
import io.gatepass.server.internal.protocol.WireMappers;
import io.gatepass.server.internal.protocol.WireRequest;
import io.gatepass.server.internal.protocol.WireResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS query protocol (STS, IAM): form-encoded {@code Action=...&Version=...} parameters in the body or the query
 * string, XML results wrapped in {@code <XResponse><XResult>}, and {@code <ErrorResponse>} errors. STS and IAM share
 * the endpoint; the service is the one in the SigV4 credential scope, or else the one that has the action.
 */
public final class QueryCodec implements ProtocolCodec {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String XML = "text/xml";

    private final WireMappers mappers;
    private final List<String> services;
    /** A reader per member naming and input type, made once (treeToValue looks the type up on every call). */
    private final Map<io.gatepass.server.internal.api.Naming, Map<Class<?>, ObjectReader>> readers =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** The output writer of each member naming. */
    private final Map<Naming, ObjectWriter> writers = new EnumMap<>(Naming.class);

    /** @param services the signing names of the query services, the first being the default for errors */
    public QueryCodec(WireMappers mappers, List<String> services) {
        this.mappers = mappers;
        this.services = List.copyOf(services);
        for (Naming naming : Naming.values()) {
            writers.put(naming, mappers.text(naming).writer());
        }
    }

    @Override
    public String name() {
        return "query";
    }

    @Override
    public DecodedCall decode(WireRequest request, OperationTable table, String scopeService) {
        Map<String, String> parameters = parameters(request);
        String action = parameters.get("Action");
        if (action == null || action.isEmpty()) {
            throw CommonErrors.MISSING_ACTION.exception("Missing Action");
        }
        BoundOperation<?, ?> operation = resolve(table, scopeService, action)
                .orElseThrow(() -> CommonErrors.INVALID_ACTION.exception("Could not find operation %s for version %s",
                        action, parameters.getOrDefault("Version", "NO_VERSION_SPECIFIED")));
        return new DecodedCall(operation, FormParameters.toTree(parameters));
    }

    private java.util.Optional<BoundOperation<?, ?>> resolve(OperationTable table, String scopeService,
                                                              String action) {
        if (scopeService != null && services.contains(scopeService)) {
            return table.find(scopeService, action);
        }
        return services.stream().map(s -> table.find(s, action)).flatMap(java.util.Optional::stream).findFirst();
    }

    @Override
    public Object bind(DecodedCall call) {
        ServiceDescriptor service = call.operation().service();
        try {
            ObjectReader reader = readers
                    .computeIfAbsent(service.naming(), naming -> new java.util.concurrent.ConcurrentHashMap<>())
                    .computeIfAbsent(call.operation().inputType(), type -> mappers.text(service.naming()).readerFor(type));
            return reader.readValue(call.input());
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw service.validationError().exception("1 validation error detected: a parameter has a value of the wrong type");
        }
    }

    @Override
    public WireResponse success(DecodedCall call, Object output, String requestId) {
        BoundOperation<?, ?> operation = call.operation();
        ServiceDescriptor service = operation.service();
        String root = operation.name() + "Response";
        XmlWriter xml = new XmlWriter().open(root, service.wireName());
        if (output != null) {
            try {
                xml.result(operation.name() + "Result", writers.get(service.naming()), output);
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the output of " + operation.name(), e);
            }
        }
        xml.open("ResponseMetadata").element("RequestId", requestId).close("ResponseMetadata").close(root);
        return WireResponse.of(200, XML, xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public WireResponse error(ServiceDescriptor service, ServiceException error, String requestId) {
        String namespace = service != null ? service.wireName() : "https://sts.amazonaws.com/doc/2011-06-15/";
        XmlWriter xml = new XmlWriter().open("ErrorResponse", namespace)
                .open("Error")
                .element("Type", error.errorCode().fault() == Fault.SENDER ? "Sender" : "Receiver")
                .element("Code", error.code())
                .element("Message", error.getMessage())
                .close("Error")
                .element("RequestId", requestId)
                .close("ErrorResponse");
        return WireResponse.of(error.httpStatus(), XML, xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> parameters(WireRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (!request.rawQuery().isEmpty()) {
            FormParameters.addAll(parameters, request.rawQuery());
        }
        String contentType = request.header("content-type");
        if (request.body().length > 0 && contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(FORM)) {
            FormParameters.addAll(parameters, new String(request.body(), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
