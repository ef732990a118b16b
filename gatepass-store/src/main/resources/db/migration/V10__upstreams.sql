-- Upstream repositories, external connections and package origin controls.
--
-- Same conventions as V3 and V6. A repository has at most one external connection (CodeArtifact's limit), so it is a
-- column of the repository: the connection's name (public:npmjs, public:pypi, public:maven-central, ...), NULL for
-- none. A package's origin restrictions (PutPackageOriginConfiguration) are ALLOW or BLOCK for direct publishing and
-- for versions from upstreams or external connections; NULL in both for packages created before this migration
-- (read as ALLOW, ALLOW). A version's origin says where it entered the domain: INTERNAL (published to this
-- repository) or EXTERNAL (from an external connection); for a version retained from an upstream repository, the
-- repository it was published to (or the external connection it came through) is kept as its entry point. NULL for
-- versions published before this migration (INTERNAL, here).

ALTER TABLE codeartifact_repositories ADD COLUMN external_connection VARCHAR(100);

ALTER TABLE codeartifact_packages ADD COLUMN origin_publish VARCHAR(5);
ALTER TABLE codeartifact_packages ADD COLUMN origin_upstream VARCHAR(5);

ALTER TABLE codeartifact_package_versions ADD COLUMN origin_type VARCHAR(8);
ALTER TABLE codeartifact_package_versions ADD COLUMN origin_repository VARCHAR(100);
ALTER TABLE codeartifact_package_versions ADD COLUMN origin_external_connection VARCHAR(100);
