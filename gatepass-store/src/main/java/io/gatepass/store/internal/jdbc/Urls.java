package io.gatepass.store.internal.jdbc;

import java.util.regex.Pattern;

/** JDBC URLs as they may be shown: passwords masked. */
final class Urls {
    private static final Pattern PASSWORD = Pattern.compile("(?i)([?&;]password=)[^&;]*");

    private Urls() {
    }

    static String redact(String jdbcUrl) {
        return PASSWORD.matcher(jdbcUrl).replaceAll("$1***");
    }
}
