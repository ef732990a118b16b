-- CodeArtifact package repositories: repository permissions policies, packages, versions, assets, npm dist-tags, and
-- the database blob store's chunks.
--
-- Same conventions as V1-V3: one script for H2 2.x and PostgreSQL, ${name_collation} on the columns lists are ordered
-- by and on every column of a foreign key, TIMESTAMP(6) WITH TIME ZONE in UTC. TEXT is a CLOB on H2 and text on
-- PostgreSQL; BYTEA is VARBINARY on H2 (at most 1,000,000 bytes a value: chunks are smaller) and bytea on PostgreSQL.
-- Package names are stored normalized (the format's rule) and compared exactly; a namespace of '' means none.
-- Everything of a repository goes with it (cascade); blobs are content-addressed and shared, so nothing refers to
-- them by foreign key.

CREATE TABLE codeartifact_repository_policies (
    domain_owner     VARCHAR(12) ${name_collation} NOT NULL,
    domain_name      VARCHAR(50) ${name_collation} NOT NULL,
    repository_name  VARCHAR(100) ${name_collation} NOT NULL,
    policy_document  VARCHAR(7168) NOT NULL,
    policy_revision  VARCHAR(100) NOT NULL,
    CONSTRAINT codeartifact_repository_policies_pk PRIMARY KEY (domain_owner, domain_name, repository_name),
    CONSTRAINT codeartifact_repository_policies_repository_fk FOREIGN KEY (domain_owner, domain_name, repository_name)
        REFERENCES codeartifact_repositories (domain_owner, domain_name, repository_name) ON DELETE CASCADE
);

CREATE TABLE codeartifact_packages (
    domain_owner       VARCHAR(12) ${name_collation} NOT NULL,
    domain_name        VARCHAR(50) ${name_collation} NOT NULL,
    repository_name    VARCHAR(100) ${name_collation} NOT NULL,
    package_format     VARCHAR(16) ${name_collation} NOT NULL,
    package_namespace  VARCHAR(255) ${name_collation} NOT NULL,
    package_name       VARCHAR(255) ${name_collation} NOT NULL,
    display_name       VARCHAR(255) NOT NULL,
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT codeartifact_packages_pk
        PRIMARY KEY (domain_owner, domain_name, repository_name, package_format, package_namespace, package_name),
    CONSTRAINT codeartifact_packages_repository_fk FOREIGN KEY (domain_owner, domain_name, repository_name)
        REFERENCES codeartifact_repositories (domain_owner, domain_name, repository_name) ON DELETE CASCADE
);

-- status: Published | Unfinished | Unlisted | Archived | Disposed | Deleted; metadata: the format's JSON, or NULL.
CREATE TABLE codeartifact_package_versions (
    domain_owner       VARCHAR(12) ${name_collation} NOT NULL,
    domain_name        VARCHAR(50) ${name_collation} NOT NULL,
    repository_name    VARCHAR(100) ${name_collation} NOT NULL,
    package_format     VARCHAR(16) ${name_collation} NOT NULL,
    package_namespace  VARCHAR(255) ${name_collation} NOT NULL,
    package_name       VARCHAR(255) ${name_collation} NOT NULL,
    package_version    VARCHAR(255) ${name_collation} NOT NULL,
    status             VARCHAR(16) NOT NULL,
    revision           VARCHAR(100) NOT NULL,
    published_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    metadata           TEXT,
    CONSTRAINT codeartifact_package_versions_pk PRIMARY KEY (domain_owner, domain_name, repository_name,
        package_format, package_namespace, package_name, package_version),
    CONSTRAINT codeartifact_package_versions_package_fk FOREIGN KEY (domain_owner, domain_name, repository_name,
        package_format, package_namespace, package_name)
        REFERENCES codeartifact_packages (domain_owner, domain_name, repository_name, package_format,
            package_namespace, package_name) ON DELETE CASCADE
);

CREATE TABLE codeartifact_package_assets (
    domain_owner       VARCHAR(12) ${name_collation} NOT NULL,
    domain_name        VARCHAR(50) ${name_collation} NOT NULL,
    repository_name    VARCHAR(100) ${name_collation} NOT NULL,
    package_format     VARCHAR(16) ${name_collation} NOT NULL,
    package_namespace  VARCHAR(255) ${name_collation} NOT NULL,
    package_name       VARCHAR(255) ${name_collation} NOT NULL,
    package_version    VARCHAR(255) ${name_collation} NOT NULL,
    asset_name         VARCHAR(255) ${name_collation} NOT NULL,
    size_bytes         BIGINT NOT NULL,
    md5                VARCHAR(32) NOT NULL,
    sha1               VARCHAR(40) NOT NULL,
    sha256             VARCHAR(64) NOT NULL,
    sha512             VARCHAR(128) NOT NULL,
    blob_key           VARCHAR(64) NOT NULL,
    CONSTRAINT codeartifact_package_assets_pk PRIMARY KEY (domain_owner, domain_name, repository_name,
        package_format, package_namespace, package_name, package_version, asset_name),
    CONSTRAINT codeartifact_package_assets_version_fk FOREIGN KEY (domain_owner, domain_name, repository_name,
        package_format, package_namespace, package_name, package_version)
        REFERENCES codeartifact_package_versions (domain_owner, domain_name, repository_name, package_format,
            package_namespace, package_name, package_version) ON DELETE CASCADE
);
CREATE INDEX codeartifact_package_assets_blob_ix ON codeartifact_package_assets (blob_key);

CREATE TABLE codeartifact_package_dist_tags (
    domain_owner       VARCHAR(12) ${name_collation} NOT NULL,
    domain_name        VARCHAR(50) ${name_collation} NOT NULL,
    repository_name    VARCHAR(100) ${name_collation} NOT NULL,
    package_format     VARCHAR(16) ${name_collation} NOT NULL,
    package_namespace  VARCHAR(255) ${name_collation} NOT NULL,
    package_name       VARCHAR(255) ${name_collation} NOT NULL,
    tag                VARCHAR(255) ${name_collation} NOT NULL,
    package_version    VARCHAR(255) ${name_collation} NOT NULL,
    CONSTRAINT codeartifact_package_dist_tags_pk PRIMARY KEY (domain_owner, domain_name, repository_name,
        package_format, package_namespace, package_name, tag),
    CONSTRAINT codeartifact_package_dist_tags_version_fk FOREIGN KEY (domain_owner, domain_name, repository_name,
        package_format, package_namespace, package_name, package_version)
        REFERENCES codeartifact_package_versions (domain_owner, domain_name, repository_name, package_format,
            package_namespace, package_name, package_version) ON DELETE CASCADE
);

-- The database blob store: one row per blob (written last, so a blob exists only once all its chunks do), its bytes
-- in chunks of at most 512 KiB in order.
CREATE TABLE package_blobs (
    blob_key    VARCHAR(64) NOT NULL,
    size_bytes  BIGINT NOT NULL,
    md5         VARCHAR(32) NOT NULL,
    sha1        VARCHAR(40) NOT NULL,
    sha512      VARCHAR(128) NOT NULL,
    CONSTRAINT package_blobs_pk PRIMARY KEY (blob_key)
);

CREATE TABLE package_blob_chunks (
    blob_key     VARCHAR(64) NOT NULL,
    chunk_index  INTEGER NOT NULL,
    data         BYTEA NOT NULL,
    CONSTRAINT package_blob_chunks_pk PRIMARY KEY (blob_key, chunk_index)
);
