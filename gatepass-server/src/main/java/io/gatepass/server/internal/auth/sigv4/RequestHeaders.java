package io.gatepass.server.internal.auth.sigv4;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The headers of a request as a case-insensitive multimap, seen through one method so that any HTTP library's header
 * container fits without copying: with Vert.x, {@code RequestHeaders headers = request.headers()::getAll}.
 */
@FunctionalInterface
public interface RequestHeaders {

    /**
     * Every value of one header, in the order they arrived (repeated header lines give several values).
     *
     * @param lowerCaseName the header name in lower case; implementations must match names case-insensitively
     * @return the values, never null; empty when the header is absent
     */
    List<String> values(String lowerCaseName);

    /** The first value of a header, or null when it is absent. */
    default String first(String lowerCaseName) {
        List<String> values = values(lowerCaseName);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * Headers from a map whose keys may be in any case; the map is copied, values of names that differ only in case
     * are merged in iteration order.
     */
    static RequestHeaders of(Map<String, ? extends Collection<String>> headers) {
        Map<String, List<String>> copy = new HashMap<>();
        headers.forEach((name, values) -> copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .addAll(values));
        copy.replaceAll((name, values) -> List.copyOf(values));
        return name -> copy.getOrDefault(name, List.of());
    }

    /**
     * A view, without copying, of a map whose keys are already lower case (such as
     * {@code io.gatepass.server.internal.protocol.WireRequest#headers()}).
     */
    static RequestHeaders ofLowerCaseKeys(Map<String, List<String>> headers) {
        return name -> {
            List<String> values = headers.get(name);
            return values == null ? List.of() : values;
        };
    }
}
