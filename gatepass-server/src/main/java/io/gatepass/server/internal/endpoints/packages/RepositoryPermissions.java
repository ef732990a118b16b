package io.gatepass.server.internal.endpoints.packages;

import io.gatepass.core.error.ServiceException;
import io.gatepass.core.identity.Principal;
import io.gatepass.server.internal.auth.Authorizer;
import io.gatepass.store.Store;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a token's principal may do a CodeArtifact action on a repository or package, with the identity
 * policies, the domain's permissions policy and the repository's, through the one {@link Authorizer}. Decisions are
 * cached for {@link #TTL}, so a policy change takes effect within a second on every node.
 */
public final class RepositoryPermissions {
    /** How long a decision is reused. */
    public static final Duration TTL = Duration.ofSeconds(1);
    private static final int MAX_ENTRIES = 10_000;

    private record Question(String principalArn, String action, String resource, String owner, String domain,
                            String repository) {
    }

    private final Authorizer authorizer;
    private final Store store;
    private final ShortLivedCache<Question, Optional<String>> decisions;

    public RepositoryPermissions(Authorizer authorizer, Store store, Clock clock) {
        this(authorizer, store, clock, TTL);
    }

    /** Reusing decisions for {@code ttl} ({@link #TTL} in production). */
    public RepositoryPermissions(Authorizer authorizer, Store store, Clock clock, Duration ttl) {
        this.authorizer = authorizer;
        this.store = store;
        this.decisions = new ShortLivedCache<>(clock, ttl, MAX_ENTRIES);
    }

    /** Decides everything afresh (a policy, user or domain changed, here or on another node). */
    public void forgetAll() {
        decisions.clear();
    }

    /**
     * Null if allowed; else the denial's message (AWS's wording, naming the principal, action and resource).
     *
     * @param action e.g. {@code codeartifact:ReadFromRepository}
     */
    public String denial(Principal principal, String action, String resource, String owner, String domain,
                         String repository) {
        Question question = new Question(principal.arn(), action, resource, owner, domain, repository);
        return decisions.get(question, q -> Optional.ofNullable(decide(principal, q)), null).orElse(null);
    }

    /**
     * Whether a still-cached decision allows the action; false when it denies or nothing is cached (then ask
     * {@link #denial}, which may read the store). Never blocks.
     */
    public boolean knownAllowed(Principal principal, String action, String resource, String owner, String domain,
                                String repository) {
        Optional<String> cached = decisions.peek(new Question(principal.arn(), action, resource, owner, domain,
                repository));
        return cached != null && cached.isEmpty();
    }

    private String decide(Principal principal, Question q) {
        List<String> policies = new ArrayList<>(2);
        store.domainPolicies().find(q.owner(), q.domain()).ifPresent(p -> policies.add(p.document()));
        store.repositoryPolicies().find(q.owner(), q.domain(), q.repository())
                .ifPresent(p -> policies.add(p.document()));
        try {
            authorizer.authorizeWithResourcePolicies(principal, q.action(), q.resource(), Map.of(), q.owner(),
                    policies);
            return null;
        } catch (ServiceException denied) {
            return denied.getMessage();
        }
    }
}
