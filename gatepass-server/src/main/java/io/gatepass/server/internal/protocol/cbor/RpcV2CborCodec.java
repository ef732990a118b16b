package io.gatepass.server.internal.protocol.cbor;

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

import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Smithy RPC v2 CBOR: {@code POST {prefix?}/service/GameLift/operation/CreateFleet} with
 * {@code smithy-protocol: rpc-v2-cbor}, a CBOR map body (empty means no members; timestamps are tag 1 epoch seconds),
 * CBOR results, and errors as a CBOR map {@code {"__type": "com.amazonaws.gamelift#NotFoundException",
 * "message": "..."}}. Every response carries {@code smithy-protocol: rpc-v2-cbor}.
 *
 * <p>{@code __type} is the error's absolute shape id, as the protocol specifies; botocore and the AWS SDK for Java v2
 * both keep only what follows the {@code #}. Errors raised before the service is known carry the bare code. No
 * {@code x-amzn-ErrorType} header is sent: the specification says a server should not, and the Java SDK would
 * prefer the header's text to the body's.
 */
public final class RpcV2CborCodec implements ProtocolCodec {
    static final String CBOR = "application/cbor";
    static final String PROTOCOL_HEADER = "smithy-protocol";
    static final String PROTOCOL = "rpc-v2-cbor";

    /** Smithy's shape-name grammar. */
    private static final String IDENTIFIER = "(?:_+[A-Za-z0-9]|[A-Za-z])[A-Za-z0-9_]*";
    private static final Pattern OPERATION = Pattern.compile(IDENTIFIER);
    /** A service's shape name, or its absolute shape id with '.' for '#'; the name is the last group. */
    private static final Pattern SERVICE = Pattern.compile("(?:" + IDENTIFIER + "\\.)*(" + IDENTIFIER + ")");
    /** Longer segments are refused before any pattern sees them. */
    private static final int MAX_NAME = 256;

    private final WireMappers mappers;
    private final Function<ServiceDescriptor, String> namespaces;
    private final BodyMappers bodyMappers;
    private final ObjectReader bodies;
    private final int maxNestingDepth;

    /** Errors are qualified with {@code com.amazonaws.<signing name>}, the namespace of AWS's Smithy models. */
    public RpcV2CborCodec(WireMappers mappers) {
        this(mappers, service -> "com.amazonaws." + service.signingName().toLowerCase(Locale.ROOT));
    }

    /** @param namespaces the Smithy namespace of a service's shapes, e.g. {@code com.amazonaws.gamelift} */
    public RpcV2CborCodec(WireMappers mappers, Function<ServiceDescriptor, String> namespaces) {
        this.mappers = mappers;
        this.namespaces = namespaces;
        this.bodyMappers = new BodyMappers(mappers::cbor);
        this.bodies = JsonProtocolSupport.bodyReader(mappers.cbor(Naming.PASCAL_CASE));
        this.maxNestingDepth = mappers.maxNestingDepth();
    }

    @Override
    public String name() {
        return "rpcv2Cbor";
    }

    @Override
    public DecodedCall decode(WireRequest request, OperationTable table, String scopeService) {
        JsonProtocolSupport.requirePost(request, "rpcv2Cbor");
        String protocol = request.header(PROTOCOL_HEADER);
        if (!PROTOCOL.equals(protocol == null ? null : protocol.trim())) {
            throw CommonErrors.UNKNOWN_OPERATION.exception(protocol == null
                    ? "Missing smithy-protocol header; rpcv2Cbor requests carry smithy-protocol: " + PROTOCOL
                    : "Unsupported smithy-protocol " + JsonProtocolSupport.quote(protocol, 40) + "; expected " + PROTOCOL);
        }
        if (request.header("x-amz-target") != null || request.header("x-amzn-target") != null) {
            throw CommonErrors.UNKNOWN_OPERATION.exception("rpcv2Cbor requests must not carry an X-Amz-Target header");
        }
        BoundOperation<?, ?> operation = resolve(table, request.rawPath());
        if (request.body().length > 0 && !CBOR.equals(JsonProtocolSupport.mediaType(request.header("content-type")))) {
            String mediaType = JsonProtocolSupport.mediaType(request.header("content-type"));
            throw CommonErrors.UNSUPPORTED_MEDIA_TYPE.exception("Content-Type must be " + CBOR
                    + (mediaType == null ? "" : ", not " + JsonProtocolSupport.quote(mediaType, 100)));
        }
        CborStructure.check(request.body(), maxNestingDepth);
        return new DecodedCall(operation, JsonProtocolSupport.readObject(bodies, request.body(), "CBOR"));
    }

    /** Routes on the last four segments, {@code service/{ServiceName}/operation/{OperationName}}. */
    private static BoundOperation<?, ?> resolve(OperationTable table, String path) {
        String[] segments = path == null ? new String[0] : path.split("/", -1);
        int n = segments.length;
        Matcher service = n >= 5 && segments[n - 3].length() <= MAX_NAME && segments[n - 1].length() <= MAX_NAME
                ? SERVICE.matcher(segments[n - 3]) : null;
        if (service == null || !segments[n - 4].equals("service") || !segments[n - 2].equals("operation")
                || !service.matches() || !OPERATION.matcher(segments[n - 1]).matches()) {
            throw CommonErrors.UNKNOWN_OPERATION.exception("The path " + JsonProtocolSupport.quote(String.valueOf(path), 100)
                    + " is not of the form /service/{ServiceName}/operation/{OperationName}");
        }
        String serviceName = service.group(1);
        String operation = segments[n - 1];
        return table.serviceByWireName(serviceName)
                .flatMap(descriptor -> table.find(descriptor.signingName(), operation))
                .orElseThrow(() -> CommonErrors.UNKNOWN_OPERATION.exception(
                        "Unknown operation " + serviceName + "." + operation));
    }

    @Override
    public Object bind(DecodedCall call) {
        return bodyMappers.bind(call);
    }

    @Override
    public WireResponse success(DecodedCall call, Object output, String requestId) {
        ObjectWriter writer = bodyMappers.writer(call.operation().service().naming());
        try {
            byte[] body = output == null ? new byte[] {(byte) 0xa0} : writer.writeValueAsBytes(output);
            return WireResponse.of(200, CBOR, body).withHeader(PROTOCOL_HEADER, PROTOCOL);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the output of " + call.operation().name(), e);
        }
    }

    @Override
    public WireResponse error(ServiceDescriptor service, ServiceException error, String requestId) {
        ErrorCode code = service != null ? service.spell(error.errorCode()) : CommonErrors.forJson(error.errorCode());
        String type = service != null ? namespaces.apply(service) + "#" + code.code() : code.code();
        byte[] body = JsonProtocolSupport.errorBody(mappers.cbor(Naming.PASCAL_CASE), type, error.getMessage(),
                code.fields());
        return WireResponse.of(code.httpStatus(), CBOR, body).withHeader(PROTOCOL_HEADER, PROTOCOL);
    }
}
