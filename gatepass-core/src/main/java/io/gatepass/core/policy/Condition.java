package io.gatepass.core.policy;

import java.util.List;

/**
 * One condition of a statement: an operator as written (with its optional {@code ForAnyValue:}/{@code ForAllValues:}
 * prefix and {@code IfExists} suffix), one condition key, and the values it is compared with (JSON numbers and
 * booleans are held as their text). A statement's conditions are ANDed; the values of one condition are ORed.
 *
 * @param operator e.g. {@code StringEquals}, {@code ForAnyValue:StringLikeIfExists}
 * @param key      the condition key as written, e.g. {@code aws:PrincipalTag/team}; matched case-insensitively
 * @param values   the policy values, possibly empty
 */
public record Condition(String operator, String key, List<String> values) {
    public Condition {
        values = List.copyOf(values);
    }
}
