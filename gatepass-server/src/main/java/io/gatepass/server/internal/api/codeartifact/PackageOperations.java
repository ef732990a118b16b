package io.gatepass.server.internal.api.codeartifact;

import io.gatepass.core.codeartifact.HostedPackage;
import io.gatepass.core.codeartifact.PackageAsset;
import io.gatepass.core.codeartifact.PackageKey;
import io.gatepass.core.codeartifact.PackageVersion;
import io.gatepass.core.codeartifact.PackageVersionStatus;
import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.api.CallContext;
import io.gatepass.server.internal.api.OperationTable;
import io.gatepass.server.internal.api.Paging;
import io.gatepass.server.internal.api.ServiceDescriptor;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.AssetSummary;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.DescribePackageOutput;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.DescribePackageVersionOutput;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.DomainEntryPoint;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.GetPackageVersionAssetInput;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.GetPackageVersionAssetOutput;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.GetPackageVersionReadmeOutput;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.ListPackageVersionAssetsInput;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.ListPackageVersionAssetsOutput;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.ListPackageVersionDependenciesOutput;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.ListPackageVersionsInput;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.ListPackageVersionsOutput;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.ListPackagesInput;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.ListPackagesOutput;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.PackageDependency;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.PackageDescription;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.PackageInput;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.PackageOriginConfiguration;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.PackageOriginRestrictions;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.PackageSummary;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.PackageVersionDescription;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.PackageVersionInput;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.PackageVersionOrigin;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.PackageVersionSummary;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.PutPackageOriginConfigurationInput;
import io.gatepass.server.internal.api.codeartifact.PackageShapes.PutPackageOriginConfigurationOutput;
import io.gatepass.server.internal.endpoints.packages.pypi.ProjectNames;
import io.gatepass.server.internal.api.rest.StreamedBody;
import io.gatepass.server.internal.api.rest.RestRoute;
import io.gatepass.store.BlobStore;
import io.gatepass.store.PackageStore;
import io.gatepass.store.Store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * CodeArtifact's package read APIs over what the package endpoints stored: ListPackages, DescribePackage,
 * ListPackageVersions, DescribePackageVersion, ListPackageVersionAssets, ListPackageVersionDependencies,
 * GetPackageVersionReadme and GetPackageVersionAsset. Each is authorized as {@code codeartifact:<Operation>} on the
 * package ARN (the repository ARN for ListPackages) with the identity policies and the domain's and the repository's
 * permissions policies; only then is anything missing reported.
 *
 * <p>GetPackageVersionAsset opens the asset's bytes here, so a missing blob is an error in the protocol's shape; the
 * front door then streams them to the client (any size, never whole in memory) and closes the stream.
 */
final class PackageOperations {
    /** POMs larger than this are not read for their dependencies. */
    private static final long MAX_POM_BYTES = 4L * 1024 * 1024;
    private static final Set<String> MODEL_FORMATS = Set.of("npm", "pypi", "maven", "nuget", "generic", "ruby",
            "swift", "cargo");
    private static final Set<String> HOSTED_FORMATS = Set.of("npm", "pypi", "maven");
    private static final Pattern PACKAGE_PART = Pattern.compile("[^#/\\s]+");
    private static final Pattern ASSET_NAME = Pattern.compile("\\P{C}+");

    private final CodeArtifactSupport support;
    private final Store store;
    private final BlobStore blobs;
    private final String region;
    private final io.gatepass.core.codeartifact.PackageChanges changes;

    PackageOperations(CodeArtifactSupport support, Store store, BlobStore blobs, String region,
                      io.gatepass.core.codeartifact.PackageChanges changes) {
        this.support = support;
        this.store = store;
        this.blobs = blobs;
        this.region = region;
        this.changes = changes;
    }

