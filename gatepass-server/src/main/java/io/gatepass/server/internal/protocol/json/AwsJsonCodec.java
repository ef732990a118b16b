package io.gatepass.server.internal.protocol.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.core.error.ErrorCode;
import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.api.BoundOperation;
import io.gatepass.server.internal.api.Naming;
import io.gatepass.server.internal.api.OperationTable;
import io.gatepass.server.internal.api.ServiceDescriptor;
import io.gatepass.server.internal.protocol.DecodedCall;
import io.gatepass.server.internal.protocol.ProtocolCodec;
import io.gatepass.server.internal.protocol.WireMappers;
import io.gatepass.server.internal.protocol.WireRequest;
import io.gatepass.server.internal.protocol.WireResponse;
import io.gatepass.server.internal.protocol.tree.BodyMappers;
import io.gatepass.server.internal.protocol.tree.JsonProtocolSupport;


/**
 * The AWS JSON protocol, version 1.1 (and 1.0, which differs only in its media type): {@code POST} with
 * {@code X-Amz-Target: GameLift.CreateFleet}, a JSON object body (empty means no members), JSON results, and errors
 * as {@code {"__type": "Code", "message": "..."}} with the code repeated in {@code x-amzn-ErrorType}.
 *
 * <p>The path is not looked at: SDKs send {@code /}, or the path of an endpoint URL that has one, and which paths
 * reach this codec is the router's choice. An unknown target is {@code UnknownOperationException} with 400, as AWS's
 * JSON services answer it. A Content-Type other than the two JSON versions is refused with
 * {@code UnsupportedMediaTypeException} (415), as Smithy's server frameworks do (AWS itself answers a bare 404 page);
 * a body-less request may leave it out. Responses are always labelled 1.1: the 1.0 and 1.1 bodies are the same and
 * clients do not check the label.
 */
public final class AwsJsonCodec implements ProtocolCodec {
    static final String JSON_1_1 = "application/x-amz-json-1.1";
    static final String JSON_1_0 = "application/x-amz-json-1.0";
    private static final int MAX_ECHO = 100;

    private final WireMappers mappers;
    private final BodyMappers bodyMappers;
    private final ObjectReader bodies;
    /**
     * The last target found and its operation: a client sends the same target again and again, and an operation once
     * registered stays so (a table never removes or replaces one). Read and written without locks by every event
     * loop; the record's final fields make a racy read see a whole one.
     */
    private LastTarget lastTarget;

    private record LastTarget(OperationTable table, String target, BoundOperation<?, ?> operation) {
    }

    public AwsJsonCodec(WireMappers mappers) {
        this.mappers = mappers;
        this.bodyMappers = new BodyMappers(mappers::json);
        this.bodies = JsonProtocolSupport.bodyReader(mappers.json(Naming.PASCAL_CASE));
    }

    @Override
    public String name() {
        return "awsJson1_1";
    }

    @Override
    public DecodedCall decode(WireRequest request, OperationTable table, String scopeService) {
        JsonProtocolSupport.requirePost(request, "The AWS JSON protocol");
        BoundOperation<?, ?> operation = resolve(table, request.header("x-amz-target"));
        checkContentType(request);
        return new DecodedCall(operation, JsonProtocolSupport.readObject(bodies, request.body(), "JSON"));
    }

    private BoundOperation<?, ?> resolve(OperationTable table, String target) {
        if (target == null || target.isBlank()) {
            throw CommonErrors.UNKNOWN_OPERATION.exception("Missing X-Amz-Target header");
        }
        LastTarget last = lastTarget;
        if (last != null && last.table == table && last.target.equals(target)) {
            return last.operation;
        }
        BoundOperation<?, ?> operation = find(table, target);
        lastTarget = new LastTarget(table, target, operation);
        return operation;
    }

    private static BoundOperation<?, ?> find(OperationTable table, String target) {
        int dot = target.lastIndexOf('.');
        String prefix = dot < 0 ? "" : target.substring(0, dot);
        String operation = target.substring(dot + 1);
        return table.serviceByWireName(prefix)
                .flatMap(service -> table.find(service.signingName(), operation))
                .orElseThrow(() -> CommonErrors.UNKNOWN_OPERATION.exception(
                        "Unknown operation " + JsonProtocolSupport.quote(target, MAX_ECHO)));
    }

    private static void checkContentType(WireRequest request) {
        String mediaType = JsonProtocolSupport.mediaType(request.header("content-type"));
        if (mediaType == null ? request.body().length > 0 : !mediaType.equals(JSON_1_1) && !mediaType.equals(JSON_1_0)) {
            throw CommonErrors.UNSUPPORTED_MEDIA_TYPE.exception("Content-Type must be " + JSON_1_1 + " or " + JSON_1_0
                    + (mediaType == null ? "" : ", not " + JsonProtocolSupport.quote(mediaType, MAX_ECHO)));
        }
    }

    @Override
    public Object bind(DecodedCall call) {
        return bodyMappers.bind(call);
    }

    @Override
    public WireResponse success(DecodedCall call, Object output, String requestId) {
        ObjectWriter writer = bodyMappers.writer(call.operation().service().naming());
        try {
            byte[] body = output == null ? new byte[] {'{', '}'} : writer.writeValueAsBytes(output);
            return WireResponse.of(200, JSON_1_1, body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the output of " + call.operation().name(), e);
        }
    }

    @Override
    public WireResponse error(ServiceDescriptor service, ServiceException error, String requestId) {
        ErrorCode code = service != null ? service.spell(error.errorCode()) : CommonErrors.forJson(error.errorCode());
        byte[] body = JsonProtocolSupport.errorBody(mappers.json(Naming.PASCAL_CASE), code.code(), error.getMessage(),
                code.fields());
        return WireResponse.of(code.httpStatus(), JSON_1_1, body).withHeader("x-amzn-ErrorType", code.code());
    }
}
