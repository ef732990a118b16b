package io.gatepass.core.policy;

import io.gatepass.core.policy.ConditionOperator.Parsed;
import io.gatepass.core.policy.ConditionOperator.SetQualifier;
import java.util.List;

/**
 * Decides whether a statement's conditions hold for a request, following IAM:
 * <ul>
 *   <li>all conditions of a statement must hold (operators ANDed, keys within an operator ANDed);
 *       the policy values of one key are ORed;</li>
 *   <li>condition keys are looked up case-insensitively; a key with no values counts as missing;</li>
 *   <li>a missing key: {@code ...IfExists} → true; {@code ForAllValues:} → true (vacuously);
 *       {@code ForAnyValue:} → false; otherwise positive operators → false and negated operators
 *       ({@code StringNotEquals}, {@code ArnNotLike}, ...) → true;</li>
 *   <li>a present key without prefix: positive operators hold if any request value matches any policy value,
 *       negated ones if no request value matches any policy value;</li>
 *   <li>{@code ForAnyValue:}/{@code ForAllValues:}: some/every request value v satisfies the operator, where v
 *       satisfies a positive operator if it matches any policy value and a negated one if it matches none;</li>
 *   <li>{@code Null}: value {@code true} holds when the key is missing, {@code false} when it is present.</li>
 * </ul>
 */
final class ConditionEvaluator {
    private ConditionEvaluator() {
    }

    static boolean allHold(List<Condition> conditions, RequestContext context) {
        for (Condition condition : conditions) {
            if (!holds(condition, context)) {
                return false;
            }
        }
        return true;
    }

    static boolean holds(Condition condition, RequestContext context) {
        Parsed op = ConditionOperator.parse(condition.operator())
                .orElseThrow(() -> new MalformedPolicyException(PolicyParser.SYNTAX_ERRORS));
        List<String> requestValues = context.conditionValues(condition.key());
        List<String> policyValues = condition.values();
        if (op.base() == ConditionOperator.NULL) {
            return nullCheck(requestValues.isEmpty(), policyValues);
        }
        if (requestValues.isEmpty()) {
            if (op.ifExists()) {
                return true;
            }
            return switch (op.qualifier()) {
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> false;
                case NONE -> op.base().negated;
            };
        }
        if (op.qualifier() == SetQualifier.NONE) {
            boolean anyMatch = false;
            for (String requestValue : requestValues) {
                if (matchesAnyPolicyValue(op.base(), requestValue, policyValues)) {
                    anyMatch = true;
                    break;
                }
            }
            return anyMatch != op.base().negated;
        }
        boolean forAll = op.qualifier() == SetQualifier.FOR_ALL_VALUES;
        for (String requestValue : requestValues) {
            boolean satisfied = matchesAnyPolicyValue(op.base(), requestValue, policyValues) != op.base().negated;
            if (forAll && !satisfied) {
                return false;
            }
            if (!forAll && satisfied) {
                return true;
            }
        }
        return forAll;
    }

    private static boolean matchesAnyPolicyValue(ConditionOperator base, String requestValue,
                                                 List<String> policyValues) {
        for (String policyValue : policyValues) {
            if (base.positiveMatch(requestValue, policyValue)) {
                return true;
            }
        }
        return false;
    }

    private static boolean nullCheck(boolean missing, List<String> policyValues) {
        for (String policyValue : policyValues) {
            if ("true".equalsIgnoreCase(policyValue) && missing) {
                return true;
            }
            if ("false".equalsIgnoreCase(policyValue) && !missing) {
                return true;
            }
        }
        return false;
    }
}
