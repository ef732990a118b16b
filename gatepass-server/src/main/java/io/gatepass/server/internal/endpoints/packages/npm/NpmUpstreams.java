package io.gatepass.server.internal.endpoints.packages.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatepass.core.codeartifact.HostedPackage;
import io.gatepass.core.codeartifact.PackageKey;
import io.gatepass.core.codeartifact.PackageVersion;
import io.gatepass.core.codeartifact.PackageVersionStatus;
import io.gatepass.server.internal.endpoints.packages.PackageException;
import io.gatepass.server.internal.endpoints.packages.RepositoryAccess;
import io.gatepass.server.internal.endpoints.packages.upstream.Download;
import io.gatepass.server.internal.endpoints.packages.upstream.RepositoryUpstreams;
import io.gatepass.server.internal.endpoints.packages.upstream.UpstreamSource;
import io.gatepass.server.internal.endpoints.packages.upstream.UpstreamUnavailable;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * npm through upstream repositories and an external connection: the packument merged along the search order (the
 * nearest repository wins a version), dist-tags merged as CodeArtifact documents (see {@link #mergeTag}), and
 * tarballs found upstream retained in the repository asked (fetched once from the public registry under concurrent
 * demand).
 */
final class NpmUpstreams {
    private NpmUpstreams() {
    }

    /** A version seen along the search order: its manifest and when it was published. */
    private record Found(ObjectNode manifest, Instant published) {
    }

    /**
     * A tag seen along the search order: the version it names, and the repository it was set in (null for the
     * public registry of an external connection, which is downstream of nothing).
     */
    private record Tag(String version, String repository) {
    }

    /**
     * The packument's versions and tags merged along the search order, as the versions to render (in this
     * repository's key, manifests pointing their tarballs here), or empty if no repository has the package.
     */
    static Optional<Merged> merge(RepositoryAccess access, RepositoryUpstreams upstreams,
                                  List<UpstreamSource> sources, NpmName name, boolean forWrite) {
        Map<String, Found> versions = new LinkedHashMap<>();
        Set<String> decided = new HashSet<>(); // versions a nearer repository holds, served or not
        Map<String, Tag> tags = new LinkedHashMap<>();
        HostedPackage here = access.packages().findPackage(access.packageKey(name.scope(), name.name())).orElse(null);
        boolean anywhere = here != null;
        Map<String, String> through = new HashMap<>();
        for (UpstreamSource source : sources) {
            if (source instanceof UpstreamSource.Repository repository && repository.through() != null) {
                through.putIfAbsent(repository.name(), repository.through());
            }
        }
        addLocal(access, upstreams, access.repository(), Set.of(), name, versions, decided, tags, forWrite);
        UpstreamUnavailable failure = null;
        for (UpstreamSource source : sources) {
            if (source instanceof UpstreamSource.Repository repository) {
                anywhere |= addLocal(access, upstreams, repository.name(), downstream(through,
                        repository.through()), name, versions, decided, tags, false);
            } else if (source instanceof UpstreamSource.External external) {
                try {
                    Optional<ObjectNode> remote = packument(upstreams, external, name);
                    if (remote.isPresent()) {
                        anywhere = true;
                        addRemote(access, remote.get(), downstream(through, external.repository()), name,
                                versions, decided, tags);
                    }
                } catch (UpstreamUnavailable e) {
                    failure = e; // serve what the repositories have; only fail if they have nothing
                }
            }
        }
        if (!anywhere) {
            if (failure != null) {
                throw PackageException.json(failure.status(), failure.getMessage());
            }
            return Optional.empty();
        }
        PackageKey key = access.packageKey(name.scope(), name.name());
        Instant created = here != null ? here.createdTime() : versions.values().stream().map(Found::published)
                .min(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        List<PackageVersion> rendered = new ArrayList<>();
        versions.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.comparing(Found::published)))
                .forEach(e -> rendered.add(new PackageVersion(key, e.getKey(), PackageVersionStatus.PUBLISHED,
                        "upstream", e.getValue().published(), e.getValue().manifest().toString())));
        Map<String, String> visible = new LinkedHashMap<>();
        tags.forEach((tag, value) -> {
            if (versions.containsKey(value.version())) {
                visible.put(tag, value.version());
            }
        });
        return Optional.of(new Merged(new HostedPackage(key, name.full(), created), rendered, visible));
    }

    record Merged(HostedPackage pkg, List<PackageVersion> versions, Map<String, String> tags) {
    }

    /** {@code first} and every repository downstream of it, up to the repository asked. */
    private static Set<String> downstream(Map<String, String> through, String first) {
        Set<String> chain = new HashSet<>();
        for (String at = first; at != null && chain.add(at); at = through.get(at)) {
            // walk down towards the repository asked (which nothing names: the walk ends there)
        }
        return chain;
    }

    /**
     * Adds the versions this repository serves that no nearer repository holds: the nearest repository holding a
     * version decides it, so one unlisted or archived there is not offered again from an upstream or the registry.
     *
     * @param downstream the repositories downstream of this one (its tags replace theirs)
     * @param decided    the versions nearer repositories hold, in any status; this repository's are added
     * @return whether the repository has the package
     */
    private static boolean addLocal(RepositoryAccess access, RepositoryUpstreams upstreams, String repository,
                                    Set<String> downstream, NpmName name, Map<String, Found> versions,
                                    Set<String> decided, Map<String, Tag> tags, boolean forWrite) {
        PackageKey key = upstreams.key(repository, name.scope(), name.name());
        if (access.packages().findPackage(key).isEmpty()) {
            return false;
        }
        Set<String> published = new HashSet<>();
        for (PackageVersion version : access.packages().listVersions(key, null, 100_000)) {
            if (!decided.add(version.version())) {
                continue; // a nearer repository holds it
            }
            if (version.status() != PackageVersionStatus.PUBLISHED
                    && !(forWrite && version.status() == PackageVersionStatus.UNLISTED)) {
                continue;
            }
            published.add(version.version());
            versions.computeIfAbsent(version.version(), v -> new Found(pointedHere(access, name,
                    NpmDocuments.manifest(version), v), version.publishedTime()));
        }
        access.packages().distTags(key).forEach((tag, version) -> {
            if (published.contains(version)) {
                mergeTag(tags, tag, new Tag(version, repository), downstream);
            }
        });
        return true;
    }

    private static void addRemote(RepositoryAccess access, ObjectNode doc, Set<String> downstream, NpmName name,
                                  Map<String, Found> versions, Set<String> decided, Map<String, Tag> tags) {
        JsonNode all = doc.path("versions");
        JsonNode time = doc.path("time");
        Set<String> published = new HashSet<>();
        all.fields().forEachRemaining(entry -> {
            if (!(entry.getValue() instanceof ObjectNode manifest) || entry.getKey().isEmpty()
                    || entry.getKey().contains("/")) {
                return;
            }
            if (!decided.add(entry.getKey())) {
                return; // a repository of the chain holds it
            }
            Instant when = instant(time.path(entry.getKey()).asText(null));
            published.add(entry.getKey());
            versions.computeIfAbsent(entry.getKey(), v -> new Found(pointedHere(access, name, manifest.deepCopy(),
                    v), when));
        });
        doc.path("dist-tags").fields().forEachRemaining(tag -> {
            if (published.contains(tag.getValue().asText())) {
                mergeTag(tags, tag.getKey(), new Tag(tag.getValue().asText(), null), downstream);
            }
        });
    }

    /**
     * CodeArtifact's rule (https://docs.aws.amazon.com/codeartifact/latest/ug/npm-tags.html#tags-and-upstreams):
     * when the same tag is set on the package in a repository and in its upstream, the upstream's value is used
     * (whatever was updated or published last; a version just published downstream is not what that tag names until
     * the upstream's tag is changed). Along a chain the furthest upstream wins, an external connection's public
     * registry above the repository that has the connection. Between repositories neither of which is upstream of
     * the other (two upstreams of one repository), which AWS does not document, the one earlier in the search order
     * keeps the tag, as it keeps a version. A tag naming a version its repository does not serve is not considered.
     *
     * @param downstream the repositories downstream of where {@code seen} was set
     */
    private static void mergeTag(Map<String, Tag> tags, String tag, Tag seen, Set<String> downstream) {
        tags.merge(tag, seen, (earlier, later) -> earlier.repository() != null
                && downstream.contains(earlier.repository()) ? later : earlier);
    }

    private static ObjectNode pointedHere(RepositoryAccess access, NpmName name, ObjectNode manifest,
                                          String version) {
        JsonNode dist = manifest.get("dist");
        ObjectNode own = dist instanceof ObjectNode d ? d : manifest.putObject("dist");
        own.put("tarball", access.endpointUrl() + name.full() + "/-/" + name.tarball(version));
        return manifest;
    }

    /**
     * The tarball of a version this repository does not have: retained from the first source along the search
     * order that has it (a public one fetched, checked against its integrity, and kept, once per version).
     *
     * @return the version now in this repository; empty if no source has it
     */
    static Optional<PackageVersion> retain(RepositoryAccess access, RepositoryUpstreams upstreams,
                                           List<UpstreamSource> sources, NpmName name, String version) {
        UpstreamUnavailable failure = null;
        for (UpstreamSource source : sources) {
            if (source instanceof UpstreamSource.Repository repository) {
                Optional<PackageVersion> kept = upstreams.retain(repository, name.scope(), name.name(), version,
                        metadata -> pointedHere(access, name, NpmDocuments.manifest(new PackageVersion(
                                access.packageKey(name.scope(), name.name()), version, PackageVersionStatus.PUBLISHED,
                                "-", Instant.EPOCH, metadata)), version).toString());
                if (kept.isPresent()) {
                    return kept;
                }
            } else if (source instanceof UpstreamSource.External external) {
                try {
                    Optional<PackageVersion> kept = upstreams.once(name.scope(), name.name(), version, () ->
                            fetch(access, upstreams, external, name, version));
                    if (kept.isPresent()) {
                        return kept;
                    }
                } catch (UpstreamUnavailable e) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw PackageException.json(failure.status(), failure.getMessage());
        }
        return Optional.empty();
    }

    private static Optional<PackageVersion> fetch(RepositoryAccess access, RepositoryUpstreams upstreams,
                                                  UpstreamSource.External external, NpmName name, String version) {
        PackageKey key = access.packageKey(name.scope(), name.name());
        Optional<PackageVersion> already = access.packages().findVersion(key, version);
        if (already.isPresent()) {
            return already; // an earlier flight retained it
        }
        ObjectNode doc = packument(upstreams, external, name).orElse(null);
        if (doc == null || !(doc.path("versions").get(version) instanceof ObjectNode remote)) {
            return Optional.empty();
        }
        ObjectNode manifest = remote.deepCopy();
        URI url = tarballUrl(external, manifest, name, version);
        Download download = upstreams.remote().download(url, upstreams.spool(), upstreams.maxAssetBytes(),
                "SHA-512", "SHA-1").orElseThrow(() -> new UpstreamUnavailable(502, "The public registry lists "
                + name.full() + "@" + version + " but has no tarball at " + url + "."));
        Path file = download.file();
        try {
            String integrity = verify(download, manifest, name, version);
            ObjectNode dist = (ObjectNode) manifest.get("dist");
            dist.put("integrity", integrity);
            pointedHere(access, name, manifest, version);
            manifest.put("_id", name.full() + "@" + version);
            Instant published = instant(doc.path("time").path(version).asText(null));
            return Optional.of(upstreams.ingest(external, name.scope(), name.name(), name.full(), version, published,
                    manifest.toString(), name.tarball(version), file));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a spooled download; the spool is cleaned at start
            }
        }
    }

    /** The registry's tarball link when it is on the connection's own origin, else where npm puts tarballs. */
    private static URI tarballUrl(UpstreamSource.External external, ObjectNode manifest, NpmName name,
                                  String version) {
        String link = manifest.path("dist").path("tarball").asText("");
        try {
            URI uri = URI.create(link);
            if (external.sameOrigin(uri)) {
                return uri;
            }
        } catch (IllegalArgumentException ignored) {
            // not a URL: use the conventional path
        }
        return external.resolve(name.full() + "/-/" + name.tarball(version));
    }

    /** Checks the download against the manifest's sha512 integrity (or its SHA-1 shasum); returns its integrity. */
    private static String verify(Download download, ObjectNode manifest, NpmName name, String version) {
        String integrity = "sha512-" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(
                download.digest("SHA-512")));
        JsonNode dist = manifest.path("dist");
        if (!(manifest.get("dist") instanceof ObjectNode)) {
            manifest.putObject("dist");
        }
        String declared = dist.path("integrity").asText("");
        boolean checked = false;
        for (String entry : declared.trim().split("\\s+")) {
            if (entry.startsWith("sha512-")) {
                checked = true;
                if (!entry.equals(integrity)) {
                    throw new UpstreamUnavailable(502, "The tarball of " + name.full() + "@" + version + " from the "
                            + "public registry does not match its integrity " + entry + "; not kept.");
                }
            }
        }
        String shasum = dist.path("shasum").asText("");
        if (!checked && !shasum.isEmpty() && !shasum.equalsIgnoreCase(download.digest("SHA-1"))) {
            throw new UpstreamUnavailable(502, "The tarball of " + name.full() + "@" + version + " from the public "
                    + "registry does not match its shasum " + shasum + "; not kept.");
        }
        return integrity;
    }

    /** The public packument (full: it has the publication times), fetched once for concurrent readers. */
    private static Optional<ObjectNode> packument(RepositoryUpstreams upstreams, UpstreamSource.External external,
                                                  NpmName name) {
        String path = name.scope() == null ? name.name()
                : "@" + name.scope() + "%2f" + URLEncoder.encode(name.name(), StandardCharsets.UTF_8);
        URI url = external.resolve(path);
        Optional<byte[]> body = upstreams.document(url, "application/json");
        if (body.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode doc = NpmDocuments.JSON.readTree(body.get());
            if (!(doc instanceof ObjectNode object) || !object.path("versions").isObject()) {
                throw new UpstreamUnavailable(502, "The public registry's packument for " + name.full()
                        + " is not an npm packument.");
            }
            return Optional.of(object);
        } catch (IOException e) {
            throw new UpstreamUnavailable(502, "The public registry's packument for " + name.full()
                    + " is not JSON.");
        }
    }

    private static Instant instant(String text) {
        if (text == null) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
