-- GameLift Anywhere: custom locations, fleets, fleet locations, computes; and the signing keys of the token key rings.
--
-- Same conventions as V1: one script for H2 2.x and PostgreSQL, ${name_collation} (COLLATE "C" on PostgreSQL, empty
-- on H2) on the columns lists are ordered by, TIMESTAMP(6) WITH TIME ZONE in UTC. GameLift names are case-sensitive,
-- so they are stored once, as given, and compared exactly. Every fleet_id and location_name column carries the
-- collation, so that each foreign key joins columns of one collation.
-- Sizes follow the AWS GameLift model (botocore data/gamelift/2015-10-01): FleetId 128, FleetArn 512, ComputeArn 1024,
-- NonZeroAndMaxString (fleet name, description) 1024, ComputeName 128, LocationStringModel 64, IpAddress 128,
-- DnsNameInput 256. Location ARNs get 512, as other ARNs (the model's LocationArnModel allows 128).
--
-- References: a fleet location is a custom location of the fleet's account (deleting a location in use fails); a
-- compute is registered in a location of its fleet. Deleting a fleet cascades to its locations and, through them, to
-- their computes in the same statement, so a compute (and the registration id its tokens are bound to) never outlives
-- its fleet or fleet location, even when a RegisterCompute races a DeleteFleet.

CREATE TABLE gamelift_locations (
    account_id     VARCHAR(12) NOT NULL,
    location_name  VARCHAR(64) ${name_collation} NOT NULL,
    location_arn   VARCHAR(512) NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT gamelift_locations_pk PRIMARY KEY (account_id, location_name)
);

-- Fleet ids are unique across accounts (fleet-<uuid>); listings are per account, ordered by fleet id.
CREATE TABLE gamelift_fleets (
    fleet_id         VARCHAR(128) ${name_collation} NOT NULL,
    account_id       VARCHAR(12) NOT NULL,
    fleet_arn        VARCHAR(512) NOT NULL,
    fleet_name       VARCHAR(1024) NOT NULL,
    description      VARCHAR(1024),
    compute_type     VARCHAR(16) NOT NULL,
    status           VARCHAR(32) NOT NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    attributes_json  VARCHAR(65536),    -- remaining modelled attributes, opaque to the store
    CONSTRAINT gamelift_fleets_pk PRIMARY KEY (fleet_id)
);
CREATE INDEX gamelift_fleets_account_ix ON gamelift_fleets (account_id, fleet_id);

-- account_id repeats the fleet's, for the reference to the account's custom location.
CREATE TABLE gamelift_fleet_locations (
    fleet_id       VARCHAR(128) ${name_collation} NOT NULL,
    location_name  VARCHAR(64) ${name_collation} NOT NULL,
    account_id     VARCHAR(12) NOT NULL,
    status         VARCHAR(32) NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT gamelift_fleet_locations_pk PRIMARY KEY (fleet_id, location_name),
    CONSTRAINT gamelift_fleet_locations_fleet_fk FOREIGN KEY (fleet_id)
        REFERENCES gamelift_fleets (fleet_id) ON DELETE CASCADE,
    CONSTRAINT gamelift_fleet_locations_location_fk FOREIGN KEY (account_id, location_name)
        REFERENCES gamelift_locations (account_id, location_name)
);
-- "Is this location in use?" and the reference check when a location is deleted.
CREATE INDEX gamelift_fleet_locations_location_ix ON gamelift_fleet_locations (account_id, location_name);

-- registration_id is new for every registration; the token verifier looks computes up by it.
-- token_expiry: expiry of the compute auth token currently handed out (null before the first); compare-and-set.
CREATE TABLE gamelift_computes (
    fleet_id         VARCHAR(128) ${name_collation} NOT NULL,
    compute_name     VARCHAR(128) ${name_collation} NOT NULL,
    account_id       VARCHAR(12) NOT NULL,
    compute_arn      VARCHAR(1024) NOT NULL,
    ip_address       VARCHAR(128),
    dns_name         VARCHAR(256),
    location_name    VARCHAR(64) ${name_collation} NOT NULL,
    status           VARCHAR(16) NOT NULL,
    registration_id  VARCHAR(128) NOT NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    token_expiry     TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT gamelift_computes_pk PRIMARY KEY (fleet_id, compute_name),
    CONSTRAINT gamelift_computes_registration_uq UNIQUE (registration_id),
    CONSTRAINT gamelift_computes_location_fk FOREIGN KEY (fleet_id, location_name)
        REFERENCES gamelift_fleet_locations (fleet_id, location_name) ON DELETE CASCADE
);
-- ListCompute with a Location filter, countInLocation, and the cascade from a removed fleet location.
CREATE INDEX gamelift_computes_location_ix ON gamelift_computes (fleet_id, location_name, compute_name);

-- One key ring per purpose; created_seq breaks ties in "oldest first".
CREATE TABLE token_keys (
    purpose           VARCHAR(64) NOT NULL,
    key_id            VARCHAR(128) NOT NULL,
    encrypted_secret  VARCHAR(1024) NOT NULL,
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    retire_after      TIMESTAMP(6) WITH TIME ZONE,
    created_seq       BIGINT GENERATED ALWAYS AS IDENTITY,
    CONSTRAINT token_keys_pk PRIMARY KEY (purpose, key_id)
);
