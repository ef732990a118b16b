-- Uploads in flight per blob. A blob store pins a blob's key (uploads + 1) before it looks whether the bytes are
-- there already, and the publication that refers to them unpins it in its own transaction; removing an unreferenced
-- blob locks this row, so it can never run between a pin and the publication, and skips a blob pinned until a time
-- still to come. Rows without uploads in flight are removed with their blob, or by the sweep.
CREATE TABLE package_blob_pins (
    blob_key      VARCHAR(64) NOT NULL,
    uploads       INTEGER NOT NULL,
    pinned_until  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT package_blob_pins_pk PRIMARY KEY (blob_key)
);
