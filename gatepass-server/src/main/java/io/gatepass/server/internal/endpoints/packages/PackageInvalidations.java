package io.gatepass.server.internal.endpoints.packages;

import io.gatepass.core.codeartifact.PackageChanges;
import io.gatepass.core.codeartifact.PackageKey;
import io.gatepass.store.internal.cache.Invalidations;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Carries package changes between the nodes: what changes on this node is published on {@link #TOPIC} (the package
 * key, each part URL-encoded, joined by '/'), and what another node published reaches this node's package caches
 * (the npm packuments). Word that everything may have changed (this node missed some) needs nothing here: packuments
 * are kept for one second at most ({@code NpmFormat.PACKUMENT_TTL}).
 */
public final class PackageInvalidations {
    /** The topic package changes are published on. */
    public static final String TOPIC = "package";

    private PackageInvalidations() {
    }

    /** Relays {@code changes} made here to the other nodes, and passes theirs to {@code changes}' listeners. */
    public static void connect(PackageChanges.Fanout changes, Invalidations invalidations) {
        changes.relayTo(key -> invalidations.publish(TOPIC, encode(key)));
        // this node's own word comes back here too: listeners forget the package a second time (cheap)
        invalidations.listen(TOPIC, word -> {
            if (word != null) {
                decode(word).ifPresent(changes::heard);
            }
        });
    }

    static String encode(PackageKey key) {
        return Stream.of(key.domainOwner(), key.domainName(), key.repository(), key.format(), key.namespace(),
                        key.name())
                .map(part -> URLEncoder.encode(part, StandardCharsets.UTF_8)).collect(Collectors.joining("/"));
    }

    /** The key {@link #encode} wrote; empty if {@code word} is not one (then forget everything). */
    static Optional<PackageKey> decode(String word) {
        String[] parts = word.split("/", -1);
        if (parts.length != 6) {
            return Optional.empty();
        }
        try {
            String[] p = Arrays.stream(parts).map(part -> URLDecoder.decode(part, StandardCharsets.UTF_8))
                    .toArray(String[]::new);
            return Optional.of(new PackageKey(p[0], p[1], p[2], p[3], p[4], p[5]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
