package io.gatepass.server.internal.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Opaque continuation tokens (IAM's Marker, GameLift's NextToken): the key of the last item of a page, encoded.
 * Listings fetch one row more than asked to learn whether there is a next page.
 */
public final class Paging {
    private Paging() {
    }

    /** One page and the token for the next, or null when this is the last. */
    public record Page<T>(List<T> items, String nextToken) {
        public boolean truncated() {
            return nextToken != null;
        }
    }

    /** @param fetched up to {@code limit + 1} items in key order */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> key) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        String last = key.apply(items.get(limit - 1));
        return new Page<>(items, Base64.getUrlEncoder().withoutPadding()
                .encodeToString(last.getBytes(StandardCharsets.UTF_8)));
    }

    /** The key a token resumes after; empty when the token is not one of ours. */
    public static Optional<String> after(String token) {
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
