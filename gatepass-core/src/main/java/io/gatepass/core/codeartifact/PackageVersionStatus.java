package io.gatepass.core.codeartifact;

/**
 * A package version's status, spelled as CodeArtifact spells it ({@code PackageVersionStatus} in the AWS model).
 * Only {@link #PUBLISHED} versions are offered to package managers by default; {@link #UNLISTED} ones can be fetched
 * by exact version (and npm/PyPI hide them from listings); {@link #ARCHIVED} and {@link #DISPOSED} ones cannot be
 * fetched; {@link #UNFINISHED} ones are still being uploaded (Maven, before its maven-metadata.xml).
 */
public enum PackageVersionStatus {
    PUBLISHED("Published"),
    UNFINISHED("Unfinished"),
    UNLISTED("Unlisted"),
    ARCHIVED("Archived"),
    DISPOSED("Disposed"),
    DELETED("Deleted");

    private final String wireName;

    PackageVersionStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The status as the API spells it ("Published", ...). */
    public String wireName() {
        return wireName;
    }

    /** The status for an API spelling, case-sensitive. */
    public static PackageVersionStatus ofWireName(String value) {
        for (PackageVersionStatus status : values()) {
            if (status.wireName.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Not a package version status: " + value);
    }

    /** Whether a package manager may download this version's assets (Published, Unlisted, Unfinished). */
    public boolean isDownloadable() {
        return this == PUBLISHED || this == UNLISTED || this == UNFINISHED;
    }
}
