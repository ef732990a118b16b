package io.gatepass.cli.internal.aws.login;

import io.gatepass.cli.internal.aws.login.XmlOutline.Element;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes an XML document by splicing text at the offsets {@link XmlOutline} found: new elements are indented like
 * their siblings (or one step deeper than their parent, with the document's own indentation step and line breaks),
 * element text is replaced in place, and nothing else is touched.
 */
final class XmlEditor {

    /** An element to add: a name and either text or children. */
    record Node(String name, String text, List<Node> children) {
        static Node leaf(String name, String text) {
            return new Node(name, text, List.of());
        }

        static Node of(String name, Node... children) {
            return new Node(name, "", List.of(children));
        }
    }

    private record Edit(int start, int end, String text) {
    }

    private final String source;
    private final String newline;
    private final String step;
    private final List<Edit> edits = new ArrayList<>();
    private final Map<Element, List<Node>> additions = new LinkedHashMap<>();

    XmlEditor(String source, Element root) {
        this.source = source;
        this.newline = source.contains("\r\n") ? "\r\n" : "\n";
        String rootIndent = indentOf(root) == null ? "" : indentOf(root);
        this.step = root.children.stream().map(this::indentOf)
                .filter(indent -> indent != null && indent.length() > rootIndent.length()
                        && indent.startsWith(rootIndent))
                .map(indent -> indent.substring(rootIndent.length())).findFirst().orElse("  ");
    }

    /** Adds {@code node} as the last child of {@code parent} (several additions keep their order). */
    void add(Element parent, Node node) {
        additions.computeIfAbsent(parent, p -> new ArrayList<>()).add(node);
    }

    /** Sets the text of {@code parent}'s first child {@code name}, adding the child when there is none. */
    void setChildText(Element parent, String name, String text) {
        parent.child(name).ifPresentOrElse(child -> setText(child, text), () -> add(parent, Node.leaf(name, text)));
    }

    void setText(Element element, String text) {
        if (element.empty()) {
            edits.add(new Edit(element.start, element.end, openTag(element) + XmlOutline.escape(text) + "</"
                    + element.name + ">"));
        } else if (!element.text(source).equals(text)) {
            edits.add(new Edit(element.startTagEnd, element.endTagStart, XmlOutline.escape(text)));
        }
    }

    /** The document with every change applied. */
    String result() {
        additions.forEach(this::insert);
        StringBuilder out = new StringBuilder(source);
        edits.stream().sorted(Comparator.comparingInt(Edit::start).reversed())
                .forEach(edit -> out.replace(edit.start(), edit.end(), edit.text()));
        return out.toString();
    }

    private void insert(Element parent, List<Node> nodes) {
        String parentIndent = indentOf(parent) == null ? "" : indentOf(parent);
        String indent = parent.children.stream().map(this::indentOf).filter(i -> i != null)
                .reduce((first, second) -> second).orElse(parentIndent + step);
        String prefix = parent.name.contains(":") ? parent.name.substring(0, parent.name.indexOf(':') + 1) : "";
        StringBuilder text = new StringBuilder();
        for (Node node : nodes) {
            text.append(newline).append(indent);
            render(node, indent, prefix, text);
        }
        if (parent.empty()) {
            edits.add(new Edit(parent.start, parent.end, openTag(parent) + text + newline + parentIndent + "</"
                    + parent.name + ">"));
            return;
        }
        int endTag = parent.endTagStart;
        int lineBreak = source.lastIndexOf('\n', endTag - 1);
        if (lineBreak >= parent.startTagEnd && source.substring(lineBreak + 1, endTag).isBlank()) {
            int at = lineBreak > 0 && source.charAt(lineBreak - 1) == '\r' ? lineBreak - 1 : lineBreak;
            edits.add(new Edit(at, at, text.toString()));
        } else {
            edits.add(new Edit(endTag, endTag, text + newline + parentIndent));
        }
    }

    private void render(Node node, String indent, String prefix, StringBuilder out) {
        out.append('<').append(prefix).append(node.name()).append('>');
        if (node.children().isEmpty()) {
            out.append(XmlOutline.escape(node.text()));
        } else {
            for (Node child : node.children()) {
                out.append(newline).append(indent).append(step);
                render(child, indent + step, prefix, out);
            }
            out.append(newline).append(indent);
        }
        out.append("</").append(prefix).append(node.name()).append('>');
    }

    /** The start tag of an empty-element tag ({@code <a x="1"/>}) as an open tag ({@code <a x="1">}). */
    private String openTag(Element element) {
        String tag = source.substring(element.start, element.startTagEnd);
        return element.empty() ? tag.substring(0, tag.length() - 2).stripTrailing() + ">" : tag;
    }

    /** The white space before the element on its line, or null when something else precedes it there. */
    private String indentOf(Element element) {
        int lineStart = source.lastIndexOf('\n', element.start - 1) + 1;
        String before = source.substring(lineStart, element.start);
        return before.isBlank() ? before : null;
    }
}
