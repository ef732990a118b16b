package io.gatepass.server.internal.endpoints.packages.pypi;

/**
 * A checked {@code twine upload}: the file's metadata, name and type, and what was measured while it streamed to
 * the sink. Every digest the client sent matched.
 *
 * @param pyversion the {@code pyversion} field ({@code source} for sdists, a Python tag such as {@code py3} for wheels)
 */
public record LegacyUpload(CoreMetadata metadata, DistributionFilename file, String pyversion, long size,
                           FileDigests digests) {
}
