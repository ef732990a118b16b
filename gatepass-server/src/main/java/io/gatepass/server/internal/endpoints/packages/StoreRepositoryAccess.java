package io.gatepass.server.internal.endpoints.packages;

import io.gatepass.core.identity.Principal;
import io.gatepass.store.BlobStore;
import io.gatepass.store.PackageStore;

/** {@link RepositoryAccess} for one admitted request: the repository, the token's principal, the stores. */
final class StoreRepositoryAccess implements RepositoryAccess {
    private static final String READ = "codeartifact:ReadFromRepository";
    private final EndpointPath path;
    private final PackageFormat format;
    private final Principal principal;
    private final RepositoryPermissions permissions;
    private final PackageStore packages;
    private final BlobStore blobs;
    private final String endpointUrl;
    private final String region;
    private final io.gatepass.server.internal.endpoints.packages.upstream.Upstreams upstreams;

    StoreRepositoryAccess(EndpointPath path, PackageFormat format, Principal principal,
                          RepositoryPermissions permissions, PackageStore packages, BlobStore blobs,
                          String publicUrl, String region,
                          io.gatepass.server.internal.endpoints.packages.upstream.Upstreams upstreams) {
        this.upstreams = upstreams;
        this.path = path;
        this.format = format;
        this.principal = principal;
        this.permissions = permissions;
        this.packages = packages;
        this.blobs = blobs;
        this.endpointUrl = publicUrl + "/codeartifact/" + path.domain() + "-" + path.owner() + "/" + format.format()
                + "/" + path.repository() + "/";
        this.region = region;
    }

    @Override
    public String domainOwner() {
        return path.owner();
    }

    @Override
    public String domain() {
        return path.domain();
    }

    @Override
    public String repository() {
        return path.repository();
    }

    @Override
    public String format() {
        return format.format();
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public String principalArn() {
        return principal.arn();
    }

    @Override
    public String endpointUrl() {
        return endpointUrl;
    }

    @Override
    public void requireRead() {
        require(READ, repositoryArn());
    }

    @Override
    public boolean readKnownAllowed() {
        return permissions.knownAllowed(principal, READ, repositoryArn(), path.owner(), path.domain(),
                path.repository());
    }

    private String repositoryArn() {
        return "arn:aws:codeartifact:" + region + ":" + path.owner() + ":repository/" + path.domain() + "/"
                + path.repository();
    }

    @Override
    public void requirePublish(String namespaceOrNull, String normalizedName) {
        io.gatepass.core.codeartifact.PackageKey key = packageKey(namespaceOrNull, normalizedName);
        require("codeartifact:PublishPackageVersion", key.arn(region));
        if (packages.originRestrictions(key).map(r -> !r.publishAllowed()).orElse(false)) {
            throw PackageException.of(format, 403, "Publishing new versions of package " + (key.namespace().isEmpty()
                    ? "" : key.namespace() + "/") + key.name() + " to repository " + key.repository() + " is blocked"
                    + " by its package origin controls (publish: BLOCK; see 'aws codeartifact"
                    + " put-package-origin-configuration').");
        }
    }

    @Override
    public java.util.Optional<io.gatepass.server.internal.endpoints.packages.upstream.RepositoryUpstreams> upstreams() {
        return upstreams == null ? java.util.Optional.empty() : java.util.Optional.of(upstreams.of(path.owner(),
                path.domain(), path.repository(), format.format()));
    }

    private void require(String action, String resource) {
        String denial = permissions.denial(principal, action, resource, path.owner(), path.domain(),
                path.repository());
        if (denial != null) {
            throw PackageException.of(format, 403, denial);
        }
    }

    @Override
    public PackageStore packages() {
        return packages;
    }

    @Override
    public BlobStore blobs() {
        return blobs;
    }
}
