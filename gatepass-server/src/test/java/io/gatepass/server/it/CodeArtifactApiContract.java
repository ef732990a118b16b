package io.gatepass.server.it;

import io.gatepass.core.internal.crypto.MasterKey;
import io.gatepass.core.internal.crypto.SecretCipher;
import io.gatepass.core.id.IdGenerator;
import io.gatepass.core.identity.Account;
import io.gatepass.core.token.RepositoryTokenSubject;
import io.gatepass.core.token.Verification;
import io.gatepass.server.internal.identity.KeyIssuer;
import io.gatepass.server.testing.AwsErrors;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.DomainDescription;
import software.amazon.awssdk.services.codeartifact.model.GetAuthorizationTokenResponse;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;
import software.amazon.awssdk.services.codeartifact.model.RepositoryDescription;
import software.amazon.awssdk.services.codeartifact.model.RepositorySummary;
import software.amazon.awssdk.services.codeartifact.model.ResourcePolicy;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** CodeArtifact end to end through the AWS SDK for Java v2 (restJson1), on H2 and PostgreSQL. */
abstract class CodeArtifactApiContract extends StoreContract {
    private static final String ACCOUNT = TestServer.ACCOUNT;
    private static final String BEARER = "{\"Effect\":\"Allow\",\"Action\":\"sts:GetServiceBearerToken\","
            + "\"Resource\":\"*\"}";

    CodeartifactClient ca;
    IamClient iam;

    @BeforeAll
    void clients() {
        ca = server.codeArtifact(TestServer.admin());
        iam = server.iam(TestServer.admin());
    }

    static void assertAwsError(Runnable call, String code, int status, String messagePart) {
        AwsErrors.assertAwsErrorWithRequestId(call, code, status, messagePart);
    }

    String domain() {
        String name = unique("d");
        ca.createDomain(r -> r.domain(name));
        return name;
    }

