package io.gatepass.server.internal.api.codeartifact;

import io.gatepass.core.codeartifact.Domain;
import io.gatepass.core.id.IdGenerator;
import io.gatepass.server.internal.api.CallContext;
import io.gatepass.server.internal.api.Paging;
import io.gatepass.server.internal.api.Validation;
import io.gatepass.server.internal.auth.Authorizer;
import io.gatepass.store.Store;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What CodeArtifact operations share: the model's constraints, ARNs, domain lookup, authorization and paging. */
final class CodeArtifactSupport {
    static final Pattern DOMAIN_NAME = Pattern.compile("[a-z][a-z0-9\\-]{0,48}[a-z0-9]");
    static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    static final Pattern REPOSITORY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{1,99}");
    static final Pattern DESCRIPTION = Pattern.compile("\\P{C}*");
    static final Pattern NON_BLANK = Pattern.compile("\\S+");

    final Validation validation = new Validation(CodeArtifactErrors.VALIDATION);
    /** Where the revisions of policies and package versions come from. */
    final IdGenerator ids;
    private final Authorizer authorizer;
    private final Store store;
    private final String region;

    CodeArtifactSupport(Authorizer authorizer, Store store, String region, IdGenerator ids) {
        this.authorizer = authorizer;
        this.store = store;
        this.region = region;
        this.ids = ids;
    }

    String domainArn(String owner, String domain) {
        return "arn:aws:codeartifact:" + region + ":" + owner + ":domain/" + domain;
    }

    String repositoryArn(String owner, String domain, String repository) {
        return "arn:aws:codeartifact:" + region + ":" + owner + ":repository/" + domain + "/" + repository;
    }

    String domainName(String value) {
        // a valid name passes without a regex matcher (every GetAuthorizationToken names one); the rest get its error
        return isDomainName(value) ? value : validation.requiredString("domain", value, 2, 50, DOMAIN_NAME);
    }

    /** Whether {@code value} is 2 to 50 characters and matches {@link #DOMAIN_NAME}, checked character by character. */
    static boolean isDomainName(String value) {
        if (value == null || value.length() < 2 || value.length() > 50) {
            return false;
        }
        char first = value.charAt(0);
        char last = value.charAt(value.length() - 1);
        if (first < 'a' || first > 'z' || last == '-') {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The domain owner, defaulting to the caller's account. */
    String owner(String value, CallContext context) {
        return value == null ? context.principal().accountId()
                : validation.requiredString("domainOwner", value, 12, 12, ACCOUNT_ID);
    }

    String repositoryName(String member, String value) {
        return validation.requiredString(member, value, 2, 100, REPOSITORY_NAME);
    }

    int maxResults(Integer value) {
        Integer checked = validation.range("maxResults", value, 1, 1000);
        return checked == null ? 100 : checked;
    }

    String after(String nextToken) {
        if (nextToken == null) {
            return null;
        }
        validation.requiredString("nextToken", nextToken, 1, 2000, NON_BLANK);
        return Paging.after(nextToken)
                .orElseThrow(() -> CodeArtifactErrors.VALIDATION.exception("Invalid nextToken: %s", nextToken));
    }

    /** Runs a store listing whose continuation key came from a client; a key that is not one of ours is invalid. */
    <T> List<T> page(java.util.function.Supplier<List<T>> listing) {
        try {
            return listing.get();
        } catch (IllegalArgumentException e) {
            throw CodeArtifactErrors.VALIDATION.exception("Invalid nextToken.");
        }
    }

    /**
     * The domain, after the caller is authorized for the action on {@code resourceArn} (the domain or one of its
     * repositories), honouring the domain's permissions policy. A domain the caller cannot see is reported as
     * missing only to callers of the owning account.
     */
    Domain authorizedDomain(CallContext context, String owner, String name, String resourceArn,
                            Map<String, List<String>> conditions) {
        Domain domain = store.domains().find(owner, name).orElse(null);
        String policy = domain == null ? null
                : store.domainPolicies().find(owner, name).map(p -> p.document()).orElse(null);
        authorizer.authorize(context.principal(), context.action(), resourceArn, conditions, owner, policy);
        if (domain == null) {
            throw CodeArtifactErrors.NOT_FOUND.exception("Domain %s owned by %s not found.", name, owner);
        }
        return domain;
    }

    /** Authorizes an action that creates the domain (no domain, so no domain policy yet). */
    void authorizedDomainAbsent(CallContext context, String owner, String name, String arn) {
        authorizer.authorize(context.principal(), context.action(), arn, Map.of(), owner, null);
    }

    /** Authorizes an account-wide action (listings) on {@code *}. */
    void authorizeAccount(CallContext context) {
        authorizer.authorize(context.principal(), context.action(), "*", Map.of());
    }

    Domain authorizedDomain(CallContext context, String owner, String name) {
        return authorizedDomain(context, owner, name, domainArn(owner, name), Map.of());
    }

    /**
     * Authorizes the call's own action ({@code codeartifact:<Operation>}) on a repository's or package's ARN with the identity policies and the
     * permissions policies of the domain and of the repository (as the package endpoints decide), before anything
     * about the resources' existence is told.
     */
    void authorizeInRepository(CallContext context, String owner, String domain, String repository, String arn) {
        authorizeInRepository(context, context.action(), owner, domain, repository, arn);
    }

    /**
     * As {@link #authorizeInRepository(CallContext, String, String, String, String)}, for an action that is not the
     * call's own: AWS checks {@code codeartifact:AssociateWithDownstreamRepository} on each upstream a
     * CreateRepository or UpdateRepository names.
     */
    void authorizeInRepository(CallContext context, String action, String owner, String domain, String repository,
                               String arn) {
        List<String> policies = new java.util.ArrayList<>(2);
        store.domainPolicies().find(owner, domain).ifPresent(p -> policies.add(p.document()));
        store.repositoryPolicies().find(owner, domain, repository).ifPresent(p -> policies.add(p.document()));
        authorizer.authorizeWithResourcePolicies(context.principal(), action, arn, Map.of(), owner, policies);
    }
}
