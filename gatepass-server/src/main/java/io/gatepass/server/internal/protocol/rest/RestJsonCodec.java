package io.gatepass.server.internal.protocol.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.core.error.ErrorCode;
import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.api.BoundOperation;
import io.gatepass.server.internal.api.Naming;
import io.gatepass.server.internal.api.OperationTable;
import io.gatepass.server.internal.api.ServiceDescriptor;
import io.gatepass.server.internal.api.rest.BlobContent;
import io.gatepass.server.internal.api.rest.BinaryPayload;
import io.gatepass.server.internal.api.rest.RestRoute;
import io.gatepass.server.internal.api.rest.StreamingPayload;
import io.gatepass.server.internal.protocol.DecodedCall;
import io.gatepass.server.internal.protocol.ProtocolCodec;
import io.gatepass.server.internal.protocol.WireMappers;
import io.gatepass.server.internal.protocol.WireRequest;
import io.gatepass.server.internal.protocol.WireResponse;
import io.gatepass.server.internal.protocol.tree.BodyMappers;
import io.gatepass.server.internal.protocol.tree.JsonProtocolSupport;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS restJson1 (CodeArtifact): the operation is found from the method and path by the {@link RestRoutes} the
 * services registered; its input gathers path labels, query parameters, headers and the members of a JSON object
 * body. Results are JSON; errors carry the code in {@code x-amzn-ErrorType} and in the body as
 * {@code {"__type": "Code", "message": "..."}}.
 *
 * <p>A method and path no route matches (a known path with another method included) is
 * {@code UnknownOperationException} with 404, as Smithy's server frameworks answer. Members bound to the path, the
 * query or a header are taken from there only; the body cannot override them. Their text is typed by the member's
 * declared type (integer, number, boolean, timestamp; anything else stays text), so a bad value is reported under the
 * parameter's wire name. A repeated query parameter fills a list member and gives a scalar member its first value;
 * a header bound to a list is split at commas. In the query '+' is a space; in the path it is a plus sign. An output
 * that is a {@link BinaryPayload} (a blob payload) is sent as its bytes, with its header-bound members as headers; a
 * {@link StreamingPayload} is streamed by the front door. A streaming blob input member ({@link BlobContent}) takes
 * a body the front door spooled to disk.
 */
public final class RestJsonCodec implements ProtocolCodec {
    static final String JSON = "application/json";
    /** No route matches the method and path. */
    static final ErrorCode UNKNOWN_OPERATION = CommonErrors.NO_ROUTE;
    private static final int MAX_QUERY_PARAMETERS = 1024;

    private final WireMappers mappers;
    private final RestRoutes routes;
    private final BodyMappers bodyMappers;
    private final Map<Naming, HttpValues> values = new EnumMap<>(Naming.class);
    private final ObjectReader bodies;

    public RestJsonCodec(WireMappers mappers, RestRoutes routes) {
        this.mappers = mappers;
        this.routes = routes;
        for (Naming naming : Naming.values()) {
            values.put(naming, new HttpValues(mappers.json(naming)));
        }
        this.bodyMappers = new BodyMappers(mappers::json);
        this.bodies = JsonProtocolSupport.bodyReader(mappers.json(Naming.CAMEL_CASE));
    }

    @Override
    public String name() {
        return "restJson";
    }

    @Override
    public DecodedCall decode(WireRequest request, OperationTable table, String scopeService) {
        RestRoutes.Match match = routes.match(scopeService, request.method(), segments(request.rawPath()))
                .orElseThrow(() -> UNKNOWN_OPERATION.exception("No operation matches "
                        + JsonProtocolSupport.quote(request.method(), 16) + " "
                        + JsonProtocolSupport.quote(request.rawPath(), 200)));
        RestRoute route = match.route();
        BoundOperation<?, ?> operation = table.find(match.signingName(), route.operation())
                .orElseThrow(() -> UNKNOWN_OPERATION.exception("No operation matches "
                        + request.method() + " " + route.pathTemplate()));
        ObjectNode input = route.payloadMember() != null ? payload(request, route.payloadMember()) : body(request);
        HttpValues http = values.get(operation.service().naming());
        Map<String, JavaType> members = http.members(operation.inputType());

        if (!input.isEmpty()) {
            route.labelToMember().values().forEach(input::remove);
            route.queryToMember().values().forEach(input::remove);
            route.headerToMember().values().forEach(input::remove);
            match.labels().keySet().forEach(label -> input.remove(route.memberForLabel(label)));
        }

        match.labels().forEach((label, value) -> {
            String member = route.memberForLabel(label);
            input.set(member, http.value(value, members.get(member), new HttpValues.Source("path label", label)));
        });
        if (!route.queryToMember().isEmpty() && !request.rawQuery().isEmpty()) {
            Map<String, List<String>> query = query(request.rawQuery());
            route.queryToMember().forEach((name, member) -> {
                List<String> given = query.get(name);
                if (given != null && given.size() > 1 && !HttpValues.isList(members.get(member))) {
                    throw CommonErrors.SERIALIZATION.exception("The query parameter '%s' appears more than once.",
                            name);
                }
                if (given != null && !given.isEmpty()) {
                    input.set(member, http.values(given, members.get(member), new HttpValues.Source("query parameter", name)));
                }
            });
        }
        route.headerToMember().forEach((name, member) -> {
            List<String> given = request.headers().get(name);
            if (given != null && !given.isEmpty()) {
                JavaType type = members.get(member);
                List<String> items = HttpValues.isList(type) ? splitList(given) : List.of(given.get(0).trim());
                input.set(member, http.values(items, type, new HttpValues.Source("header", name)));
            }
        });
        return new DecodedCall(operation, input);
    }

