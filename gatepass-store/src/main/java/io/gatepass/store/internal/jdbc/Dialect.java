package io.gatepass.store.internal.jdbc;

/** The databases the store runs on, and the few things that differ between them. */
enum Dialect {
    H2("h2", "jdbc:h2:", 4, 1, ""),
    POSTGRESQL("postgresql", "jdbc:postgresql:", 10, 2, "COLLATE \"C\"");

    final String kind;
    final String urlPrefix;
    final int maxPoolSize;
    final int minIdle;
    /** Value of the {@code ${name_collation}} placeholder in the migrations. */
    final String nameCollation;

    Dialect(String kind, String urlPrefix, int maxPoolSize, int minIdle, String nameCollation) {
        this.kind = kind;
        this.urlPrefix = urlPrefix;
        this.maxPoolSize = maxPoolSize;
        this.minIdle = minIdle;
        this.nameCollation = nameCollation;
    }

    /** @throws IllegalArgumentException if the URL is for no supported database (the message never echoes it whole) */
    static Dialect forUrl(String jdbcUrl) {
        for (Dialect dialect : values()) {
            if (jdbcUrl.startsWith(dialect.urlPrefix)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("Unsupported store URL " + describeScheme(jdbcUrl)
                + ": use jdbc:postgresql://host[:port]/database or jdbc:h2:..., or no URL for the embedded H2 database");
    }

    /** Only the scheme: the rest of a URL may hold a password. */
    private static String describeScheme(String url) {
        if (!url.startsWith("jdbc:")) {
            return "(not a JDBC URL)";
        }
        int end = url.indexOf(':', "jdbc:".length());
        return "'" + (end < 0 ? url.substring(0, Math.min(url.length(), 20)) : url.substring(0, end)) + ":...'";
    }
}
