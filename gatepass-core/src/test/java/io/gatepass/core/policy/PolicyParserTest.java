package io.gatepass.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PolicyDocument#parse}: what IAM accepts, and what it refuses with which message. */
class PolicyParserTest {

    /** Policy JSON written with single quotes, for readability. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static PolicyDocument identity(String singleQuoted) {
        return PolicyDocument.parse(json(singleQuoted), PolicyKind.IDENTITY);
    }

    static PolicyDocument resource(String singleQuoted) {
        return PolicyDocument.parse(json(singleQuoted), PolicyKind.RESOURCE);
    }

    // ---- accepted shapes ----

    @Test
    void parse_whenStatementIsObjectWithStrings_readsOneStatement() {
        PolicyDocument doc = identity("""
                {'Version':'2012-10-17','Statement':{'Sid':'S1','Effect':'Allow','Action':'gamelift:*','Resource':'*'}}""");

        assertThat(doc.version()).isEqualTo("2012-10-17");
        assertThat(doc.statements()).containsExactly(new Statement("S1", Effect.ALLOW, null, null,
                List.of("gamelift:*"), List.of(), List.of("*"), List.of(), List.of()));
    }

    @Test
    void parse_whenStatementIsArrayWithArrays_readsAllInOrder() {
        PolicyDocument doc = identity("""
                {'Version':'2012-10-17','Statement':[
                  {'Effect':'Allow','Action':['iam:Get*','iam:List*'],'Resource':['arn:aws:iam::123456789012:user/*']},
                  {'Effect':'Deny','NotAction':'iam:GetUser','NotResource':['arn:aws:iam::123456789012:user/bob']}]}""");

        assertThat(doc.statements()).hasSize(2);
        Statement first = doc.statements().get(0);
        assertThat(first.effect()).isEqualTo(Effect.ALLOW);
        assertThat(first.actions()).containsExactly("iam:Get*", "iam:List*");
        assertThat(first.resources()).containsExactly("arn:aws:iam::123456789012:user/*");
        Statement second = doc.statements().get(1);
        assertThat(second.effect()).isEqualTo(Effect.DENY);
        assertThat(second.actions()).isEmpty();
        assertThat(second.notActions()).containsExactly("iam:GetUser");
        assertThat(second.notResources()).containsExactly("arn:aws:iam::123456789012:user/bob");
        assertThat(second.sid()).isNull();
    }

    @Test
    void parse_whenVersionIs2008_accepted() {
        assertThat(identity("{'Version':'2008-10-17','Statement':{'Effect':'Allow','Action':'*','Resource':'*'}}")
                .version()).isEqualTo("2008-10-17");
    }

    @Test
    void parse_whenVersionAbsent_versionIsNull() {
        assertThat(identity("{'Statement':{'Effect':'Allow','Action':'*','Resource':'*'}}").version()).isNull();
    }

    @Test
    void parse_whenIdPresent_accepted() {
        assertThat(identity("{'Id':'my policy','Statement':{'Effect':'Allow','Action':'*','Resource':'*'}}")
                .statements()).hasSize(1);
    }

    @Test
    void parse_whenOnlyKindGiven_defaultsToIdentity() {
        assertThatThrownBy(() -> PolicyDocument.parse(json(
                "{'Statement':{'Effect':'Allow','Principal':'*','Action':'sts:AssumeRole'}}")))
                .isInstanceOf(MalformedPolicyException.class)
                .hasMessage("Policy document should not specify a principal.");
    }

    @Test
    void parse_whenPrincipalIsStar_heldAsAwsStar() {
        Statement statement = resource(
                "{'Statement':{'Effect':'Allow','Principal':'*','Action':'sts:AssumeRole'}}").statements().get(0);

        assertThat(statement.principal().values()).isEqualTo(Map.of("AWS", List.of("*")));
        assertThat(statement.resources()).isEmpty();
        assertThat(statement.notResources()).isEmpty();
    }

    @Test
    void parse_whenPrincipalHasSeveralTypes_keepsEachTypeAndValues() {
        Statement statement = resource("""
                {'Statement':{'Effect':'Allow','Action':'sts:AssumeRole','Principal':{
                  'AWS':['123456789012','arn:aws:iam::123456789012:role/builder'],
                  'Service':'gamelift.amazonaws.com',
                  'Federated':'arn:aws:iam::123456789012:oidc-provider/token.example.com'}}}""")
                .statements().get(0);

        assertThat(statement.principal().valuesOf("AWS"))
                .containsExactly("123456789012", "arn:aws:iam::123456789012:role/builder");
        assertThat(statement.principal().valuesOf("Service")).containsExactly("gamelift.amazonaws.com");
        assertThat(statement.principal().valuesOf("Federated"))
                .containsExactly("arn:aws:iam::123456789012:oidc-provider/token.example.com");
        assertThat(statement.principal().valuesOf("CanonicalUser")).isEmpty();
    }

    @Test
    void parse_whenNotPrincipal_readIntoNotPrincipal() {
        Statement statement = resource("""
                {'Statement':{'Effect':'Deny','NotPrincipal':{'AWS':'arn:aws:iam::123456789012:user/admin'},
                 'Action':'*','Resource':'*'}}""").statements().get(0);

        assertThat(statement.principal()).isNull();
        assertThat(statement.notPrincipal().valuesOf("AWS")).containsExactly("arn:aws:iam::123456789012:user/admin");
    }

    @Test
    void parse_whenSidHasSpacesInResourcePolicy_accepted() {
        assertThat(resource("{'Statement':{'Sid':'allow read','Effect':'Allow','Principal':'*','Action':'a:b'}}")
                .statements().get(0).sid()).isEqualTo("allow read");
    }

    @Test
    void parse_whenConditionHasScalarsOfEachType_flattensToTextPerOperatorAndKey() {
        Statement statement = identity("""
                {'Statement':{'Effect':'Allow','Action':'*','Resource':'*','Condition':{
                  'StringEquals':{'aws:username':'alice','aws:PrincipalTag/team':['a','b']},
                  'Bool':{'aws:SecureTransport':true},
                  'NumericLessThan':{'gamelift:Count':[10, 2.50]},
                  'ForAnyValue:StringLikeIfExists':{'aws:TagKeys':'env*'}}}}""").statements().get(0);

        assertThat(statement.conditions()).containsExactly(
                new Condition("StringEquals", "aws:username", List.of("alice")),
                new Condition("StringEquals", "aws:PrincipalTag/team", List.of("a", "b")),
                new Condition("Bool", "aws:SecureTransport", List.of("true")),
                new Condition("NumericLessThan", "gamelift:Count", List.of("10", "2.50")),
                new Condition("ForAnyValue:StringLikeIfExists", "aws:TagKeys", List.of("env*")));
    }

    @Test
    void parse_whenConditionBlockEmpty_noConditions() {
        assertThat(identity("{'Statement':{'Effect':'Allow','Action':'*','Resource':'*','Condition':{}}}")
                .statements().get(0).conditions()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
            "StringLike", "StringNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan",
            "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals", "Bool", "ArnEquals", "ArnLike",
            "ArnNotEquals", "ArnNotLike", "Null", "StringEqualsIfExists", "ForAnyValue:StringEquals",
            "ForAllValues:StringLike", "ForAllValues:ArnNotLikeIfExists", "DateGreaterThan", "DateEqualsIfExists"})
    void parse_whenOperatorKnown_accepted(String operator) {
        String value = operator.contains("Date") ? "2020-01-01T00:00:00Z" : "true";
        assertThat(identity("{'Statement':{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'"
                + operator + "':{'aws:Key':'" + value + "'}}}}").statements().get(0).conditions()).hasSize(1);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"2020-01-01T00:00:00Z", "2020-01-01T00:00:00.123Z", "2020-01-01T01:00:00+01:00",
            "2020-01-01T00:00:00", "2020-01-01", "1577836800", "1577836800.5"})
    void parse_whenDateValueIsIsoOrEpoch_accepted(String date) {
        assertThat(identity("{'Statement':{'Effect':'Allow','Action':'*','Resource':'*','Condition':{"
                + "'DateLessThan':{'aws:CurrentTime':'" + date + "'}}}}").statements()).hasSize(1);
    }

    @Test
    void parse_whenResourcePolicyListsResources_keepsThem() {
        assertThat(resource("""
                {'Statement':{'Effect':'Allow','Principal':{'AWS':'123456789012'},'Action':'codeartifact:*',
                 'Resource':'arn:aws:codeartifact:us-east-1:123456789012:repository/d/*'}}""")
                .statements().get(0).resources())
                .containsExactly("arn:aws:codeartifact:us-east-1:123456789012:repository/d/*");
    }

    @Test
    void parse_whenActionsWithWildcardsOrStarVendor_accepted() {
        assertThat(identity("{'Statement':{'Effect':'Allow','Action':['*','*:*','iam:*','s3:Get?bject',"
                + "'code-artifact.x:Op'],'Resource':'*'}}").statements().get(0).actions()).hasSize(5);
    }

    @Test
    void parse_whenParsed_listsAreImmutable() {
        PolicyDocument doc = identity("{'Statement':{'Effect':'Allow','Action':['a:b'],'Resource':'*'}}");

        assertThatThrownBy(() -> doc.statements().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> doc.statements().get(0).actions().add("x:y"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    // ---- refused shapes ----

    static Stream<Arguments> refusedIdentityPolicies() {
        String syntax = "Syntax errors in policy.";
        return Stream.of(
                Arguments.of("not JSON", "{", syntax),
                Arguments.of("empty text", "", syntax),
                Arguments.of("trailing garbage", "{'Statement':{'Effect':'Allow','Action':'*','Resource':'*'}} x",
                        syntax),
                Arguments.of("array at top", "[]", syntax),
                Arguments.of("string at top", "'policy'", syntax),
                Arguments.of("unknown top-level field",
                        "{'Statement':{'Effect':'Allow','Action':'*','Resource':'*'},'Extra':1}", syntax),
                Arguments.of("unknown version",
                        "{'Version':'2012-10-18','Statement':{'Effect':'Allow','Action':'*','Resource':'*'}}", syntax),
                Arguments.of("numeric version",
                        "{'Version':2012,'Statement':{'Effect':'Allow','Action':'*','Resource':'*'}}", syntax),
                Arguments.of("Id not a string",
                        "{'Id':1,'Statement':{'Effect':'Allow','Action':'*','Resource':'*'}}", syntax),
                Arguments.of("no Statement", "{'Version':'2012-10-17'}", syntax),
                Arguments.of("empty Statement array", "{'Statement':[]}", syntax),
                Arguments.of("Statement a string", "{'Statement':'Allow'}", syntax),
                Arguments.of("statement not an object", "{'Statement':['Allow']}", syntax),
                Arguments.of("unknown statement field",
                        "{'Statement':{'Effect':'Allow','Action':'*','Resource':'*','Actions':'*'}}", syntax),
                Arguments.of("Action and NotAction",
                        "{'Statement':{'Effect':'Allow','Action':'*','NotAction':'a:b','Resource':'*'}}", syntax),
                Arguments.of("Resource and NotResource",
                        "{'Statement':{'Effect':'Allow','Action':'*','Resource':'*','NotResource':'*'}}", syntax),
                Arguments.of("Action a number", "{'Statement':{'Effect':'Allow','Action':1,'Resource':'*'}}", syntax),
                Arguments.of("Action array with a number",
                        "{'Statement':{'Effect':'Allow','Action':['a:b',1],'Resource':'*'}}", syntax),
                Arguments.of("Resource an object",
                        "{'Statement':{'Effect':'Allow','Action':'*','Resource':{'arn':'x'}}}", syntax),
                Arguments.of("Effect not a string",
                        "{'Statement':{'Effect':true,'Action':'*','Resource':'*'}}", syntax),
                Arguments.of("Sid not a string",
                        "{'Statement':{'Sid':1,'Effect':'Allow','Action':'*','Resource':'*'}}", syntax),
                Arguments.of("duplicate field",
                        "{'Statement':{'Effect':'Deny','Effect':'Allow','Action':'*','Resource':'*'}}", syntax),
                Arguments.of("unknown condition operator", "{'Statement':{'Effect':'Allow','Action':'*',"
                        + "'Resource':'*','Condition':{'StringEqualz':{'aws:username':'a'}}}}", syntax),
                Arguments.of("operator in wrong case", "{'Statement':{'Effect':'Allow','Action':'*',"
                        + "'Resource':'*','Condition':{'stringequals':{'aws:username':'a'}}}}", syntax),
                Arguments.of("NullIfExists", "{'Statement':{'Effect':'Allow','Action':'*',"
                        + "'Resource':'*','Condition':{'NullIfExists':{'aws:username':'true'}}}}", syntax),
                Arguments.of("ForAnyValue:Null", "{'Statement':{'Effect':'Allow','Action':'*',"
                        + "'Resource':'*','Condition':{'ForAnyValue:Null':{'aws:username':'true'}}}}", syntax),
                Arguments.of("condition block not an object", "{'Statement':{'Effect':'Allow','Action':'*',"
                        + "'Resource':'*','Condition':{'StringEquals':'aws:username'}}}", syntax),
                Arguments.of("condition value an object", "{'Statement':{'Effect':'Allow','Action':'*',"
                        + "'Resource':'*','Condition':{'StringEquals':{'aws:username':{'a':'b'}}}}}", syntax),
                Arguments.of("condition value null", "{'Statement':{'Effect':'Allow','Action':'*',"
                        + "'Resource':'*','Condition':{'StringEquals':{'aws:username':null}}}}", syntax),
                Arguments.of("Condition an array",
                        "{'Statement':{'Effect':'Allow','Action':'*','Resource':'*','Condition':[]}}", syntax),
                Arguments.of("missing Effect", "{'Statement':{'Action':'*','Resource':'*'}}",
                        "Missing required field Effect"),
                Arguments.of("misspelt Effect", "{'Statement':{'Effect':'Alow','Action':'*','Resource':'*'}}",
                        "Invalid effect: Alow"),
                Arguments.of("lower-case Effect", "{'Statement':{'Effect':'allow','Action':'*','Resource':'*'}}",
                        "Invalid effect: allow"),
                Arguments.of("Principal in identity policy",
                        "{'Statement':{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}}",
                        "Policy document should not specify a principal."),
                Arguments.of("NotPrincipal in identity policy", "{'Statement':{'Effect':'Deny',"
                                + "'NotPrincipal':{'AWS':'123456789012'},'Action':'*','Resource':'*'}}",
                        "Policy document should not specify a principal."),
                Arguments.of("no Action", "{'Statement':{'Effect':'Allow','Resource':'*'}}",
                        "Policy statement must contain actions."),
                Arguments.of("empty Action array", "{'Statement':{'Effect':'Allow','Action':[],'Resource':'*'}}",
                        "Policy statement must contain actions."),
                Arguments.of("no Resource", "{'Statement':{'Effect':'Allow','Action':'*'}}",
                        "Policy statement must contain resources."),
                Arguments.of("empty NotResource array",
                        "{'Statement':{'Effect':'Allow','Action':'*','NotResource':[]}}",
                        "Policy statement must contain resources."),
                Arguments.of("action without vendor", "{'Statement':{'Effect':'Allow','Action':'GetUser',"
                        + "'Resource':'*'}}", "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
                Arguments.of("action with empty vendor", "{'Statement':{'Effect':'Allow','Action':':GetUser',"
                        + "'Resource':'*'}}", "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
                Arguments.of("empty action", "{'Statement':{'Effect':'Allow','Action':'',"
                        + "'Resource':'*'}}", "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
                Arguments.of("action with two colons", "{'Statement':{'Effect':'Allow','Action':'iam:Get:User',"
                        + "'Resource':'*'}}", "Actions/Condition can contain only one colon."),
                Arguments.of("bad vendor", "{'Statement':{'Effect':'Allow','Action':'i am:GetUser',"
                        + "'Resource':'*'}}", "Vendor i am is not valid"),
                Arguments.of("wildcard inside vendor", "{'Statement':{'Effect':'Allow','Action':'game*:Get',"
                        + "'Resource':'*'}}", "Vendor game* is not valid"),
                Arguments.of("NotAction checked too", "{'Statement':{'Effect':'Allow','NotAction':['iam:Get','x'],"
                        + "'Resource':'*'}}", "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
                Arguments.of("resource not an ARN", "{'Statement':{'Effect':'Allow','Action':'*','Resource':'bucket'}}",
                        "Resource bucket must be in ARN format or \"*\"."),
                Arguments.of("resource ARN too short", "{'Statement':{'Effect':'Allow','Action':'*',"
                        + "'Resource':'arn:aws:s3'}}", "Resource arn:aws:s3 must be in ARN format or \"*\"."),
                Arguments.of("resource vendor wildcard", "{'Statement':{'Effect':'Allow','Action':'*',"
                        + "'Resource':'arn:aws:*:::x'}}",
                        "Resource vendor must be fully qualified and cannot contain regexes."),
                Arguments.of("resource vendor empty", "{'Statement':{'Effect':'Allow','Action':'*',"
                        + "'NotResource':'arn:aws::::x'}}",
                        "Resource vendor must be fully qualified and cannot contain regexes."),
                Arguments.of("duplicate Sid", "{'Statement':[{'Sid':'A','Effect':'Allow','Action':'*','Resource':'*'},"
                                + "{'Sid':'A','Effect':'Deny','Action':'*','Resource':'*'}]}",
                        "Statement IDs (SID) in a single policy must be unique."),
                Arguments.of("Sid with a space", "{'Statement':{'Sid':'allow all','Effect':'Allow','Action':'*',"
                        + "'Resource':'*'}}", "Statement IDs (SID) must be alpha-numeric. "
                        + "Check that your input satisfies the regular expression [0-9A-Za-z]*"),
                Arguments.of("condition key without vendor", "{'Statement':{'Effect':'Allow','Action':'*',"
                                + "'Resource':'*','Condition':{'StringEquals':{'username':'a'}}}}",
                        "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
                Arguments.of("date value not a date", "{'Statement':{'Effect':'Allow','Action':'*',"
                                + "'Resource':'*','Condition':{'DateLessThan':{'aws:CurrentTime':'yesterday'}}}}",
                        "The policy failed legacy parsing"),
                Arguments.of("date value out of range", "{'Statement':{'Effect':'Allow','Action':'*',"
                                + "'Resource':'*','Condition':{'DateLessThan':{'aws:CurrentTime':'2020-13-01'}}}}",
                        "The policy failed legacy parsing"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("refusedIdentityPolicies")
    void parse_whenIdentityPolicyMalformed_throwsIamMessage(String description, String policy, String message) {
        assertThatThrownBy(() -> identity(policy))
                .isInstanceOf(MalformedPolicyException.class)
                .hasMessage(message);
    }

    static Stream<Arguments> refusedResourcePolicies() {
        return Stream.of(
                Arguments.of("no Principal", "{'Statement':{'Effect':'Allow','Action':'sts:AssumeRole'}}",
                        "Missing required field Principal"),
                Arguments.of("Principal and NotPrincipal", "{'Statement':{'Effect':'Allow','Principal':'*',"
                        + "'NotPrincipal':'*','Action':'sts:AssumeRole'}}", "Syntax errors in policy."),
                Arguments.of("Principal a non-star string", "{'Statement':{'Effect':'Allow',"
                                + "'Principal':'arn:aws:iam::123456789012:root','Action':'sts:AssumeRole'}}",
                        "Syntax errors in policy."),
                Arguments.of("Principal an empty object", "{'Statement':{'Effect':'Allow','Principal':{},"
                        + "'Action':'sts:AssumeRole'}}", "Syntax errors in policy."),
                Arguments.of("Principal value a number", "{'Statement':{'Effect':'Allow','Principal':{'AWS':1},"
                        + "'Action':'sts:AssumeRole'}}", "Syntax errors in policy."),
                Arguments.of("unknown principal type", "{'Statement':{'Effect':'Allow','Principal':{'User':'bob'},"
                        + "'Action':'sts:AssumeRole'}}", "Invalid principal in policy: \"User\":\"bob\""),
                Arguments.of("AWS principal a bare name", "{'Statement':{'Effect':'Allow','Principal':{'AWS':'bob'},"
                        + "'Action':'sts:AssumeRole'}}", "Invalid principal in policy: \"AWS\":\"bob\""),
                Arguments.of("AWS principal with a wildcard", "{'Statement':{'Effect':'Allow',"
                                + "'Principal':{'AWS':'arn:aws:iam::123456789012:role/*'},'Action':'sts:AssumeRole'}}",
                        "Invalid principal in policy: \"AWS\":\"arn:aws:iam::123456789012:role/*\""),
                Arguments.of("AWS principal of another service", "{'Statement':{'Effect':'Allow',"
                                + "'Principal':{'AWS':'arn:aws:s3:::bucket'},'Action':'sts:AssumeRole'}}",
                        "Invalid principal in policy: \"AWS\":\"arn:aws:s3:::bucket\""),
                Arguments.of("AWS principal with a short account", "{'Statement':{'Effect':'Allow',"
                                + "'Principal':{'AWS':'12345'},'Action':'sts:AssumeRole'}}",
                        "Invalid principal in policy: \"AWS\":\"12345\""),
                Arguments.of("Service principal star", "{'Statement':{'Effect':'Allow',"
                                + "'Principal':{'Service':'*'},'Action':'sts:AssumeRole'}}",
                        "Invalid principal in policy: \"Service\":\"*\""),
                Arguments.of("empty principal list", "{'Statement':{'Effect':'Allow','Principal':{'AWS':[]},"
                        + "'Action':'sts:AssumeRole'}}", "Invalid principal in policy: \"AWS\":\"\""),
                Arguments.of("no Action", "{'Statement':{'Effect':'Allow','Principal':'*'}}",
                        "Policy statement must contain actions."),
                Arguments.of("empty Resource array", "{'Statement':{'Effect':'Allow','Principal':'*',"
                        + "'Action':'a:b','Resource':[]}}", "Policy statement must contain resources."),
                Arguments.of("misspelt Effect", "{'Statement':{'Effect':'Alow','Principal':'*','Action':'a:b'}}",
                        "Invalid effect: Alow"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("refusedResourcePolicies")
    void parse_whenResourcePolicyMalformed_throwsIamMessage(String description, String policy, String message) {
        assertThatThrownBy(() -> resource(policy))
                .isInstanceOf(MalformedPolicyException.class)
                .hasMessage(message);
    }

    @Test
    void parse_whenJsonIsNull_throwsSyntaxErrors() {
        assertThatThrownBy(() -> PolicyDocument.parse(null, PolicyKind.IDENTITY))
                .isInstanceOf(MalformedPolicyException.class)
                .hasMessage("Syntax errors in policy.");
    }

    @Test
    void parse_whenLaterStatementHasSyntaxErrorAndEarlierARuleError_reportsSyntaxFirst() {
        assertThatThrownBy(() -> identity("{'Statement':[{'Effect':'Alow','Action':'*','Resource':'*'},"
                + "{'Effect':'Allow','Action':'*','Resource':'*','Bogus':1}]}"))
                .hasMessage("Syntax errors in policy.");
    }

    @Test
    void parse_whenEmptySidsRepeat_accepted() {
        assertThat(identity("{'Statement':[{'Sid':'','Effect':'Allow','Action':'*','Resource':'*'},"
                + "{'Sid':'','Effect':'Deny','Action':'a:b','Resource':'*'}]}").statements()).hasSize(2);
    }
}
