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

    /**
     * botocore's ParamValidator: the same checks, messages and order. A structure reports its missing required
     * members (model order), then its unknown ones, then what is wrong inside the known ones (in the order given); a
     * string's or a list's length and a number's value below the model's minimum are errors (maximums, patterns and
     * enums are left to the service, as aws leaves them; so are maps' and blobs' sizes).
     */
    private record Validator(List<String> errors) {

        void structure(StructureShape shape, JsonNode value, String name, String path) {
            String where = path.isEmpty() ? name : path;
            if (!value.isObject()) {
                invalidType(value, where, "<class 'dict'>");
                return;
            }
            for (String required : shape.requiredNames()) {
                if (!value.has(required) || value.get(required).isNull()) {
                    errors.add("Missing required parameter in " + where + ": \"" + required + "\"");
                }
            }
            List<Map.Entry<Member, JsonNode>> known = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                Member member = shape.member(entry.getKey()).orElse(null);
                if (member == null) {
                    errors.add("Unknown parameter in " + where + ": \"" + entry.getKey() + "\", must be one of: "
                            + String.join(", ", shape.memberNames()));
                } else if (!entry.getValue().isNull()) {
                    known.add(Map.entry(member, entry.getValue()));
                }
            }
            for (Map.Entry<Member, JsonNode> entry : known) {
                String memberName = entry.getKey().name();
                member(entry.getKey(), entry.getValue(), path.isEmpty() ? memberName : path + "." + memberName);
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
                    length(member.minimum(), value.size(), path);
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
                    java.util.Optional<String> keyMinimum = member.keyMinimum();
                    value.fields().forEachRemaining(e -> {
                        length(keyMinimum, e.getKey().codePointCount(0, e.getKey().length()),
                                path + " (key: " + e.getKey() + ")");
                        member(mapValue, e.getValue(), path + "." + e.getKey());
                    });
                }
                case STRING -> {
                    if (check(value.isTextual(), value, path, "<class 'str'>")) {
                        String text = value.asText();
                        length(member.minimum(), text.codePointCount(0, text.length()), path);
                    }
                }
                case INTEGER, LONG -> {
                    if (check(value.isIntegralNumber(), value, path, "<class 'int'>")) {
                        range(member.minimum(), value, path);
                    }
                }
                case FLOAT, DOUBLE, BIG_DECIMAL -> {
                    if (check(value.isNumber(), value, path,
                            "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>")) {
                        range(member.minimum(), value, path);
                    }
                }
                case BOOLEAN -> check(value.isBoolean(), value, path, "<class 'bool'>");
                case TIMESTAMP -> check((value.isTextual() && Timestamps.parses(value.asText())) || value.isNumber(),
                        value, path, "<class 'datetime.datetime'>, timestamp-string");
                case BLOB -> check(value.isTextual() || value.isBinary(), value, path,
                        "<class 'bytes'>, <class 'bytearray'>, file-like object");
                case DOCUMENT -> { }
            }
        }

        private void length(java.util.Optional<String> minimum, int length, String path) {
            if (minimum.isPresent() && new java.math.BigDecimal(minimum.get())
                    .compareTo(java.math.BigDecimal.valueOf(length)) > 0) {
                errors.add("Invalid length for parameter " + path + ", value: " + length + ", valid min length: "
                        + minimum.get());
            }
        }

        private void range(java.util.Optional<String> minimum, JsonNode value, String path) {
            if (minimum.isPresent() && new java.math.BigDecimal(minimum.get()).compareTo(value.decimalValue()) > 0) {
                errors.add("Invalid value for parameter " + path + ", value: " + PyRepr.repr(value)
                        + ", valid min value: " + minimum.get());
            }
        }

        private boolean check(boolean valid, JsonNode value, String path, String validTypes) {
            if (!valid) {
                invalidType(value, path, validTypes);
            }
            return valid;
        }

        private void invalidType(JsonNode value, String path, String validTypes) {
            errors.add("Invalid type for parameter " + path + ", value: " + PyRepr.repr(value) + ", type: "
                    + PyRepr.type(value) + ", valid types: " + validTypes);
        }
    }

}
