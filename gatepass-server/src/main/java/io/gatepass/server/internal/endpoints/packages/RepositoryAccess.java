package io.gatepass.server.internal.endpoints.packages;

import io.gatepass.core.codeartifact.PackageKey;
import io.gatepass.store.BlobStore;
import io.gatepass.store.PackageStore;

/**
 * The repository a package request is for, the caller the token names, and what the format may use to answer it.
 * The front door makes one per request after it authenticated the token and found the repository; nothing is
 * authorized yet: call {@link #requireRead()} before answering any read (even a 404), and {@link #requirePublish}
 * before writing a package's version. Both decide with the caller's permissions at the time of the request (identity
 * policies, the domain's and the repository's permissions policies), and throw a 403 {@link PackageException}
 * rendered in the format's dialect.
 */
public interface RepositoryAccess {

    /** The domain's 12-digit owner. */
    String domainOwner();

    /** The domain name. */
    String domain();

    /** The repository name. */
    String repository();

    /** This request's format ("npm", "pypi", "maven"). */
    String format();

    /** The region the server answers for (in ARNs). */
    String region();

    /** The ARN of the principal the token was issued to. */
    String principalArn();

    /**
     * This repository's endpoint for this format, exactly as GetRepositoryEndpoint returns it:
     * {@code <public-url>/codeartifact/<domain>-<owner>/<format>/<repository>/} (ends with '/'). Use it to build
     * absolute URLs (npm tarball URLs, PyPI file links).
     */
    String endpointUrl();

    /** A package key in this repository and format. */
    default PackageKey packageKey(String namespaceOrNull, String normalizedName) {
        return new PackageKey(domainOwner(), domain(), repository(), format(), namespaceOrNull, normalizedName);
    }

    /**
     * Requires {@code codeartifact:ReadFromRepository} on the repository ARN.
     *
     * @throws PackageException 403 if the caller may not read this repository
     */
    void requireRead();

    /**
     * Whether {@link #requireRead()} is known to pass without blocking (a permission decision made less than a
     * second ago). False means only "not known": call {@code requireRead()} on a worker. For answers from memory
     * ({@link PackageFormat#answerFromMemory}).
     */
    default boolean readKnownAllowed() {
        return false;
    }

    /**
     * Requires {@code codeartifact:PublishPackageVersion} on the package's ARN
     * ({@code arn:aws:codeartifact:<region>:<owner>:package/<domain>/<repository>/<format>/<namespace>/<name>}).
     *
     * @param namespaceOrNull the package's namespace (npm scope without '@', Maven groupId), null for none
     * @param normalizedName  the package name as its key names it
     * @throws PackageException 403 if the caller may not publish it, or the package's origin controls block
     *                          publishing to this repository ({@code publish: BLOCK})
     */
    void requirePublish(String namespaceOrNull, String normalizedName);

    /**
     * This repository's upstream repositories and external connection, for reading through them (searching in
     * CodeArtifact's order, retaining what is found); empty when the server resolves no upstreams.
     */
    default java.util.Optional<io.gatepass.server.internal.endpoints.packages.upstream.RepositoryUpstreams> upstreams() {
        return java.util.Optional.empty();
    }

    /** Package metadata (scope calls with {@link #packageKey}). */
    PackageStore packages();

    /** Package bytes. */
    BlobStore blobs();
}