    AwsCredentials user(String... statements) {
        String name = unique("ca-user");
        iam.createUser(r -> r.userName(name));
        if (statements.length > 0) {
            iam.putUserPolicy(r -> r.userName(name).policyName("p").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}"));
        }
        AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    static String allow(String action, String resource) {
        return "{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}";
    }

    String domainArn(String domain) {
        return "arn:aws:codeartifact:us-east-1:" + ACCOUNT + ":domain/" + domain;
    }

    // ---------------------------------------------------------------- domains

    @Test
    void domains_createDescribeListDelete() {
        String name = unique("team");
        DomainDescription created = ca.createDomain(r -> r.domain(name)).domain();
        assertThat(created.owner()).isEqualTo(ACCOUNT);
        assertThat(created.arn()).isEqualTo(domainArn(name));
        assertThat(created.statusAsString()).isEqualTo("Active");
        assertThat(created.createdTime()).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
        assertThat(ca.describeDomain(r -> r.domain(name).domainOwner(ACCOUNT)).domain().name()).isEqualTo(name);
        assertThat(ca.listDomainsPaginator(r -> r.maxResults(1)).domains()).extracting(d -> d.name()).contains(name);
        assertThat(ca.deleteDomain(r -> r.domain(name)).domain().statusAsString()).isEqualTo("Deleted");
        assertAwsError(() -> ca.describeDomain(r -> r.domain(name)), "ResourceNotFoundException", 404, name);
    }

    @Test
    void createDomain_whenTakenOrInvalid_isRefused() {
        String name = domain();
        assertAwsError(() -> ca.createDomain(r -> r.domain(name)), "ConflictException", 409, name);
        assertAwsError(() -> ca.createDomain(r -> r.domain("Upper-Case")), "ValidationException", 400, "domain");
        assertAwsError(() -> ca.createDomain(r -> r.domain("x")), "ValidationException", 400, "domain");
    }

    @Test
    void deleteDomain_withRepositories_isConflict() {
        String name = domain();
        ca.createRepository(r -> r.domain(name).repository("libs"));
        assertAwsError(() -> ca.deleteDomain(r -> r.domain(name)), "ConflictException", 409, "repositories");
        ca.deleteRepository(r -> r.domain(name).repository("libs"));
        ca.deleteDomain(r -> r.domain(name));
    }

    @Test
    void domainPermissionsPolicy_putGetDelete_withRevisions() {
        String name = domain();
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"codeartifact:*\",\"Resource\":\"*\"}]}";
        ResourcePolicy first = ca.putDomainPermissionsPolicy(r -> r.domain(name).policyDocument(document)).policy();
        assertThat(first.resourceArn()).isEqualTo(domainArn(name));
        assertThat(ca.getDomainPermissionsPolicy(r -> r.domain(name)).policy().document()).isEqualTo(document);
        assertAwsError(() -> ca.putDomainPermissionsPolicy(r -> r.domain(name).policyDocument(document)
                .policyRevision("stale")), "ConflictException", 409, "stale");
        ResourcePolicy second = ca.putDomainPermissionsPolicy(r -> r.domain(name).policyDocument(document)
                .policyRevision(first.revision())).policy();
        assertThat(second.revision()).isNotEqualTo(first.revision());
        assertAwsError(() -> ca.putDomainPermissionsPolicy(r -> r.domain(name).policyDocument("{nope")),
                "ValidationException", 400, "policy");
        ca.deleteDomainPermissionsPolicy(r -> r.domain(name).policyRevision(second.revision()));
        assertAwsError(() -> ca.getDomainPermissionsPolicy(r -> r.domain(name)), "ResourceNotFoundException", 404,
                name);
    }

    // ---------------------------------------------------------------- repositories

    @Test
    void repositories_createDescribeUpdateListDelete() {
        String name = domain();
        RepositoryDescription upstream = ca.createRepository(r -> r.domain(name).repository("upstream-1")).repository();
        RepositoryDescription repo = ca.createRepository(r -> r.domain(name).repository("libs").description("ours")
                .upstreams(u -> u.repositoryName("upstream-1"))).repository();
        assertThat(repo.arn()).isEqualTo("arn:aws:codeartifact:us-east-1:" + ACCOUNT + ":repository/" + name + "/libs");
        assertThat(repo.administratorAccount()).isEqualTo(ACCOUNT);
        assertThat(repo.upstreams()).extracting(u -> u.repositoryName()).containsExactly(upstream.name());
        assertThat(ca.describeRepository(r -> r.domain(name).repository("libs")).repository().description())
                .isEqualTo("ours");
        assertThat(ca.updateRepository(r -> r.domain(name).repository("libs").description("changed")).repository()
                .description()).isEqualTo("changed");
        assertThat(ca.listRepositoriesInDomain(r -> r.domain(name).repositoryPrefix("li")).repositories())
                .extracting(RepositorySummary::name).containsExactly("libs");
        assertThat(ca.listRepositoriesPaginator(r -> r.maxResults(1)).repositories())
                .extracting(RepositorySummary::arn).contains(repo.arn());
        assertThat(ca.deleteRepository(r -> r.domain(name).repository("libs")).repository().name()).isEqualTo("libs");
        assertAwsError(() -> ca.describeRepository(r -> r.domain(name).repository("libs")),
                "ResourceNotFoundException", 404, "libs");
    }

    @Test
    void createRepository_whenTakenInvalidOrUpstreamMissing_isRefused() {
        String name = domain();
        ca.createRepository(r -> r.domain(name).repository("libs"));
        assertAwsError(() -> ca.createRepository(r -> r.domain(name).repository("libs")), "ConflictException", 409,
                "libs");
        assertAwsError(() -> ca.createRepository(r -> r.domain(name).repository("-bad")), "ValidationException", 400,
                "repository");
        assertAwsError(() -> ca.createRepository(r -> r.domain(name).repository("other")
                .upstreams(u -> u.repositoryName("missing"))), "ResourceNotFoundException", 404, "missing");
        assertAwsError(() -> ca.createRepository(r -> r.domain("no-such-domain").repository("libs")),
                "ResourceNotFoundException", 404, "no-such-domain");
    }

    @Test
    void operations_onMissingResourcesOrWithBadPaging_answerWithCodeArtifactErrors() {
        String name = domain();
        assertAwsError(() -> ca.listRepositoriesInDomain(r -> r.domain("no-such-domain")), "ResourceNotFoundException",
                404, "no-such-domain");
        assertAwsError(() -> ca.updateRepository(r -> r.domain(name).repository("ghost").description("x")),
                "ResourceNotFoundException", 404, "ghost");
        assertAwsError(() -> ca.deleteRepository(r -> r.domain(name).repository("ghost")),
                "ResourceNotFoundException", 404, "ghost");
        assertAwsError(() -> ca.deleteDomain(r -> r.domain("no-such-domain")), "ResourceNotFoundException", 404,
                "no-such-domain");
        assertAwsError(() -> ca.describeDomain(r -> r.domain(name).domainOwner("12345")), "ValidationException", 400,
                "domainOwner");
        assertAwsError(() -> ca.listDomains(r -> r.maxResults(0)), "ValidationException", 400, "maxResults");
        assertAwsError(() -> ca.listRepositories(r -> r.nextToken("bm90LW91cnM")), "ValidationException", 400,
                "nextToken");
        assertAwsError(() -> ca.getAuthorizationToken(r -> r.domain("no-such-domain")), "ResourceNotFoundException",
                404, "no-such-domain");
        assertAwsError(() -> ca.deleteDomainPermissionsPolicy(r -> r.domain(name)), "ResourceNotFoundException", 404,
                name);
        assertAwsError(() -> ca.getRepositoryEndpoint(r -> r.domain(name).repository("libs").format("rpm")),
                "ValidationException", 400, "format");
    }

    @Test
    void createRepository_withTooManyUpstreams_isServiceQuotaExceeded() {
        String name = domain();
        for (int i = 0; i < 11; i++) {
            int n = i;
            ca.createRepository(r -> r.domain(name).repository("up-" + n));
        }
        assertAwsError(() -> ca.createRepository(r -> r.domain(name).repository("many").upstreams(
                java.util.stream.IntStream.range(0, 11).mapToObj(i -> software.amazon.awssdk.services.codeartifact
                        .model.UpstreamRepository.builder().repositoryName("up-" + i).build()).toList())),
                "ServiceQuotaExceededException", 402, "upstreams");
    }

    @Test
    void getRepositoryEndpoint_pointsAtThisServer_perFormat() {
        String name = domain();
        ca.createRepository(r -> r.domain(name).repository("libs"));
        for (PackageFormat format : new PackageFormat[] {PackageFormat.NPM, PackageFormat.PYPI, PackageFormat.MAVEN}) {
            String url = ca.getRepositoryEndpoint(r -> r.domain(name).repository("libs").format(format))
                    .repositoryEndpoint();
            assertThat(url).isEqualTo(server.endpoint() + "/codeartifact/" + name + "-" + ACCOUNT + "/"
                    + format.toString() + "/libs/");
        }
        assertAwsError(() -> ca.getRepositoryEndpoint(r -> r.domain(name).repository("nope")
                .format(PackageFormat.NPM)), "ResourceNotFoundException", 404, "nope");
    }

    // ---------------------------------------------------------------- authorization tokens: durations

    @Test
    void getAuthorizationToken_durationMatrix() {
        String name = domain();
        GetAuthorizationTokenResponse omitted = ca.getAuthorizationToken(r -> r.domain(name));
        assertThat(omitted.authorizationToken()).matches("[A-Za-z0-9._~-]+");
        assertThat(omitted.expiration()).isCloseTo(Instant.now().plus(Duration.ofHours(12)),
                within(Duration.ofMinutes(1)));
        assertThat(ca.getAuthorizationToken(r -> r.domain(name).durationSeconds(900L)).expiration())
                .isCloseTo(Instant.now().plusSeconds(900), within(Duration.ofMinutes(1)));
        assertThat(ca.getAuthorizationToken(r -> r.domain(name).durationSeconds(43200L)).expiration())
                .isCloseTo(Instant.now().plusSeconds(43200), within(Duration.ofMinutes(1)));
        assertAwsError(() -> ca.getAuthorizationToken(r -> r.domain(name).durationSeconds(899L)),
                "ValidationException", 400, "");
        assertAwsError(() -> ca.getAuthorizationToken(r -> r.domain(name).durationSeconds(43201L)),
                "ValidationException", 400, "43200");
        assertAwsError(() -> ca.getAuthorizationToken(r -> r.domain(name).durationSeconds(0L)),
                "ValidationException", 400, "");

        String roleName = unique("ca-role");
        AwsCredentials userKey = user(BEARER, allow("codeartifact:GetAuthorizationToken", "*"));
        String userArn = server.sts(userKey).getCallerIdentity().arn();
        iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + userArn + "\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}"));
        iam.putRolePolicy(r -> r.roleName(roleName).policyName("p").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[" + BEARER + "," + allow("codeartifact:GetAuthorizationToken", "*") + "]}"));
        Credentials role = server.sts(userKey).assumeRole(r -> r.roleArn("arn:aws:iam::" + ACCOUNT + ":role/"
                + roleName).roleSessionName("s1").durationSeconds(1800)).credentials();
        GetAuthorizationTokenResponse zero = server.codeArtifact(TestServer.of(role))
                .getAuthorizationToken(r -> r.domain(name).durationSeconds(0L));
        assertThat(zero.expiration()).isEqualTo(role.expiration());
        GetAuthorizationTokenResponse longer = server.codeArtifact(TestServer.of(role))
                .getAuthorizationToken(r -> r.domain(name));
        assertThat(longer.expiration()).as("independent of the session's end")
                .isCloseTo(Instant.now().plus(Duration.ofHours(12)), within(Duration.ofMinutes(1)));
    }

    @Test
    void authorizationToken_isValidUntilTheDomainIsDeleted_andValidationErrorsCarryAReason() throws Exception {
        String name = domain();
        String token = ca.getAuthorizationToken(r -> r.domain(name)).authorizationToken();
        assertThat(server.server().repositoryTokenVerifier().verify(token))
                .isInstanceOfSatisfying(Verification.Valid.class, v -> {
                    RepositoryTokenSubject subject = (RepositoryTokenSubject) v.subject();
                    assertThat(subject.domainName()).isEqualTo(name);
                    assertThat(subject.principalArn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
                });
        ca.deleteDomain(r -> r.domain(name));
        assertThat(server.server().repositoryTokenVerifier().verify(token))
                .isInstanceOf(Verification.Refused.class);

        var response = server.signed(TestServer.admin(), "codeartifact", "/v1/domain?domain=Bad_Name",
                java.util.Map.of("Content-Type", "application/json"), "{}".getBytes(), java.time.Clock.systemUTC());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValueSatisfying(
                t -> assertThat(t).startsWith("ValidationException"));
        assertThat(new String(response.body())).contains("\"reason\":\"FIELD_VALIDATION_FAILED\"");
    }

    @Test
    void getAuthorizationToken_fromAnotherAccount_needsTheDomainPolicy() throws Exception {
        String name = domain();
        String other = "222233334444";
        var store = server.server().store();
        if (store.accounts().find(other).isEmpty()) {
            store.accounts().create(new Account(other, Instant.now()));
        }
        var issued = new KeyIssuer(store, new SecretCipher(MasterKey.load(null, dataDir)), IdGenerator.secure())
                .issueAccessKey(other, null, Instant.now(), null, null);
        CodeartifactClient outsider = server.codeArtifact(AwsBasicCredentials.create(issued.key().accessKeyId(),
                issued.secret()));
        assertAwsError(() -> outsider.getAuthorizationToken(r -> r.domain(name).domainOwner(ACCOUNT)),
                "AccessDeniedException", 403, "codeartifact:GetAuthorizationToken on resource: " + domainArn(name));
        ca.putDomainPermissionsPolicy(r -> r.domain(name).policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + other + "\"},"
                + "\"Action\":\"codeartifact:GetAuthorizationToken\",\"Resource\":\"*\"}]}"));
        GetAuthorizationTokenResponse token = outsider.getAuthorizationToken(r -> r.domain(name)
                .domainOwner(ACCOUNT));
        assertThat(server.server().repositoryTokenVerifier().verify(token.authorizationToken()))
                .isInstanceOfSatisfying(Verification.Valid.class,
                        v -> assertThat(((RepositoryTokenSubject) v.subject()).accountId()).isEqualTo(other));
    }

    // ---------------------------------------------------------------- authorization tokens: permissions

    @Test
    void getAuthorizationToken_permissionMatrix() {
        String name = domain();
        String arn = domainArn(name);
        CodeartifactClient both = server.codeArtifact(user(BEARER, allow("codeartifact:GetAuthorizationToken", arn)));
        assertThat(both.getAuthorizationToken(r -> r.domain(name)).authorizationToken()).isNotBlank();

        CodeartifactClient noBearer = server.codeArtifact(user(allow("codeartifact:GetAuthorizationToken", arn)));
        assertAwsError(() -> noBearer.getAuthorizationToken(r -> r.domain(name)), "AccessDeniedException", 403,
                "sts:GetServiceBearerToken");
        CodeartifactClient noCodeArtifact = server.codeArtifact(user(BEARER));
        assertAwsError(() -> noCodeArtifact.getAuthorizationToken(r -> r.domain(name)), "AccessDeniedException", 403,
                "codeartifact:GetAuthorizationToken on resource: " + arn);
        CodeartifactClient denied = server.codeArtifact(user(BEARER, allow("codeartifact:*", "*"),
                "{\"Effect\":\"Deny\",\"Action\":\"codeartifact:GetAuthorizationToken\",\"Resource\":\"" + arn + "\"}"));
        assertAwsError(() -> denied.getAuthorizationToken(r -> r.domain(name)), "AccessDeniedException", 403,
                "explicit deny");

        String serviceBound = "{\"Effect\":\"Allow\",\"Action\":\"sts:GetServiceBearerToken\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"sts:AWSServiceName\":\"codeartifact.amazonaws.com\"},"
                + "\"NumericLessThanEquals\":{\"sts:DurationSeconds\":\"3600\"}}}";
        CodeartifactClient conditioned = server.codeArtifact(user(serviceBound,
                allow("codeartifact:GetAuthorizationToken", arn)));
        assertThat(conditioned.getAuthorizationToken(r -> r.domain(name).durationSeconds(900L)).authorizationToken())
                .isNotBlank();
        assertAwsError(() -> conditioned.getAuthorizationToken(r -> r.domain(name)), "AccessDeniedException", 403,
                "sts:GetServiceBearerToken");
        String otherService = serviceBound.replace("codeartifact.amazonaws.com", "s3.amazonaws.com");
        CodeartifactClient wrongService = server.codeArtifact(user(otherService,
                allow("codeartifact:GetAuthorizationToken", arn)));
        assertAwsError(() -> wrongService.getAuthorizationToken(r -> r.domain(name).durationSeconds(900L)),
                "AccessDeniedException", 403, "sts:GetServiceBearerToken");
    }
}
