package io.gatepass.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random checks of the evaluation rules; the seed and iteration are in every assertion message. */
class PolicyEvaluatorPropertyTest {
    private static final long SEED = 7_2026_11_23L;
    private static final int ITERATIONS = 5_000;

    private static final String ACCOUNT = "123456789012";
    private static final List<String> CALLERS = List.of("arn:aws:iam::123456789012:user/alice",
            "arn:aws:sts::123456789012:assumed-role/deployer/s1", "arn:aws:iam::210987654321:user/mallory");
    private static final List<String> ACTIONS = List.of("gamelift:CreateFleet", "gamelift:DeleteFleet",
            "iam:GetUser", "sts:AssumeRole", "codeartifact:GetAuthorizationToken");
    private static final List<String> ACTION_PATTERNS = List.of("*", "gamelift:*", "gamelift:Create*",
            "iam:Get?ser", "sts:AssumeRole", "GAMELIFT:deletefleet", "iam:*", "*:Get*", "codeartifact:*Token");
    private static final List<String> RESOURCES = List.of(
            "arn:aws:gamelift:us-east-1:123456789012:fleet/fleet-1",
            "arn:aws:gamelift:us-east-1:123456789012:fleet/fleet-2",
            "arn:aws:iam::123456789012:user/alice", "*");
    private static final List<String> RESOURCE_PATTERNS = List.of("*", "arn:aws:gamelift:*",
            "arn:aws:gamelift:us-east-1:123456789012:fleet/fleet-?", "arn:aws:iam::123456789012:user/alice",
            "arn:aws:iam::*:user/*", "arn:aws:gamelift:us-east-1:123456789012:fleet/fleet-2");
    private static final List<Condition> CONDITIONS = List.of(
            new Condition("StringEquals", "aws:username", List.of("alice")),
            new Condition("StringNotEquals", "aws:username", List.of("alice")),
            new Condition("Bool", "aws:SecureTransport", List.of("true")),
            new Condition("NumericLessThan", "test:Count", List.of("5")),
            new Condition("ForAllValues:StringLike", "aws:TagKeys", List.of("env*")),
            new Condition("Null", "test:Count", List.of("true")));
    private static final List<PrincipalSet> PRINCIPALS = List.of(
            new PrincipalSet(Map.of("AWS", List.of("*"))),
            new PrincipalSet(Map.of("AWS", List.of(ACCOUNT))),
            new PrincipalSet(Map.of("AWS", List.of("arn:aws:iam::123456789012:role/deployer"))),
            new PrincipalSet(Map.of("AWS", List.of("arn:aws:iam::123456789012:user/alice"))));

