package io.gatepass.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link PolicyEvaluator#matchesPrincipal}. */
class PrincipalMatcherTest {
    private static final String ACCOUNT = "123456789012";
    private static final String OTHER_ACCOUNT = "210987654321";
    private static final String ROOT = "arn:aws:iam::123456789012:root";
    private static final String ALICE = "arn:aws:iam::123456789012:user/alice";
    private static final String BOB = "arn:aws:iam::123456789012:user/bob";
    private static final String ROLE = "arn:aws:iam::123456789012:role/deployer";
    private static final String ROLE_WITH_PATH = "arn:aws:iam::123456789012:role/ci/deployer";
    private static final String SESSION = "arn:aws:sts::123456789012:assumed-role/deployer/build-42";
    private static final String OTHER_SESSION = "arn:aws:sts::123456789012:assumed-role/deployer/build-43";
    private static final String OTHER_ROLE_SESSION = "arn:aws:sts::123456789012:assumed-role/auditor/build-42";
    private static final String STRANGER = "arn:aws:iam::210987654321:user/mallory";
    private static final String GAMELIFT = "gamelift.amazonaws.com";

    private static boolean matches(String type, String value, String caller) {
        String account = caller != null && caller.startsWith("arn:") ? caller.split(":")[4] : null;
        return PolicyEvaluator.matchesPrincipal(new PrincipalSet(Map.of(type, List.of(value))),
                new RequestContext(caller, account, "sts:AssumeRole", "*"));
    }

    @ParameterizedTest(name = "[{index}] {0} {1} vs {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            // anyone
            "AWS|*|" + ALICE + "|true",
            "AWS|*|" + SESSION + "|true",
            "AWS|*|" + GAMELIFT + "|true",
            // the account, as an id or as its root ARN
            "AWS|" + ACCOUNT + "|" + ROOT + "|true",
            "AWS|" + ACCOUNT + "|" + ALICE + "|true",
            "AWS|" + ACCOUNT + "|" + SESSION + "|true",
            "AWS|" + ACCOUNT + "|" + STRANGER + "|false",
            "AWS|" + ROOT + "|" + ALICE + "|true",
            "AWS|" + ROOT + "|" + SESSION + "|true",
            "AWS|" + ROOT + "|" + STRANGER + "|false",
            "AWS|" + OTHER_ACCOUNT + "|" + STRANGER + "|true",
            // a user: exactly that user
            "AWS|" + ALICE + "|" + ALICE + "|true",
            "AWS|" + ALICE + "|" + BOB + "|false",
            "AWS|" + ALICE + "|" + ROOT + "|false",
            "AWS|arn:aws:iam::123456789012:user/Alice|" + ALICE + "|false",
            // a role: the role and its sessions
            "AWS|" + ROLE + "|" + ROLE + "|true",
            "AWS|" + ROLE + "|" + SESSION + "|true",
            "AWS|" + ROLE + "|" + OTHER_SESSION + "|true",
            "AWS|" + ROLE + "|" + OTHER_ROLE_SESSION + "|false",
            "AWS|" + ROLE_WITH_PATH + "|" + SESSION + "|true",
            "AWS|" + ROLE + "|arn:aws:sts::210987654321:assumed-role/deployer/build-42|false",
            "AWS|" + ROLE + "|arn:aws-cn:sts::123456789012:assumed-role/deployer/build-42|false",
            "AWS|" + ROLE + "|" + ALICE + "|false",
            // a session: exactly that session
            "AWS|" + SESSION + "|" + SESSION + "|true",
            "AWS|" + SESSION + "|" + OTHER_SESSION + "|false",
            // services
            "Service|" + GAMELIFT + "|" + GAMELIFT + "|true",
            "Service|GameLift.amazonaws.com|" + GAMELIFT + "|true",
            "Service|" + GAMELIFT + "|codeartifact.amazonaws.com|false",
            "Service|" + GAMELIFT + "|" + ALICE + "|false",
            "AWS|" + ACCOUNT + "|" + GAMELIFT + "|false",
            // federation
            "Federated|arn:aws:iam::123456789012:oidc-provider/token.example.com|"
                    + "arn:aws:iam::123456789012:oidc-provider/token.example.com|true",
            "Federated|arn:aws:iam::123456789012:oidc-provider/token.example.com|" + ALICE + "|false",
    })
    void matchesPrincipal_whenPrincipalNamed_matchesIamRules(String type, String value, String caller,
                                                              boolean expected) {
        assertThat(matches(type, value, caller)).isEqualTo(expected);
    }

    @Test
    void matchesPrincipal_whenCallerAnonymous_onlyStarMatches() {
        assertThat(matches("AWS", "*", null)).isTrue();
        assertThat(matches("AWS", ACCOUNT, null)).isFalse();
        assertThat(matches("AWS", ROOT, null)).isFalse();
        assertThat(matches("Service", GAMELIFT, null)).isFalse();
        assertThat(matches("Federated", "cognito-identity.amazonaws.com", null)).isFalse();
    }

    @Test
    void matchesPrincipal_whenAccountIdGivenInContext_usedForAccountMatch() {
        PrincipalSet account = new PrincipalSet(Map.of("AWS", List.of(ACCOUNT)));

        assertThat(PolicyEvaluator.matchesPrincipal(account,
                new RequestContext(ALICE, ACCOUNT, "sts:AssumeRole", "*"))).isTrue();
        assertThat(PolicyEvaluator.matchesPrincipal(account,
                new RequestContext(ALICE, null, "sts:AssumeRole", "*"))).isTrue();
        assertThat(PolicyEvaluator.matchesPrincipal(account,
                new RequestContext(ALICE, OTHER_ACCOUNT, "sts:AssumeRole", "*"))).isFalse();
    }

    @Test
    void matchesPrincipal_whenSeveralValuesAndTypes_anyOneMatches() {
        PrincipalSet principals = new PrincipalSet(Map.of(
                "AWS", List.of(BOB, ROLE),
                "Service", List.of(GAMELIFT)));

        assertThat(PolicyEvaluator.matchesPrincipal(principals,
                new RequestContext(SESSION, ACCOUNT, "sts:AssumeRole", "*"))).isTrue();
        assertThat(PolicyEvaluator.matchesPrincipal(principals,
                new RequestContext(GAMELIFT, null, "sts:AssumeRole", "*"))).isTrue();
        assertThat(PolicyEvaluator.matchesPrincipal(principals,
                new RequestContext(ALICE, ACCOUNT, "sts:AssumeRole", "*"))).isFalse();
    }

    @Test
    void matchesPrincipal_whenParsedFromTrustPolicy_matchesSessionOfListedRole() {
        PolicyDocument trust = PolicyParserTest.resource("""
                {'Statement':{'Effect':'Allow','Principal':{'AWS':['arn:aws:iam::123456789012:role/ci/deployer']},
                 'Action':'sts:AssumeRole'}}""");

        assertThat(PolicyEvaluator.matchesPrincipal(trust.statements().get(0).principal(),
                new RequestContext(SESSION, ACCOUNT, "sts:AssumeRole", "*"))).isTrue();
    }
}