    /** Adds the package read operations and their routes (paths and query names as in the AWS model). */
    static void register(OperationTable table, CodeArtifactSupport support, Store store,
                         BlobStore blobs, String region, io.gatepass.core.codeartifact.PackageChanges changes) {
        PackageOperations ops = new PackageOperations(support, store, blobs, region, changes);
        ServiceDescriptor c = CodeArtifactService.DESCRIPTOR;
        table.add(c, "ListPackages", ListPackagesInput.class, ops::listPackages)
                .add(c, "DescribePackage", PackageInput.class, ops::describePackage)
                .add(c, "ListPackageVersions", ListPackageVersionsInput.class, ops::listPackageVersions)
                .add(c, "DescribePackageVersion", PackageVersionInput.class, ops::describePackageVersion)
                .add(c, "ListPackageVersionAssets", ListPackageVersionAssetsInput.class,
                        ops::listPackageVersionAssets)
                .add(c, "ListPackageVersionDependencies", PackageVersionInput.class,
                        ops::listPackageVersionDependencies)
                .add(c, "GetPackageVersionReadme", PackageVersionInput.class, ops::getPackageVersionReadme)
                .add(c, "GetPackageVersionAsset", GetPackageVersionAssetInput.class, ops::getPackageVersionAsset)
                .add(c, "PutPackageOriginConfiguration", PutPackageOriginConfigurationInput.class,
                        ops::putPackageOriginConfiguration);
        table.route(c,
                paged(repository(RestRoute.of("POST", "/v1/packages", "ListPackages")))
                        .query("format", "format").query("namespace", "namespace")
                        .query("package-prefix", "packagePrefix").query("publish", "publish")
                        .query("upstream", "upstream"),
                pkg(RestRoute.of("GET", "/v1/package", "DescribePackage")),
                paged(pkg(RestRoute.of("POST", "/v1/package/versions", "ListPackageVersions")))
                        .query("status", "status").query("sortBy", "sortBy").query("originType", "originType"),
                version(RestRoute.of("GET", "/v1/package/version", "DescribePackageVersion")),
                paged(version(RestRoute.of("POST", "/v1/package/version/assets", "ListPackageVersionAssets"))),
                version(RestRoute.of("POST", "/v1/package/version/dependencies", "ListPackageVersionDependencies"))
                        .query("next-token", "nextToken"),
                version(RestRoute.of("GET", "/v1/package/version/readme", "GetPackageVersionReadme")),
                version(RestRoute.of("GET", "/v1/package/version/asset", "GetPackageVersionAsset"))
                        .query("asset", "asset").query("revision", "packageVersionRevision"),
                pkg(RestRoute.of("POST", "/v1/package", "PutPackageOriginConfiguration")));
    }

    ListPackagesOutput listPackages(ListPackagesInput input, CallContext context) {
        String domain = support.domainName(input.domain());
        String owner = support.owner(input.domainOwner(), context);
        String repository = support.repositoryName("repository", input.repository());
        String format = format(input.format(), false);
        String namespace = part("namespace", input.namespace(), false);
        String prefix = part("packagePrefix", input.packagePrefix(), false);
        int limit = support.maxResults(input.maxResults());
        String after = support.after(input.nextToken());
        String publish = allowOrBlock("publish", input.publish());
        String upstream = allowOrBlock("upstream", input.upstream());
        authorize(context, owner, domain, repository,
                support.repositoryArn(owner, domain, repository));
        requireRepository(owner, domain, repository);
        boolean none = format != null && !HOSTED_FORMATS.contains(format);
        List<HostedPackage> matching = new ArrayList<>();
        String cursor = after;
        // The namespace is a prefix filter (as the model documents); fetch until a page is full or none are left.
        while (!none && matching.size() <= limit) {
            String from = cursor;
            List<HostedPackage> batch = support.page(() -> store.packages().listPackages(owner, domain, repository,
                    format, null, prefix == null ? null : name(format, prefix), from, limit + 1));
            for (HostedPackage pkg : batch) {
                if ((namespace == null || pkg.key().namespace().startsWith(namespace))
                        && matches(origin(pkg.key()), publish, upstream)) {
                    matching.add(pkg);
                }
            }
            if (batch.size() <= limit) {
                break;
            }
            cursor = PackageStore.packagePageKey(batch.get(batch.size() - 1));
        }
        Paging.Page<HostedPackage> page = Paging.of(matching.subList(0, Math.min(matching.size(), limit + 1)),
                limit, PackageStore::packagePageKey);
        return new ListPackagesOutput(page.items().stream().map(p -> new PackageSummary(p.key().format(),
                p.key().namespaceOrNull(), p.key().name(), configuration(origin(p.key())))).toList(),
                page.nextToken());
    }

