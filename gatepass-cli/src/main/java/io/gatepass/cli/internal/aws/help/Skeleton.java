package io.gatepass.cli.internal.aws.help;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatepass.cli.internal.aws.model.Member;
import io.gatepass.cli.internal.aws.model.StreamingInput;
import io.gatepass.cli.internal.aws.model.StructureShape;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * --generate-cli-skeleton's samples, as botocore's ArgumentGenerator makes them: for input, empty strings (or an
 * enum's first value), 0, 0.0, true and 1970-01-01T00:00:00; for output, member names in place of strings.
 */
public final class Skeleton {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final boolean memberNames;
    private final Deque<String> stack = new ArrayDeque<>();

    private Skeleton(boolean memberNames) {
        this.memberNames = memberNames;
    }

    /** The sample input: what --cli-input-json accepts, every member present. */
    public static ObjectNode input(StructureShape shape) {
        return new Skeleton(false).structure(shape);
    }

    /**
     * The sample input of an operation with a streaming input: that member is null in its place, as botocore's
     * generator leaves a streaming blob.
     */
    public static ObjectNode input(StructureShape shape, StreamingInput streaming) {
        ObjectNode members = input(shape);
        ObjectNode node = NODES.objectNode();
        members.fields().forEachRemaining(field -> {
            if (field.getKey().equals(streaming.before())) {
                node.putNull(streaming.name());
            }
            node.set(field.getKey(), field.getValue());
        });
        if (!node.has(streaming.name())) {
            node.putNull(streaming.name());
        }
        return node;
    }

    /** The sample output of --generate-cli-skeleton output. */
    public static ObjectNode output(StructureShape shape) {
        return new Skeleton(true).structure(shape);
    }

    private ObjectNode structure(StructureShape shape) {
        ObjectNode node = NODES.objectNode();
        if (stack.contains(shape.name())) {
            return node;
        }
        stack.push(shape.name());
        try {
            for (Member member : shape.members()) {
                node.set(member.name(), value(member, member.name()));
            }
        } finally {
            stack.pop();
        }
        return node;
    }

    private JsonNode value(Member member, String name) {
        return switch (member.kind()) {
            case STRUCTURE -> structure(member.structure());
            case LIST -> {
                ArrayNode list = NODES.arrayNode();
                Member element = member.element();
                list.add(value(element, element.enumType() != null ? element.enumType().getSimpleName() : "string"));
                yield list;
            }
            case MAP -> {
                ObjectNode map = NODES.objectNode();
                map.set("KeyName", value(member.mapValue(), "string"));
                yield map;
            }
            case STRING -> NODES.textNode(memberNames ? name
                    : member.enumValues().isEmpty() ? "" : member.enumValues().get(0));
            case INTEGER, LONG -> NODES.numberNode(0);
            case FLOAT, DOUBLE, BIG_DECIMAL -> NODES.numberNode(0.0);
            case BOOLEAN -> NODES.booleanNode(true);
            case TIMESTAMP -> NODES.textNode("1970-01-01T00:00:00");
            case BLOB, DOCUMENT -> NODES.nullNode();
        };
    }
}
