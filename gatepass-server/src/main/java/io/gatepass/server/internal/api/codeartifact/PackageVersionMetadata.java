package io.gatepass.server.internal.api.codeartifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.LicenseInfo;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.PackageDependency;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the package APIs read from a version's stored format metadata ({@code PackageVersion.metadata}): npm's version
 * manifest as published, PyPI's core metadata fields under their upload names ({@code summary}, {@code home_page},
 * {@code license}, {@code requires_dist}, {@code project_urls}, {@code description}). Metadata that is missing or not
 * JSON yields nothing rather than an error.
 */
final class PackageVersionMetadata {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** npm's dependency maps and CodeArtifact's names for them. */
    private static final Map<String, String> NPM_DEPENDENCIES = Map.of("dependencies", "regular",
            "devDependencies", "dev", "peerDependencies", "peer", "optionalDependencies", "optional");
    private static final List<String> NPM_ORDER = List.of("dependencies", "devDependencies", "peerDependencies",
            "optionalDependencies");
    /** A Requires-Dist value: name, optional [extras], the rest (version specifiers, then an optional ;marker). */
    private static final Pattern REQUIREMENT = Pattern.compile(
            "\\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(\\[[^\\]]*\\])?\\s*([^;]*?)\\s*(?:;\\s*(.*?))?\\s*");
    private static final List<String> SOURCE_LABELS = List.of("source", "source code", "repository", "code");

    /** DescribePackageVersion's descriptive members. */
    record Details(String summary, String homePage, String sourceCodeRepository, List<LicenseInfo> licenses) {
    }

    private PackageVersionMetadata() {
    }

    static Details details(String format, String metadata) {
        JsonNode root = parse(metadata);
        return switch (format) {
            case "npm" -> new Details(text(root.get("description")), text(root.get("homepage")),
                    npmRepository(root.get("repository")), npmLicenses(root));
            case "pypi" -> new Details(text(root.get("summary")), pypiHomePage(root), pypiProjectUrl(root,
                    SOURCE_LABELS), text(root.get("license")) == null ? null
                    : List.of(new LicenseInfo(text(root.get("license")), null)));
            default -> new Details(null, null, null, null);
        };
    }

    /** The readme: npm's {@code readme}, PyPI's {@code description}; null when there is none. */
    static String readme(String format, String metadata) {
        JsonNode root = parse(metadata);
        return switch (format) {
            case "npm" -> text(root.get("readme"));
            case "pypi" -> text(root.get("description"));
            default -> null;
        };
    }

    /** Direct dependencies of npm and PyPI versions, as the metadata lists them. */
    static List<PackageDependency> dependencies(String format, String metadata) {
        JsonNode root = parse(metadata);
        List<PackageDependency> dependencies = new ArrayList<>();
        if (format.equals("npm")) {
            for (String field : NPM_ORDER) {
                JsonNode map = root.path(field);
                map.fieldNames().forEachRemaining(name -> dependencies.add(npmDependency(name,
                        NPM_DEPENDENCIES.get(field), text(map.get(name)))));
            }
        } else if (format.equals("pypi")) {
            for (JsonNode requirement : root.path("requires_dist")) {
                PackageDependency dependency = requiresDist(requirement.asText());
                if (dependency != null) {
                    dependencies.add(dependency);
                }
            }
        }
        return dependencies;
    }

    /** One Requires-Dist value ({@code requests (>=2.0) ; extra == "socks"}); null if it names no project. */
    static PackageDependency requiresDist(String value) {
        Matcher m = REQUIREMENT.matcher(value);
        if (!m.matches()) {
            return null;
        }
        String specifiers = m.group(3).trim();
        if (specifiers.startsWith("(") && specifiers.endsWith(")")) {
            specifiers = specifiers.substring(1, specifiers.length() - 1).trim();
        }
        String marker = m.group(4) == null || m.group(4).isBlank() ? null : m.group(4).trim();
        String requirement = marker == null ? specifiers : (specifiers + "; " + marker).trim();
        return new PackageDependency(null, m.group(1), "Requires-Dist", requirement.isEmpty() ? null : requirement);
    }

    private static PackageDependency npmDependency(String name, String type, String range) {
        if (name.startsWith("@") && name.indexOf('/') > 1) {
            int slash = name.indexOf('/');
            return new PackageDependency(name.substring(1, slash), name.substring(slash + 1), type, range);
        }
        return new PackageDependency(null, name, type, range);
    }

    private static String npmRepository(JsonNode repository) {
        if (repository == null) {
            return null;
        }
        return repository.isObject() ? text(repository.get("url")) : text(repository);
    }

    private static List<LicenseInfo> npmLicenses(JsonNode root) {
        List<LicenseInfo> licenses = new ArrayList<>();
        JsonNode license = root.get("license");
        if (license != null && license.isObject()) {
            licenses.add(new LicenseInfo(text(license.get("type")), text(license.get("url"))));
        } else if (text(license) != null) {
            licenses.add(new LicenseInfo(text(license), null));
        }
        for (JsonNode old : root.path("licenses")) {
            licenses.add(old.isObject() ? new LicenseInfo(text(old.get("type")), text(old.get("url")))
                    : new LicenseInfo(text(old), null));
        }
        return licenses.isEmpty() ? null : licenses;
    }

    private static String pypiHomePage(JsonNode root) {
        String homePage = text(root.get("home_page"));
        return homePage != null ? homePage : pypiProjectUrl(root, List.of("homepage", "home", "home page"));
    }

    /** The URL of the first {@code project_urls} entry ("Label, URL") whose label is one of {@code labels}. */
    private static String pypiProjectUrl(JsonNode root, List<String> labels) {
        for (JsonNode entry : root.path("project_urls")) {
            String value = entry.asText();
            int comma = value.indexOf(',');
            if (comma > 0 && labels.contains(value.substring(0, comma).trim().toLowerCase(Locale.ROOT))) {
                String url = value.substring(comma + 1).trim();
                return url.isEmpty() ? null : url;
            }
        }
        return null;
    }

    private static JsonNode parse(String metadata) {
        if (metadata == null || metadata.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(metadata);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static String text(JsonNode node) {
        return node == null || !node.isValueNode() || node.asText().isBlank() ? null : node.asText();
    }
}
