package io.gatepass.cli.internal.aws.call.direct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatepass.cli.internal.aws.model.Kind;
import io.gatepass.cli.internal.aws.model.Member;
import io.gatepass.cli.internal.aws.model.StructureShape;
import software.amazon.awssdk.core.protocol.MarshallLocation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random values of a model's shapes: command-line parameters of an input structure (as the CLI reads them:
 * timestamps as ISO 8601 text, blobs in base64) and service response bodies of an output structure (the wire's JSON
 * names, epoch-second timestamps), plus the header members of a response.
 */
final class RandomShapes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String CHARACTERS = "abcXYZ019 -_.~/+%&=?#:é✓\"\\";
    private static final int MAX_DEPTH = 4;

    private final Random random;

    RandomShapes(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** Parameters for an input structure: required members always, others half the time. */
    ObjectNode parameters(StructureShape shape, int depth) {
        ObjectNode node = NODES.objectNode();
        for (Member member : shape.members()) {
            if (member.required() || (depth < MAX_DEPTH && random.nextBoolean())) {
                JsonNode value = value(member, depth + 1, false);
                if (value != null) {
                    node.set(member.name(), value);
                }
            }
        }
        return node;
    }

    /**
     * A value of the member's shape: as a command-line parameter, or {@code onWire} as the service's JSON has it
     * (epoch-second timestamps, structures by their wire names).
     */
    private JsonNode value(Member member, int depth, boolean onWire) {
        return switch (member.kind()) {
            case STRING -> NODES.textNode(string(member));
            case INTEGER -> NODES.numberNode((int) atLeast(member, random.nextInt(2000) - 100));
            case LONG -> NODES.numberNode(atLeast(member, random.nextLong() >> random.nextInt(60)));
            case FLOAT, DOUBLE -> NODES.numberNode(Math.max(random.nextInt(100000) / 64.0,
                    member.minimum().map(Double::parseDouble).orElse(Double.NEGATIVE_INFINITY)));
            case BIG_DECIMAL -> NODES.numberNode(BigDecimal.valueOf(random.nextInt(100000), 3));
            case BOOLEAN -> NODES.booleanNode(random.nextBoolean());
            case TIMESTAMP -> onWire ? epochTimestamp() : NODES.textNode(instant().toString());
            case BLOB -> NODES.textNode(Base64.getEncoder().encodeToString(bytes()));
            case STRUCTURE -> onWire ? (depth > MAX_DEPTH ? null : body(member.structure(), null, depth))
                    : (depth > MAX_DEPTH && !member.required() ? null : parameters(member.structure(), depth));
            case LIST -> {
                ArrayNode list = NODES.arrayNode();
                long least = minimum(member);
                int size = (int) atLeast(member, depth > MAX_DEPTH ? 0 : random.nextInt(3));
                for (int i = 0; i < size; i++) {
                    JsonNode element = value(member.element(), depth + 1, onWire);
                    if (element == null && i < least && !onWire && member.element().kind() == Kind.STRUCTURE) {
                        element = parameters(member.element().structure(), depth + 1); // as many as aws demands
                    }
                    if (element != null) {
                        list.add(element);
                    }
                }
                yield list;
            }
            case MAP -> {
                ObjectNode map = NODES.objectNode();
                int size = depth > MAX_DEPTH ? 0 : random.nextInt(3);
                for (int i = 0; i < size; i++) {
                    JsonNode value = value(member.mapValue(), depth + 1, onWire);
                    if (value != null) {
                        map.set("k" + i + plain(), value);
                    }
                }
                yield map;
            }
            case DOCUMENT -> null;
        };
    }

    private JsonNode epochTimestamp() {
        Instant instant = instant();
        return random.nextBoolean() ? NODES.numberNode(instant.getEpochSecond())
                : NODES.numberNode(BigDecimal.valueOf(instant.toEpochMilli(), 3));
    }

    /** A response body for an output structure, by the members' wire names; header members go to {@code headers}. */
    ObjectNode body(StructureShape shape, Map<String, String> headers, int depth) {
        ObjectNode node = NODES.objectNode();
        for (Member member : shape.members()) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            MarshallLocation location = member.field().location();
            if (location == MarshallLocation.HEADER && headers != null) {
                if (member.kind() == io.gatepass.cli.internal.aws.model.Kind.STRING) {
                    headers.put(member.field().locationName(), plain());
                }
                continue;
            }
            if (location != MarshallLocation.PAYLOAD) {
                continue;
            }
            JsonNode value = value(member, depth + 1, true);
            if (value != null) {
                node.set(member.field().locationName(), value);
            }
        }
        return node;
    }

    private String string(Member member) {
        List<String> values = member.enumValues();
        if (!values.isEmpty() && random.nextInt(4) != 0) {
            return values.get(random.nextInt(values.size()));
        }
        StringBuilder text = new StringBuilder();
        int length = (int) atLeast(member, 1 + random.nextInt(12));
        for (int i = 0; i < length; i++) {
            text.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
        }
        return text.toString();
    }

    /** The value, or the member's minimum (length or value, as aws validates it) plus a little when below it. */
    private long atLeast(Member member, long value) {
        long minimum = minimum(member);
        return value >= minimum ? value : minimum + random.nextInt(3);
    }

    private static long minimum(Member member) {
        return member.minimum().map(m -> (long) Math.ceil(Double.parseDouble(m))).orElse(Long.MIN_VALUE);
    }

    /** Letters and digits only (header values, map keys). */
    String plain() {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(8);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private Instant instant() {
        return Instant.ofEpochMilli(1_500_000_000_000L + (random.nextLong() & 0xFFFFFFFFFFL)
                - (random.nextBoolean() ? 0 : (random.nextLong() & 0xFFFFFFFFFFL) % 1000));
    }

    private byte[] bytes() {
        byte[] bytes = new byte[random.nextInt(12)];
        random.nextBytes(bytes);
        return bytes;
    }
}
