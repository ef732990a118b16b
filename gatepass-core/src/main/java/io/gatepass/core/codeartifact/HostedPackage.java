package io.gatepass.core.codeartifact;

import java.time.Instant;
import java.util.Objects;

/**
 * A package hosted in a repository: created with its first version (or first asset).
 *
 * @param key         the package (namespace and normalized name)
 * @param displayName the name as first published (PyPI "Foo.Bar" for the normalized "foo-bar"); equals
 *                    {@code key.name()} where the format does not normalize
 * @param createdTime when its first version or asset arrived
 */
public record HostedPackage(PackageKey key, String displayName, Instant createdTime) {
    public HostedPackage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(createdTime, "createdTime");
    }
}
