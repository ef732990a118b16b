package io.gatepass.core.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Principal} or {@code NotPrincipal} element of a statement: principal type ({@value #AWS},
 * {@value #SERVICE}, {@value #FEDERATED}, {@value #CANONICAL_USER}) to its values, in document order.
 * {@code "Principal": "*"} is held as {@code {"AWS": ["*"]}}, which IAM treats the same way.
 *
 * @param values principal type to values; never empty
 */
public record PrincipalSet(Map<String, List<String>> values) {
    public static final String AWS = "AWS";
    public static final String SERVICE = "Service";
    public static final String FEDERATED = "Federated";
    public static final String CANONICAL_USER = "CanonicalUser";

    public PrincipalSet {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((type, list) -> copy.put(type, List.copyOf(list)));
        values = Collections.unmodifiableMap(copy);
    }

    /** The values listed for one principal type, or an empty list. */
    public List<String> valuesOf(String type) {
        return values.getOrDefault(type, List.of());
    }
}