    /**
     * A blob payload: the body's bytes, whatever their media type, are the member; a body the front door spooled to
     * disk is the member as a {@link BlobContent} (a member of that type binds either).
     */
    private static ObjectNode payload(WireRequest request, String member) {
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.set(member, request.upload() != null ? new POJONode(request.upload())
                : BinaryNode.valueOf(request.body()));
        return input;
    }

    private ObjectNode body(WireRequest request) {
        if (request.body().length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        String mediaType = JsonProtocolSupport.mediaType(request.header("content-type"));
        if (mediaType != null && !mediaType.equals(JSON) && !mediaType.endsWith("+json")
                && !mediaType.startsWith("application/x-amz-json-")) {
            throw CommonErrors.UNSUPPORTED_MEDIA_TYPE.exception("Content-Type must be " + JSON + ", not "
                    + JsonProtocolSupport.quote(mediaType, 100));
        }
        return JsonProtocolSupport.readObject(bodies, request.body(), "JSON");
    }

    /** The percent-decoded path segments, ignoring one trailing slash. '+' is a plus sign in a path. */
    static List<String> segments(String rawPath) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.equals("/")) {
            return List.of();
        }
        String[] parts = (path.startsWith("/") ? path.substring(1) : path).split("/", -1);
        List<String> segments = new ArrayList<>(parts.length);
        for (String part : parts) {
            segments.add(percentDecode(part));
        }
        return segments;
    }

    private static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '%') {
                int next = text.indexOf('%', i);
                int end = next < 0 ? text.length() : next;
                bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
                continue;
            }
            int hi = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
            if (lo < 0) {
                throw CommonErrors.SERIALIZATION.exception("Malformed percent-encoding in the request path");
            }
            bytes.write(hi << 4 | lo);
            i += 3;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw CommonErrors.SERIALIZATION.exception("The request path is not valid UTF-8 once percent-decoded");
        }
    }

    private static Map<String, List<String>> query(String rawQuery) {
        try {
            return QueryStringDecoder.builder().hasPath(false).charset(StandardCharsets.UTF_8)
                    .maxParams(MAX_QUERY_PARAMETERS).semicolonIsNormalChar(true).build(rawQuery).parameters();
        } catch (IllegalArgumentException e) {
            throw CommonErrors.SERIALIZATION.exception("Malformed percent-encoding in the query string");
        }
    }

    /** Header lists: every value, each split on commas, items trimmed. */
    private static List<String> splitList(List<String> values) {
        List<String> items = new ArrayList<>();
        for (String value : values) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }

    @Override
    public Object bind(DecodedCall call) {
        return bodyMappers.bind(call);
    }

    @Override
    public WireResponse success(DecodedCall call, Object output, String requestId) {
        BoundOperation<?, ?> operation = call.operation();
        int status = routes.route(operation.service().signingName(), operation.name())
                .map(RestRoute::successStatus).orElse(200);
        if (status == 204) {
            return new WireResponse(status, new LinkedHashMap<>(), new byte[0]);
        }
        if (output instanceof StreamingPayload streaming) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/octet-stream");
            headers.putAll(streaming.headers());
            return new WireResponse(status, headers, new byte[0], streaming.payload());
        }
        if (output instanceof BinaryPayload binary) {
            WireResponse response = WireResponse.of(status, "application/octet-stream", binary.payload());
            for (Map.Entry<String, String> header : binary.headers().entrySet()) {
                response = response.withHeader(header.getKey(), header.getValue());
            }
            return response;
        }
        try {
            ObjectWriter writer = bodyMappers.writer(operation.service().naming());
            byte[] body = output == null ? new byte[] {'{', '}'} : writer.writeValueAsBytes(output);
            return WireResponse.of(status, JSON, body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the output of " + operation.name(), e);
        }
    }

    @Override
    public WireResponse error(ServiceDescriptor service, ServiceException error, String requestId) {
        ErrorCode code = service != null ? service.spell(error.errorCode()) : CommonErrors.forJson(error.errorCode());
        byte[] body = JsonProtocolSupport.errorBody(mappers.json(Naming.CAMEL_CASE), code.code(), error.getMessage(),
                code.fields());
        return WireResponse.of(code.httpStatus(), JSON, body).withHeader("x-amzn-ErrorType", code.code());
    }
}
