package io.gatepass.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionEvaluatorTest {
    private static final String KEY = "test:Key";
    private static final String MISSING = "-";

    /**
     * operator | policy values (;-separated) | request values (;-separated, "-" when the key is missing) | holds.
     */
    @ParameterizedTest(name = "[{index}] {0} {1} vs request {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            // StringEquals: exact, case-sensitive, no wildcards; policy values ORed
            "StringEquals|alice|alice|true",
            "StringEquals|alice|Alice|false",
            "StringEquals|alice;bob|bob|true",
            "StringEquals|a*|abc|false",
            "StringEquals|alice|-|false",
            "StringNotEquals|alice|bob|true",
            "StringNotEquals|alice|alice|false",
            "StringNotEquals|alice;bob|bob|false",
            "StringNotEquals|alice|-|true",
            "StringEqualsIgnoreCase|alice|ALICE|true",
            "StringEqualsIgnoreCase|alice|bob|false",
            "StringEqualsIgnoreCase|alice|-|false",
            "StringNotEqualsIgnoreCase|alice|ALICE|false",
            "StringNotEqualsIgnoreCase|alice|bob|true",
            "StringNotEqualsIgnoreCase|alice|-|true",
            "StringLike|env-*|env-prod|true",
            "StringLike|env-*|Env-prod|false",
            "StringLike|a?c|abc|true",
            "StringLike|x;env-*|env-|true",
            "StringLike|env-*|-|false",
            "StringNotLike|env-*|env-prod|false",
            "StringNotLike|env-*|dev|true",
            "StringNotLike|env-*|-|true",
            // Numeric: request value compared with policy value, as numbers
            "NumericEquals|10|10|true",
            "NumericEquals|10|10.0|true",
            "NumericEquals|10|11|false",
            "NumericEquals|10|ten|false",
            "NumericEquals|10|-|false",
            "NumericNotEquals|10|11|true",
            "NumericNotEquals|10|10|false",
            "NumericNotEquals|10|ten|true",
            "NumericNotEquals|10|-|true",
            "NumericLessThan|10|9|true",
            "NumericLessThan|10|10|false",
            "NumericLessThan|10|-1|true",
            "NumericLessThan|10|-|false",
            "NumericLessThanEquals|10|10|true",
            "NumericLessThanEquals|10|11|false",
            "NumericGreaterThan|10|11|true",
            "NumericGreaterThan|10|10|false",
            "NumericGreaterThanEquals|10|10|true",
            "NumericGreaterThanEquals|10|9|false",
            "NumericGreaterThanEquals|2.5|2.50|true",
            "NumericGreaterThanEquals|ten|10|false",
            // Date: ISO-8601 or epoch seconds, compared as instants
            "DateEquals|2020-01-01T00:00:00Z|1577836800|true",
            "DateEquals|2020-01-01|2020-01-01T00:00:00Z|true",
            "DateEquals|2020-01-01T01:00:00+01:00|2020-01-01T00:00:00Z|true",
            "DateEquals|2020-01-01T00:00:00Z|2020-01-01T00:00:01Z|false",
            "DateEquals|2020-01-01T00:00:00Z|-|false",
            "DateNotEquals|2020-01-01T00:00:00Z|2020-01-02T00:00:00Z|true",
            "DateNotEquals|2020-01-01T00:00:00Z|1577836800|false",
            "DateNotEquals|2020-01-01T00:00:00Z|-|true",
            "DateLessThan|2020-01-02T00:00:00Z|2020-01-01T23:59:59Z|true",
            "DateLessThan|2020-01-02T00:00:00Z|2020-01-02T00:00:00Z|false",
            "DateLessThan|2020-01-02T00:00:00Z|-|false",
            "DateLessThanEquals|2020-01-02T00:00:00Z|2020-01-02T00:00:00Z|true",
            "DateLessThanEquals|2020-01-02T00:00:00Z|2020-01-02T00:00:00.001Z|false",
            "DateGreaterThan|2020-01-01T00:00:00Z|1577836801|true",
            "DateGreaterThan|2020-01-01T00:00:00Z|1577836800|false",
            "DateGreaterThan|1577836800|1577836800.5|true",
            "DateGreaterThanEquals|2020-01-01T00:00:00Z|1577836800|true",
            "DateGreaterThanEquals|2020-01-01T00:00:00Z|1577836799|false",
            "DateGreaterThanEquals|2020-01-01T00:00:00Z|not a date|false",
            // Bool
            "Bool|true|true|true",
            "Bool|true|TRUE|true",
            "Bool|true|false|false",
            "Bool|false|false|true",
            "Bool|true|-|false",
            // Arn: case-sensitive, wildcards in ArnEquals too
            "ArnEquals|arn:aws:iam::123456789012:role/x|arn:aws:iam::123456789012:role/x|true",
            "ArnEquals|arn:aws:iam::123456789012:role/*|arn:aws:iam::123456789012:role/x|true",
            "ArnEquals|arn:aws:iam::123456789012:role/x|arn:aws:iam::123456789012:role/X|false",
            "ArnEquals|arn:aws:iam::123456789012:role/x|-|false",
            "ArnLike|arn:aws:iam::*:role/x|arn:aws:iam::123456789012:role/x|true",
            "ArnLike|arn:aws:iam::*:role/x|arn:aws:iam::123456789012:user/x|false",
            "ArnLike|arn:aws:iam::*:role/x|-|false",
            "ArnNotEquals|arn:aws:iam::123456789012:role/x|arn:aws:iam::123456789012:role/y|true",
            "ArnNotEquals|arn:aws:iam::123456789012:role/x|arn:aws:iam::123456789012:role/x|false",
            "ArnNotEquals|arn:aws:iam::123456789012:role/x|-|true",
            "ArnNotLike|arn:aws:iam::123456789012:role/*|arn:aws:iam::123456789012:role/y|false",
            "ArnNotLike|arn:aws:iam::123456789012:role/*|arn:aws:iam::123456789012:user/y|true",
            "ArnNotLike|arn:aws:iam::123456789012:role/*|-|true",
            // Null: true = the key must be missing, false = it must be present
            "Null|true|-|true",
            "Null|true|x|false",
            "Null|false|x|true",
            "Null|false|-|false",
            "Null|TRUE|-|true",
            // ...IfExists: a missing key holds; a present one is compared as usual
            "StringEqualsIfExists|a|-|true",
            "StringEqualsIfExists|a|a|true",
            "StringEqualsIfExists|a|b|false",
            "StringNotEqualsIfExists|a|-|true",
            "StringNotEqualsIfExists|a|a|false",
            "NumericLessThanIfExists|10|-|true",
            "NumericLessThanIfExists|10|11|false",
            "BoolIfExists|true|-|true",
            "BoolIfExists|true|false|false",
            "DateLessThanIfExists|2020-01-01|-|true",
            "ArnLikeIfExists|arn:*|-|true",
            // several request values without a set prefix: any value may match; negated: none may
            "StringEquals|a|x;a|true",
            "StringEquals|a|x;y|false",
            "StringNotEquals|a|x;a|false",
            "StringNotEquals|a|x;y|true",
            // ForAnyValue: at least one request value satisfies the operator; missing key → false
            "ForAnyValue:StringEquals|a;b|x;b|true",
            "ForAnyValue:StringEquals|a;b|x;y|false",
            "ForAnyValue:StringEquals|a;b|-|false",
            "ForAnyValue:StringEqualsIfExists|a;b|-|true",
            "ForAnyValue:StringNotEquals|a;b|a;x|true",
            "ForAnyValue:StringNotEquals|a;b|a;b|false",
            "ForAnyValue:StringNotEquals|a;b|-|false",
            "ForAnyValue:StringLike|env-*|other;env-x|true",
            "ForAnyValue:NumericGreaterThan|10|1;2;30|true",
            // ForAllValues: every request value satisfies the operator; missing key → true
            "ForAllValues:StringEquals|a;b|a;b|true",
            "ForAllValues:StringEquals|a;b|a|true",
            "ForAllValues:StringEquals|a;b|a;x|false",
            "ForAllValues:StringEquals|a;b|-|true",
            "ForAllValues:StringNotEquals|a;b|x;y|true",
            "ForAllValues:StringNotEquals|a;b|x;a|false",
            "ForAllValues:StringNotEquals|a;b|-|true",
            "ForAllValues:StringLike|env-*;team-*|env-a;team-b|true",
            "ForAllValues:StringLike|env-*;team-*|env-a;other|false",
            "ForAllValues:StringEqualsIgnoreCase|a;b|A;B|true",
            "ForAllValues:ArnLikeIfExists|arn:aws:iam::*:role/*|-|true",
    })
    void holds_whenOperatorApplied_followsIamTable(String operator, String policyValues, String requestValues,
                                                    boolean expected) {
        Condition condition = new Condition(operator, KEY, Arrays.asList(policyValues.split(";")));
        RequestContext context = MISSING.equals(requestValues)
                ? context(Map.of())
                : context(Map.of(KEY, Arrays.asList(requestValues.split(";"))));

        assertThat(ConditionEvaluator.holds(condition, context)).isEqualTo(expected);
    }

    @Test
    void holds_whenKeyCaseDiffers_keyStillFound() {
        Condition condition = new Condition("StringEquals", "AWS:USERNAME", List.of("alice"));

        assertThat(ConditionEvaluator.holds(condition, context(Map.of("aws:username", List.of("alice"))))).isTrue();
    }

    @Test
    void holds_whenRequestKeyHasNoValues_treatedAsMissing() {
        RequestContext context = context(Map.of(KEY, List.of()));

        assertThat(ConditionEvaluator.holds(new Condition("Null", KEY, List.of("true")), context)).isTrue();
        assertThat(ConditionEvaluator.holds(new Condition("StringEquals", KEY, List.of("a")), context)).isFalse();
    }

    @Test
    void holds_whenPolicyValuesEmpty_positiveFalseNegatedTrue() {
        RequestContext context = context(Map.of(KEY, List.of("a")));

        assertThat(ConditionEvaluator.holds(new Condition("StringEquals", KEY, List.of()), context)).isFalse();
        assertThat(ConditionEvaluator.holds(new Condition("StringNotEquals", KEY, List.of()), context)).isTrue();
    }

    @Test
    void allHold_whenEveryConditionHolds_true() {
        List<Condition> conditions = List.of(
                new Condition("StringEquals", "aws:username", List.of("alice")),
                new Condition("Bool", "aws:SecureTransport", List.of("true")));

        assertThat(ConditionEvaluator.allHold(conditions, context(Map.of(
                "aws:username", List.of("alice"), "aws:SecureTransport", List.of("true"))))).isTrue();
    }

    @Test
    void allHold_whenOneConditionFails_false() {
        List<Condition> conditions = List.of(
                new Condition("StringEquals", "aws:username", List.of("alice")),
                new Condition("Bool", "aws:SecureTransport", List.of("true")));

        assertThat(ConditionEvaluator.allHold(conditions, context(Map.of(
                "aws:username", List.of("alice"), "aws:SecureTransport", List.of("false"))))).isFalse();
    }

    @Test
    void allHold_whenNoConditions_true() {
        assertThat(ConditionEvaluator.allHold(List.of(), context(Map.of()))).isTrue();
    }

    @Test
    void holds_whenOperatorUnknown_throwsMalformed() {
        assertThatThrownBy(() -> ConditionEvaluator.holds(new Condition("StringSoundsLike", KEY, List.of("a")),
                context(Map.of())))
                .isInstanceOf(MalformedPolicyException.class);
    }

    @Test
    void parse_whenOperatorHasPrefixAndSuffix_takenApart() {
        assertThat(ConditionOperator.parse("ForAllValues:StringLikeIfExists")).contains(new ConditionOperator.Parsed(
                ConditionOperator.SetQualifier.FOR_ALL_VALUES, ConditionOperator.STRING_LIKE, true));
        assertThat(ConditionOperator.parse("StringEquals")).contains(new ConditionOperator.Parsed(
                ConditionOperator.SetQualifier.NONE, ConditionOperator.STRING_EQUALS, false));
        assertThat(ConditionOperator.parse("ForAnyValue:")).isEmpty();
        assertThat(ConditionOperator.parse("IfExists")).isEmpty();
        assertThat(ConditionOperator.parse("ForAnyValue:ForAllValues:StringEquals")).isEmpty();
    }

    @Test
    void parseDate_whenEpochTooLarge_null() {
        assertThat(ConditionOperator.parseDate("99999999999999999999")).isNull();
        assertThat(ConditionOperator.parseDate("9223372036854775807")).isNull();
    }

    private static RequestContext context(Map<String, List<String>> keys) {
        return new RequestContext("arn:aws:iam::123456789012:user/alice", "123456789012", "iam:GetUser", "*", keys);
    }
}
