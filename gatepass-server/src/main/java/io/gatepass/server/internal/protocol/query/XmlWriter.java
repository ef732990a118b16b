package io.gatepass.server.internal.protocol.query;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

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

    /** Writes the members of an object node as child elements. */
    XmlWriter members(JsonNode object) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            value(field.getKey(), field.getValue());
        }
        return this;
    }

    private void value(String name, JsonNode node) {
        if (node == null || node.isNull()) {
            return;
        }
        open(name);
        if (node.isObject()) {
            members(node);
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                value("member", item);
            }
        } else {
            escape(node.asText());
        }
        close(name);
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
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

    @Override
    public String toString() {
        return out.toString();
    }
}
