package io.gatepass.server.internal.auth.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The query string, split into parameters whose names and values are already in their SigV4 canonical encoding:
 * percent-escapes decoded and re-encoded with upper-case hex, unreserved characters ({@code A-Z a-z 0-9 - _ . ~})
 * bare, {@code '+'} read as a space ({@code %20}), anything else that came unescaped (including non-ASCII, taken as
 * UTF-8) escaped. This is byte-for-byte the result of decoding the wire form and encoding it again the way the SDKs
 * do, without a round trip through a character set. Malformed escapes fail with {@code MalformedQueryString}.
 */
final class QueryParameters {
    static final QueryParameters EMPTY = new QueryParameters(new String[0], new String[0], 0);
    /** Up to this many parameters are sorted by insertion (quadratic), more by {@link Arrays#sort}. */
    private static final int INSERTION_SORT_MAX = 32;

    private final String[] names;
    private final String[] values;
    private final int size;

    private QueryParameters(String[] names, String[] values, int size) {
        this.names = names;
        this.values = values;
        this.size = size;
    }

    static QueryParameters parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return EMPTY;
        }
        int capacity = 1;
        for (int i = 0; i < rawQuery.length(); i++) {
            if (rawQuery.charAt(i) == '&') {
                capacity++;
            }
        }
        String[] names = new String[capacity];
        String[] values = new String[capacity];
        int size = 0;
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            if (end > start) {
                int equals = rawQuery.indexOf('=', start);
                if (equals < 0 || equals > end) {
                    equals = end;
                }
                names[size] = canonicalize(rawQuery, start, equals);
                values[size] = equals == end ? "" : canonicalize(rawQuery, equals + 1, end);
                size++;
            }
            start = end + 1;
        }
        return new QueryParameters(names, values, size);
    }

    int size() {
        return size;
    }

    /** The decoded value of the first parameter with this exact (unreserved-only) name, or null. */
    String first(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return decode(values[i]);
            }
        }
        return null;
    }

    /** How many parameters have this exact name. */
    int count(String name) {
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                count++;
            }
        }
        return count;
    }

    boolean contains(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes the canonical query string: parameters sorted by encoded name, then encoded value, joined by '&';
     * parameters with an empty name are left out (as the AWS SDK for Java leaves them out of what it signs), and so
     * is {@code excludedName} when not null.
     */
    void writeCanonical(ByteSink out, String excludedName) {
        int[] order = new int[size];
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (!names[i].isEmpty() && !names[i].equals(excludedName)) {
                order[count++] = i;
            }
        }
        if (count <= INSERTION_SORT_MAX) {
            // a stable insertion sort, without boxing: most queries have a few parameters, often in order already
            for (int k = 1; k < count; k++) {
                int index = order[k];
                int j = k - 1;
                while (j >= 0 && compare(order[j], index) > 0) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = index;
            }
        } else {
            Integer[] boxed = new Integer[count];
            for (int k = 0; k < count; k++) {
                boxed[k] = order[k];
            }
            Arrays.sort(boxed, this::compare);
            for (int k = 0; k < count; k++) {
                order[k] = boxed[k];
            }
        }
        for (int k = 0; k < count; k++) {
            if (k > 0) {
                out.append('&');
            }
            out.append(names[order[k]]).append('=').append(values[order[k]]);
        }
    }

    /** By encoded name, then encoded value. */
    private int compare(int a, int b) {
        int byName = names[a].compareTo(names[b]);
        return byName != 0 ? byName : values[a].compareTo(values[b]);
    }

    static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }

    /** The canonical encoding of {@code raw[from, to)}; the input itself when it is canonical already. */
    static String canonicalize(String raw, int from, int to) {
        int i = from;
        while (i < to) {
            char c = raw.charAt(i);
            if (isUnreserved(c)) {
                i++;
            } else if (c == '%' && i + 2 < to && isCanonicalEscape(raw, i)) {
                i += 3;
            } else {
                break;
            }
        }
        if (i == to) {
            return raw.substring(from, to);
        }
        ByteSink out = new ByteSink();
        out.append(raw, from, i);
        while (i < to) {
            char c = raw.charAt(i);
            if (isUnreserved(c)) {
                out.append(c);
                i++;
            } else if (c == '%') {
                if (i + 2 >= to) {
                    throw SigV4Errors.incompleteEscape();
                }
                int high = hexDigit(raw.charAt(i + 1));
                int low = hexDigit(raw.charAt(i + 2));
                if (high < 0 || low < 0) {
                    throw SigV4Errors.malformedEscape("%" + raw.charAt(i + 1) + raw.charAt(i + 2));
                }
                int octet = high << 4 | low;
                if (isUnreserved(octet)) {
                    out.append((char) octet);
                } else {
                    out.appendPercentEncoded(octet);
                }
                i += 3;
            } else if (c == '+') {
                out.append("%20");
                i++;
            } else if (c < 0x80) {
                out.appendPercentEncoded(c);
                i++;
            } else {
                int end = i + 1;
                while (end < to && raw.charAt(end) >= 0x80) {
                    end++;
                }
                for (byte b : raw.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.appendPercentEncoded(b & 0xFF);
                }
                i = end;
            }
        }
        return out.toString();
    }

    /** An escape at {@code i} that is already canonical: two upper-case hex digits of an octet that needs escaping. */
    private static boolean isCanonicalEscape(String raw, int i) {
        int high = upperHexDigit(raw.charAt(i + 1));
        int low = upperHexDigit(raw.charAt(i + 2));
        return high >= 0 && low >= 0 && !isUnreserved(high << 4 | low);
    }

    private static int upperHexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static int hexDigit(char c) {
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return upperHexDigit(c);
    }

    /** Percent-decodes a canonical value as UTF-8. */
    static String decode(String canonical) {
        if (canonical.indexOf('%') < 0) {
            return canonical;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(canonical.length());
        for (int i = 0; i < canonical.length(); i++) {
            char c = canonical.charAt(i);
            if (c == '%') {
                bytes.write(hexDigit(canonical.charAt(i + 1)) << 4 | hexDigit(canonical.charAt(i + 2)));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
