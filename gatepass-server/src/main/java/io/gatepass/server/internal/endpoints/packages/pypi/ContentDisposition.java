package io.gatepass.server.internal.endpoints.packages.pypi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Content-Disposition: form-data; name="…"; filename="…"} header of a multipart part. Values may be
 * tokens or quoted strings (with backslash escapes), raw UTF-8, or RFC 5987 {@code filename*=UTF-8''…}.
 */
record ContentDisposition(String name, String filename) {

    /** Null when the header is not a form-data disposition with a name. */
    static ContentDisposition parse(String header) {
        if (header == null) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        int i = header.indexOf(';');
        String type = (i < 0 ? header : header.substring(0, i)).trim();
        if (!type.equalsIgnoreCase("form-data")) {
            return null;
        }
        while (i >= 0 && i < header.length()) {
            i++;
            int equals = header.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String key = header.substring(i, equals).trim().toLowerCase(Locale.ROOT);
            int j = equals + 1;
            while (j < header.length() && header.charAt(j) == ' ') {
                j++;
            }
            StringBuilder value = new StringBuilder();
            if (j < header.length() && header.charAt(j) == '"') {
                j++;
                while (j < header.length() && header.charAt(j) != '"') {
                    char c = header.charAt(j);
                    if (c == '\\' && j + 1 < header.length()) {
                        c = header.charAt(++j);
                    }
                    value.append(c);
                    j++;
                }
                if (j >= header.length()) {
                    return null; // unterminated quoted string
                }
                j++;
                i = header.indexOf(';', j);
            } else {
                int semicolon = header.indexOf(';', j);
                value.append(header, j, semicolon < 0 ? header.length() : semicolon);
                i = semicolon;
            }
            parameters.putIfAbsent(key, value.toString().trim());
        }
        String name = utf8(parameters.get("name"));
        if (name == null || name.isEmpty()) {
            return null;
        }
        String filename = parameters.containsKey("filename*") ? extended(parameters.get("filename*"))
                : utf8(parameters.get("filename"));
        return new ContentDisposition(name, filename);
    }

    /** Header text was read byte for byte as ISO-8859-1; clients send UTF-8 there. */
    private static String utf8(String latin1) {
        return latin1 == null ? null
                : new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** RFC 5987 {@code charset'language'percent-encoded}; UTF-8 only. */
    private static String extended(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0 || !value.substring(0, first).equalsIgnoreCase("utf-8")) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String encoded = value.substring(second + 1);
        for (int k = 0; k < encoded.length(); k++) {
            char c = encoded.charAt(k);
            if (c == '%' && k + 2 < encoded.length()) {
                int high = Character.digit(encoded.charAt(k + 1), 16);
                int low = Character.digit(encoded.charAt(k + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high << 4 | low);
                k += 2;
            } else if (c == '%') {
                return null;
            } else {
                bytes.write(c & 0xff);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
