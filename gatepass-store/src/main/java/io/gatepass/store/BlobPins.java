package io.gatepass.store;

import java.time.Clock;
import java.time.Duration;

/**
 * How a {@link BlobStore} tells the package store that an upload of a blob is in flight, before it looks whether the
 * bytes are there already: a blob that is pinned is never removed, so a publication of bytes identical to a blob
 * being disposed of cannot end up naming bytes that are gone. The publication unpins it in its own transaction.
 */
@FunctionalInterface
public interface BlobPins {
    /** How long a pin holds without its publication: far longer than anything between a put and its publish. */
    Duration HOLD = Duration.ofHours(1);

    /** For blob stores used without a package store (tests, tools). */
    BlobPins NONE = blobKey -> { };

    void pin(String blobKey);

    /** Pins in {@code packages}, each held for {@link #HOLD} from the clock's time. */
    static BlobPins of(PackageStore packages, Clock clock) {
        return blobKey -> packages.pinBlob(blobKey, clock.instant().plus(HOLD));
    }
}
