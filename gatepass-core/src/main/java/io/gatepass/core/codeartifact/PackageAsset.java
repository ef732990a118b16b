package io.gatepass.core.codeartifact;

import java.util.Objects;

/**
 * A file of a package version (an npm tarball, a wheel, a jar or POM), with its size and digests (lower-case hex) and
 * the key of its bytes in the blob store.
 *
 * @param name    the asset's file name, unique within the version (e.g. {@code lib-1.0.0.tgz},
 *                {@code lib-1.0-py3-none-any.whl}, {@code lib-1.0.jar})
 * @param size    bytes
 * @param md5     MD5, 32 hex digits
 * @param sha1    SHA-1, 40 hex digits
 * @param sha256  SHA-256, 64 hex digits
 * @param sha512  SHA-512, 128 hex digits
 * @param blobKey where the bytes are in the {@code BlobStore}
 */
public record PackageAsset(String name, long size, String md5, String sha1, String sha256, String sha512,
                           String blobKey) {
    public PackageAsset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(md5, "md5");
        Objects.requireNonNull(sha1, "sha1");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(sha512, "sha512");
        Objects.requireNonNull(blobKey, "blobKey");
        if (name.isEmpty() || size < 0) {
            throw new IllegalArgumentException("an asset has a name and a size of 0 or more");
        }
    }
}
