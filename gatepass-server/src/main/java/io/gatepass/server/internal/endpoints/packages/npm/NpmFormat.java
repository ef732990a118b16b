package io.gatepass.server.internal.endpoints.packages.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatepass.core.codeartifact.HostedPackage;
import io.gatepass.core.codeartifact.PackageAsset;
import io.gatepass.core.codeartifact.PackageKey;
import io.gatepass.core.codeartifact.PackageVersion;
import io.gatepass.core.codeartifact.PackageVersionStatus;
import io.gatepass.server.internal.endpoints.packages.FormatContext;
import io.gatepass.server.internal.endpoints.packages.PackageException;
import io.gatepass.server.internal.endpoints.packages.PackageFormat;
import io.gatepass.server.internal.endpoints.packages.PackageRequest;
import io.gatepass.server.internal.endpoints.packages.PackageResponse;
import io.gatepass.server.internal.endpoints.packages.RepositoryAccess;
import io.gatepass.server.internal.endpoints.packages.ResponseCache;
import io.gatepass.server.internal.endpoints.packages.upstream.RepositoryUpstreams;
import io.gatepass.server.internal.endpoints.packages.upstream.UpstreamSource;
import io.gatepass.store.BlobStore.StoredBlob;
import io.gatepass.store.DuplicateEntityException;
import io.gatepass.store.PackageStore.VersionPublication;
import io.gatepass.store.ReferenceViolationException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The npm registry protocol at {@code /npm/<repository>/}, as CodeArtifact serves it: packuments (full and
 * abbreviated), tarballs, publish, dist-tags, deprecate and ping. The commands CodeArtifact does not support
 * (adduser/login, owner, token, access, search, star, audit, hook, unpublish, whoami) get a 4xx saying so.
 */
public final class NpmFormat implements PackageFormat {
    static final String ABBREVIATED_TYPE = "application/vnd.npm.install-v1+json";
    private static final int MAX_VERSIONS = 100_000;
    /** How long a rendered packument is served: another node's publish shows within it (as permissions do). */
    static final java.time.Duration PACKUMENT_TTL = java.time.Duration.ofSeconds(1);
    private static final int MAX_PACKUMENTS = 2_000;
    private static final long MAX_PACKUMENT_BYTES = 64L * 1024 * 1024;

    /** A rendered packument: the package, and whether it is the abbreviated one. */
    record PackumentKey(PackageKey key, boolean abbreviated) {
    }

    private final FormatContext context;
    private final ResponseCache<PackumentKey, PackageResponse> packuments;

    public NpmFormat(FormatContext context) {
        this(context, ResponseCache.ofResponses(context.clock(), PACKUMENT_TTL, MAX_PACKUMENTS, MAX_PACKUMENT_BYTES));
    }

    NpmFormat(FormatContext context, ResponseCache<PackumentKey, PackageResponse> packuments) {
        this.context = context;
        this.packuments = packuments;
        context.changes().listen(this::invalidate);
    }

    /** A packument GET by a reader whose permission is still cached, when the packument is rendered already. */
    @Override
    public Optional<PackageResponse> answerFromMemory(PackageRequest request) {
        if (!request.isRead() || !(NpmPath.parse(request.path()) instanceof NpmPath.Packument p)
                || "true".equals(request.queryParameter("write")) || !request.access().readKnownAllowed()) {
            return Optional.empty();
        }
        return NpmName.parse(p.packageName()).flatMap(name ->
                packuments.find(new PackumentKey(key(request.access(), name), abbreviated(request))));
    }

    @Override
    public String format() {
        return "npm";
    }

    @Override
    public String challenge(String realm) {
        return "Bearer realm=\"" + realm + "\", Basic realm=\"" + realm + "\"";
    }

    /** The tarball travels base64 (4/3 of its size) inside JSON with the manifest and readme. */
    @Override
    public long maxBodyBytes(long maxAssetBytes) {
        return maxAssetBytes + maxAssetBytes / 3 + 4 + 16L * 1024 * 1024;
    }

