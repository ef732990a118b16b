package io.gatepass.core.policy;

import static io.gatepass.core.policy.PolicyParserTest.identity;
import static io.gatepass.core.policy.PolicyParserTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {
    private static final String ACCOUNT = "123456789012";
    private static final String ALICE = "arn:aws:iam::123456789012:user/alice";
    private static final String FLEET = "arn:aws:gamelift:us-east-1:123456789012:fleet/fleet-1";
    private static final String OTHER_FLEET = "arn:aws:gamelift:us-east-1:123456789012:fleet/fleet-2";

    private static RequestContext request(String action, String resource) {
        return new RequestContext(ALICE, ACCOUNT, action, resource);
    }

    private static RequestContext request(String action, String resource, Map<String, List<String>> keys) {
        return new RequestContext(ALICE, ACCOUNT, action, resource, keys);
    }

    private static Decision evaluate(RequestContext request, PolicyDocument... policies) {
        return PolicyEvaluator.evaluate(List.of(policies), request);
    }

    // ---- identity policies ----

    @Test
    void evaluate_whenNoPolicies_implicitDeny() {
        assertThat(evaluate(request("gamelift:CreateFleet", FLEET))).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void evaluate_whenAllowMatches_allow() {
        PolicyDocument policy = identity("{'Statement':{'Effect':'Allow','Action':'gamelift:*','Resource':'*'}}");

        assertThat(evaluate(request("gamelift:CreateFleet", FLEET), policy)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void evaluate_whenActionCaseDiffers_stillMatches() {
        PolicyDocument policy = identity("{'Statement':{'Effect':'Allow','Action':'GameLift:createfleet',"
                + "'Resource':'*'}}");

        assertThat(evaluate(request("gamelift:CreateFleet", FLEET), policy)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void evaluate_whenResourceCaseDiffers_implicitDeny() {
        PolicyDocument policy = identity("{'Statement':{'Effect':'Allow','Action':'*',"
                + "'Resource':'arn:aws:gamelift:us-east-1:123456789012:fleet/FLEET-1'}}");

        assertThat(evaluate(request("gamelift:CreateFleet", FLEET), policy)).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void evaluate_whenActionDoesNotMatch_implicitDeny() {
        PolicyDocument policy = identity("{'Statement':{'Effect':'Allow','Action':'iam:Get*','Resource':'*'}}");

        assertThat(evaluate(request("iam:DeleteUser", ALICE), policy)).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void evaluate_whenResourceDoesNotMatch_implicitDeny() {
        PolicyDocument policy = identity("{'Statement':{'Effect':'Allow','Action':'gamelift:*','Resource':'"
                + FLEET + "'}}");

        assertThat(evaluate(request("gamelift:DeleteFleet", OTHER_FLEET), policy)).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void evaluate_whenDenyAndAllowBothMatchInOnePolicy_explicitDeny() {
        PolicyDocument policy = identity("""
                {'Statement':[{'Effect':'Allow','Action':'*','Resource':'*'},
                              {'Effect':'Deny','Action':'gamelift:DeleteFleet','Resource':'*'}]}""");

        assertThat(evaluate(request("gamelift:DeleteFleet", FLEET), policy)).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(evaluate(request("gamelift:CreateFleet", FLEET), policy)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void evaluate_whenDenyIsInAnotherPolicy_explicitDenyRegardlessOfOrder() {
        PolicyDocument allow = identity("{'Statement':{'Effect':'Allow','Action':'*','Resource':'*'}}");
        PolicyDocument deny = identity("{'Statement':{'Effect':'Deny','Action':'*','Resource':'" + FLEET + "'}}");

        assertThat(evaluate(request("gamelift:DeleteFleet", FLEET), allow, deny)).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(evaluate(request("gamelift:DeleteFleet", FLEET), deny, allow)).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(evaluate(request("gamelift:DeleteFleet", OTHER_FLEET), deny, allow)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void evaluate_whenOnlyDenyPoliciesDoNotMatch_implicitDeny() {
        PolicyDocument deny = identity("{'Statement':{'Effect':'Deny','Action':'iam:*','Resource':'*'}}");

        assertThat(evaluate(request("gamelift:CreateFleet", FLEET), deny)).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void evaluate_whenAllowInSecondPolicy_allow() {
        PolicyDocument first = identity("{'Statement':{'Effect':'Allow','Action':'iam:*','Resource':'*'}}");
        PolicyDocument second = identity("{'Statement':{'Effect':'Allow','Action':'gamelift:*','Resource':'*'}}");

        assertThat(evaluate(request("gamelift:CreateFleet", FLEET), first, second)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void evaluate_whenNotActionExcludesTheAction_implicitDeny() {
        PolicyDocument policy = identity("{'Statement':{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}}");

        assertThat(evaluate(request("iam:CreateUser", ALICE), policy)).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(evaluate(request("gamelift:CreateFleet", FLEET), policy)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void evaluate_whenDenyWithNotAction_deniesEverythingElse() {
        PolicyDocument policy = identity("""
                {'Statement':[{'Effect':'Allow','Action':'*','Resource':'*'},
                              {'Effect':'Deny','NotAction':['iam:ChangePassword','sts:GetCallerIdentity'],
                               'Resource':'*'}]}""");

        assertThat(evaluate(request("iam:ChangePassword", ALICE), policy)).isEqualTo(Decision.ALLOW);
        assertThat(evaluate(request("gamelift:CreateFleet", FLEET), policy)).isEqualTo(Decision.EXPLICIT_DENY);
    }

    @Test
    void evaluate_whenNotResourceExcludesTheResource_implicitDeny() {
        PolicyDocument policy = identity("{'Statement':{'Effect':'Allow','Action':'gamelift:*','NotResource':'"
                + FLEET + "'}}");

        assertThat(evaluate(request("gamelift:DeleteFleet", FLEET), policy)).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(evaluate(request("gamelift:DeleteFleet", OTHER_FLEET), policy)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void evaluate_whenDenyWithNotResource_protectsAllButListed() {
        PolicyDocument policy = identity("""
                {'Statement':[{'Effect':'Allow','Action':'*','Resource':'*'},
                              {'Effect':'Deny','Action':'gamelift:DeleteFleet',
                               'NotResource':'arn:aws:gamelift:us-east-1:123456789012:fleet/fleet-1'}]}""");

        assertThat(evaluate(request("gamelift:DeleteFleet", FLEET), policy)).isEqualTo(Decision.ALLOW);
        assertThat(evaluate(request("gamelift:DeleteFleet", OTHER_FLEET), policy)).isEqualTo(Decision.EXPLICIT_DENY);
    }

    @Test
    void evaluate_whenResourceWildcardSpansPath_allow() {
        PolicyDocument policy = identity("{'Statement':{'Effect':'Allow','Action':'codeartifact:ReadFromRepository',"
                + "'Resource':'arn:aws:codeartifact:*:123456789012:repository/my-domain/*'}}");

        assertThat(evaluate(request("codeartifact:ReadFromRepository",
                "arn:aws:codeartifact:us-west-2:123456789012:repository/my-domain/npm-store"), policy))
                .isEqualTo(Decision.ALLOW);
        assertThat(evaluate(request("codeartifact:ReadFromRepository",
                "arn:aws:codeartifact:us-west-2:123456789012:repository/other/npm-store"), policy))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void evaluate_whenRequestResourceIsStar_onlyStarResourcesMatch() {
        PolicyDocument star = identity("{'Statement':{'Effect':'Allow','Action':'sts:*','Resource':'*'}}");
        PolicyDocument arn = identity("{'Statement':{'Effect':'Allow','Action':'sts:*',"
                + "'Resource':'arn:aws:sts::123456789012:*'}}");

        assertThat(evaluate(request("sts:GetCallerIdentity", "*"), star)).isEqualTo(Decision.ALLOW);
        assertThat(evaluate(request("sts:GetCallerIdentity", "*"), arn)).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void evaluate_whenConditionHolds_allow() {
        PolicyDocument policy = identity("""
                {'Statement':{'Effect':'Allow','Action':'*','Resource':'*',
                 'Condition':{'StringEquals':{'aws:RequestedRegion':['us-east-1','eu-west-1']}}}}""");

        assertThat(evaluate(request("gamelift:CreateFleet", FLEET,
                Map.of("aws:requestedregion", List.of("eu-west-1"))), policy)).isEqualTo(Decision.ALLOW);
        assertThat(evaluate(request("gamelift:CreateFleet", FLEET,
                Map.of("aws:RequestedRegion", List.of("ap-south-1"))), policy)).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(evaluate(request("gamelift:CreateFleet", FLEET), policy)).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void evaluate_whenSeveralKeysInOneOperator_allMustHold() {
        PolicyDocument policy = identity("""
                {'Statement':{'Effect':'Allow','Action':'*','Resource':'*',
                 'Condition':{'StringEquals':{'aws:username':'alice','aws:RequestedRegion':'us-east-1'}}}}""");

        assertThat(evaluate(request("iam:GetUser", ALICE, Map.of("aws:username", List.of("alice"),
                "aws:RequestedRegion", List.of("us-east-1"))), policy)).isEqualTo(Decision.ALLOW);
        assertThat(evaluate(request("iam:GetUser", ALICE, Map.of("aws:username", List.of("alice"),
                "aws:RequestedRegion", List.of("eu-west-1"))), policy)).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void evaluate_whenSeveralOperators_allMustHold() {
        PolicyDocument policy = identity("""
                {'Statement':{'Effect':'Allow','Action':'*','Resource':'*',
                 'Condition':{'StringLike':{'aws:username':'a*'},'Bool':{'aws:SecureTransport':true}}}}""");

        assertThat(evaluate(request("iam:GetUser", ALICE, Map.of("aws:username", List.of("alice"),
                "aws:SecureTransport", List.of("true"))), policy)).isEqualTo(Decision.ALLOW);
        assertThat(evaluate(request("iam:GetUser", ALICE, Map.of("aws:username", List.of("alice"),
                "aws:SecureTransport", List.of("false"))), policy)).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void evaluate_whenDenyConditionFails_denyDoesNotApply() {
        PolicyDocument policy = identity("""
                {'Statement':[{'Effect':'Allow','Action':'*','Resource':'*'},
                              {'Effect':'Deny','Action':'*','Resource':'*',
                               'Condition':{'Bool':{'aws:SecureTransport':'false'}}}]}""");

        assertThat(evaluate(request("iam:GetUser", ALICE, Map.of("aws:SecureTransport", List.of("true"))), policy))
                .isEqualTo(Decision.ALLOW);
        assertThat(evaluate(request("iam:GetUser", ALICE, Map.of("aws:SecureTransport", List.of("false"))), policy))
                .isEqualTo(Decision.EXPLICIT_DENY);
    }

    @Test
    void evaluate_whenDenyUsesNegatedOperatorAndKeyMissing_explicitDeny() {
        PolicyDocument policy = identity("""
                {'Statement':[{'Effect':'Allow','Action':'*','Resource':'*'},
                              {'Effect':'Deny','Action':'*','Resource':'*',
                               'Condition':{'StringNotEquals':{'aws:RequestedRegion':'us-east-1'}}}]}""");

        assertThat(evaluate(request("iam:GetUser", ALICE), policy)).isEqualTo(Decision.EXPLICIT_DENY);
    }

    @Test
    void evaluate_whenIdentityEvaluationGetsStatementWithPrincipal_principalStillChecked() {
        PolicyDocument policy = resource("{'Statement':{'Effect':'Allow','Principal':{'AWS':"
                + "'arn:aws:iam::123456789012:user/bob'},'Action':'*','Resource':'*'}}");

        assertThat(evaluate(request("iam:GetUser", ALICE), policy)).isEqualTo(Decision.IMPLICIT_DENY);
    }

    // ---- resource and trust policies ----

    private static final String TRUST = """
            {'Version':'2012-10-17','Statement':{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::123456789012:root'},
             'Action':'sts:AssumeRole'}}""";

    @Test
    void evaluateResourcePolicy_whenPrincipalAndActionMatch_allow() {
        assertThat(PolicyEvaluator.evaluateResourcePolicy(resource(TRUST),
                request("sts:AssumeRole", "arn:aws:iam::123456789012:role/deployer"))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void evaluateResourcePolicy_whenPrincipalFromOtherAccount_implicitDeny() {
        RequestContext stranger = new RequestContext("arn:aws:iam::210987654321:user/mallory", "210987654321",
                "sts:AssumeRole", "arn:aws:iam::123456789012:role/deployer");

        assertThat(PolicyEvaluator.evaluateResourcePolicy(resource(TRUST), stranger))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void evaluateResourcePolicy_whenActionDiffers_implicitDeny() {
        assertThat(PolicyEvaluator.evaluateResourcePolicy(resource(TRUST),
                request("sts:TagSession", "arn:aws:iam::123456789012:role/deployer")))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void evaluateResourcePolicy_whenNoPolicy_implicitDeny() {
        assertThat(PolicyEvaluator.evaluateResourcePolicy(null, request("sts:AssumeRole", "*")))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void evaluateResourcePolicy_whenDenyNamesTheCaller_explicitDeny() {
        PolicyDocument policy = resource("""
                {'Statement':[{'Effect':'Allow','Principal':'*','Action':'codeartifact:*'},
                              {'Effect':'Deny','Principal':{'AWS':'arn:aws:iam::123456789012:user/alice'},
                               'Action':'codeartifact:PublishPackageVersion'}]}""");

        assertThat(PolicyEvaluator.evaluateResourcePolicy(policy, request("codeartifact:PublishPackageVersion",
                "arn:aws:codeartifact:us-east-1:123456789012:package/d/r/npm//p"))).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(PolicyEvaluator.evaluateResourcePolicy(policy, request("codeartifact:ReadFromRepository",
                "arn:aws:codeartifact:us-east-1:123456789012:repository/d/r"))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void evaluateResourcePolicy_whenDenyWithNotPrincipal_deniesEveryoneElse() {
        PolicyDocument policy = resource("""
                {'Statement':[{'Effect':'Allow','Principal':'*','Action':'*'},
                              {'Effect':'Deny','NotPrincipal':{'AWS':'arn:aws:iam::123456789012:user/admin'},
                               'Action':'codeartifact:DeleteDomain'}]}""");
        RequestContext admin = new RequestContext("arn:aws:iam::123456789012:user/admin", ACCOUNT,
                "codeartifact:DeleteDomain", "arn:aws:codeartifact:us-east-1:123456789012:domain/d");

        assertThat(PolicyEvaluator.evaluateResourcePolicy(policy, admin)).isEqualTo(Decision.ALLOW);
        assertThat(PolicyEvaluator.evaluateResourcePolicy(policy, request("codeartifact:DeleteDomain",
                "arn:aws:codeartifact:us-east-1:123456789012:domain/d"))).isEqualTo(Decision.EXPLICIT_DENY);
    }

    @Test
    void evaluateResourcePolicy_whenResourceListed_resourceMustMatch() {
        PolicyDocument policy = resource("{'Statement':{'Effect':'Allow','Principal':'*','Action':'*',"
                + "'Resource':'" + FLEET + "'}}");

        assertThat(PolicyEvaluator.evaluateResourcePolicy(policy, request("gamelift:DescribeFleet", FLEET)))
                .isEqualTo(Decision.ALLOW);
        assertThat(PolicyEvaluator.evaluateResourcePolicy(policy, request("gamelift:DescribeFleet", OTHER_FLEET)))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void evaluateResourcePolicy_whenStatementNamesNoPrincipal_neverApplies() {
        PolicyDocument identityPolicy = identity("{'Statement':{'Effect':'Allow','Action':'*','Resource':'*'}}");

        assertThat(PolicyEvaluator.evaluateResourcePolicy(identityPolicy, request("sts:AssumeRole", "*")))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void evaluateResourcePolicy_whenTrustConditionOnExternalId_checked() {
        PolicyDocument policy = resource("""
                {'Statement':{'Effect':'Allow','Principal':{'AWS':'210987654321'},'Action':'sts:AssumeRole',
                 'Condition':{'StringEquals':{'sts:ExternalId':'s3cr3t'}}}}""");
        RequestContext withId = new RequestContext("arn:aws:iam::210987654321:user/partner", "210987654321",
                "sts:AssumeRole", "arn:aws:iam::123456789012:role/partner-access",
                Map.of("sts:ExternalId", List.of("s3cr3t")));
        RequestContext withoutId = new RequestContext("arn:aws:iam::210987654321:user/partner", "210987654321",
                "sts:AssumeRole", "arn:aws:iam::123456789012:role/partner-access");

        assertThat(PolicyEvaluator.evaluateResourcePolicy(policy, withId)).isEqualTo(Decision.ALLOW);
        assertThat(PolicyEvaluator.evaluateResourcePolicy(policy, withoutId)).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void isAllowed_whenDecisions_onlyAllowIsAllowed() {
        assertThat(Decision.ALLOW.isAllowed()).isTrue();
        assertThat(Decision.EXPLICIT_DENY.isAllowed()).isFalse();
        assertThat(Decision.IMPLICIT_DENY.isAllowed()).isFalse();
    }
}
