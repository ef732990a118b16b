package io.gatepass.core.policy;

import java.util.List;
import java.util.Map;

/**
 * Whether a request's caller is one of the principals a statement names:
 * <ul>
 *   <li>{@code "*"} / {@code {"AWS": "*"}}: anyone, anonymous callers and services included;</li>
 *   <li>{@code {"AWS": "123456789012"}} or {@code "arn:aws:iam::123456789012:root"}: any AWS principal (root, user,
 *       role session) of that account;</li>
 *   <li>a user ARN: exactly that user; an assumed-role session ARN: exactly that session;</li>
 *   <li>a role ARN ({@code arn:aws:iam::A:role/path/R}): the role itself and every session of it
 *       ({@code arn:aws:sts::A:assumed-role/R/any}), since callers act as sessions;</li>
 *   <li>{@code Service}: a caller whose principal is that service name (case-insensitive);
 *       {@code Federated} and {@code CanonicalUser}: a caller with exactly that principal.</li>
 * </ul>
 * ARNs compare case-sensitively; wildcards other than the lone {@code *} are not principal syntax and match literally.
 */
final class PrincipalMatcher {
    private PrincipalMatcher() {
    }

    static boolean matches(PrincipalSet principals, RequestContext context) {
        for (Map.Entry<String, List<String>> entry : principals.values().entrySet()) {
            for (String value : entry.getValue()) {
                if (matchesOne(entry.getKey(), value, context)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesOne(String type, String value, RequestContext context) {
        String caller = context.principalArn();
        return switch (type) {
            case PrincipalSet.AWS -> "*".equals(value) || (caller != null && matchesAws(value, caller, context));
            case PrincipalSet.SERVICE -> caller != null && value.equalsIgnoreCase(caller);
            case PrincipalSet.FEDERATED, PrincipalSet.CANONICAL_USER -> value.equals(caller);
            default -> false;
        };
    }

    private static boolean matchesAws(String value, String caller, RequestContext context) {
        String[] callerArn = splitArn(caller);
        if (callerArn == null) {
            return false;   // not an AWS principal (a service or federated caller)
        }
        String callerAccount = context.accountId() != null ? context.accountId() : callerArn[4];
        if (isAccountId(value)) {
            return value.equals(callerAccount);
        }
        if (value.equals(caller)) {
            return true;
        }
        String[] arn = splitArn(value);
        if (arn == null || !"iam".equals(arn[2])) {
            return false;
        }
        if ("root".equals(arn[5])) {
            return arn[4].equals(callerAccount);
        }
        if (arn[5].startsWith("role/") && "sts".equals(callerArn[2]) && callerArn[5].startsWith("assumed-role/")) {
            String roleName = arn[5].substring(arn[5].lastIndexOf('/') + 1);
            String[] session = callerArn[5].split("/", -1);
            return session.length == 3 && session[1].equals(roleName)
                    && arn[1].equals(callerArn[1]) && arn[4].equals(callerArn[4]);
        }
        return false;
    }

    static boolean isAccountId(String value) {
        if (value.length() != 12) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code arn:partition:service:region:account:resource} as six parts, or null when it is not an ARN. */
    static String[] splitArn(String text) {
        String[] parts = text.split(":", 6);
        return parts.length == 6 && "arn".equals(parts[0]) ? parts : null;
    }
}
