package io.gatepass.server.it;

import io.gatepass.server.testing.AwsErrors;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * STS and IAM end to end through the AWS SDK for Java v2, against a real server. Subclasses choose the store, so
 * every case runs on H2 and on PostgreSQL.
 */
abstract class IdentityApiContract extends StoreContract {
    IamClient adminIam;
    StsClient adminSts;

    @BeforeAll
    void clients() {
        adminIam = server.iam(TestServer.admin());
        adminSts = server.sts(TestServer.admin());
    }

    /** A new user with an access key, optionally with an inline policy. */
    AwsCredentials userWithKey(String userName, String policy) {
        adminIam.createUser(r -> r.userName(userName));
        if (policy != null) {
            adminIam.putUserPolicy(r -> r.userName(userName).policyName("p").policyDocument(policy));
        }
        AccessKey key = adminIam.createAccessKey(r -> r.userName(userName)).accessKey();
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    static String trust(String principalArn) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + principalArn + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    static AwsServiceException awsError(Throwable thrown) {
        return (AwsServiceException) thrown;
    }

    static void assertAwsError(Runnable call, String code, int status, String messagePart) {
        AwsErrors.assertAwsErrorWithRequestId(call, code, status, messagePart);
    }

    // ---------------------------------------------------------------- STS

    @Test
    void getCallerIdentity_asAdministrator_isTheAccountRoot() {
        GetCallerIdentityResponse me = adminSts.getCallerIdentity();
        assertThat(me.account()).isEqualTo(TestServer.ACCOUNT);
        assertThat(me.arn()).isEqualTo("arn:aws:iam::" + TestServer.ACCOUNT + ":root");
        assertThat(me.userId()).isEqualTo(TestServer.ACCOUNT);
    }

    @Test
    void getCallerIdentity_asUser_isTheUser() {
        String name = unique("caller");
        StsClient sts = server.sts(userWithKey(name, null));
        GetCallerIdentityResponse me = sts.getCallerIdentity();
        assertThat(me.arn()).isEqualTo("arn:aws:iam::" + TestServer.ACCOUNT + ":user/" + name);
        assertThat(me.userId()).matches("AIDA[A-Z2-7]{17}");
    }

    @Test
    void getSessionToken_byDefault_lastsTwelveHoursAndSignsAsTheUser() {
        String name = unique("session");
        Credentials session = server.sts(userWithKey(name, null)).getSessionToken().credentials();
        assertThat(session.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(session.secretAccessKey()).hasSize(40);
        assertThat(session.expiration()).isCloseTo(Instant.now().plus(Duration.ofHours(12)),
                within(Duration.ofMinutes(1)));
        assertThat(server.sts(TestServer.of(session)).getCallerIdentity().arn()).endsWith(":user/" + name);
    }

    @Test
    void getSessionToken_whenDurationGiven_usesIt_andRefusesOutOfRange() {
        StsClient sts = server.sts(userWithKey(unique("duration"), null));
        assertThat(sts.getSessionToken(r -> r.durationSeconds(900)).credentials().expiration())
                .isCloseTo(Instant.now().plusSeconds(900), within(Duration.ofMinutes(1)));
        assertAwsError(() -> sts.getSessionToken(r -> r.durationSeconds(899)), "ValidationError", 400,
                "durationSeconds");
        assertAwsError(() -> sts.getSessionToken(r -> r.durationSeconds(129601)), "ValidationError", 400,
                "less than or equal to 129600");
    }

    @Test
    void getSessionToken_asRoot_isCappedAtOneHour() {
        Instant expiration = adminSts.getSessionToken(r -> r.durationSeconds(7200)).credentials().expiration();
        assertThat(expiration).isCloseTo(Instant.now().plusSeconds(3600), within(Duration.ofMinutes(1)));
    }

    @Test
    void getSessionToken_withSessionCredentials_isAccessDenied() {
        Credentials session = server.sts(userWithKey(unique("nested"), null)).getSessionToken().credentials();
        assertAwsError(() -> server.sts(TestServer.of(session)).getSessionToken(), "AccessDenied", 403,
                "Cannot call GetSessionToken with session credentials");
    }

    @Test
    void assumeRole_whenTrustNamesTheUser_returnsWorkingRoleCredentials() {
        String user = unique("assumer");
        StsClient sts = server.sts(userWithKey(user, null));
        String role = unique("role");
        Role created = adminIam.createRole(r -> r.roleName(role)
                .assumeRolePolicyDocument(trust("arn:aws:iam::" + TestServer.ACCOUNT + ":user/" + user))).role();
        AssumeRoleResponse assumed = sts.assumeRole(r -> r.roleArn(created.arn()).roleSessionName("build-42"));
        String sessionArn = "arn:aws:sts::" + TestServer.ACCOUNT + ":assumed-role/" + role + "/build-42";
        assertThat(assumed.assumedRoleUser().arn()).isEqualTo(sessionArn);
        assertThat(assumed.assumedRoleUser().assumedRoleId()).isEqualTo(created.roleId() + ":build-42");
        assertThat(assumed.credentials().expiration())
                .isCloseTo(Instant.now().plusSeconds(3600), within(Duration.ofMinutes(1)));
        GetCallerIdentityResponse me = server.sts(TestServer.of(assumed.credentials())).getCallerIdentity();
        assertThat(me.arn()).isEqualTo(sessionArn);
        assertThat(me.userId()).isEqualTo(created.roleId() + ":build-42");
    }

    @Test
    void assumeRole_whenTrustNamesTheAccount_needsAnIdentityPolicyToo() {
        String role = unique("acct-role");
        String roleArn = adminIam.createRole(r -> r.roleName(role)
                .assumeRolePolicyDocument(trust("arn:aws:iam::" + TestServer.ACCOUNT + ":root"))).role().arn();
        StsClient without = server.sts(userWithKey(unique("no-policy"), null));
        assertAwsError(() -> without.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1")), "AccessDenied", 403,
                "is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
        StsClient with = server.sts(userWithKey(unique("with-policy"), allow("sts:AssumeRole", roleArn)));
        assertThat(with.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1")).credentials()).isNotNull();
    }

    @Test
    void assumeRole_whenTrustDoesNotAllow_orRoleMissing_isAccessDenied() {
        String role = unique("closed-role");
        String roleArn = adminIam.createRole(r -> r.roleName(role)
                .assumeRolePolicyDocument(trust("arn:aws:iam::" + TestServer.ACCOUNT + ":user/somebody-else")))
                .role().arn();
        StsClient sts = server.sts(userWithKey(unique("outsider"), allow("sts:AssumeRole", "*")));
        assertAwsError(() -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1")), "AccessDenied", 403,
                "sts:AssumeRole");
        String missing = "arn:aws:iam::" + TestServer.ACCOUNT + ":role/does-not-exist";
        assertAwsError(() -> sts.assumeRole(r -> r.roleArn(missing).roleSessionName("s1")), "AccessDenied", 403,
                missing);
    }

    @Test
    void assumeRole_byRoot_isRefusedAsInAws() {
        String role = unique("root-role");
        String roleArn = adminIam.createRole(r -> r.roleName(role)
                .assumeRolePolicyDocument(trust("arn:aws:iam::" + TestServer.ACCOUNT + ":root"))).role().arn();
        assertAwsError(() -> adminSts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1")), "AccessDenied", 403,
                "Roles may not be assumed by root accounts.");
    }

    @Test
    void assumeRole_durationRules_followTheRoleAndRoleChaining() {
        String user = unique("durations");
        StsClient sts = server.sts(userWithKey(user, null));
        String role = unique("short-role");
        String userArn = "arn:aws:iam::" + TestServer.ACCOUNT + ":user/" + user;
        String roleArn = adminIam.createRole(r -> r.roleName(role).maxSessionDuration(7200)
                .assumeRolePolicyDocument(trust(userArn))).role().arn();
        assertThat(sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1").durationSeconds(7200))
                .credentials().expiration()).isCloseTo(Instant.now().plusSeconds(7200), within(Duration.ofMinutes(1)));
        assertAwsError(() -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1").durationSeconds(7201)),
                "ValidationError", 400, "MaxSessionDuration");
        assertAwsError(() -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1").durationSeconds(899)),
                "ValidationError", 400, "durationSeconds");
        assertAwsError(() -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("bad name!")),
                "ValidationError", 400, "roleSessionName");

        String chained = unique("chained-role");
        String sessionArn = "arn:aws:sts::" + TestServer.ACCOUNT + ":assumed-role/" + role + "/s1";
        String chainedArn = adminIam.createRole(r -> r.roleName(chained).maxSessionDuration(7200)
                .assumeRolePolicyDocument(trust(sessionArn))).role().arn();
        StsClient asRole = server.sts(TestServer.of(sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1"))
                .credentials()));
        assertAwsError(() -> asRole.assumeRole(r -> r.roleArn(chainedArn).roleSessionName("c1").durationSeconds(3601)),
                "ValidationError", 400, "role chaining");
        assertThat(asRole.assumeRole(r -> r.roleArn(chainedArn).roleSessionName("c1")).assumedRoleUser().arn())
                .endsWith(":assumed-role/" + chained + "/c1");
    }

    @Test
    void temporaryCredentials_afterExpiration_areExpiredToken() throws Exception {
        String user = unique("expiring");
        Credentials session = server.sts(userWithKey(user, null)).getSessionToken(r -> r.durationSeconds(900))
                .credentials();
        var before = server.signedQuery(TestServer.of(session), "sts",
                "Action=GetCallerIdentity&Version=2011-06-15", server.clock());
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        server.clock().advance(Duration.ofSeconds(901));
        try {
            var after = server.signedQuery(TestServer.of(session), "sts",
                    "Action=GetCallerIdentity&Version=2011-06-15", server.clock());
            assertThat(after.statusCode()).isEqualTo(403);
            assertThat(after.body()).contains("<Code>ExpiredToken</Code>")
                    .contains("The security token included in the request is expired");
        } finally {
            server.clock().advance(Duration.ofSeconds(-901));
        }
    }

    // ---------------------------------------------------------------- IAM users

    @Test
    void createUser_thenGetUser_returnsTheSameUser() {
        String name = unique("alice");
        User created = adminIam.createUser(r -> r.userName(name).path("/team/")).user();
        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + TestServer.ACCOUNT + ":user/team/" + name);
        assertThat(created.userId()).matches("AIDA[A-Z2-7]{17}");
        assertThat(created.createDate()).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
        User fetched = adminIam.getUser(r -> r.userName(name)).user();
        assertThat(fetched).isEqualTo(created);
    }

    @Test
    void createUser_whenNameTakenIgnoringCase_isEntityAlreadyExists() {
        String name = unique("Bob");
        adminIam.createUser(r -> r.userName(name));
        assertAwsError(() -> adminIam.createUser(r -> r.userName(name.toLowerCase())), "EntityAlreadyExists", 409,
                "already exists");
    }

    @Test
    void createUser_whenNameInvalid_isValidationError() {
        assertAwsError(() -> adminIam.createUser(r -> r.userName("no spaces allowed")), "ValidationError", 400,
                "userName");
        assertAwsError(() -> adminIam.createUser(r -> r.userName("x".repeat(65))), "ValidationError", 400,
                "less than or equal to 64");
        assertAwsError(() -> adminIam.createUser(r -> r.userName("p").path("nopath")), "ValidationError", 400,
                "path");
    }

    @Test
    void getUser_withoutName_returnsTheCaller_andUnknownIsNoSuchEntity() {
        String name = unique("self");
        IamClient iam = server.iam(userWithKey(name, allow("iam:GetUser", "*")));
        assertThat(iam.getUser().user().userName()).isEqualTo(name);
        assertAwsError(() -> adminIam.getUser(r -> r.userName("nobody-here")), "NoSuchEntity", 404,
                "The user with name nobody-here cannot be found.");
    }

    @Test
    void listUsers_pagesWithMarker_andFiltersByPath() {
        String path = "/" + unique("page") + "/";
        for (int i = 0; i < 5; i++) {
            int n = i;
            adminIam.createUser(r -> r.userName("pg-" + n + "-" + path.hashCode()).path(path));
        }
        ListUsersResponse first = adminIam.listUsers(r -> r.pathPrefix(path).maxItems(2));
        assertThat(first.users()).hasSize(2);
        assertThat(first.isTruncated()).isTrue();
        ListUsersResponse second = adminIam.listUsers(r -> r.pathPrefix(path).maxItems(2).marker(first.marker()));
        ListUsersResponse third = adminIam.listUsers(r -> r.pathPrefix(path).maxItems(2).marker(second.marker()));
        assertThat(third.isTruncated()).isFalse();
        List<String> names = java.util.stream.Stream.of(first, second, third)
                .flatMap(p -> p.users().stream()).map(User::userName).toList();
        assertThat(names).hasSize(5).doesNotHaveDuplicates().isSorted();
        assertThat(adminIam.listUsersPaginator(r -> r.pathPrefix(path).maxItems(1)).users()).hasSize(5);
    }

    @Test
    void deleteUser_whenItHasKeysOrPolicies_isDeleteConflict_thenSucceedsOnceRemoved() {
        String name = unique("leaving");
        AwsCredentials key = userWithKey(name, allow("iam:GetUser", "*"));
        assertAwsError(() -> adminIam.deleteUser(r -> r.userName(name)), "DeleteConflict", 409, "access keys");
        adminIam.deleteAccessKey(r -> r.userName(name).accessKeyId(key.accessKeyId()));
        assertAwsError(() -> adminIam.deleteUser(r -> r.userName(name)), "DeleteConflict", 409, "policies");
        adminIam.deleteUserPolicy(r -> r.userName(name).policyName("p"));
        adminIam.deleteUser(r -> r.userName(name));
        assertAwsError(() -> adminIam.getUser(r -> r.userName(name)), "NoSuchEntity", 404, name);
        assertAwsError(() -> adminIam.deleteUser(r -> r.userName(name)), "NoSuchEntity", 404, name);
    }

    // ---------------------------------------------------------------- IAM access keys

    @Test
    void accessKeys_lifecycle_createListDeactivateReactivateDelete() {
        String name = unique("keys");
        AwsCredentials key = userWithKey(name, null);
        StsClient sts = server.sts(key);
        assertThat(adminIam.listAccessKeys(r -> r.userName(name)).accessKeyMetadata())
                .singleElement().satisfies(m -> {
                    assertThat(m.accessKeyId()).isEqualTo(key.accessKeyId());
                    assertThat(m.status()).isEqualTo(StatusType.ACTIVE);
                });
        adminIam.updateAccessKey(r -> r.userName(name).accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
        assertAwsError(sts::getCallerIdentity, "InvalidClientTokenId", 403, "security token included in the request is invalid");
        adminIam.updateAccessKey(r -> r.userName(name).accessKeyId(key.accessKeyId()).status(StatusType.ACTIVE));
        assertThat(sts.getCallerIdentity().arn()).endsWith(":user/" + name);
        adminIam.deleteAccessKey(r -> r.userName(name).accessKeyId(key.accessKeyId()));
        assertAwsError(sts::getCallerIdentity, "InvalidClientTokenId", 403, "invalid");
        assertAwsError(() -> adminIam.deleteAccessKey(r -> r.userName(name).accessKeyId(key.accessKeyId())),
                "NoSuchEntity", 404, key.accessKeyId());
    }

    @Test
    void createAccessKey_beyondTwoPerUser_isLimitExceeded_andUnknownUserIsNoSuchEntity() {
        String name = unique("quota");
        userWithKey(name, null);
        adminIam.createAccessKey(r -> r.userName(name));
        assertAwsError(() -> adminIam.createAccessKey(r -> r.userName(name)), "LimitExceeded", 409,
                "AccessKeysPerUser: 2");
        assertAwsError(() -> adminIam.createAccessKey(r -> r.userName("ghost-user")), "NoSuchEntity", 404,
                "ghost-user");
    }

    @Test
    void createAccessKey_withoutUserName_isForTheCaller() {
        String name = unique("own-key");
        IamClient iam = server.iam(userWithKey(name, allow("iam:*AccessKey*", "*")));
        AccessKey second = iam.createAccessKey().accessKey();
        assertThat(second.userName()).isEqualTo(name);
        assertThat(iam.listAccessKeys().accessKeyMetadata()).hasSize(2);
    }

    @Test
    void updateAccessKey_whenStatusInvalid_isValidationError() {
        String name = unique("status");
        AwsCredentials key = userWithKey(name, null);
        assertAwsError(() -> adminIam.updateAccessKey(r -> r.userName(name).accessKeyId(key.accessKeyId())
                .status("Paused")), "ValidationError", 400, "status");
    }

    // ---------------------------------------------------------------- IAM policies and evaluation

    @Test
    void userPolicies_putGetListDelete() {
        String name = unique("policy-user");
        adminIam.createUser(r -> r.userName(name));
        String document = allow("iam:GetUser", "*");
        adminIam.putUserPolicy(r -> r.userName(name).policyName("read").policyDocument(document));
        adminIam.putUserPolicy(r -> r.userName(name).policyName("more").policyDocument(document));
        String returned = adminIam.getUserPolicy(r -> r.userName(name).policyName("read")).policyDocument();
        assertThat(URLDecoder.decode(returned, StandardCharsets.UTF_8)).isEqualTo(document);
        assertThat(adminIam.listUserPolicies(r -> r.userName(name)).policyNames()).containsExactly("more", "read");
        adminIam.deleteUserPolicy(r -> r.userName(name).policyName("read"));
        assertAwsError(() -> adminIam.getUserPolicy(r -> r.userName(name).policyName("read")), "NoSuchEntity", 404,
                "read");
        assertAwsError(() -> adminIam.deleteUserPolicy(r -> r.userName(name).policyName("read")), "NoSuchEntity",
                404, "read");
    }

    @Test
    void putUserPolicy_whenMalformedOrTooLarge_isRefused() {
        String name = unique("bad-policy");
        adminIam.createUser(r -> r.userName(name));
        assertAwsError(() -> adminIam.putUserPolicy(r -> r.userName(name).policyName("p").policyDocument("{nope")),
                "MalformedPolicyDocument", 400, "");
        assertAwsError(() -> adminIam.putUserPolicy(r -> r.userName(name).policyName("p").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Alow\",\"Action\":\"*\",\"Resource\":\"*\"}]}")),
                "MalformedPolicyDocument", 400, "Alow");
        String huge = allow("iam:GetUser", "arn:aws:iam::" + TestServer.ACCOUNT + ":user/" + "x".repeat(2100));
        assertAwsError(() -> adminIam.putUserPolicy(r -> r.userName(name).policyName("p").policyDocument(huge)),
                "LimitExceeded", 409, "2048");
        assertAwsError(() -> adminIam.putUserPolicy(r -> r.userName("ghost").policyName("p")
                .policyDocument(allow("*", "*"))), "NoSuchEntity", 404, "ghost");
    }

    @Test
    void policyEvaluation_allowsWhatIsAllowed_deniesTheRest_andExplicitDenyWins() {
        String name = unique("evaluated");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"iam:Get*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"iam:ListUsers\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"iam:GetRole\",\"Resource\":\"arn:aws:iam::*:role/secret-*\"}]}";
        IamClient iam = server.iam(userWithKey(name, policy));
        assertThat(iam.getUser(r -> r.userName(name)).user().userName()).isEqualTo(name);
        assertThat(iam.listUsers().users()).isNotEmpty();
        String userArn = "arn:aws:iam::" + TestServer.ACCOUNT + ":user/" + name;
        assertAwsError(() -> iam.createUser(r -> r.userName(unique("nope"))), "AccessDenied", 403,
                "User: " + userArn + " is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::"
                        + TestServer.ACCOUNT + ":user/nope");
        String secretRole = "secret-" + unique("r");
        adminIam.createRole(r -> r.roleName(secretRole).assumeRolePolicyDocument(trust(userArn)));
        assertAwsError(() -> iam.getRole(r -> r.roleName(secretRole)), "AccessDenied", 403,
                "with an explicit deny in an identity-based policy");
    }

    // ---------------------------------------------------------------- IAM roles

    @Test
    void roles_createGetListDelete() {
        String name = unique("svc-role");
        String trustDoc = trust("arn:aws:iam::" + TestServer.ACCOUNT + ":root");
        CreateRoleResponse created = adminIam.createRole(r -> r.roleName(name).path("/svc/").description("d")
                .maxSessionDuration(7200).assumeRolePolicyDocument(trustDoc));
        Role role = created.role();
        assertThat(role.arn()).isEqualTo("arn:aws:iam::" + TestServer.ACCOUNT + ":role/svc/" + name);
        assertThat(role.roleId()).matches("AROA[A-Z2-7]{17}");
        Role fetched = adminIam.getRole(r -> r.roleName(name)).role();
        assertThat(fetched.maxSessionDuration()).isEqualTo(7200);
        assertThat(fetched.description()).isEqualTo("d");
        assertThat(URLDecoder.decode(fetched.assumeRolePolicyDocument(), StandardCharsets.UTF_8)).isEqualTo(trustDoc);
        assertThat(adminIam.listRoles(r -> r.pathPrefix("/svc/")).roles()).extracting(Role::roleName).contains(name);
        adminIam.putRolePolicy(r -> r.roleName(name).policyName("rp").policyDocument(allow("iam:GetRole", "*")));
        assertThat(adminIam.listRolePolicies(r -> r.roleName(name)).policyNames()).containsExactly("rp");
        assertThat(URLDecoder.decode(adminIam.getRolePolicy(r -> r.roleName(name).policyName("rp")).policyDocument(),
                StandardCharsets.UTF_8)).isEqualTo(allow("iam:GetRole", "*"));
        assertAwsError(() -> adminIam.deleteRole(r -> r.roleName(name)), "DeleteConflict", 409, "policies");
        adminIam.deleteRolePolicy(r -> r.roleName(name).policyName("rp"));
        adminIam.deleteRole(r -> r.roleName(name));
        assertAwsError(() -> adminIam.getRole(r -> r.roleName(name)), "NoSuchEntity", 404, name);
    }

    @Test
    void createRole_whenInvalid_isRefusedWithIamErrors() {
        String name = unique("bad-role");
        assertAwsError(() -> adminIam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(
                allow("sts:AssumeRole", "*"))), "MalformedPolicyDocument", 400, "rincipal");
        assertAwsError(() -> adminIam.createRole(r -> r.roleName(name).maxSessionDuration(60)
                .assumeRolePolicyDocument(trust("arn:aws:iam::" + TestServer.ACCOUNT + ":root"))),
                "ValidationError", 400, "maxSessionDuration");
        adminIam.createRole(r -> r.roleName(name)
                .assumeRolePolicyDocument(trust("arn:aws:iam::" + TestServer.ACCOUNT + ":root")));
        assertAwsError(() -> adminIam.createRole(r -> r.roleName(name)
                .assumeRolePolicyDocument(trust("arn:aws:iam::" + TestServer.ACCOUNT + ":root"))),
                "EntityAlreadyExists", 409, name);
        assertAwsError(() -> adminIam.putRolePolicy(r -> r.roleName("ghost-role").policyName("p")
                .policyDocument(allow("*", "*"))), "NoSuchEntity", 404, "ghost-role");
        assertAwsError(() -> adminIam.getRolePolicy(r -> r.roleName(name).policyName("none")), "NoSuchEntity", 404,
                "The role policy with name none cannot be found.");
        assertAwsError(() -> adminIam.listRolePolicies(r -> r.roleName("ghost-role")), "NoSuchEntity", 404,
                "The role with name ghost-role cannot be found.");
        assertAwsError(() -> adminIam.deleteRolePolicy(r -> r.roleName(name).policyName("none")), "NoSuchEntity",
                404, "none");
        assertAwsError(() -> adminIam.deleteRole(r -> r.roleName("ghost-role")), "NoSuchEntity", 404, "ghost-role");
        assertAwsError(() -> adminIam.listRoles(r -> r.maxItems(0)), "ValidationError", 400, "maxItems");
        assertAwsError(() -> adminIam.listUsers(r -> r.pathPrefix("no-slash")), "ValidationError", 400,
                "pathPrefix");
        assertAwsError(() -> adminIam.listAccessKeys(r -> r.userName("ghost-user")), "NoSuchEntity", 404,
                "ghost-user");
        assertAwsError(() -> adminIam.listUserPolicies(r -> r.userName("ghost-user")), "NoSuchEntity", 404,
                "ghost-user");
        assertAwsError(() -> adminIam.updateAccessKey(r -> r.accessKeyId("AKIAAAAAAAAAAAAAAAAA")
                .status(StatusType.INACTIVE)), "NoSuchEntity", 404, "AKIAAAAAAAAAAAAAAAAA");
    }

    @Test
    void listRoles_pagesWithMarker() {
        String path = "/" + unique("rolepage") + "/";
        for (int i = 0; i < 3; i++) {
            int n = i;
            adminIam.createRole(r -> r.roleName("rp-" + n + "-" + Math.abs(path.hashCode())).path(path)
                    .assumeRolePolicyDocument(trust("arn:aws:iam::" + TestServer.ACCOUNT + ":root")));
        }
        var first = adminIam.listRoles(r -> r.pathPrefix(path).maxItems(2));
        assertThat(first.roles()).hasSize(2);
        assertThat(first.isTruncated()).isTrue();
        var rest = adminIam.listRoles(r -> r.pathPrefix(path).marker(first.marker()));
        assertThat(rest.roles()).hasSize(1);
        assertThat(rest.isTruncated()).isFalse();
    }
}
