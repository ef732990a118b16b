package io.gatepass.core.policy;

/**
 * IAM's policy size quotas, counted in characters other than whitespace. Callers decide which applies and how to
 * report it; IAM answers {@code LimitExceeded} ("Cannot exceed quota for PolicySize: 6144") for managed policies and
 * {@code LimitExceeded} ("Maximum policy size of 2048 bytes exceeded for user alice") for inline ones. The inline
 * quotas are for the sum of all inline policies of the user, group or role.
 */
public final class PolicyLimits {
    /** All inline policies of one user together. */
    public static final int USER_INLINE_POLICY_MAX = 2048;
    /** All inline policies of one group together. */
    public static final int GROUP_INLINE_POLICY_MAX = 5120;
    /** All inline policies of one role together. */
    public static final int ROLE_INLINE_POLICY_MAX = 10240;
    /** A role trust policy (IAM's default quota). */
    public static final int TRUST_POLICY_MAX = 2048;
    /** One managed policy. */
    public static final int MANAGED_POLICY_MAX = 6144;

    private PolicyLimits() {
    }

    /** The number of characters that are not whitespace ({@link Character#isWhitespace}), as IAM counts size. */
    public static int nonWhitespaceLength(String policy) {
        int count = 0;
        for (int i = 0; i < policy.length(); i++) {
            if (!Character.isWhitespace(policy.charAt(i))) {
                count++;
            }
        }
        return count;
    }
}
