package io.gatepass.server.internal.endpoints.packages.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatepass.core.codeartifact.HostedPackage;
import io.gatepass.core.codeartifact.PackageVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds npm's documents from stored versions: the full packument, the abbreviated one ("corgi",
 * {@code application/vnd.npm.install-v1+json}) and a single version's manifest. Each version's stored metadata is
 * the manifest as published, with {@code dist} already pointing at this server.
 */
final class NpmDocuments {
    static final ObjectMapper JSON = new ObjectMapper();
    /** What an abbreviated version keeps (npm's install-time fields); readme and internal fields never. */
    private static final Set<String> ABBREVIATED = Set.of("name", "version", "deprecated", "dependencies",
            "optionalDependencies", "devDependencies", "bundleDependencies", "bundledDependencies",
            "peerDependencies", "peerDependenciesMeta", "acceptDependencies", "bin", "directories", "dist", "engines",
            "_hasShrinkwrap", "hasInstallScript", "os", "cpu", "funding", "license");
    /** Never in a served version manifest. */
    private static final Set<String> INTERNAL = Set.of("readme", "readmeFilename", "_attachments", "access",
            "_rev", "_npmUser", "_nodeVersion", "_npmVersion", "_resolved", "_integrity", "_from", "_where");

    private NpmDocuments() {
    }

    static ObjectNode manifest(PackageVersion version) {
        try {
            JsonNode node = JSON.readTree(version.metadata() == null ? "{}" : version.metadata());
            return node instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException("stored npm manifest is not JSON", e);
        }
    }

    /** A version's manifest as served: without readme and internal fields. */
    static ObjectNode served(PackageVersion version) {
        ObjectNode manifest = manifest(version);
        manifest.remove(INTERNAL);
        return manifest;
    }

    /** The full packument. {@code versions} ordered by publication. */
    static ObjectNode full(NpmName name, HostedPackage pkg, List<PackageVersion> versions,
                           Map<String, String> distTags) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("_id", name.full());
        doc.put("name", name.full());
        doc.set("dist-tags", tags(distTags));
        ObjectNode all = doc.putObject("versions");
        ObjectNode time = JSON.createObjectNode();
        time.put("created", pkg.createdTime().toString());
        time.put("modified", modified(pkg, versions).toString());
        PackageVersion latest = latest(versions, distTags);
        for (PackageVersion version : versions) {
            all.set(version.version(), served(version));
            time.put(version.version(), version.publishedTime().toString());
        }
        doc.set("time", time);
        if (latest != null) {
            ObjectNode manifest = manifest(latest);
            for (String field : List.of("description", "homepage", "keywords", "repository", "author", "bugs",
                    "license", "readme", "readmeFilename")) {
                if (manifest.has(field)) {
                    doc.set(field, manifest.get(field));
                }
            }
        }
        doc.putArray("maintainers");
        return doc;
    }

    /** The abbreviated packument npm install asks for. */
    static ObjectNode abbreviated(NpmName name, HostedPackage pkg, List<PackageVersion> versions,
                                  Map<String, String> distTags) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("name", name.full());
        doc.put("modified", modified(pkg, versions).toString());
        doc.set("dist-tags", tags(distTags));
        ObjectNode all = doc.putObject("versions");
        for (PackageVersion version : versions) {
            ObjectNode manifest = manifest(version);
            ObjectNode small = JSON.createObjectNode();
            manifest.fields().forEachRemaining(field -> {
                if (ABBREVIATED.contains(field.getKey())) {
                    small.set(field.getKey(), field.getValue());
                }
            });
            all.set(version.version(), small);
        }
        return doc;
    }

    static ObjectNode tags(Map<String, String> distTags) {
        ObjectNode tags = JSON.createObjectNode();
        new LinkedHashMap<>(distTags).forEach(tags::put);
        return tags;
    }

    private static PackageVersion latest(List<PackageVersion> versions, Map<String, String> distTags) {
        String tagged = distTags.get("latest");
        return versions.stream().filter(v -> v.version().equals(tagged)).findFirst()
                .orElse(versions.stream().max(Comparator.comparing(PackageVersion::publishedTime)).orElse(null));
    }

    private static Instant modified(HostedPackage pkg, List<PackageVersion> versions) {
        return versions.stream().map(PackageVersion::publishedTime).max(Instant::compareTo)
                .orElse(pkg.createdTime());
    }
}