    @Test
    void evaluate_whenMatchingDenyAdded_neverAllow() {
        Random random = new Random(SEED);
        int allowedBefore = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            List<PolicyDocument> policies = randomIdentityPolicies(random);
            RequestContext request = randomRequest(random);
            Decision before = PolicyEvaluator.evaluate(policies, request);
            allowedBefore += before == Decision.ALLOW ? 1 : 0;

            List<PolicyDocument> withDeny = new ArrayList<>(policies);
            withDeny.add(random.nextInt(withDeny.size() + 1), new PolicyDocument("2012-10-17",
                    List.of(matchingDeny(random, request))));
            Decision after = PolicyEvaluator.evaluate(withDeny, request);

            assertThat(after)
                    .as("seed %d, iteration %d: before %s, request %s, policies %s", SEED, i, before, request, withDeny)
                    .isNotEqualTo(Decision.ALLOW)
                    .isEqualTo(Decision.EXPLICIT_DENY);
        }
        assertThat(allowedBefore).as("seed %d: requests allowed before the Deny was added", SEED)
                .isGreaterThan(ITERATIONS / 10);
    }

    @Test
    void evaluate_whenAnyDenyAdded_neverTurnsIntoAllow() {
        Random random = new Random(SEED + 1);
        int changed = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            List<PolicyDocument> policies = randomIdentityPolicies(random);
            RequestContext request = randomRequest(random);
            Decision before = PolicyEvaluator.evaluate(policies, request);

            List<PolicyDocument> withDeny = new ArrayList<>(policies);
            withDeny.add(new PolicyDocument(null, List.of(randomStatement(random, Effect.DENY, null))));
            Decision after = PolicyEvaluator.evaluate(withDeny, request);
            changed += before != after ? 1 : 0;

            String message = String.format("seed %d, iteration %d: %s → %s, request %s, policies %s",
                    SEED + 1, i, before, after, request, withDeny);
            if (before != Decision.ALLOW) {
                assertThat(after).as(message).isNotEqualTo(Decision.ALLOW);
            }
            if (before == Decision.EXPLICIT_DENY) {
                assertThat(after).as(message).isEqualTo(Decision.EXPLICIT_DENY);
            }
        }
        assertThat(changed).as("seed %d: decisions the added Deny changed", SEED + 1).isGreaterThan(ITERATIONS / 20);
    }

    @Test
    void evaluate_whenStatementsReorderedOrRegrouped_sameDecision() {
        Random random = new Random(SEED + 2);
        for (int i = 0; i < ITERATIONS; i++) {
            List<PolicyDocument> policies = randomIdentityPolicies(random);
            RequestContext request = randomRequest(random);
            List<Statement> all = new ArrayList<>();
            policies.forEach(p -> all.addAll(p.statements()));
            Collections.shuffle(all, random);
            List<PolicyDocument> regrouped = new ArrayList<>();
            for (Statement statement : all) {
                regrouped.add(new PolicyDocument("2012-10-17", List.of(statement)));
            }

            assertThat(PolicyEvaluator.evaluate(regrouped, request))
                    .as("seed %d, iteration %d: request %s, policies %s", SEED + 2, i, request, policies)
                    .isEqualTo(PolicyEvaluator.evaluate(policies, request));
        }
    }

    @Test
    void evaluateResourcePolicy_whenMatchingDenyForEveryoneAdded_explicitDeny() {
        Random random = new Random(SEED + 3);
        for (int i = 0; i < ITERATIONS; i++) {
            List<Statement> statements = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int s = 0; s < count; s++) {
                statements.add(randomStatement(random, random.nextBoolean() ? Effect.ALLOW : Effect.DENY,
                        pick(random, PRINCIPALS)));
            }
            RequestContext request = randomRequest(random);
            Decision before = PolicyEvaluator.evaluateResourcePolicy(new PolicyDocument(null, statements), request);
            Statement deny = matchingDeny(random, request);
            statements.add(random.nextInt(statements.size() + 1), new Statement(null, Effect.DENY,
                    new PrincipalSet(Map.of("AWS", List.of("*"))), null, deny.actions(), deny.notActions(),
                    deny.resources(), deny.notResources(), List.of()));

            assertThat(PolicyEvaluator.evaluateResourcePolicy(new PolicyDocument(null, statements), request))
                    .as("seed %d, iteration %d: before %s, request %s, statements %s",
                            SEED + 3, i, before, request, statements)
                    .isEqualTo(Decision.EXPLICIT_DENY);
        }
    }

    // ---- generators ----

    private static List<PolicyDocument> randomIdentityPolicies(Random random) {
        List<PolicyDocument> policies = new ArrayList<>();
        int count = random.nextInt(3);
        for (int p = 0; p < count; p++) {
            List<Statement> statements = new ArrayList<>();
            int statementCount = 1 + random.nextInt(3);
            for (int s = 0; s < statementCount; s++) {
                Effect effect = random.nextInt(3) == 0 ? Effect.DENY : Effect.ALLOW;
                statements.add(randomStatement(random, effect, null));
            }
            policies.add(new PolicyDocument("2012-10-17", statements));
        }
        return policies;
    }

    private static Statement randomStatement(Random random, Effect effect, PrincipalSet principal) {
        List<String> actions = randomSubset(random, ACTION_PATTERNS);
        List<String> resources = randomSubset(random, RESOURCE_PATTERNS);
        boolean notAction = random.nextInt(4) == 0;
        boolean notResource = random.nextInt(4) == 0;
        List<Condition> conditions = random.nextInt(3) == 0 ? randomSubset(random, CONDITIONS) : List.of();
        return new Statement(null, effect, principal, null,
                notAction ? List.of() : actions, notAction ? actions : List.of(),
                notResource ? List.of() : resources, notResource ? resources : List.of(), conditions);
    }

    /** A Deny without conditions whose action and resource patterns certainly match the request. */
    private static Statement matchingDeny(Random random, RequestContext request) {
        List<String> actions = new ArrayList<>(List.of(random.nextBoolean() ? request.action() : "*"));
        for (String pattern : ACTION_PATTERNS) {
            if (Glob.matches(pattern, request.action(), true) && random.nextBoolean()) {
                actions.add(pattern);
            }
        }
        List<String> resources = new ArrayList<>(List.of(random.nextBoolean() ? request.resource() : "*"));
        for (String pattern : RESOURCE_PATTERNS) {
            if (Glob.matches(pattern, request.resource(), false) && random.nextBoolean()) {
                resources.add(pattern);
            }
        }
        Collections.shuffle(actions, random);
        Collections.shuffle(resources, random);
        return new Statement(null, Effect.DENY, null, null, actions, List.of(), resources, List.of(), List.of());
    }

    private static RequestContext randomRequest(Random random) {
        Map<String, List<String>> keys = new HashMap<>();
        if (random.nextBoolean()) {
            keys.put(random.nextBoolean() ? "aws:username" : "AWS:UserName",
                    List.of(random.nextBoolean() ? "alice" : "bob"));
        }
        if (random.nextBoolean()) {
            keys.put("aws:SecureTransport", List.of(random.nextBoolean() ? "true" : "false"));
        }
        if (random.nextBoolean()) {
            keys.put("test:Count", List.of(String.valueOf(random.nextInt(10))));
        }
        if (random.nextBoolean()) {
            keys.put("aws:TagKeys", randomSubset(random, List.of("env", "environment", "team")));
        }
        String caller = pick(random, CALLERS);
        return new RequestContext(caller, caller.split(":")[4], pick(random, ACTIONS), pick(random, RESOURCES), keys);
    }

    private static <T> List<T> randomSubset(Random random, List<T> pool) {
        List<T> subset = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            subset.add(pick(random, pool));
        }
        return subset;
    }

    private static <T> T pick(Random random, List<T> pool) {
        return pool.get(random.nextInt(pool.size()));
    }
}