    @Override
    public PackageResponse handle(PackageRequest request) {
        NpmPath path = NpmPath.parse(request.path());
        String method = request.method();
        if (path instanceof NpmPath.Ping) {
            request.access().requireRead();
            return PackageResponse.json(200, "{}");
        }
        if (path instanceof NpmPath.Packument p && request.isRead()) {
            return packument(request, p.packageName());
        }
        if (path instanceof NpmPath.Packument p && method.equals("PUT")) {
            return put(request, p.packageName());
        }
        if (path instanceof NpmPath.VersionManifest v && request.isRead()) {
            return version(request, v);
        }
        if (path instanceof NpmPath.Tarball t && request.isRead()) {
            return tarball(request, t);
        }
        if (path instanceof NpmPath.DistTags d) {
            return distTags(request, d);
        }
        if (path instanceof NpmPath.Unpublish) {
            throw PackageException.json(405, "npm unpublish is not supported (as in CodeArtifact); delete versions "
                    + "with 'aws codeartifact delete-package-versions'.");
        }
        if (path instanceof NpmPath.Unsupported u) {
            throw PackageException.json(400, u.what() + " is not supported by this registry (as in CodeArtifact): "
                    + "it authenticates with CodeArtifact authorization tokens ('aws codeartifact login --tool npm') "
                    + "and has no npm users.");
        }
        if (path instanceof NpmPath.Unknown) {
            throw PackageException.json(404, "Not found: this npm registry has nothing at /" + request.path() + ".");
        }
        throw PackageException.json(405, "Method " + method + " is not supported on this npm path.");
    }

    // ---------------------------------------------------------------------------------------------- reads

