package io.gatepass.cli.internal.aws.help;

import io.gatepass.cli.internal.aws.model.Kind;
import io.gatepass.cli.internal.aws.model.Member;

import java.util.ArrayList;
import java.util.List;

/** The "Shorthand Syntax:" line of an option's help, written the way aws writes it (e.g. {@code Key=string,Value=string ...}). */
public final class ShorthandSyntax {

    private static final int MAX_STACK = 3;

    private final List<String> stack = new ArrayList<>();

    private ShorthandSyntax() {
    }

    /** The shorthand example for a top-level option, or null when the option takes no shorthand. */
    public static String of(Member member) {
        if (member.kind() == Kind.LIST && member.element().kind().scalar()) {
            return null;
        }
        if (member.kind().scalar() || member.kind() == Kind.DOCUMENT) {
            return null;
        }
        ShorthandSyntax docs = new ShorthandSyntax();
        try {
            if (member.kind() == Kind.LIST) {
                return docs.docs(member.element()) + " ...";
            }
            if (member.kind() == Kind.STRUCTURE && member.structure().memberNames().equals(List.of("Value"))) {
                return null;
            }
            return docs.docs(member);
        } catch (TooComplex e) {
            return "";
        }
    }

    private String docs(Member member) {
        if (stack.size() > MAX_STACK) {
            throw new TooComplex();
        }
        return switch (member.kind()) {
            case STRUCTURE -> {
                List<String> parts = new ArrayList<>();
                for (Member child : member.structure().members()) {
                    if (child.kind() != Kind.DOCUMENT) {
                        parts.add(memberDocs(child));
                    }
                }
                String inner = String.join(",", parts);
                yield stack.isEmpty() ? inner : "{" + inner + "}";
            }
            case LIST -> {
                Member element = member.element();
                stack.add("member");
                String elementDocs;
                try {
                    elementDocs = docs(element);
                } finally {
                    stack.remove(stack.size() - 1);
                }
                yield !element.kind().scalar() || stack.size() > 1
                        ? "[" + elementDocs + "," + elementDocs + "]" : elementDocs + "," + elementDocs;
            }
            case MAP -> {
                String value = docs(member.mapValue());
                String start = "KeyName1=" + value + ",KeyName2=" + value;
                yield stack.isEmpty() ? start : "{" + start + "}";
            }
            default -> member.kind().modelName();
        };
    }

    private String memberDocs(Member member) {
        String shape = member.kind() == Kind.STRUCTURE ? member.structure().name() : member.name() + "#";
        if (stack.contains(shape)) {
            return "( ... recursive ... )";
        }
        stack.add(shape);
        try {
            return member.name() + "=" + docs(member);
        } finally {
            stack.remove(stack.size() - 1);
        }
    }

    private static final class TooComplex extends RuntimeException {
        TooComplex() {
            super(null, null, false, false);
        }
    }
}
