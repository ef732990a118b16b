package io.gatepass.core.policy;

import java.util.List;

/**
 * One statement of a policy document. Of each pair ({@code principal}/{@code notPrincipal}, {@code actions}/
 * {@code notActions}, {@code resources}/{@code notResources}) at most one is present; absent principals are null and
 * absent lists are empty. Patterns are kept as written.
 *
 * @param sid          the {@code Sid}, or null
 * @param effect       Allow or Deny
 * @param principal    the {@code Principal} element, or null
 * @param notPrincipal the {@code NotPrincipal} element, or null
 * @param actions      {@code Action} patterns ({@code service:Action}, wildcards {@code *} and {@code ?})
 * @param notActions   {@code NotAction} patterns
 * @param resources    {@code Resource} patterns (ARNs with wildcards, or {@code *})
 * @param notResources {@code NotResource} patterns
 * @param conditions   the {@code Condition} block flattened to one entry per operator and key; all must hold
 */
public record Statement(String sid, Effect effect, PrincipalSet principal, PrincipalSet notPrincipal,
                        List<String> actions, List<String> notActions, List<String> resources,
                        List<String> notResources, List<Condition> conditions) {
    public Statement {
        actions = copy(actions);
        notActions = copy(notActions);
        resources = copy(resources);
        notResources = copy(notResources);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    private static List<String> copy(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