    DescribePackageOutput describePackage(PackageInput input, CallContext context) {
        PackageKey key = key(input.domain(), input.domainOwner(), input.repository(), input.format(),
                input.namespace(), input.packageName(), context);
        HostedPackage pkg = authorizedPackage(context, key);
        return new DescribePackageOutput(new PackageDescription(pkg.key().format(), pkg.key().namespaceOrNull(),
                pkg.key().name(), configuration(origin(pkg.key()))));
    }

    /**
     * Sets a package's origin controls; a package that does not exist yet is created without versions (so its
     * name can be reserved against dependency substitution before anything is published or fetched).
     */
    PutPackageOriginConfigurationOutput putPackageOriginConfiguration(PutPackageOriginConfigurationInput input,
                                                                      CallContext context) {
        PackageKey key = key(input.domain(), input.domainOwner(), input.repository(), input.format(),
                input.namespace(), input.packageName(), context);
        PackageOriginRestrictions requested = support.validation.required("restrictions", input.restrictions());
        String publish = support.validation.required("restrictions.publish", requested.publish());
        String upstream = support.validation.required("restrictions.upstream", requested.upstream());
        allowOrBlock("restrictions.publish", publish);
        allowOrBlock("restrictions.upstream", upstream);
        authorize(context, key.domainOwner(), key.domainName(), key.repository(), key.arn(region));
        requireRepository(key.domainOwner(), key.domainName(), key.repository());
        if (!HOSTED_FORMATS.contains(key.format())) {
            throw CodeArtifactErrors.VALIDATION.exception("Format %s is not served by this server.", key.format());
        }
        io.gatepass.core.codeartifact.PackageOriginRestrictions restrictions =
                new io.gatepass.core.codeartifact.PackageOriginRestrictions(publish, upstream);
        try {
            store.packages().putOriginRestrictions(new HostedPackage(key, input.packageName(),
                    context.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)), restrictions);
        } catch (io.gatepass.store.ReferenceViolationException e) {
            throw CodeArtifactErrors.NOT_FOUND.exception("Repository %s not found in domain %s.", key.repository(),
                    key.domainName());
        }
        changes.changed(key);
        return new PutPackageOriginConfigurationOutput(configuration(restrictions));
    }

    private io.gatepass.core.codeartifact.PackageOriginRestrictions origin(PackageKey key) {
        return store.packages().originRestrictions(key)
                .orElse(io.gatepass.core.codeartifact.PackageOriginRestrictions.ALLOW_ALL);
    }

    private static PackageOriginConfiguration configuration(
            io.gatepass.core.codeartifact.PackageOriginRestrictions restrictions) {
        return new PackageOriginConfiguration(new PackageOriginRestrictions(restrictions.publish(),
                restrictions.upstream()));
    }

    private static boolean matches(io.gatepass.core.codeartifact.PackageOriginRestrictions restrictions,
                                   String publish, String upstream) {
        return (publish == null || publish.equals(restrictions.publish()))
                && (upstream == null || upstream.equals(restrictions.upstream()));
    }

    ListPackageVersionsOutput listPackageVersions(ListPackageVersionsInput input, CallContext context) {
        PackageKey key = key(input.domain(), input.domainOwner(), input.repository(), input.format(),
                input.namespace(), input.packageName(), context);
        PackageVersionStatus status = status(input.status());
        boolean byTime = input.sortBy() != null;
        if (byTime && !input.sortBy().equals("PUBLISHED_TIME")) {
            throw enumFailure("sortBy", input.sortBy(), "PUBLISHED_TIME");
        }
        String originType = input.originType();
        if (originType != null && !Set.of("INTERNAL", "EXTERNAL", "UNKNOWN").contains(originType)) {
            throw enumFailure("originType", originType, "INTERNAL, EXTERNAL, UNKNOWN");
        }
        int limit = support.maxResults(input.maxResults());
        String after = support.after(input.nextToken());
        HostedPackage pkg = authorizedPackage(context, key);
        List<PackageVersion> all = store.packages().listVersions(key, null, Integer.MAX_VALUE);
        // Newest first when sorted by time (what "the latest version" scripts expect); else by version text.
        Function<PackageVersion, String> sortKey = byTime
                ? v -> String.format("%019d", Long.MAX_VALUE - nanos(v.publishedTime())) + "\n" + v.version()
                : PackageVersion::version;
        List<PackageVersion> selected = all.stream()
                .filter(v -> status == null || v.status() == status)
                .filter(v -> originType == null || originType.equals(origin(key, v.version()).originType()))
                .sorted(Comparator.comparing(sortKey))
                .filter(v -> after == null || sortKey.apply(v).compareTo(after) > 0)
                .limit(limit + 1L)
                .toList();
        Paging.Page<PackageVersion> page = Paging.of(selected, limit, sortKey);
        return new ListPackageVersionsOutput(defaultDisplayVersion(key, all), key.format(), key.namespaceOrNull(),
                pkg.key().name(), page.items().stream().map(v -> new PackageVersionSummary(v.version(),
                        v.revision(), v.status().wireName(), origin(key, v.version()))).toList(),
                page.nextToken());
    }

    DescribePackageVersionOutput describePackageVersion(PackageVersionInput input, CallContext context) {
        PackageKey key = key(input.domain(), input.domainOwner(), input.repository(), input.format(),
                input.namespace(), input.packageName(), context);
        String versionName = versionName(input.packageVersion());
        HostedPackage pkg = authorizedPackage(context, key);
        PackageVersion version = requireVersion(key, versionName);
        PackageVersionMetadata.Details details = PackageVersionMetadata.details(key.format(), version.metadata());
        return new DescribePackageVersionOutput(new PackageVersionDescription(key.format(), key.namespaceOrNull(),
                key.name(), pkg.displayName(), version.version(), details.summary(), details.homePage(),
                details.sourceCodeRepository(), version.publishedTime(), details.licenses(), version.revision(),
                version.status().wireName(), origin(key, version.version())));
    }

    ListPackageVersionAssetsOutput listPackageVersionAssets(ListPackageVersionAssetsInput input,
                                                            CallContext context) {
        PackageKey key = key(input.domain(), input.domainOwner(), input.repository(), input.format(),
                input.namespace(), input.packageName(), context);
        String versionName = versionName(input.packageVersion());
        int limit = support.maxResults(input.maxResults());
        String after = support.after(input.nextToken());
        authorizedPackage(context, key);
        PackageVersion version = requireVersion(key, versionName);
        List<PackageAsset> assets = store.packages().listAssets(key, versionName).stream()
                .sorted(Comparator.comparing(PackageAsset::name))
                .filter(a -> after == null || a.name().compareTo(after) > 0)
                .limit(limit + 1L)
                .toList();
        Paging.Page<PackageAsset> page = Paging.of(assets, limit, PackageAsset::name);
        return new ListPackageVersionAssetsOutput(key.format(), key.namespaceOrNull(), key.name(), version.version(),
                version.revision(), page.nextToken(), page.items().stream().map(PackageOperations::summary).toList());
    }

    ListPackageVersionDependenciesOutput listPackageVersionDependencies(PackageVersionInput input,
                                                                        CallContext context) {
        PackageKey key = key(input.domain(), input.domainOwner(), input.repository(), input.format(),
                input.namespace(), input.packageName(), context);
        String versionName = versionName(input.packageVersion());
        support.after(input.nextToken());
        authorizedPackage(context, key);
        PackageVersion version = requireVersion(key, versionName);
        // All dependencies fit one page: there is never a next token.
        return new ListPackageVersionDependenciesOutput(key.format(), key.namespaceOrNull(), key.name(),
                version.version(), version.revision(), null, key.format().equals("maven")
                ? pomDependencies(key, versionName)
                : PackageVersionMetadata.dependencies(key.format(), version.metadata()));
    }

    /** What the version's POM declares; none without a POM (or with one too large to be a POM). */
    private List<PackageDependency> pomDependencies(PackageKey key, String versionName) {
        PackageAsset pom = store.packages().findAsset(key, versionName, key.name() + "-" + versionName + ".pom")
                .or(() -> store.packages().listAssets(key, versionName).stream()
                        .filter(a -> a.name().endsWith(".pom")).findFirst())
                .orElse(null);
        if (pom == null || pom.size() > MAX_POM_BYTES) {
            return List.of();
        }
        try (InputStream in = blobs.open(pom.blobKey()).orElse(null)) {
            return in == null ? List.of() : PomDependencies.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pom.name(), e);
        }
    }

    GetPackageVersionReadmeOutput getPackageVersionReadme(PackageVersionInput input, CallContext context) {
        PackageKey key = key(input.domain(), input.domainOwner(), input.repository(), input.format(),
                input.namespace(), input.packageName(), context);
        String versionName = versionName(input.packageVersion());
        authorizedPackage(context, key);
        PackageVersion version = requireVersion(key, versionName);
        return new GetPackageVersionReadmeOutput(key.format(), key.namespaceOrNull(), key.name(), version.version(),
                version.revision(), PackageVersionMetadata.readme(key.format(), version.metadata()));
    }

    GetPackageVersionAssetOutput getPackageVersionAsset(GetPackageVersionAssetInput input, CallContext context) {
        PackageKey key = key(input.domain(), input.domainOwner(), input.repository(), input.format(),
                input.namespace(), input.packageName(), context);
        String versionName = versionName(input.packageVersion());
        String assetName = support.validation.requiredString("asset", input.asset(), 1, 255, ASSET_NAME);
        String revision = support.validation.optionalString("packageVersionRevision",
                input.packageVersionRevision(), 1, 50, CodeArtifactSupport.NON_BLANK);
        authorizedPackage(context, key);
        PackageVersion version = requireVersion(key, versionName);
        if (revision != null && !revision.equals(version.revision())) {
            throw CodeArtifactErrors.NOT_FOUND.exception("Revision %s of package version %s not found.", revision,
                    versionName);
        }
        if (!version.status().isDownloadable()) {
            throw CodeArtifactErrors.CONFLICT.exception(
                    "Package version %s is %s: its assets cannot be downloaded.", versionName,
                    version.status().wireName());
        }
        PackageAsset asset = store.packages().findAsset(key, versionName, assetName)
                .orElseThrow(() -> CodeArtifactErrors.NOT_FOUND.exception(
                        "Asset %s not found in package version %s.", assetName, versionName));
        InputStream bytes = blobs.open(asset.blobKey()).orElseThrow(() -> CodeArtifactErrors.INTERNAL.exception(
                "The bytes of asset %s are missing.", assetName));
        return new GetPackageVersionAssetOutput(new StreamedBody(asset.size(), bytes), asset.name(), version.version(), version.revision());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Authorizes the action on the package's ARN, then finds its domain, repository and the package itself. */
    private HostedPackage authorizedPackage(CallContext context, PackageKey key) {
        authorize(context, key.domainOwner(), key.domainName(), key.repository(), key.arn(region));
        requireRepository(key.domainOwner(), key.domainName(), key.repository());
        return store.packages().findPackage(key).orElseThrow(() -> CodeArtifactErrors.NOT_FOUND.exception(
                "Package %s not found in repository %s.", displayed(key), key.repository()));
    }

    private void authorize(CallContext context, String owner, String domain, String repository, String arn) {
        support.authorizeInRepository(context, owner, domain, repository, arn);
    }

    private void requireRepository(String owner, String domain, String repository) {
        if (store.domains().find(owner, domain).isEmpty()) {
            throw CodeArtifactErrors.NOT_FOUND.exception("Domain %s owned by %s not found.", domain, owner);
        }
        if (store.repositories().find(owner, domain, repository).isEmpty()) {
            throw CodeArtifactErrors.NOT_FOUND.exception("Repository %s not found in domain %s.", repository, domain);
        }
    }

    private PackageVersion requireVersion(PackageKey key, String version) {
        return store.packages().findVersion(key, version).orElseThrow(() -> CodeArtifactErrors.NOT_FOUND.exception(
                "Package version %s of %s not found in repository %s.", version, displayed(key), key.repository()));
    }

    private PackageKey key(String domainValue, String ownerValue, String repositoryValue, String formatValue,
                           String namespaceValue, String packageValue, CallContext context) {
        String domain = support.domainName(domainValue);
        String owner = support.owner(ownerValue, context);
        String repository = support.repositoryName("repository", repositoryValue);
        String format = format(formatValue, true);
        String namespace = part("namespace", namespaceValue, false);
        String name = part("package", packageValue, true);
        return new PackageKey(owner, domain, repository, format, namespace, name(format, name));
    }

    /** PyPI names are matched normalized (PEP 503), as the package endpoints store them. */
    private static String name(String format, String name) {
        return "pypi".equals(format) ? ProjectNames.normalize(name) : name;
    }

    private String format(String value, boolean required) {
        if (value == null && !required) {
            return null;
        }
        support.validation.required("format", value);
        if (!MODEL_FORMATS.contains(value)) {
            throw enumFailure("format", value, "npm, pypi, maven, nuget, generic, ruby, swift, cargo");
        }
        return value;
    }

    private String part(String member, String value, boolean required) {
        return required ? support.validation.requiredString(member, value, 1, 255, PACKAGE_PART)
                : support.validation.optionalString(member, value, 1, 255, PACKAGE_PART);
    }

    private String versionName(String value) {
        return support.validation.requiredString("packageVersion", value, 1, 255, PACKAGE_PART);
    }

    private PackageVersionStatus status(String value) {
        if (value == null) {
            return null;
        }
        try {
            return PackageVersionStatus.ofWireName(value);
        } catch (IllegalArgumentException e) {
            throw enumFailure("status", value, "Published, Unfinished, Unlisted, Archived, Disposed, Deleted");
        }
    }

    private String allowOrBlock(String member, String value) {
        if (value != null && !value.equals("ALLOW") && !value.equals("BLOCK")) {
            throw enumFailure(member, value, "ALLOW, BLOCK");
        }
        return value;
    }

    private ServiceException enumFailure(String member, String value, String allowed) {
        return support.validation.fail("Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: Member must satisfy enum value set: [" + allowed + "]");
    }

    /** npm: the version the latest tag names; otherwise (and without one) the most recently published version. */
    private String defaultDisplayVersion(PackageKey key, List<PackageVersion> versions) {
        if (key.format().equals("npm")) {
            String latest = store.packages().distTags(key).get("latest");
            if (latest != null) {
                return latest;
            }
        }
        return versions.stream().filter(v -> v.status() == PackageVersionStatus.PUBLISHED)
                .max(Comparator.comparing(PackageVersion::publishedTime)).map(PackageVersion::version).orElse(null);
    }

    /** Where the version entered the domain: the repository it was published to, or the external connection. */
    private PackageVersionOrigin origin(PackageKey key, String version) {
        io.gatepass.core.codeartifact.PackageVersionOrigin origin = store.packages().versionOrigin(key, version)
                .orElse(io.gatepass.core.codeartifact.PackageVersionOrigin.published(key.repository()));
        return new PackageVersionOrigin(origin.isExternal()
                ? new DomainEntryPoint(null, origin.externalConnection())
                : new DomainEntryPoint(origin.repository(), null), origin.originType());
    }

    private static AssetSummary summary(PackageAsset asset) {
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put("MD5", asset.md5());
        hashes.put("SHA-1", asset.sha1());
        hashes.put("SHA-256", asset.sha256());
        hashes.put("SHA-512", asset.sha512());
        return new AssetSummary(asset.name(), asset.size(), hashes);
    }

    private static long nanos(Instant time) {
        return time.getEpochSecond() * 1_000_000_000L + time.getNano();
    }

    private static String displayed(PackageKey key) {
        return key.namespace().isEmpty() ? key.name() : key.namespace() + "/" + key.name();
    }

    private static RestRoute repository(RestRoute route) {
        return route.query("domain", "domain").query("domain-owner", "domainOwner")
                .query("repository", "repository");
    }

    private static RestRoute pkg(RestRoute route) {
        return repository(route).query("format", "format").query("namespace", "namespace")
                .query("package", "package");
    }

    private static RestRoute version(RestRoute route) {
        return pkg(route).query("version", "packageVersion");
    }

    private static RestRoute paged(RestRoute route) {
        return route.query("max-results", "maxResults").query("next-token", "nextToken");
    }
}
