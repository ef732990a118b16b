package io.gatepass.server.internal.protocol.tree;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.core.error.ErrorCode;
import io.gatepass.core.error.ServiceException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * What the three JSON-shaped protocols (awsJson1_1, rpcv2Cbor, restJson) share: strict binding of a member tree to an
 * input record with {@code SerializationException}s that name the member but never echo the input, the
 * {@code {"__type", "message"}} error body, and media-type parsing.
 */
public final class JsonProtocolSupport {
    /** A request whose method the protocol does not serve: it names no operation. */
    public static final ErrorCode METHOD_NOT_ALLOWED = CommonErrors.METHOD_NOT_ALLOWED;

    private static final int MAX_REASON = 120;
    /** Where Jackson's parse messages turn from the problem to its own internals. */
    private static final String[] JACKSON_INTERNALS = {" for `ObjectNode`", " (start marker at", " (start token at",
        " (bound as", " [Source:", ", from `"};

    private JsonProtocolSupport() {
    }

    /**
     * A copy of {@code base} that refuses the scalar coercions Jackson allows by default (a number for a string, a
     * string for a number or boolean, a fraction for an integer, an index for an enum), as AWS's JSON services answer
     * such input with a SerializationException. The shared mapper is left untouched.
     */
    public static ObjectMapper strict(ObjectMapper base) {
        ObjectMapper mapper = base.copy();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    /**
     * A reader for whole request bodies: trailing content and duplicate member names are errors (the tree check
     * covers CBOR, whose parser does not detect duplicates).
     */
    public static ObjectReader bodyReader(ObjectMapper mapper) {
        return mapper.reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /** A writer for outputs: a record without members is written as an empty object. */
    public static ObjectWriter outputWriter(ObjectMapper mapper) {
        return mapper.writer().without(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    /**
     * Reads a request body that must hold one object (JSON object or CBOR map). An empty body is an empty object.
     *
     * @param format the body's format as the client should read it in a message, e.g. "JSON" or "CBOR"
     */
    public static ObjectNode readObject(ObjectReader reader, byte[] body, String format) {
        if (body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode tree;
        try {
            tree = reader.readTree(body);
        } catch (JsonProcessingException e) {
            throw CommonErrors.SERIALIZATION.exception("Could not parse the request body as " + format + ": "
                    + reason(e) + location(e.getLocation()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tree == null || tree.isMissingNode()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!tree.isObject()) {
            throw CommonErrors.SERIALIZATION.exception("The request body must be a " + format + " "
                    + ("JSON".equals(format) ? "object" : "map") + ", not " + describe(tree));
        }
        return (ObjectNode) tree;
    }

    /**
     * Binds a member tree to an input record.
     *
     * @throws ServiceException a SerializationException naming the member that does not fit, or the
     *                          ServiceException that the record's own constructor threw
     */
    public static <T> T bind(ObjectMapper mapper, JsonNode input, Class<T> type) {
        try {
            return mapper.treeToValue(input, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw bindError(e);
        }
    }

    /**
     * Binds a member tree with a reader made for the input record's type ({@code mapper.readerFor(type)}), as
     * {@link #bind(ObjectMapper, JsonNode, Class)} does.
     */
    public static Object bind(ObjectReader reader, JsonNode input) {
        try {
            return reader.readValue(input);
        } catch (IOException | IllegalArgumentException e) {
            throw bindError(e);
        }
    }

    /** The SerializationException for a tree that did not bind; a ServiceException from a record constructor wins. */
    public static ServiceException bindError(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServiceException serviceException) {
                return serviceException;
            }
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return CommonErrors.SERIALIZATION.exception("The request does not match the operation's input");
        }
        String member = path(mapping);
        String subject = member.isEmpty() ? "The operation's input" : "Member '" + member + "'";
        if (mapping.getCause() instanceof InputCoercionException
                || String.valueOf(mapping.getOriginalMessage()).contains("out of range")) {
            return CommonErrors.SERIALIZATION.exception(subject + " is out of range for its type");
        }
        if (mapping instanceof ValueInstantiationException) {
            // A record constructor refused the values; its own message may say more than a client should see.
            return CommonErrors.SERIALIZATION.exception(subject + " is not valid");
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target.isPrimitive() && String.valueOf(mismatch.getOriginalMessage()).contains("`null`")) {
                return CommonErrors.SERIALIZATION.exception(subject + " is required and must not be null");
            }
            return CommonErrors.SERIALIZATION.exception(subject + " must be " + expected(target));
        }
        return CommonErrors.SERIALIZATION.exception(subject + " has a value of the wrong type");
    }

    /** The RPC protocols (awsJson, rpcv2Cbor) take POST only; anything else is refused in their shape. */
    public static void requirePost(io.gatepass.server.internal.protocol.WireRequest request, String protocol) {
        if (!"POST".equals(request.method())) {
            throw METHOD_NOT_ALLOWED.exception(protocol + " takes POST requests, not " + quote(request.method(), 16));
        }
    }

    /**
     * Writes {@code {"__type": type, "message": message}} with the given mapper (JSON or CBOR), plus the further
     * members the error shape carries.
     */
    public static byte[] errorBody(ObjectMapper mapper, String type, String message, Map<String, String> fields) {
        ObjectNode body = mapper.getNodeFactory().objectNode();
        body.put("__type", type);
        if (message != null) {
            body.put("message", message);
        }
        fields.forEach(body::put);
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error body", e);
        }
    }

    /** The media type of a Content-Type value, lower-cased and without parameters, or null when absent or blank. */
    public static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.isEmpty() ? null : type.toLowerCase(Locale.ROOT);
    }

    /** Text from a client, cut to a length fit for an error message and stripped of control characters. */
    public static String quote(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 3);
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (text.length() > max) {
            out.append("...");
        }
        return out.toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(quote(reference.getFieldName(), 64));
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == Byte.class || type == byte.class
                || type == java.math.BigInteger.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == Instant.class) {
            return "a timestamp";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            StringBuilder allowed = new StringBuilder();
            for (Object constant : constants) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(((Enum<?>) constant).name());
            }
            return "one of [" + allowed + "]";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray() && type != byte[].class) {
            return "a list";
        }
        if (type == byte[].class) {
            return "a blob";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "a map";
        }
        return "a structure";
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case BINARY -> "a blob";
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            return "malformed input";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        if (line.startsWith("Trailing token")) {
            return "unexpected content after the end of the value";
        }
        if (line.contains("nesting depth")) {
            return "values nested too deeply";
        }
        int end = line.length();
        for (String internals : JACKSON_INTERNALS) {
            int at = line.indexOf(internals);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return quote(line.substring(0, end), MAX_REASON);
    }

    private static String location(JsonLocation location) {
        if (location == null) {
            return "";
        }
        if (location.getLineNr() > 0 && location.getColumnNr() > 0) {
            return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        return location.getByteOffset() >= 0 ? " (at byte " + location.getByteOffset() + ")" : "";
    }
}
