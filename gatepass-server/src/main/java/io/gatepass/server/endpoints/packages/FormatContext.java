package io.gatepass.server.endpoints.packages;

import java.time.Clock;

/**
 * What a format is constructed with: the server's clock (publication times, revisions) and the largest asset it
 * accepts (the front door enforces it on the body; formats may check decoded sizes against it).
 *
 * @param clock         the server's clock
 * @param maxAssetBytes the largest upload, in bytes
 */
public record FormatContext(Clock clock, long maxAssetBytes) {
}
