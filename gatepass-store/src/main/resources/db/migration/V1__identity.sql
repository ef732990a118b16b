-- Identity: accounts, IAM users and roles, access keys, STS sessions, inline policies.
--
-- One script for H2 2.x and PostgreSQL. ${name_collation} is a Flyway placeholder: COLLATE "C" on PostgreSQL (so that
-- folded names sort by code point whatever the database's locale), empty on H2 (which already compares that way).
-- Names that IAM treats as unique ignoring case are kept twice: *_lc, lower-cased (Locale.ROOT), is the key;
-- the other column keeps the spelling the client used.
-- Instants are TIMESTAMP(6) WITH TIME ZONE, written in UTC and truncated to the microsecond by the store.

CREATE TABLE accounts (
    account_id   VARCHAR(12) NOT NULL PRIMARY KEY,
    created_seq  BIGINT GENERATED ALWAYS AS IDENTITY,    -- creation order: the first row is the bootstrap account
    create_date  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE iam_users (
    account_id    VARCHAR(12) NOT NULL,
    user_name_lc  VARCHAR(64) ${name_collation} NOT NULL,
    user_name     VARCHAR(64) NOT NULL,
    user_id       VARCHAR(128) NOT NULL,
    path          VARCHAR(512) NOT NULL,
    create_date   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT iam_users_pk PRIMARY KEY (account_id, user_name_lc),
    CONSTRAINT iam_users_user_id_uq UNIQUE (user_id)
);

CREATE TABLE iam_roles (
    account_id                   VARCHAR(12) NOT NULL,
    role_name_lc                 VARCHAR(64) ${name_collation} NOT NULL,
    role_name                    VARCHAR(64) NOT NULL,
    role_id                      VARCHAR(128) NOT NULL,
    path                         VARCHAR(512) NOT NULL,
    assume_role_policy_document  VARCHAR(131072) NOT NULL,
    max_session_duration         INTEGER NOT NULL,
    description                  VARCHAR(1000),
    create_date                  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT iam_roles_pk PRIMARY KEY (account_id, role_name_lc),
    CONSTRAINT iam_roles_role_id_uq UNIQUE (role_id)
);

-- user_name IS NULL: a root key of the account.
CREATE TABLE access_keys (
    access_key_id     VARCHAR(128) NOT NULL PRIMARY KEY,
    account_id        VARCHAR(12) NOT NULL,
    user_name_lc      VARCHAR(64),
    user_name         VARCHAR(64),
    encrypted_secret  VARCHAR(1024) NOT NULL,
    status            VARCHAR(16) NOT NULL,
    create_date       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_seq       BIGINT GENERATED ALWAYS AS IDENTITY    -- breaks ties in "oldest first"
);
CREATE INDEX access_keys_owner_ix ON access_keys (account_id, user_name_lc);

CREATE TABLE sts_sessions (
    access_key_id       VARCHAR(128) NOT NULL PRIMARY KEY,
    account_id          VARCHAR(12) NOT NULL,
    encrypted_secret    VARCHAR(1024) NOT NULL,
    session_token_hash  VARCHAR(256) NOT NULL,
    user_name           VARCHAR(64),
    role_name           VARCHAR(64),
    role_id             VARCHAR(128),
    role_session_name   VARCHAR(64),
    source_arn          VARCHAR(2048),
    expiration          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    create_date         TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX sts_sessions_expiration_ix ON sts_sessions (expiration);

-- owner_kind is PolicyOwner.Kind: USER or ROLE.
CREATE TABLE inline_policies (
    account_id       VARCHAR(12) NOT NULL,
    owner_kind       VARCHAR(8) NOT NULL,
    owner_name_lc    VARCHAR(64) NOT NULL,
    policy_name_lc   VARCHAR(128) ${name_collation} NOT NULL,
    policy_name      VARCHAR(128) NOT NULL,
    policy_document  VARCHAR(131072) NOT NULL,
    CONSTRAINT inline_policies_pk PRIMARY KEY (account_id, owner_kind, owner_name_lc, policy_name_lc)
);
