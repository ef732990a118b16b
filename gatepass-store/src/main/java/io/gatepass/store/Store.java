package io.gatepass.store;

/**
 * Everything Gatepass persists, behind one handle; open it with {@link Stores#open}. Every write is committed before
 * the method returns. The repositories are thread-safe.
 *
 * <p>Conventions shared by the repositories:
 * <ul>
 *   <li>{@code create} throws {@link DuplicateEntityException} when a uniqueness rule is hit; any other database
 *       failure is a {@link StoreException}. Their messages name the action (and SQLState), never the SQL or its
 *       values; the driver's exception is kept as the cause.</li>
 *   <li>Names IAM treats as unique ignoring case (users, roles, inline policies) are matched ignoring case and
 *       returned in the spelling they were stored with. GameLift names (locations, computes) and CodeArtifact names (domains,
 *       repositories) are case-sensitive and matched exactly.</li>
 *   <li>A write that breaks a reference between entities (a compute in a location its fleet does not have, deleting
 *       a location a fleet uses) throws {@link ReferenceViolationException}.</li>
 *   <li>Instants are kept to the microsecond (what {@code Clock.systemUTC()} gives on JDK 17); finer digits are
 *       dropped on write, so a read returns the written value truncated to microseconds.</li>
 * </ul>
 */
public interface Store extends AutoCloseable {
    AccountStore accounts();

    UserStore users();

    RoleStore roles();

    AccessKeyStore accessKeys();

    SessionStore sessions();

    InlinePolicyStore policies();

    LocationStore locations();

    FleetStore fleets();

    ComputeStore computes();

    TokenKeyStore tokenKeys();

    DomainStore domains();

    RepositoryStore repositories();

    DomainPolicyStore domainPolicies();

    /** Repository permissions policies. */
    RepositoryPolicyStore repositoryPolicies();

    /** Packages, versions, assets and dist-tags of the package repositories. */
    PackageStore packages();

    /**
     * Package bytes kept in the database itself (chunked), which every node sharing it can read; the server uses it
     * on PostgreSQL and keeps files under the data dir otherwise.
     */
    BlobStore databaseBlobs();

    /** True once migrations have run and a connection answers. */
    boolean isHealthy();

    /** "h2" or "postgresql". */
    String kind();

    @Override
    void close();
}
