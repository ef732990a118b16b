package io.gatepass.server.internal.protocol.rest;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.protocol.tree.JsonProtocolSupport;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Turns the text of query parameters, headers and path labels into typed tree values by the declared type of the
 * member they bind, so that the input binds as strictly as a JSON body and a bad value is reported under the name
 * the client used ({@code max-results}, not {@code maxResults}). Timestamps accept ISO-8601, epoch seconds and, as
 * headers carry them, HTTP dates.
 */
final class HttpValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Decimal notation only: no hexadecimal floats and no Java type suffixes, which Double.parseDouble takes. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");

    /**
     * Where a value came from, as an error names it: {@code query parameter 'max-results'}. Spelled only when a value
     * is refused.
     */
    record Source(String kind, String name) {
        @Override
        public String toString() {
            return kind + " '" + name + "'";
        }
    }

    private final ObjectMapper mapper;
    private final Map<Class<?>, Map<String, JavaType>> members = new ConcurrentHashMap<>();

    HttpValues(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The declared type of each member of an input record, by wire name. */
    Map<String, JavaType> members(Class<?> inputType) {
        return members.computeIfAbsent(inputType, type -> {
            BeanDescription description = mapper.getDeserializationConfig().introspect(mapper.constructType(type));
            Map<String, JavaType> byName = new LinkedHashMap<>();
            for (BeanPropertyDefinition property : description.findProperties()) {
                byName.put(property.getName(), property.getPrimaryType());
            }
            return Collections.unmodifiableMap(byName);
        });
    }

    static boolean isList(JavaType type) {
        return type != null && (type.isCollectionLikeType() || type.isArrayType() && !type.hasRawClass(byte[].class));
    }

    /** All values of a list member, or the first value of any other. */
    JsonNode values(List<String> values, JavaType type, Source source) {
        if (isList(type)) {
            ArrayNode array = NODES.arrayNode(values.size());
            for (String value : values) {
                array.add(value(value, type.getContentType(), source));
            }
            return array;
        }
        return value(values.get(0), type, source);
    }

    /** One value as the member's type wants it; members of unknown type get the text. */
    JsonNode value(String text, JavaType type, Source source) {
        Class<?> raw = type == null ? String.class : type.getRawClass();
        try {
            int bits = integerBits(raw);
            if (bits > 0 && bits <= 64) {
                return NODES.numberNode(fitting(text.trim(), bits, source));
            }
            if (bits > 0) {
                BigInteger value = new BigInteger(text.trim());
                if (value.bitLength() >= bits) {
                    throw invalid(source, "an integer of at most " + bits + " bits");
                }
                return NODES.numberNode(value);
            }
            if (raw == BigDecimal.class) {
                return NODES.numberNode(new BigDecimal(text.trim()));
            }
            if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class) {
                return floating(text.trim());
            }
            if (raw == Boolean.class || raw == boolean.class) {
                return bool(text.trim(), source);
            }
            if (raw == Instant.class) {
                return timestamp(text.trim(), source);
            }
        } catch (NumberFormatException e) {
            throw invalid(source, raw == BigDecimal.class || raw == Double.class || raw == double.class
                    || raw == Float.class || raw == float.class ? "a number" : "an integer");
        }
        return NODES.textNode(text);
    }

    /**
     * An integer of at most {@code bits} bits (two's complement), parsed as a long: the values and the text
     * {@link BigInteger} accepts within a long's range are the same, without making a BigInteger per parameter.
     */
    private static long fitting(String text, int bits, Source source) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            new BigInteger(text); // a well-formed number too large for a long is reported as too wide, below
            throw invalid(source, "an integer of at most " + bits + " bits");
        }
        if (bits < 64 && (value < -(1L << (bits - 1)) || value >= 1L << (bits - 1))) {
            throw invalid(source, "an integer of at most " + bits + " bits");
        }
        return value;
    }

    /** The width of an integer type, Integer.MAX_VALUE for BigInteger, 0 for anything else. */
    private static int integerBits(Class<?> raw) {
        if (raw == Integer.class || raw == int.class) {
            return 32;
        }
        if (raw == Long.class || raw == long.class) {
            return 64;
        }
        if (raw == Short.class || raw == short.class) {
            return 16;
        }
        if (raw == Byte.class || raw == byte.class) {
            return 8;
        }
        return raw == BigInteger.class ? Integer.MAX_VALUE : 0;
    }

    private static JsonNode floating(String text) {
        return switch (text) {
            case "NaN" -> NODES.numberNode(Double.NaN);
            case "Infinity" -> NODES.numberNode(Double.POSITIVE_INFINITY);
            case "-Infinity" -> NODES.numberNode(Double.NEGATIVE_INFINITY);
            default -> {
                if (!DECIMAL.matcher(text).matches()) {
                    throw new NumberFormatException();
                }
                yield NODES.numberNode(Double.parseDouble(text));
            }
        };
    }

    private static JsonNode bool(String text, Source source) {
        return switch (text) {
            case "true" -> NODES.booleanNode(true);
            case "false" -> NODES.booleanNode(false);
            default -> throw invalid(source, "true or false");
        };
    }

    /** ISO-8601 text passes through; epoch seconds become a number; an HTTP date becomes epoch seconds. */
    private static JsonNode timestamp(String text, Source source) {
        if (!text.isEmpty() && (Character.isDigit(text.charAt(0)) || text.charAt(0) == '-')
                && text.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == '-')) {
            try {
                return NODES.numberNode(new BigDecimal(text));
            } catch (NumberFormatException e) {
                throw invalid(source, "a timestamp");
            }
        }
        if (text.length() > 3 && text.charAt(3) == ',') {
            try {
                return NODES.numberNode(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond());
            } catch (DateTimeParseException e) {
                throw invalid(source, "a timestamp");
            }
        }
        try {
            Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(source, "a timestamp");
        }
        return NODES.textNode(text);
    }

    private static ServiceException invalid(Source source, String expected) {
        return CommonErrors.SERIALIZATION.exception("The value of " + JsonProtocolSupport.quote(source.toString(), 80)
                + " must be " + expected);
    }
}
