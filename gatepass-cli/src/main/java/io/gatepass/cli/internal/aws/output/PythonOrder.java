package io.gatepass.cli.internal.aws.output;

import java.util.Comparator;

/** Python's ordering of strings: by code point (Java's {@link String#compareTo} orders by UTF-16 unit). */
final class PythonOrder {

    static final Comparator<String> STRINGS = PythonOrder::compare;

    private PythonOrder() {
    }

    private static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
