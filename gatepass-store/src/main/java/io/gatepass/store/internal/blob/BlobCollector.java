package io.gatepass.store.internal.blob;

import io.gatepass.store.BlobStore;
import io.gatepass.store.PackageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Removes blobs no asset refers to any more. {@link #release} runs right after a version's assets went (delete,
 * dispose); it leaves a blob with an upload in flight alone (see {@link io.gatepass.store.BlobPins}), and
 * {@link #sweep} looks at those again once their upload was published or its pin lapsed. Each removal rechecks
 * references and pins under the blob's lock ({@link PackageStore#releaseBlob}), so a blob still referenced, or about
 * to be, is never removed. Failures are logged, never thrown: the bytes stay, which is safe.
 */
public final class BlobCollector {
    private static final Logger LOG = LoggerFactory.getLogger(BlobCollector.class);
    private static final int SWEEP_BATCH = 500;

    private final PackageStore packages;
    private final BlobStore blobs;

    public BlobCollector(PackageStore packages, BlobStore blobs) {
        this.packages = packages;
        this.blobs = blobs;
    }

    /** Removes those of these blobs nothing refers to and nothing is uploading; @return how many went. */
    public int release(Collection<String> blobKeys, Instant now) {
        int removed = 0;
        for (String key : blobKeys) {
            try {
                if (packages.releaseBlob(key, now, () -> blobs.delete(key))) {
                    removed++;
                }
            } catch (RuntimeException e) {
                LOG.warn("could not remove the unreferenced blob {}", key, e);
            }
        }
        return removed;
    }

    /** Looks again at blobs released while an upload was in flight; @return how many went. */
    public int sweep(Instant now) {
        int removed = 0;
        List<String> batch;
        String last = null;
        do {
            batch = packages.blobsToRecheck(now, SWEEP_BATCH);
            if (!batch.isEmpty() && batch.get(batch.size() - 1).equals(last)) {
                break; // nothing changed since the last batch (all still pinned or failing): next sweep
            }
            removed += release(batch, now);
            last = batch.isEmpty() ? null : batch.get(batch.size() - 1);
        } while (batch.size() == SWEEP_BATCH);
        return removed;
    }
}
