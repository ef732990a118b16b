package io.gatepass.server.internal.endpoints.packages;

import io.gatepass.core.identity.Principal;
import io.gatepass.core.identity.PrincipalType;
import io.gatepass.core.token.RepositoryTokenSubject;

/**
 * The principal a repository authorization token speaks for, rebuilt from the ARN it carries: the account's root,
 * an IAM user ({@code ...:user/[path/]name}) or an assumed-role session ({@code ...:assumed-role/role/session}),
 * whose permissions are then evaluated as if it had signed the request itself.
 */
final class TokenPrincipals {
    private TokenPrincipals() {
    }

    static Principal of(RepositoryTokenSubject subject) {
        String arn = subject.principalArn();
        String account = subject.accountId();
        int colon = arn.lastIndexOf(':');
        String resource = colon < 0 ? arn : arn.substring(colon + 1);
        if (resource.equals("root")) {
            return new Principal(account, arn, account, PrincipalType.ROOT, null, null, null);
        }
        if (resource.startsWith("assumed-role/")) {
            String[] parts = resource.split("/");
            String role = parts.length > 1 ? parts[1] : "";
            return new Principal(account, arn, role, PrincipalType.ASSUMED_ROLE, role, null, null);
        }
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        return new Principal(account, arn, name, PrincipalType.USER, name, null, null);
    }
}
