package io.gatepass.server.internal.endpoints.packages;

import io.gatepass.core.codeartifact.PackageChanges;
import io.gatepass.core.id.IdGenerator;

import java.time.Clock;

/**
 * What a format is constructed with: the server's clock (publication times) and ids (revisions), and the largest
 * asset it accepts (the front door enforces it on the body; formats may check decoded sizes against it).
 *
 * @param clock         the server's clock
 * @param maxAssetBytes the largest upload, in bytes
 * @param changes       changes made to packages outside the formats (the package APIs), for formats that cache
 * @param ids           the server's id generator (the revisions of the package versions a format stores)
 */
public record FormatContext(Clock clock, long maxAssetBytes, PackageChanges.Fanout changes, IdGenerator ids) {

    /** A context whose formats hear of no changes but their own, their ids from a secure random source. */
    public FormatContext(Clock clock, long maxAssetBytes) {
        this(clock, maxAssetBytes, new PackageChanges.Fanout(), IdGenerator.secure());
    }
}
