package io.gatepass.cli.internal.aws.params;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gatepass.cli.internal.aws.CliException;
import io.gatepass.cli.internal.aws.model.Kind;
import io.gatepass.cli.internal.aws.model.Member;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The value of one top-level option as aws reads it: file:// and fileb:// first, then JSON for values that start with
 * "{" or "[", shorthand for structures, maps and lists of them, one word per element for lists of scalars, and
 * Python's int() / float() for numbers.
 */
public final class ArgumentValues {

    /** The JSON reader for parameters (order and exact numbers kept), created on first use: it is slow to start. */
    public static ObjectMapper json() {
        return Mapper.INSTANCE;
    }

    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper();
    }

    private final ParamFile files;

    public ArgumentValues(ParamFile files) {
        this.files = files;
    }

    /** Reads the words given after a member's option. */
    public JsonNode read(Member member, List<String> words) {
        String option = member.cliName();
        try {
            if (words.size() == 1) {
                Object loaded = files.load(words.get(0));
                if (loaded instanceof byte[] bytes) {
                    if (member.kind() == Kind.BLOB) {
                        return BinaryNode.valueOf(bytes);
                    }
                    loaded = new String(bytes, StandardCharsets.UTF_8);
                }
                if (loaded != null) {
                    words = List.of((String) loaded);
                }
            }
            return unpack(member, words, option);
        } catch (ParamFile.ParamFileException e) {
            throw CliException.invalidParameter("Error parsing parameter '" + option + "': " + e.getMessage());
        } catch (ShorthandException e) {
            throw CliException.invalidParameter("Error parsing parameter '" + option + "': " + e.getMessage());
        }
    }

    private JsonNode unpack(Member member, List<String> words, String option) {
        switch (member.kind()) {
            case LIST -> {
                if (words.size() == 1 && words.get(0).strip().startsWith("[")) {
                    return json(words.get(0), option);
                }
                Member element = member.element();
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                for (String word : words) {
                    list.add(element.kind().scalar() ? scalar(element, word) : complex(element, word, option));
                }
                return list;
            }
            case STRUCTURE, MAP, DOCUMENT -> {
                return complex(member, String.join(" ", words), option);
            }
            default -> {
                return scalar(member, words.get(words.size() - 1));
            }
        }
    }

    private JsonNode complex(Member member, String value, String option) {
        String stripped = value.strip();
        if (stripped.startsWith("{") || stripped.startsWith("[") || member.kind() == Kind.DOCUMENT) {
            return json(value, option);
        }
        if (member.kind() == Kind.STRUCTURE && member.structure().memberNames().equals(List.of("Value"))
                && !value.contains("=")) {
            ObjectNode single = JsonNodeFactory.instance.objectNode();
            single.put("Value", value);
            return single;
        }
        return coerce(member, Shorthand.parse(value));
    }

    private static JsonNode json(String value, String option) {
        try {
            return json().readTree(value);
        } catch (JsonProcessingException e) {
            throw CliException.invalidParameter("Error parsing parameter '" + option + "': Invalid JSON: "
                    + e.getOriginalMessage() + "\nJSON received: " + value);
        }
    }

    /** A scalar option's word, converted as aws's unpack_scalar_cli_arg does. */
    static JsonNode scalar(Member member, String word) {
        return switch (member.kind()) {
            case INTEGER, LONG -> integer(word);
            case FLOAT, DOUBLE, BIG_DECIMAL -> decimal(word);
            case BOOLEAN -> BooleanNode.valueOf(!word.equalsIgnoreCase("false"));
            default -> TextNode.valueOf(word);
        };
    }

    /** Shorthand gives strings and lists; make them fit the model as aws's BackCompatVisitor does. */
    static JsonNode coerce(Member member, JsonNode value) {
        if (value == null || value.isNull()) {
            return value;
        }
        switch (member.kind()) {
            case STRUCTURE -> {
                if (value instanceof ObjectNode object) {
                    for (Member child : member.structure().members()) {
                        if (object.has(child.name())) {
                            object.set(child.name(), coerce(child, object.get(child.name())));
                        }
                    }
                }
                return value;
            }
            case LIST -> {
                if (!value.isArray()) {
                    return JsonNodeFactory.instance.arrayNode().add(value);
                }
                ArrayNode list = (ArrayNode) value;
                Member element = member.element();
                for (int i = 0; i < list.size(); i++) {
                    list.set(i, coerce(element, list.get(i)));
                }
                return list;
            }
            case MAP -> {
                if (value instanceof ObjectNode object) {
                    Member mapValue = member.mapValue();
                    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
                    while (fields.hasNext()) {
                        Map.Entry<String, JsonNode> entry = fields.next();
                        entry.setValue(coerce(mapValue, entry.getValue()));
                    }
                }
                return value;
            }
            case INTEGER, LONG -> {
                return value.isTextual() ? integer(value.asText()) : value;
            }
            case FLOAT, DOUBLE, BIG_DECIMAL -> {
                return value.isTextual() ? decimal(value.asText()) : value;
            }
            case BOOLEAN -> {
                if (value.isTextual() && value.asText().equalsIgnoreCase("true")) {
                    return BooleanNode.TRUE;
                }
                if (value.isTextual() && value.asText().equalsIgnoreCase("false")) {
                    return BooleanNode.FALSE;
                }
                return value;
            }
            default -> {
                return value;
            }
        }
    }

    private static JsonNode integer(String word) {
        try {
            return JsonNodeFactory.instance.numberNode(new BigInteger(word.strip().replace("_", "")));
        } catch (NumberFormatException e) {
            throw CliException.other("invalid literal for int() with base 10: " + PyRepr.repr(TextNode.valueOf(word)),
                    e);
        }
    }

    private static JsonNode decimal(String word) {
        try {
            return DoubleNode.valueOf(Double.parseDouble(word.strip()));
        } catch (NumberFormatException e) {
            throw CliException.other("could not convert string to float: " + PyRepr.repr(TextNode.valueOf(word)), e);
        }
    }
}
