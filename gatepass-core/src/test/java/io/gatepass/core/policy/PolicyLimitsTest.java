package io.gatepass.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyLimitsTest {

    @Test
    void nonWhitespaceLength_whenSpacesTabsAndNewlines_notCounted() {
        assertThat(PolicyLimits.nonWhitespaceLength("{ \"a\" :\t\"b\" }\r\n")).isEqualTo(9);
    }

    @Test
    void nonWhitespaceLength_whenEmpty_zero() {
        assertThat(PolicyLimits.nonWhitespaceLength("")).isZero();
        assertThat(PolicyLimits.nonWhitespaceLength(" \n\t ")).isZero();
    }

    @Test
    void nonWhitespaceLength_whenPrettyPrintedPolicy_equalsCompactLength() {
        String pretty = """
                {
                  "Version": "2012-10-17",
                  "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*" }
                }
                """;
        String compact = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\","
                + "\"Resource\":\"*\"}}";

        assertThat(PolicyLimits.nonWhitespaceLength(pretty)).isEqualTo(compact.length());
    }

    @Test
    void constants_whenRead_matchIamQuotas() {
        assertThat(PolicyLimits.USER_INLINE_POLICY_MAX).isEqualTo(2048);
        assertThat(PolicyLimits.ROLE_INLINE_POLICY_MAX).isEqualTo(10240);
        assertThat(PolicyLimits.TRUST_POLICY_MAX).isEqualTo(2048);
        assertThat(PolicyLimits.GROUP_INLINE_POLICY_MAX).isEqualTo(5120);
        assertThat(PolicyLimits.MANAGED_POLICY_MAX).isEqualTo(6144);
    }
}