    private PackageResponse packument(PackageRequest request, String packageName) {
        RepositoryAccess access = request.access();
        access.requireRead();
        NpmName name = name(packageName);
        boolean forWrite = "true".equals(request.queryParameter("write"));
        PackumentKey cacheKey = new PackumentKey(key(access, name), abbreviated(request) && !forWrite);
        if (!forWrite) {
            Optional<PackageResponse> cached = packuments.find(cacheKey);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        long generation = packuments.generation();
        HostedPackage pkg;
        List<PackageVersion> versions;
        Map<String, String> tags;
        Optional<RepositoryUpstreams> upstreams = access.upstreams();
        List<UpstreamSource> sources = upstreams.map(u -> u.searchOrder(name.scope(), name.name()))
                .orElse(List.of());
        if (sources.isEmpty()) {
            pkg = access.packages().findPackage(cacheKey.key()).orElseThrow(() -> notFound(name));
            versions = versions(access, pkg.key(), forWrite);
            tags = visibleTags(access.packages().distTags(pkg.key()), versions);
        } else {
            NpmUpstreams.Merged merged = NpmUpstreams.merge(access, upstreams.get(), sources, name, forWrite)
                    .orElseThrow(() -> notFound(name));
            pkg = merged.pkg();
            versions = merged.versions();
            tags = merged.tags();
        }
        PackageResponse response = cacheKey.abbreviated()
                ? json(200, ABBREVIATED_TYPE, NpmDocuments.abbreviated(name, pkg, versions, tags))
                        .withHeader("Vary", "Accept")
                : json(200, "application/json", NpmDocuments.full(name, pkg, versions, tags))
                        .withHeader("Vary", "Accept");
        if (!forWrite) {
            packuments.put(cacheKey, response, generation);
        }
        return response;
    }

    private static boolean abbreviated(PackageRequest request) {
        String accept = request.header("accept");
        return accept != null && accept.contains(ABBREVIATED_TYPE);
    }

    /** After a write to a package (committed or not): its packuments are rendered from the store again. */
    private void invalidate(PackageKey key) {
        packuments.invalidate(new PackumentKey(key, true), new PackumentKey(key, false));
    }

    private PackageResponse version(PackageRequest request, NpmPath.VersionManifest path) {
        RepositoryAccess access = request.access();
        access.requireRead();
        NpmName name = name(path.packageName());
        PackageKey key = key(access, name);
        String asked = path.versionOrTag();
        Optional<PackageVersion> here = access.packages().findVersion(key, asked);
        Optional<NpmUpstreams.Merged> merged = here.isPresent() ? Optional.empty() : throughUpstreams(access, name);
        if (merged.isEmpty()) {
            // the version is here (in whatever status: it is not looked for upstream), or there are no upstreams
            String version = here.isPresent() ? asked : access.packages().distTags(key).getOrDefault(asked, asked);
            PackageVersion found = (here.isPresent() ? here : access.packages().findVersion(key, version))
                    .filter(v -> v.status().isDownloadable())
                    .orElseThrow(() -> versionNotFound(name, asked));
            return json(200, "application/json", NpmDocuments.served(found));
        }
        // a tag as the upstream chain merges it; a version here first, else as the packument shows it
        String version = merged.get().tags().getOrDefault(asked, asked);
        Optional<PackageVersion> local = access.packages().findVersion(key, version);
        PackageVersion found = local.isPresent()
                ? local.filter(v -> v.status().isDownloadable()).orElseThrow(() -> versionNotFound(name, asked))
                : merged.get().versions().stream().filter(v -> v.version().equals(version)).findFirst()
                        .orElseThrow(() -> versionNotFound(name, asked));
        return json(200, "application/json", NpmDocuments.served(found));
    }

    private static PackageException versionNotFound(NpmName name, String asked) {
        return PackageException.json(404, "Version " + asked + " of " + name.full() + " not found.");
    }

    /**
     * The package merged along the repository's upstreams and external connection, as the packument shows it; empty
     * when the repository has neither (or origin controls block them for this package).
     *
     * @throws PackageException 404 when no repository along the way has the package
     */
    private static Optional<NpmUpstreams.Merged> throughUpstreams(RepositoryAccess access, NpmName name) {
        Optional<RepositoryUpstreams> upstreams = access.upstreams();
        List<UpstreamSource> sources = upstreams.map(u -> u.searchOrder(name.scope(), name.name()))
                .orElse(List.of());
        if (sources.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(NpmUpstreams.merge(access, upstreams.get(), sources, name, false)
                .orElseThrow(() -> notFound(name)));
    }

    private PackageResponse tarball(PackageRequest request, NpmPath.Tarball path) {
        RepositoryAccess access = request.access();
        access.requireRead();
        NpmName name = name(path.packageName());
        String prefix = name.name() + "-";
        String file = path.fileName();
        if (!file.startsWith(prefix) || !file.endsWith(".tgz") || file.length() <= prefix.length() + 4) {
            throw PackageException.json(404, "Tarball " + file + " not found: " + name.full()
                    + "'s tarballs are named " + prefix + "<version>.tgz.");
        }
        String version = file.substring(prefix.length(), file.length() - 4);
        PackageKey key = key(access, name);
        Optional<PackageVersion> found = access.packages().findVersion(key, version)
                .filter(v -> v.status().isDownloadable());
        if (found.isEmpty() && access.packages().findVersion(key, version).isEmpty()) {
            // not here at all (a version here in another status is not looked for upstream): retain it from
            // the first upstream repository or external connection that has it
            Optional<RepositoryUpstreams> upstreams = access.upstreams();
            List<UpstreamSource> sources = upstreams.map(u -> u.searchOrder(name.scope(), name.name()))
                    .orElse(List.of());
            if (!sources.isEmpty()) {
                found = NpmUpstreams.retain(access, upstreams.get(), sources, name, version)
                        .filter(v -> v.status().isDownloadable());
            }
        }
        PackageAsset asset = found.flatMap(v -> access.packages().findAsset(key, version, name.tarball(version)))
                .orElseThrow(() -> PackageException.json(404, "Tarball " + file + " of " + name.full()
                        + " not found."));
        return PackageResponse.blob(200, "application/octet-stream", asset.blobKey(), asset.size());
    }

    // ---------------------------------------------------------------------------------------------- writes

    private PackageResponse put(PackageRequest request, String packageName) {
        RepositoryAccess access = request.access();
        NpmName name = NpmName.parse(packageName).orElseThrow(() -> PackageException.json(400, "Invalid package "
                + "name '" + packageName + "': npm names are lower case, at most 214 characters of a-z 0-9 - . _ ~,"
                + " optionally @scope/name, and do not start with '.' or '_'."));
        access.requirePublish(name.scope(), name.name());
        try {
            return putAuthorized(request, access, name);
        } finally {
            context.changes().changed(key(access, name)); // here at once, other nodes on word
        }
    }

    private PackageResponse putAuthorized(PackageRequest request, RepositoryAccess access, NpmName name) {
        PackageRequest.Upload upload = request.body().orElseThrow(() ->
                PackageException.json(400, "The request has no body."));
        NpmPublishBody body;
        try {
            body = NpmPublishBody.read(upload.file(), () -> tempFile(upload.file()));
        } catch (NpmPublishBody.Malformed e) {
            throw PackageException.json(400, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            JsonNode bodyName = body.document().get("name");
            if (bodyName != null && !bodyName.asText().equals(name.full())) {
                throw PackageException.json(400, "The body names package " + bodyName.asText() + ", the URL "
                        + name.full() + ".");
            }
            if (body.attachments().isEmpty()) {
                return updateMetadata(access, name, body.document());
            }
            return publish(access, name, body);
        } finally {
            for (NpmPublishBody.Attachment attachment : body.attachments()) {
                delete(attachment.file());
            }
        }
    }

    private PackageResponse publish(RepositoryAccess access, NpmName name, NpmPublishBody body) {
        JsonNode versions = body.document().get("versions");
        if (versions == null || !versions.isObject() || versions.size() != 1 || body.attachments().size() != 1) {
            throw PackageException.json(400, "A publish carries exactly one version and one tarball attachment.");
        }
        String version = versions.fieldNames().next();
        if (version.isEmpty() || version.length() > 255 || version.contains("/")) {
            throw PackageException.json(400, "Invalid version '" + version + "'.");
        }
        JsonNode manifestNode = versions.get(version);
        if (!(manifestNode instanceof ObjectNode manifest)) {
            throw PackageException.json(400, "The manifest of version " + version + " is not an object.");
        }
        if (!name.full().equals(manifest.path("name").asText()) || !version.equals(manifest.path("version").asText())) {
            throw PackageException.json(400, "The manifest's name and version must be " + name.full() + " and "
                    + version + ".");
        }
        NpmPublishBody.Attachment attachment = body.attachments().get(0);
        String expectedAttachment = name.full() + "-" + version + ".tgz";
        if (!attachment.name().equals(expectedAttachment) && !attachment.name().equals(name.tarball(version))) {
            throw PackageException.json(400, "The attachment must be named " + expectedAttachment + ".");
        }
        PackageKey key = key(access, name);
        if (access.packages().findVersion(key, version).isPresent()) {
            throw exists(name, version);
        }
        long size = fileSize(attachment.file());
        if (size > context.maxAssetBytes()) {
            throw PackageException.json(413, "The tarball is " + size + " bytes, larger than the limit of "
                    + context.maxAssetBytes() + " bytes.");
        }
        StoredBlob blob = access.blobs().put(attachment.file());
        if (attachment.declaredLength() >= 0 && attachment.declaredLength() != blob.size()) {
            throw PackageException.json(400, "The tarball is " + blob.size() + " bytes, but its length says "
                    + attachment.declaredLength() + ".");
        }
        String integrity = "sha512-" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(blob.sha512()));
        ObjectNode dist = manifest.has("dist") && manifest.get("dist").isObject() ? (ObjectNode) manifest.get("dist")
                : manifest.putObject("dist");
        checkDigests(dist, blob, integrity);
        dist.put("integrity", integrity);
        dist.put("shasum", blob.sha1());
        dist.put("tarball", access.endpointUrl() + name.full() + "/-/" + name.tarball(version));
        manifest.put("_id", name.full() + "@" + version);
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode requestedTags = body.document().get("dist-tags");
        if (requestedTags != null && requestedTags.isObject()) {
            requestedTags.fields().forEachRemaining(tag -> {
                if (tag.getValue().asText().equals(version)) {
                    tags.put(tag.getKey(), version);
                }
            });
        }
        if (tags.isEmpty()) {
            tags.put("latest", version);
        }
        java.time.Instant now = context.clock().instant().truncatedTo(ChronoUnit.MILLIS);
        HostedPackage pkg = new HostedPackage(key, name.full(), now);
        PackageVersion stored = new PackageVersion(key, version, PackageVersionStatus.PUBLISHED, revision(), now,
                manifest.toString());
        PackageAsset asset = new PackageAsset(name.tarball(version), blob.size(), blob.md5(), blob.sha1(),
                blob.sha256(), blob.sha512(), blob.key());
        try {
            access.packages().publish(new VersionPublication(pkg, stored, List.of(asset), tags));
        } catch (DuplicateEntityException e) {
            throw exists(name, version);
        } catch (ReferenceViolationException e) {
            throw PackageException.json(404, "Repository " + access.repository() + " no longer exists.");
        }
        return json(201, "application/json", NpmDocuments.JSON.createObjectNode().put("ok", true)
                .put("id", name.full()));
    }

    private static void checkDigests(ObjectNode dist, StoredBlob blob, String integrity) {
        JsonNode shasum = dist.get("shasum");
        if (shasum != null && !shasum.asText().equalsIgnoreCase(blob.sha1())) {
            throw PackageException.json(400, "The tarball's SHA-1 is " + blob.sha1() + ", but dist.shasum says "
                    + shasum.asText() + ".");
        }
        JsonNode declared = dist.get("integrity");
        if (declared != null) {
            for (String entry : declared.asText().trim().split("\\s+")) {
                String base = entry.contains("?") ? entry.substring(0, entry.indexOf('?')) : entry;
                if (base.startsWith("sha512-") && !base.equals(integrity)) {
                    throw PackageException.json(400, "The tarball's integrity is " + integrity
                            + ", but dist.integrity says " + base + ".");
                }
            }
        }
    }

    /** npm deprecate (and un-deprecate): a PUT of the packument without attachments. */
    private PackageResponse updateMetadata(RepositoryAccess access, NpmName name, ObjectNode document) {
        if (document.has("users")) {
            throw PackageException.json(400, "npm star is not supported by this registry (as in CodeArtifact).");
        }
        PackageKey key = key(access, name);
        access.packages().findPackage(key).orElseThrow(() -> notFound(name));
        JsonNode versions = document.get("versions");
        int changed = 0;
        if (versions != null && versions.isObject()) {
            for (var entry : (Iterable<Map.Entry<String, JsonNode>>) versions::fields) {
                Optional<PackageVersion> stored = access.packages().findVersion(key, entry.getKey());
                if (stored.isEmpty()) {
                    continue;
                }
                ObjectNode manifest = NpmDocuments.manifest(stored.get());
                JsonNode wanted = entry.getValue().get("deprecated");
                String now = manifest.hasNonNull("deprecated") ? manifest.get("deprecated").asText() : null;
                String next = wanted == null || wanted.isNull() || wanted.asText().isEmpty() ? null : wanted.asText();
                if (java.util.Objects.equals(now, next)) {
                    continue;
                }
                if (next == null) {
                    manifest.remove("deprecated");
                } else {
                    manifest.put("deprecated", next);
                }
                PackageVersion version = stored.get();
                if (access.packages().updateVersion(key, version.version(), version.revision(), version.status(),
                        manifest.toString(), revision()).isEmpty()) {
                    throw PackageException.json(409, "Version " + version.version() + " of " + name.full()
                            + " changed meanwhile; try again.");
                }
                changed++;
            }
        }
        return json(200, "application/json", NpmDocuments.JSON.createObjectNode().put("ok", true)
                .put("id", name.full()).put("changed", changed));
    }

    private PackageResponse distTags(PackageRequest request, NpmPath.DistTags path) {
        RepositoryAccess access = request.access();
        NpmName name = name(path.packageName());
        PackageKey key = key(access, name);
        String method = request.method();
        if (path.tag() == null) {
            if (!request.isRead()) {
                throw PackageException.json(405, "Method " + method + " is not supported on dist-tags.");
            }
            access.requireRead();
            Optional<NpmUpstreams.Merged> merged = throughUpstreams(access, name);
            if (merged.isPresent()) {
                return json(200, "application/json", NpmDocuments.tags(merged.get().tags()));
            }
            access.packages().findPackage(key).orElseThrow(() -> notFound(name));
            return json(200, "application/json", NpmDocuments.tags(access.packages().distTags(key)));
        }
        String tag = path.tag();
        switch (method) {
            case "PUT" -> {
                access.requirePublish(name.scope(), name.name());
                String version = tagVersion(request);
                if (tag.isEmpty() || tag.length() > 255) {
                    throw PackageException.json(400, "Invalid tag.");
                }
                if (access.packages().findVersion(key, version).isEmpty()) {
                    throw PackageException.json(404, "Version " + version + " of " + name.full() + " not found.");
                }
                access.packages().putDistTag(key, tag, version);
                context.changes().changed(key); // here at once, other nodes on word
                return json(201, "application/json", NpmDocuments.JSON.createObjectNode().put("ok", true));
            }
            case "DELETE" -> {
                access.requirePublish(name.scope(), name.name());
                if (tag.equals("latest")) {
                    throw PackageException.json(400, "The latest tag cannot be removed.");
                }
                boolean deleted = access.packages().deleteDistTag(key, tag);
                context.changes().changed(key); // here at once, other nodes on word
                if (!deleted) {
                    throw PackageException.json(404, "Tag " + tag + " of " + name.full() + " not found.");
                }
                return json(200, "application/json", NpmDocuments.JSON.createObjectNode().put("ok", true));
            }
            default -> {
                if (request.isRead()) {
                    access.requireRead();
                    Optional<NpmUpstreams.Merged> merged = throughUpstreams(access, name);
                    String version = merged.isPresent() ? merged.get().tags().get(tag)
                            : access.packages().distTags(key).get(tag);
                    if (version == null) {
                        throw PackageException.json(404, "Tag " + tag + " of " + name.full() + " not found.");
                    }
                    return json(200, "application/json", NpmDocuments.JSON.getNodeFactory().textNode(version));
                }
                throw PackageException.json(405, "Method " + method + " is not supported on dist-tags.");
            }
        }
    }

    private static String tagVersion(PackageRequest request) {
        PackageRequest.Upload upload = request.body().orElseThrow(() ->
                PackageException.json(400, "The request must carry the version as a JSON string."));
        try {
            if (upload.length() > 1024) {
                throw PackageException.json(400, "The request must carry the version as a JSON string.");
            }
            String text = Files.readString(upload.file(), StandardCharsets.UTF_8).trim();
            JsonNode node = NpmDocuments.JSON.readTree(text);
            if (node == null || !node.isTextual() || node.asText().isEmpty()) {
                throw PackageException.json(400, "The request must carry the version as a JSON string.");
            }
            return node.asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw PackageException.json(400, "The request must carry the version as a JSON string.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** The versions npm sees: Published, plus Unlisted ones when writing (npm's ?write=true). */
    private static List<PackageVersion> versions(RepositoryAccess access, PackageKey key, boolean forWrite) {
        return access.packages().listVersions(key, null, MAX_VERSIONS).stream()
                .filter(v -> v.status() == PackageVersionStatus.PUBLISHED
                        || (forWrite && v.status() == PackageVersionStatus.UNLISTED))
                .sorted(Comparator.comparing(PackageVersion::publishedTime))
                .toList();
    }

    private static Map<String, String> visibleTags(Map<String, String> tags, List<PackageVersion> versions) {
        Map<String, String> visible = new LinkedHashMap<>();
        tags.forEach((tag, version) -> {
            if (versions.stream().anyMatch(v -> v.version().equals(version))) {
                visible.put(tag, version);
            }
        });
        return visible;
    }

    private static NpmName name(String packageName) {
        return NpmName.parse(packageName).or(() -> lenient(packageName)).orElseThrow(() ->
                PackageException.json(404, "Package " + packageName + " not found."));
    }

    /** Names older npm rules allowed (upper case) are still looked up as they are. */
    private static Optional<NpmName> lenient(String packageName) {
        Optional<NpmName> lower = NpmName.parse(packageName.toLowerCase(java.util.Locale.ROOT));
        if (lower.isEmpty()) {
            return Optional.empty();
        }
        int slash = packageName.indexOf('/');
        return packageName.startsWith("@") && slash > 0
                ? Optional.of(new NpmName(packageName.substring(1, slash), packageName.substring(slash + 1)))
                : Optional.of(new NpmName(null, packageName));
    }

    private static PackageKey key(RepositoryAccess access, NpmName name) {
        return access.packageKey(name.scope(), name.name());
    }

    private static PackageException notFound(NpmName name) {
        return PackageException.json(404, "Package " + name.full() + " not found.");
    }

    private static PackageException exists(NpmName name, String version) {
        return PackageException.json(409, "Cannot publish over the previously published version " + version + " of "
                + name.full() + ".");
    }

    private static PackageResponse json(int status, String type, JsonNode document) {
        return PackageResponse.bytes(status, type, document.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String revision() {
        return context.ids().revision();
    }

    private static Path tempFile(Path besides) {
        try {
            return Files.createTempFile(besides.getParent(), "npm-", ".tgz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the upload directory is cleaned with the request's own file
        }
    }
}
