package io.gatepass.core.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a policy is evaluated against: who asks, to do what, on which resource, with which condition keys.
 *
 * <p>The caller is an AWS principal ARN ({@code arn:aws:iam::123456789012:user/alice},
 * {@code arn:aws:sts::123456789012:assumed-role/deployer/session}, {@code ...:root}), a service principal name
 * ({@code gamelift.amazonaws.com}, with a null account) for requests a service makes, a federated provider for
 * web-identity federation, or null for an anonymous request.
 *
 * @param principalArn  the caller, see above; null when anonymous
 * @param accountId     the caller's account; null to take it from an AWS principal ARN
 * @param action        {@code service:Operation}, e.g. {@code gamelift:CreateFleet}
 * @param resource      the resource ARN, or {@code *} for operations without a resource
 * @param conditionKeys condition key → values; keys are case-insensitive (values of keys differing only in case are
 *                      merged), a key with no values is dropped (it counts as missing)
 */
public record RequestContext(String principalArn, String accountId, String action, String resource,
                             Map<String, List<String>> conditionKeys) {
    public RequestContext {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Map<String, List<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (conditionKeys != null) {
            conditionKeys.forEach((key, values) -> {
                if (values != null && !values.isEmpty()) {
                    keys.merge(key, List.copyOf(values), RequestContext::concat);
                }
            });
        }
        conditionKeys = Collections.unmodifiableMap(keys);
    }

    /** A context without condition keys. */
    public RequestContext(String principalArn, String accountId, String action, String resource) {
        this(principalArn, accountId, action, resource, Map.of());
    }

    /** The values of a condition key (looked up case-insensitively), or an empty list when it is missing. */
    public List<String> conditionValues(String key) {
        return conditionKeys.getOrDefault(key, List.of());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
