package io.gatepass.core.codeartifact;

import java.util.Objects;

/**
 * Where a package version entered the domain (CodeArtifact's {@code PackageVersionOrigin}): {@code INTERNAL} when
 * it was published to a repository of the domain, {@code EXTERNAL} when it came through an external connection. The
 * entry point is that repository, or the external connection (with the repository that has it).
 *
 * @param originType         INTERNAL or EXTERNAL
 * @param repository         the repository it was published to, or the one whose external connection fetched it
 * @param externalConnection the external connection's name (EXTERNAL only), else null
 */
public record PackageVersionOrigin(String originType, String repository, String externalConnection) {
    public static final String INTERNAL = "INTERNAL";
    public static final String EXTERNAL = "EXTERNAL";

    public PackageVersionOrigin {
        Objects.requireNonNull(originType, "originType");
        Objects.requireNonNull(repository, "repository");
        if (!INTERNAL.equals(originType) && !EXTERNAL.equals(originType)) {
            throw new IllegalArgumentException("origin type is INTERNAL or EXTERNAL: " + originType);
        }
        if (EXTERNAL.equals(originType) != (externalConnection != null)) {
            throw new IllegalArgumentException("an EXTERNAL origin names its external connection, an INTERNAL none");
        }
    }

    public static PackageVersionOrigin published(String repository) {
        return new PackageVersionOrigin(INTERNAL, repository, null);
    }

    public static PackageVersionOrigin external(String repository, String externalConnection) {
        return new PackageVersionOrigin(EXTERNAL, repository, externalConnection);
    }

    public boolean isExternal() {
        return EXTERNAL.equals(originType);
    }
}
