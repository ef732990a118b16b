package io.gatepass.server.internal.endpoints.packages.pypi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.core.codeartifact.PackageVersion;
import io.gatepass.server.internal.endpoints.packages.PackageException;
import io.gatepass.server.internal.endpoints.packages.RepositoryAccess;
import io.gatepass.server.internal.endpoints.packages.upstream.Download;
import io.gatepass.server.internal.endpoints.packages.upstream.RepositoryUpstreams;
import io.gatepass.server.internal.endpoints.packages.upstream.UpstreamSource;
import io.gatepass.server.internal.endpoints.packages.upstream.UpstreamUnavailable;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PyPI through upstream repositories and an external connection: the project page merged along the search order (the
 * nearest repository wins a version, with all its files), and files found upstream retained in the repository asked
 * (from a public index: fetched once, checked against the page's SHA-256, kept).
 */
final class PypiUpstreams {
    static final String JSON_PAGE = "application/vnd.pypi.simple.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where pypi.org keeps its files; the only host besides the connection's own that links are followed to. */
    private static final String PYPI_FILES_HOST = "files.pythonhosted.org";

    private PypiUpstreams() {
    }

    /** A file a public index lists: its link (absolute) and SHA-256. */
    private record RemoteFile(SimpleFile file, URI url) {
    }

    static Optional<SimpleProject> merge(RepositoryAccess access, RepositoryUpstreams upstreams,
                                         List<UpstreamSource> sources, String project,
                                         Optional<SimpleProject> here, SimpleRepository index) {
        Map<String, List<SimpleFile>> versions = new LinkedHashMap<>();
        boolean anywhere = here.isPresent();
        here.ifPresent(p -> add(versions, p.files()));
        UpstreamUnavailable failure = null;
        for (UpstreamSource source : sources) {
            if (source instanceof UpstreamSource.Repository repository) {
                Optional<SimpleProject> there = index.project(access, upstreams.key(repository.name(), null,
                        project));
                anywhere |= there.isPresent();
                there.ifPresent(p -> add(versions, p.files()));
            } else if (source instanceof UpstreamSource.External external) {
                try {
                    Optional<List<RemoteFile>> files = page(upstreams, external, project);
                    anywhere |= files.isPresent();
                    files.ifPresent(list -> add(versions, list.stream().map(RemoteFile::file).toList()));
                } catch (UpstreamUnavailable e) {
                    failure = e;
                }
            }
        }
        if (!anywhere) {
            if (failure != null) {
                throw PackageException.text(failure.status(), failure.getMessage());
            }
            return Optional.empty();
        }
        List<SimpleFile> files = new ArrayList<>();
        versions.values().forEach(files::addAll);
        List<String> listed = new ArrayList<>(versions.keySet());
        listed.sort((a, b) -> Pep440Version.parse(a).flatMap(x -> Pep440Version.parse(b).map(x::compareTo))
                .orElse(a.compareTo(b)));
        return Optional.of(new SimpleProject(project, listed, files));
    }

    /** Adds the files of each version not seen nearer. */
    private static void add(Map<String, List<SimpleFile>> versions, List<SimpleFile> files) {
        Map<String, List<SimpleFile>> these = new LinkedHashMap<>();
        for (SimpleFile file : files) {
            these.computeIfAbsent(file.version(), v -> new ArrayList<>()).add(file);
        }
        these.forEach(versions::putIfAbsent);
    }

    /**
     * Retains the version holding {@code filename} from the first source that has it.
     *
     * @return whether it is now in this repository
     */
    static boolean retain(RepositoryAccess access, RepositoryUpstreams upstreams, List<UpstreamSource> sources,
                          String project, String version, String filename) {
        String stored = Pep440Version.normalize(version).orElse(version);
        UpstreamUnavailable failure = null;
        for (UpstreamSource source : sources) {
            if (source instanceof UpstreamSource.Repository repository) {
                if (access.packages().findAsset(upstreams.key(repository.name(), null, project), stored, filename)
                        .isPresent() && upstreams.retain(repository, null, project, stored, m -> m).isPresent()) {
                    return true;
                }
            } else if (source instanceof UpstreamSource.External external) {
                try {
                    Optional<PackageVersion> kept = upstreams.once(null, project, stored + "/" + filename, () ->
                            fetch(access, upstreams, external, project, stored, filename));
                    if (kept.isPresent()) {
                        return true;
                    }
                } catch (UpstreamUnavailable e) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw PackageException.text(failure.status(), failure.getMessage());
        }
        return false;
    }

    private static Optional<PackageVersion> fetch(RepositoryAccess access, RepositoryUpstreams upstreams,
                                                  UpstreamSource.External external, String project, String version,
                                                  String filename) {
        if (access.packages().findAsset(access.packageKey(null, project), version, filename).isPresent()) {
            return access.packages().findVersion(access.packageKey(null, project), version);
        }
        RemoteFile remote = page(upstreams, external, project).orElse(List.of()).stream()
                .filter(f -> f.file().filename().equals(filename) && f.file().version().equals(version))
                .findFirst().orElse(null);
        if (remote == null) {
            return Optional.empty();
        }
        Download download = upstreams.remote().download(remote.url(), upstreams.spool(), upstreams.maxAssetBytes(),
                        "SHA-256").orElseThrow(() -> new UpstreamUnavailable(502, "The public index lists " + filename
                        + " but has nothing at " + remote.url() + "."));
        Path file = download.file();
        try {
            String sha256 = download.digest("SHA-256");
            if (!sha256.equalsIgnoreCase(remote.file().sha256())) {
                throw new UpstreamUnavailable(502, filename + " from the public index does not match its SHA-256 "
                        + remote.file().sha256() + "; not kept.");
            }
            String metadata = JSON.createObjectNode().set("files", JSON.createObjectNode().set(filename,
                    JSON.createObjectNode().put("upload_time", remote.file().uploadTime().toString())
                            .put("requires_python", remote.file().requiresPython()))).toString();
            return Optional.of(upstreams.ingest(external, null, project, project, version,
                    remote.file().uploadTime(), metadata, filename, file));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a spooled download
            }
        }
    }

    /** The public project page (PEP 691 JSON), fetched once for concurrent readers; empty if there is none. */
    private static Optional<List<RemoteFile>> page(RepositoryUpstreams upstreams, UpstreamSource.External external,
                                                   String project) {
        URI url = external.resolve("simple/" + project + "/");
        Optional<byte[]> body = upstreams.document(url, JSON_PAGE);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(body.get());
        } catch (IOException e) {
            throw new UpstreamUnavailable(502, "The public index's page for " + project + " is not PEP 691 JSON.");
        }
        List<RemoteFile> files = new ArrayList<>();
        for (JsonNode node : doc.path("files")) {
            String filename = node.path("filename").asText("");
            String sha256 = node.path("hashes").path("sha256").asText("");
            Optional<String> version = versionOf(filename, project);
            if (!DistributionFilename.isSafe(filename) || sha256.isEmpty() || version.isEmpty()) {
                continue;
            }
            URI link;
            try {
                link = url.resolve(node.path("url").asText(""));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (!external.sameOrigin(link) && !("https".equals(link.getScheme())
                    && PYPI_FILES_HOST.equalsIgnoreCase(link.getHost()))) {
                continue; // links are followed only to the index itself (and pypi.org's file host)
            }
            JsonNode yanked = node.get("yanked");
            SimpleFile file = new SimpleFile(filename, version.get(), sha256.toLowerCase(java.util.Locale.ROOT),
                    node.path("size").asLong(0), instant(node.path("upload-time").asText(null)),
                    node.hasNonNull("requires-python") ? node.get("requires-python").asText() : null);
            if (yanked != null && (yanked.isTextual() || yanked.asBoolean(false))) {
                file = file.yanked(yanked.isTextual() ? yanked.asText() : "");
            }
            files.add(new RemoteFile(file, link));
        }
        return Optional.of(files);
    }

    /** The (normalized) version a distribution file name carries: wheels and sdists. */
    static Optional<String> versionOf(String filename, String project) {
        String lower = filename.toLowerCase(java.util.Locale.ROOT);
        String stem;
        if (lower.endsWith(".whl")) {
            String[] parts = filename.substring(0, filename.length() - 4).split("-");
            if (parts.length < 5) {
                return Optional.empty();
            }
            stem = parts[1];
        } else if (lower.endsWith(".tar.gz") || lower.endsWith(".zip")) {
            String base = filename.substring(0, filename.length() - (lower.endsWith(".zip") ? 4 : 7));
            int dash = base.lastIndexOf('-');
            if (dash <= 0 || !ProjectNames.normalize(base.substring(0, dash)).equals(project)) {
                return Optional.empty();
            }
            stem = base.substring(dash + 1);
        } else {
            return Optional.empty();
        }
        return Pep440Version.normalize(stem);
    }

    private static Instant instant(String text) {
        try {
            return text == null ? Instant.EPOCH : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
