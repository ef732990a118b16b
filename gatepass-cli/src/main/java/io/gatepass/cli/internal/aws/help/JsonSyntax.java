package io.gatepass.cli.internal.aws.help;

import io.gatepass.cli.internal.aws.model.Kind;
import io.gatepass.cli.internal.aws.model.Member;

import java.util.ArrayList;
import java.util.List;

/** The "JSON Syntax:" block of an option's help: the member's shape with type names for values, as aws shows it. */
final class JsonSyntax {

    private JsonSyntax() {
    }

    static String of(Member member) {
        return render(member, "", new ArrayList<>());
    }

    private static String render(Member member, String indent, List<String> stack) {
        String inner = indent + "  ";
        return switch (member.kind()) {
            case STRUCTURE -> {
                String name = member.structure().name();
                if (stack.contains(name)) {
                    yield "{ ... recursive ... }";
                }
                stack.add(name);
                List<String> lines = new ArrayList<>();
                for (Member child : member.structure().members()) {
                    lines.add(inner + "\"" + child.name() + "\": " + render(child, inner, stack));
                }
                stack.remove(stack.size() - 1);
                yield "{\n" + String.join(",\n", lines) + "\n" + indent + "}";
            }
            case LIST -> "[" + render(member.element(), indent, stack) + " ...]";
            case MAP -> "{\"string\": " + render(member.mapValue(), inner, stack) + "\n" + indent + "  ...}";
            case STRING -> member.enumValues().isEmpty() ? "\"string\"" : "\"" + String.join("\"|\"",
                    member.enumValues()) + "\"";
            case BLOB -> "blob";
            case TIMESTAMP -> "timestamp";
            default -> member.kind().modelName();
        };
    }
}
