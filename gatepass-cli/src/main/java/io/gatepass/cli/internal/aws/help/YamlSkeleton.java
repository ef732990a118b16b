package io.gatepass.cli.internal.aws.help;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatepass.cli.internal.aws.model.Member;
import io.gatepass.cli.internal.aws.model.StructureShape;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * --generate-cli-skeleton yaml-input: the input skeleton as YAML in model order, each member commented the way aws
 * does: {@code # [REQUIRED]} and an enum's valid values.
 */
public final class YamlSkeleton {

    private final StringBuilder out = new StringBuilder();

    private YamlSkeleton() {
    }

    public static String of(StructureShape input) {
        YamlSkeleton yaml = new YamlSkeleton();
        yaml.structure(input, Skeleton.input(input), "", false);
        return yaml.out.toString();
    }

    private void structure(StructureShape shape, JsonNode value, String indent, boolean inList) {
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        boolean first = true;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Member member = shape.member(field.getKey()).orElseThrow();
            String prefix = inList && first ? indent.substring(0, indent.length() - 2) + "- " : indent;
            out.append(prefix).append(field.getKey()).append(':');
            JsonNode child = field.getValue();
            if (child.isObject() && member.kind() == io.gatepass.cli.internal.aws.model.Kind.STRUCTURE) {
                comment(member, first);
                structure(member.structure(), child, indent + "  ", false);
            } else if (child.isArray()) {
                comment(member, first);
                list(member.element(), child, indent);
            } else if (child.isObject()) {
                comment(member, first);
                out.append(indent).append("  KeyName: ").append(scalar(child.get("KeyName"))).append('\n');
            } else {
                out.append(' ').append(scalar(child));
                comment(member, first);
            }
            first = false;
        }
    }

    private void list(Member element, JsonNode list, String indent) {
        JsonNode item = list.get(0);
        if (item.isObject() && element.kind() == io.gatepass.cli.internal.aws.model.Kind.STRUCTURE) {
            structure(element.structure(), item, indent + "  ", true);
        } else {
            out.append(indent).append("- ").append(scalar(item)).append('\n');
        }
    }

    /** aws's end-of-line comment: [REQUIRED] and the enum's values (aws adds the AWS documentation, which we do not ship). */
    private void comment(Member member, boolean first) {
        List<String> parts = new ArrayList<>();
        if (member.required()) {
            parts.add("[REQUIRED]");
        }
        if (!member.enumValues().isEmpty()) {
            parts.add("Valid values are: " + String.join(", ", member.enumValues()) + ".");
        }
        String text = String.join(" ", parts);
        if (!text.isBlank()) {
            out.append(first ? "  # " : " # ").append(text);
        }
        out.append('\n');
    }

    private static String scalar(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return value.asText().isEmpty() ? "''" : value.asText();
        }
        return value.asText();
    }
}
