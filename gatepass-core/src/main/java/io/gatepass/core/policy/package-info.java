/**
 * IAM-lite: the IAM policy language and its evaluation, used to authorize every operation.
 *
 * <p>Entry points: {@link io.gatepass.core.policy.PolicyDocument#parse(String, PolicyKind)} turns policy JSON into an
 * immutable {@link io.gatepass.core.policy.PolicyDocument} or throws
 * {@link io.gatepass.core.policy.MalformedPolicyException} with IAM's wording;
 * {@link io.gatepass.core.policy.PolicyEvaluator} decides a {@link io.gatepass.core.policy.RequestContext} against
 * parsed policies; {@link io.gatepass.core.policy.PolicyLimits} holds IAM's size quotas.
 *
 * <p>Choices where IAM is loose or undocumented:
 * <ul>
 *   <li>Wildcards: {@code *} matches any run of characters and {@code ?} one character, in actions
 *       (case-insensitive), resources, {@code StringLike} and {@code Arn*} conditions (case-sensitive). In ARNs a
 *       {@code *} may span {@code :} and {@code /}; IAM matches {@code Arn*} conditions segment by segment, which
 *       differs only for patterns that would span the first five colons of a well-formed ARN.</li>
 *   <li>{@code ArnEquals} also takes wildcards, as IAM documents.</li>
 *   <li>Condition values that are not numbers (dates) never satisfy a positive {@code Numeric*} ({@code Date*})
 *       comparison, so the negated operators hold for them. Date values in a policy are checked when it is parsed
 *       ("The policy failed legacy parsing"); numeric ones are not, as in IAM.</li>
 *   <li>Duplicate JSON keys anywhere in a document are a syntax error, so no statement silently loses a field.</li>
 *   <li>Policy variables ({@code ${aws:username}}) are not substituted: they are literal text.</li>
 * </ul>
 */
package io.gatepass.core.policy;
