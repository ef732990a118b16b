package io.gatepass.core.codeartifact;

import java.util.Objects;

/**
 * A package's origin controls in one repository (CodeArtifact's {@code PackageOriginRestrictions}): whether new
 * versions may be published to it directly ({@code publish}) and whether new versions may enter it from upstream
 * repositories or an external connection ({@code upstream}). Each is {@code ALLOW} or {@code BLOCK}.
 *
 * <p>As in CodeArtifact, a package gets them from how its first version arrived: published directly → publish
 * ALLOW, upstream BLOCK (so a public package of the same name cannot slip in: dependency substitution); taken from an
 * upstream or external connection → publish BLOCK, upstream ALLOW.
 */
public record PackageOriginRestrictions(String publish, String upstream) {
    public static final String ALLOW = "ALLOW";
    public static final String BLOCK = "BLOCK";
    /** Packages from before origin controls were kept. */
    public static final PackageOriginRestrictions ALLOW_ALL = new PackageOriginRestrictions(ALLOW, ALLOW);
    /** A package whose first version was published directly. */
    public static final PackageOriginRestrictions PUBLISHED_FIRST = new PackageOriginRestrictions(ALLOW, BLOCK);
    /** A package whose first version came from an upstream repository or an external connection. */
    public static final PackageOriginRestrictions UPSTREAM_FIRST = new PackageOriginRestrictions(BLOCK, ALLOW);

    public PackageOriginRestrictions {
        Objects.requireNonNull(publish, "publish");
        Objects.requireNonNull(upstream, "upstream");
        if (!isRule(publish) || !isRule(upstream)) {
            throw new IllegalArgumentException("origin restrictions are ALLOW or BLOCK: " + publish + ", " + upstream);
        }
    }

    public static boolean isRule(String value) {
        return ALLOW.equals(value) || BLOCK.equals(value);
    }

    public boolean publishAllowed() {
        return ALLOW.equals(publish);
    }

    public boolean upstreamAllowed() {
        return ALLOW.equals(upstream);
    }
}
