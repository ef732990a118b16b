package io.gatepass.server.internal.endpoints.packages.pypi;

import io.gatepass.store.BlobStore;
import io.gatepass.store.Store;
import io.gatepass.store.internal.blob.FileBlobStore;
import io.gatepass.store.testing.TestDatabase;

import java.nio.file.Path;

/** The PyPI format on the embedded store: H2 and blobs in files. */
class PypiFormatH2Test extends PypiFormatContract {
    @Override
    Store openStore() {
        return TestDatabase.H2.open();
    }

    @Override
    BlobStore blobStore(Store store, Path dir) {
        return new FileBlobStore(dir.resolve("blobs"));
    }
}
