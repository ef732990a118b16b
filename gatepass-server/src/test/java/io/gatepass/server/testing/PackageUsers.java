package io.gatepass.server.testing;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * Users of the package end-to-end tests (Maven, npm, their upstream variants): an IAM user allowed what the given
 * policy statements say plus {@code sts:GetServiceBearerToken} (which every CodeArtifact authorization token needs),
 * and such a token for a user.
 */
public final class PackageUsers {
    private static final String BEARER = "{\"Effect\":\"Allow\",\"Action\":\"sts:GetServiceBearerToken\","
            + "\"Resource\":\"*\"}";

    /** May get a token, read every repository and publish to it. */
    public static final String PUBLISH_AND_READ = "{\"Effect\":\"Allow\",\"Action\":["
            + "\"codeartifact:GetAuthorizationToken\",\"codeartifact:ReadFromRepository\","
            + "\"codeartifact:PublishPackageVersion\"],\"Resource\":\"*\"}";

    private PackageUsers() {
    }

    /** Creates user {@code name} through {@code iam} with an access key; {@code statements} are JSON objects. */
    public static AwsCredentials create(IamClient iam, String name, String statements) {
        iam.createUser(r -> r.userName(name));
        iam.putUserPolicy(r -> r.userName(name).policyName("p").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "," + BEARER + "]}"));
        AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    /** Allows {@code action} (one action or a wildcard) on every resource. */
    public static String allow(String action) {
        return "{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"*\"}";
    }

    /**
     * May get a token and read {@code repository} of {@code domain} only (reading through its upstreams needs
     * nothing more).
     */
    public static String readerOf(String domain, String repository) {
        return "{\"Effect\":\"Allow\",\"Action\":\"codeartifact:GetAuthorizationToken\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"codeartifact:ReadFromRepository\",\"Resource\":"
                + "\"arn:aws:codeartifact:" + TestServer.REGION + ":" + TestServer.ACCOUNT + ":repository/" + domain
                + "/" + repository + "\"}";
    }

    /** A CodeArtifact authorization token for {@code domain}, valid {@code seconds}. */
    public static String token(TestServer server, AwsCredentials credentials, String domain, long seconds) {
        try (CodeartifactClient client = server.codeArtifact(credentials)) {
            return client.getAuthorizationToken(r -> r.domain(domain).domainOwner(TestServer.ACCOUNT)
                    .durationSeconds(seconds)).authorizationToken();
        }
    }
}
