package io.gatepass.server.internal.endpoints.packages.pypi;

/** Lower-case hex digests of an uploaded file, computed while it streamed in. */
public record FileDigests(String md5, String sha256, String blake2b256) {
}
