-- Game server processes connected over the GameLift server SDK websocket, so that every node sees them. The
-- connection itself lives in memory on the node that accepted it (node_id); a row exists from ProcessReady
-- (ActivateServerProcess) until the process ends (ProcessEnding, or lost without reconnecting).
--
-- Same conventions as V1-V3: one script for H2 2.x and PostgreSQL, ${name_collation} on fleet and compute names,
-- TIMESTAMP(6) WITH TIME ZONE in UTC. process_id is the SDK's pID (Gatepass accepts up to 256 characters); it is
-- unique per fleet and compute. A process goes with its compute: deregistering the compute, or deleting the fleet,
-- deletes its rows in the same statement.
-- status: ACTIVE (healthy), UNHEALTHY (reported unhealthy or missed heartbeats) or TERMINATING (sent TerminateProcess).

CREATE TABLE gamelift_server_processes (
    fleet_id        VARCHAR(128) ${name_collation} NOT NULL,
    compute_name    VARCHAR(128) ${name_collation} NOT NULL,
    process_id      VARCHAR(256) ${name_collation} NOT NULL,
    account_id      VARCHAR(12) NOT NULL,
    location_name   VARCHAR(64) ${name_collation} NOT NULL,
    status          VARCHAR(16) NOT NULL,
    port            INTEGER NOT NULL,
    node_id         VARCHAR(128) NOT NULL,
    sdk_version     VARCHAR(64),
    sdk_language    VARCHAR(32),
    activated_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_heartbeat  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT gamelift_server_processes_pk PRIMARY KEY (fleet_id, compute_name, process_id),
    CONSTRAINT gamelift_server_processes_compute_fk FOREIGN KEY (fleet_id, compute_name)
        REFERENCES gamelift_computes (fleet_id, compute_name) ON DELETE CASCADE
);
-- A node's processes, removed when it starts again (its connections did not survive the restart).
CREATE INDEX gamelift_server_processes_node_ix ON gamelift_server_processes (node_id);
