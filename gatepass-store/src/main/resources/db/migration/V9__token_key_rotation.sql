-- Token key rotation in a cluster (see KeyRing and KeyRotation).
-- When a key may start signing: set once every live node has reported loading it; null until then (a key then signs
-- at the latest five minutes after its creation).
ALTER TABLE token_keys ADD COLUMN signs_from TIMESTAMP(6) WITH TIME ZONE;

-- Each node's heartbeat per key ring: the newest key it has loaded, and when it last said so. Rows of nodes gone for
-- a day are deleted.
CREATE TABLE token_key_nodes (
    purpose        VARCHAR(64) NOT NULL,
    node_id        VARCHAR(256) NOT NULL,
    newest_key_id  VARCHAR(128) NOT NULL,
    seen_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT token_key_nodes_pk PRIMARY KEY (purpose, node_id)
);

-- One row per scheduled rotation: the node whose insert succeeds adds the key, so one node rotates per period.
CREATE TABLE token_key_rotations (
    purpose     VARCHAR(64) NOT NULL,
    due_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    claimed_by  VARCHAR(256) NOT NULL,
    CONSTRAINT token_key_rotations_pk PRIMARY KEY (purpose, due_at)
);
