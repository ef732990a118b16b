package io.gatepass.server.internal.protocol.query;

import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.IOException;

/** Writes the query protocol's XML: objects become elements, lists become {@code <member>} items. */
final class XmlWriter {
    private final StringBuilder out = new StringBuilder(512);

    XmlWriter open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    XmlWriter open(String name, String namespace) {
        out.append('<').append(name).append(" xmlns=\"").append(namespace).append("\">");
        return this;
    }

    XmlWriter close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    XmlWriter element(String name, String text) {
        if (text != null) {
            open(name);
            escape(text);
            close(name);
        }
        return this;
    }

    /**
     * Writes {@code output}'s members, as {@code writer} serializes them, inside a {@code result} element; writes
     * nothing when it has none.
     */
    XmlWriter result(String result, ObjectWriter writer, Object output) throws IOException {
        XmlEvents events = new XmlEvents(this, result);
        writer.writeValue(events, output);
        events.finish();
        return this;
    }

    private void escape(String text) {
        int plain = 0;
        while (plain < text.length() && isPlain(text.charAt(plain))) {
            plain++;
        }
        if (plain == text.length()) {
            out.append(text);
            return;
        }
        out.append(text, 0, plain);
        for (int i = plain; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#xD;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** Whether {@code c} is written as itself: no markup character and no control character but tab and newline. */
    private static boolean isPlain(char c) {
        return c >= 0x20 ? c != '<' && c != '>' && c != '&' && c != '"' && c != '\'' : c == '\n' || c == '\t';
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
