package io.gatepass.store.internal.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Case folding of IAM names, and the shared shapes of list queries: IAM-style, and exact-name keyset pages. */
final class Names {
    private Names() {
    }

    /** The key form of a name that is unique ignoring case. */
    static String fold(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    /** A statement and its parameters. */
    record Query(String sql, Object[] params) {
    }

    /**
     * {@code select} (which must end in its FROM clause) restricted to one account, to paths starting with
     * {@code pathPrefix} (null or "/" for all), to folded names strictly after the folded {@code afterName} (null for
     * all), ordered by folded name and limited.
     */
    static Query listing(String select, String foldedNameColumn, String accountId, String pathPrefix,
                         String afterName, int limit) {
        requirePositive(limit);
        StringBuilder sql = new StringBuilder(select).append(" WHERE account_id = ?");
        List<Object> params = new ArrayList<>(List.of(accountId));
        if (afterName != null) {
            sql.append(" AND ").append(foldedNameColumn).append(" > ?");
            params.add(fold(afterName));
        }
        if (pathPrefix != null && !pathPrefix.equals("/")) {
            sql.append(" AND path LIKE ? ESCAPE '\\'");
            params.add(escapeLike(pathPrefix) + "%");
        }
        sql.append(" ORDER BY ").append(foldedNameColumn).append(" LIMIT ?");
        params.add(limit);
        return new Query(sql.toString(), params.toArray());
    }

    /**
     * {@code selectWhere} (a SELECT ending in its WHERE conditions, whose parameters are {@code params}) restricted to
     * keys strictly after {@code afterKey} (null for all), ordered by {@code keyColumn} and limited. Keys are compared
     * exactly (case included), in the column's collation.
     */
    static Query page(String selectWhere, String keyColumn, String afterKey, int limit, Object... params) {
        requirePositive(limit);
        StringBuilder sql = new StringBuilder(selectWhere);
        List<Object> allParams = new ArrayList<>(Arrays.asList(params));
        if (afterKey != null) {
            sql.append(" AND ").append(keyColumn).append(" > ?");
            allParams.add(afterKey);
        }
        sql.append(" ORDER BY ").append(keyColumn).append(" LIMIT ?");
        allParams.add(limit);
        return new Query(sql.toString(), allParams.toArray());
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    /** Makes {@code text} match only itself in a LIKE pattern with escape character backslash. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
