-- CodeArtifact: domains, their repositories, and domain permissions policies.
--
-- Same conventions as V1 and V2: one script for H2 2.x and PostgreSQL, ${name_collation} (COLLATE "C" on PostgreSQL,
-- empty on H2) on the columns lists are ordered by, TIMESTAMP(6) WITH TIME ZONE in UTC. CodeArtifact names are
-- case-sensitive, so they are stored once, as given, and compared exactly. Every owner and name column carries the
-- collation, so that each foreign key joins columns of one collation.
-- Sizes follow the AWS CodeArtifact model (botocore data/codeartifact/2018-09-22): AccountId 12, DomainName 2..50,
-- RepositoryName 2..100, Arn 1..1011, Description 0..1000, PolicyDocument 1..7168, PolicyRevision 1..100.
--
-- References: a repository belongs to an existing domain, and a domain with repositories cannot be deleted (the
-- foreign key has no cascade: DeleteDomain answers ConflictException). A domain's policy goes with the domain
-- (cascade), in the same statement.

CREATE TABLE codeartifact_domains (
    domain_owner    VARCHAR(12) ${name_collation} NOT NULL,
    domain_name     VARCHAR(50) ${name_collation} NOT NULL,
    domain_arn      VARCHAR(1011) NOT NULL,
    status          VARCHAR(32) NOT NULL,
    encryption_key  VARCHAR(1011),
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT codeartifact_domains_pk PRIMARY KEY (domain_owner, domain_name)
);
-- ListDomains across owners: ordered by name, then owner.
CREATE INDEX codeartifact_domains_name_ix ON codeartifact_domains (domain_name, domain_owner);

-- upstreams: the upstream repository names in search order, joined with ',' (which repository names cannot hold);
-- NULL for none. At most 10 upstreams in CodeArtifact; the column leaves room for 100.
CREATE TABLE codeartifact_repositories (
    domain_owner           VARCHAR(12) ${name_collation} NOT NULL,
    domain_name            VARCHAR(50) ${name_collation} NOT NULL,
    repository_name        VARCHAR(100) ${name_collation} NOT NULL,
    repository_arn         VARCHAR(1011) NOT NULL,
    administrator_account  VARCHAR(12) NOT NULL,
    description            VARCHAR(1000),
    upstreams              VARCHAR(10100),
    created_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT codeartifact_repositories_pk PRIMARY KEY (domain_owner, domain_name, repository_name),
    CONSTRAINT codeartifact_repositories_domain_fk FOREIGN KEY (domain_owner, domain_name)
        REFERENCES codeartifact_domains (domain_owner, domain_name)
);
-- ListRepositories: the repositories an account administers, ordered by name, then domain, then owner.
CREATE INDEX codeartifact_repositories_admin_ix
    ON codeartifact_repositories (administrator_account, repository_name, domain_name, domain_owner);

CREATE TABLE codeartifact_domain_policies (
    domain_owner     VARCHAR(12) ${name_collation} NOT NULL,
    domain_name      VARCHAR(50) ${name_collation} NOT NULL,
    policy_document  VARCHAR(7168) NOT NULL,
    policy_revision  VARCHAR(100) NOT NULL,
    CONSTRAINT codeartifact_domain_policies_pk PRIMARY KEY (domain_owner, domain_name),
    CONSTRAINT codeartifact_domain_policies_domain_fk FOREIGN KEY (domain_owner, domain_name)
        REFERENCES codeartifact_domains (domain_owner, domain_name) ON DELETE CASCADE
);
