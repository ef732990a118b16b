package io.gatepass.server.internal.endpoints.packages.pypi;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The core metadata an upload carries in its form fields (lower-case, underscore names: {@code requires_python},
 * {@code requires_dist}, …). The typed members are those the index and the package APIs use; {@code fields} keeps
 * every field as sent (lists for repeated ones), without the file and the digests.
 */
public record CoreMetadata(String metadataVersion, String name, String version, String summary,
                           String description, String descriptionContentType, String homePage, String author,
                           String authorEmail, String license, String requiresPython, List<String> classifiers,
                           List<String> requiresDist, List<String> projectUrls,
                           Map<String, List<String>> fields) {
    /** Core metadata fields that may repeat; every other field appears at most once. */
    private static final Set<String> MULTI_VALUED = Set.of("classifiers", "platform", "supported_platform",
            "requires_dist", "provides_dist", "obsoletes_dist", "requires_external", "project_urls",
            "provides_extra", "license_file", "license_files", "dynamic", "requires", "provides", "obsoletes",
            "attestations");

    public CoreMetadata {
        classifiers = List.copyOf(classifiers);
        requiresDist = List.copyOf(requiresDist);
        projectUrls = List.copyOf(projectUrls);
        fields = Map.copyOf(fields);
    }

    /** The normalized project name. */
    public String normalizedName() {
        return ProjectNames.normalize(name);
    }

    /** The normalized version. */
    public String normalizedVersion() {
        return Pep440Version.normalize(version).orElse(version);
    }

    public static boolean isMultiValued(String field) {
        return MULTI_VALUED.contains(field);
    }
}
