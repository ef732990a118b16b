package io.gatepass.server.internal.api.codeartifact;

import io.gatepass.core.codeartifact.Domain;
import io.gatepass.core.identity.Principal;
import io.gatepass.core.token.RepositoryTokenSubject;
import io.gatepass.core.token.RepositoryTokens;
import io.gatepass.core.token.TokenAuthority;
import io.gatepass.server.internal.api.CallContext;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.GetAuthorizationTokenInput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.GetAuthorizationTokenOutput;
import io.gatepass.server.internal.auth.Authorizer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * GetAuthorizationToken. The caller needs codeartifact:GetAuthorizationToken on the domain (and, from another
 * account, the domain's permissions policy too) and sts:GetServiceBearerToken, with the condition keys
 * sts:AWSServiceName = codeartifact.amazonaws.com and sts:DurationSeconds, as in AWS.
 */
final class AuthorizationTokenOperations {
    static final String SERVICE_NAME = "codeartifact.amazonaws.com";

    private final CodeArtifactSupport support;
    private final Authorizer authorizer;
    private final TokenAuthority<RepositoryTokenSubject, RepositoryTokens> tokens;

    AuthorizationTokenOperations(CodeArtifactSupport support, Authorizer authorizer,
                                 TokenAuthority<RepositoryTokenSubject, RepositoryTokens> tokens) {
        this.support = support;
        this.authorizer = authorizer;
        this.tokens = tokens;
    }

    GetAuthorizationTokenOutput getAuthorizationToken(GetAuthorizationTokenInput input, CallContext context) {
        String name = support.domainName(input.domain());
        String owner = support.owner(input.domainOwner(), context);
        Long duration = input.durationSeconds();
        if (duration != null && (duration < 0 || duration > 43200)) {
            throw support.validation.fail("Value '" + duration + "' at 'durationSeconds' failed to satisfy "
                    + "constraint: Member must have value between 0 and 43200");
        }
        Principal caller = context.principal();
        Instant expiry;
        try {
            expiry = RepositoryTokens.expiry(context.now(), duration, caller.sessionExpiration());
        } catch (IllegalArgumentException e) {
            throw CodeArtifactErrors.VALIDATION.exception(e.getMessage());
        }
        long seconds = Math.max(0, Duration.between(context.now(), expiry).toSeconds());
        authorizer.authorize(caller, "sts:GetServiceBearerToken", "*", Map.of(
                "sts:AWSServiceName", List.of(SERVICE_NAME),
                "sts:DurationSeconds", List.of(Long.toString(seconds))));
        Domain domain = support.authorizedDomain(context, owner, name,
                support.domainArn(owner, name), Map.of());
        RepositoryTokenSubject subject = new RepositoryTokenSubject(domain.owner(), domain.name(), domain.createdTime(),
                caller.arn(), caller.accountId());
        return new GetAuthorizationTokenOutput(tokens.mint(subject, expiry), expiry);
    }
}
