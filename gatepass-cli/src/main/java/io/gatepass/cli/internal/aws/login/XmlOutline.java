package io.gatepass.cli.internal.aws.login;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The elements of an XML document with the character offsets of their tags, so a file can be changed by splicing
 * text and everything else in it (comments, spacing, attribute quoting, entities) stays byte for byte. Only a
 * well-formed document should be given; {@link XmlCheck} checks that first.
 */
final class XmlOutline {

    /** One element: where its start tag begins and ends, where its end tag begins (-1 if empty-element), its end. */
    static final class Element {
        final String name;
        final int start;
        final int startTagEnd;
        int endTagStart = -1;
        int end;
        final List<Element> children = new ArrayList<>();

        Element(String name, int start, int startTagEnd) {
            this.name = name;
            this.start = start;
            this.startTagEnd = startTagEnd;
            this.end = startTagEnd;
        }

        String localName() {
            return name.substring(name.indexOf(':') + 1);
        }

        boolean empty() {
            return endTagStart < 0;
        }

        Optional<Element> child(String localName) {
            return children.stream().filter(c -> c.localName().equals(localName)).findFirst();
        }

        List<Element> children(String localName) {
            return children.stream().filter(c -> c.localName().equals(localName)).toList();
        }

        /** The first child named {@code localName} whose text is {@code text}. */
        Optional<Element> childWithText(String source, String localName, String text) {
            return children(localName).stream().filter(c -> c.text(source).equals(text)).findFirst();
        }

        /** The first child that has a child {@code <id>} with the text {@code id}. */
        Optional<Element> childWithId(String source, String localName, String id) {
            return children(localName).stream()
                    .filter(c -> c.child("id").map(idElement -> idElement.text(source).equals(id)).orElse(false))
                    .findFirst();
        }

        /** The character data inside, comments dropped, CDATA and entities resolved, surrounding space stripped. */
        String text(String source) {
            if (empty()) {
                return "";
            }
            String content = source.substring(startTagEnd, endTagStart);
            StringBuilder text = new StringBuilder();
            int i = 0;
            while (i < content.length()) {
                if (content.startsWith("<!--", i)) {
                    i = content.indexOf("-->", i) + 3;
                } else if (content.startsWith("<![CDATA[", i)) {
                    int close = content.indexOf("]]>", i);
                    text.append(content, i + 9, close);
                    i = close + 3;
                } else if (content.charAt(i) == '&') {
                    int semicolon = content.indexOf(';', i);
                    text.append(entity(content.substring(i + 1, semicolon)));
                    i = semicolon + 1;
                } else if (content.charAt(i) == '<') {
                    i = content.indexOf('>', i) + 1;
                } else {
                    text.append(content.charAt(i++));
                }
            }
            return text.toString().strip();
        }
    }

    private XmlOutline() {
    }

    /** The root element of a well-formed document. */
    static Element parse(String source) {
        Deque<Element> open = new ArrayDeque<>();
        Element root = null;
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("<!--", i)) {
                i = after(source, "-->", i + 4);
            } else if (source.startsWith("<![CDATA[", i)) {
                i = after(source, "]]>", i + 9);
            } else if (source.startsWith("<?", i)) {
                i = after(source, "?>", i + 2);
            } else if (source.startsWith("<!", i)) {
                i = afterDeclaration(source, i);
            } else if (source.startsWith("</", i)) {
                int close = after(source, ">", i + 2);
                Element element = open.pop();
                element.endTagStart = i;
                element.end = close;
                i = close;
            } else if (source.charAt(i) == '<') {
                int nameEnd = i + 1;
                while (nameEnd < source.length() && !Character.isWhitespace(source.charAt(nameEnd))
                        && source.charAt(nameEnd) != '/' && source.charAt(nameEnd) != '>') {
                    nameEnd++;
                }
                int tagEnd = startTagEnd(source, nameEnd);
                Element element = new Element(source.substring(i + 1, nameEnd), i, tagEnd);
                if (open.isEmpty()) {
                    root = root == null ? element : root;
                } else {
                    open.peek().children.add(element);
                }
                if (source.charAt(tagEnd - 2) != '/') {
                    open.push(element);
                }
                i = tagEnd;
            } else {
                int next = source.indexOf('<', i);
                i = next < 0 ? source.length() : next;
            }
        }
        if (root == null || !open.isEmpty()) {
            throw new IllegalArgumentException("not a complete XML document");
        }
        return root;
    }

    private static int startTagEnd(String source, int from) {
        char quote = 0;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("unterminated start tag");
    }

    private static int afterDeclaration(String source, int from) {
        int depth = 0;
        char quote = 0;
        for (int i = from + 2; i < source.length(); i++) {
            char c = source.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth == 0) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("unterminated declaration");
    }

    private static int after(String source, String terminator, int from) {
        int at = source.indexOf(terminator, from);
        if (at < 0) {
            throw new IllegalArgumentException("missing " + terminator);
        }
        return at + terminator.length();
    }

    private static String entity(String name) {
        return switch (name) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> name.startsWith("#x") ? Character.toString(Integer.parseInt(name.substring(2), 16))
                    : name.startsWith("#") ? Character.toString(Integer.parseInt(name.substring(1)))
                    : "&" + name + ";";
        };
    }

    /** Text escaped for element content. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
