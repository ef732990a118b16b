package io.gatepass.server.internal.endpoints.packages.upstream;

import java.nio.file.Path;
import java.util.Map;

/**
 * An asset fetched from a public registry: spooled to {@code file} (the caller deletes it), its digests computed
 * while it streamed in, so checking it against the registry's checksum reads nothing again.
 *
 * @param file    the spooled bytes
 * @param size    how many
 * @param digests lower-case hex digest by algorithm name ({@code "SHA-1"}, ...), for the algorithms asked
 */
public record Download(Path file, long size, Map<String, String> digests) {
    public Download {
        digests = Map.copyOf(digests);
    }

    /** The hex digest of the bytes with {@code algorithm}, which must have been asked for. */
    public String digest(String algorithm) {
        String hex = digests.get(algorithm);
        if (hex == null) {
            throw new IllegalArgumentException(algorithm + " was not computed for this download");
        }
        return hex;
    }
}
