package io.gatepass.cli.internal.aws.params;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatepass.cli.internal.aws.CliException;
import io.gatepass.cli.internal.aws.model.Member;
import io.gatepass.cli.internal.aws.model.StructureShape;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.utils.builder.SdkBuilder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the parameters (a JSON object keyed by member names, from options, --cli-input-json or both) into an SDK
 * request, validating them first as botocore does: all problems reported together under
 * "Parameter validation failed:" (exit 252).
 */
public final class RequestBuilder {

    private final String binaryFormat;

    /** @param binaryFormat --cli-binary-format: "base64" (blobs given base64-encoded) or "raw-in-base64-out" */
    public RequestBuilder(String binaryFormat) {
        this.binaryFormat = binaryFormat == null ? "base64" : binaryFormat;
    }

    /** Builds the SDK request; invalid parameters fail as {@link #validate} says. */
    public Object build(StructureShape input, JsonNode parameters) {
        validate(input, parameters);
        return structure(input, parameters);
    }

    /** botocore's parameter validation: every problem, one a line, under "Parameter validation failed:" (exit 252). */
    public static void validate(StructureShape input, JsonNode parameters) {
        List<String> errors = new ArrayList<>();
        new Validator(errors).structure(input, parameters, "input", "");
        if (!errors.isEmpty()) {
            throw CliException.invalidParameter("Parameter validation failed:\n" + String.join("\n", errors));
        }
    }

    private Object structure(StructureShape shape, JsonNode value) {
        SdkPojo builder = shape.newBuilder();
        for (Member member : shape.members()) {
            JsonNode memberValue = value.get(member.name());
            if (memberValue != null && !memberValue.isNull()) {
                member.field().set(builder, convert(member, memberValue));
            }
        }
        return ((SdkBuilder<?, ?>) builder).build();
    }

    private Object convert(Member member, JsonNode value) {
        return switch (member.kind()) {
            case STRING -> value.asText();
            case INTEGER -> value.intValue();
            case LONG -> value.longValue();
            case FLOAT -> value.floatValue();
            case DOUBLE -> value.doubleValue();
            case BIG_DECIMAL -> value.decimalValue();
            case BOOLEAN -> value.booleanValue();
            case TIMESTAMP -> Timestamps.parse(value.asText());
            case BLOB -> SdkBytes.fromByteArray(blob(value));
            case STRUCTURE -> structure(member.structure(), value);
            case LIST -> {
                Member element = member.element();
                List<Object> list = new ArrayList<>();
                for (JsonNode item : value) {
                    list.add(convert(element, item));
                }
                yield list;
            }
            case MAP -> {
                Member mapValue = member.mapValue();
                Map<String, Object> map = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> entry = fields.next();
                    map.put(entry.getKey(), convert(mapValue, entry.getValue()));
                }
                yield map;
            }
            case DOCUMENT -> throw CliException.invalidParameter("Document parameters are not supported");
        };
    }

    private byte[] blob(JsonNode value) {
        if (value.isBinary()) {
            return binary(value);
        }
        if (binaryFormat.equals("base64")) {
            try {
                return Base64.getDecoder().decode(value.asText());
            } catch (IllegalArgumentException e) {
                throw CliException.invalidParameter("Invalid base64: \"" + value.asText() + "\"");
            }
        }
        return value.asText().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] binary(JsonNode value) {
        try {
            return value.binaryValue();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** botocore's ParamValidator: the same checks, messages and order. */
    private record Validator(List<String> errors) {

        void structure(StructureShape shape, JsonNode value, String name, String path) {
            if (!value.isObject()) {
                invalidType(value, path.isEmpty() ? name : path, "<class 'dict'>");
                return;
            }
            for (String required : shape.requiredNames()) {
                if (!value.has(required) || value.get(required).isNull()) {
                    errors.add("Missing required parameter in " + (path.isEmpty() ? name : path) + ": \""
                            + required + "\"");
                }
            }
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                Member member = shape.member(entry.getKey()).orElse(null);
                if (member == null) {
                    errors.add("Unknown parameter in " + (path.isEmpty() ? name : path) + ": \"" + entry.getKey()
                            + "\", must be one of: " + String.join(", ", shape.memberNames()));
                } else if (!entry.getValue().isNull()) {
                    member(member, entry.getValue(), path.isEmpty() ? entry.getKey() : path + "." + entry.getKey());
                }
            }
        }

        void member(Member member, JsonNode value, String path) {
            switch (member.kind()) {
                case STRUCTURE -> structure(member.structure(), value, path, path);
                case LIST -> {
                    if (!value.isArray()) {
                        invalidType(value, path, "<class 'list'>, <class 'tuple'>");
                        return;
                    }
                    Member element = member.element();
                    for (int i = 0; i < value.size(); i++) {
                        member(element, value.get(i), path + "[" + i + "]");
                    }
                }
                case MAP -> {
                    if (!value.isObject()) {
                        invalidType(value, path, "<class 'dict'>");
                        return;
                    }
                    Member mapValue = member.mapValue();
                    value.fields().forEachRemaining(e -> member(mapValue, e.getValue(), path + "." + e.getKey()));
                }
                case STRING -> check(value.isTextual(), value, path, "<class 'str'>");
                case INTEGER, LONG -> check(value.isIntegralNumber(), value, path, "<class 'int'>");
                case FLOAT, DOUBLE, BIG_DECIMAL -> check(value.isNumber(), value, path,
                        "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>");
                case BOOLEAN -> check(value.isBoolean(), value, path, "<class 'bool'>");
                case TIMESTAMP -> check((value.isTextual() && Timestamps.parses(value.asText())) || value.isNumber(),
                        value, path, "<class 'datetime.datetime'>, timestamp-string");
                case BLOB -> check(value.isTextual() || value.isBinary(), value, path,
                        "<class 'bytes'>, <class 'bytearray'>, file-like object");
                case DOCUMENT -> { }
            }
        }

        private void check(boolean valid, JsonNode value, String path, String validTypes) {
            if (!valid) {
                invalidType(value, path, validTypes);
            }
        }

        private void invalidType(JsonNode value, String path, String validTypes) {
            errors.add("Invalid type for parameter " + path + ", value: " + PyRepr.repr(value) + ", type: "
                    + PyRepr.type(value) + ", valid types: " + validTypes);
        }
    }

}
