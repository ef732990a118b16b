package io.gatepass.cli.internal.aws.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @Test
    void authorizationHeader_keepsCredentialScopeButNotSignature() {
        String header = "AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20260101/us-east-1/sts/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=0123456789abcdef0123456789abcdef";
        assertThat(Redaction.header("Authorization", header))
                .isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20260101/us-east-1/sts/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=<redacted>");
    }

    @Test
    void securityTokenHeader_isHiddenWhateverItsCase() {
        assertThat(Redaction.header("X-Amz-Security-Token", "FQoGZXIvYXdzEJr")).isEqualTo("<redacted>");
        assertThat(Redaction.header("x-amz-security-token", "FQoGZXIvYXdzEJr")).isEqualTo("<redacted>");
        assertThat(Redaction.header("Content-Type", "application/x-amz-json-1.1"))
                .isEqualTo("application/x-amz-json-1.1");
    }

    @Test
    void jsonBodies_hideTokensOfCodeArtifactAndGameLiftButKeepOtherFields() {
        assertThat(Redaction.body("{\"authorizationToken\":\"eyJ2ZXIiOjF9.abc\",\"expiration\":1.7E9}"))
                .isEqualTo("{\"authorizationToken\":\"<redacted>\",\"expiration\":1.7E9}");
        assertThat(Redaction.body("{\"FleetId\":\"fleet-1\",\"AuthToken\": \"gp1.a\\\"b\",\"NextToken\":\"n1\"}"))
                .isEqualTo("{\"FleetId\":\"fleet-1\",\"AuthToken\": \"<redacted>\",\"NextToken\":\"n1\"}");
    }

    @Test
    void xmlAndFormBodies_hideSecretKeysAndSessionTokens() {
        assertThat(Redaction.body("<Credentials><AccessKeyId>ASIA1</AccessKeyId><SecretAccessKey>s/k+1"
                + "</SecretAccessKey><SessionToken>tok</SessionToken></Credentials>"))
                .isEqualTo("<Credentials><AccessKeyId>ASIA1</AccessKeyId><SecretAccessKey><redacted>"
                        + "</SecretAccessKey><SessionToken><redacted></SessionToken></Credentials>");
        assertThat(Redaction.body("Action=CreateLoginProfile&UserName=bob&Password=hunter2&Version=2010-05-08"))
                .isEqualTo("Action=CreateLoginProfile&UserName=bob&Password=<redacted>&Version=2010-05-08");
    }

    @Test
    void presignedUrl_hidesSignatureAndToken() {
        assertThat(Redaction.url("https://h/p?X-Amz-Signature=abc&X-Amz-Security-Token=t&x=1"))
                .isEqualTo("https://h/p?X-Amz-Signature=<redacted>&X-Amz-Security-Token=<redacted>&x=1");
    }

    @Test
    void randomSecretsInRandomJsonDocuments_neverSurviveRedaction() {
        Random random = new Random(20260106L);
        List<String> secretKeys = List.of("SecretAccessKey", "SessionToken", "authorizationToken", "AuthToken",
                "secretAccessKey", "sessionToken");
        for (int run = 0; run < 500; run++) {
            String secret = randomValue(random);
            StringBuilder json = new StringBuilder("{");
            int position = random.nextInt(4);
            for (int field = 0; field < 4; field++) {
                if (field > 0) {
                    json.append(random.nextBoolean() ? "," : ", ");
                }
                if (field == position) {
                    json.append('"').append(secretKeys.get(random.nextInt(secretKeys.size()))).append('"')
                            .append(random.nextBoolean() ? ":" : " : ").append('"').append(secret).append('"');
                } else {
                    json.append("\"Field").append(field).append("\":\"visible").append(field).append('"');
                }
            }
            String redacted = Redaction.body(json.append('}').toString());
            assertThat(redacted).as(json.toString()).doesNotContain(secret).contains("<redacted>");
            for (int field = 0; field < 4; field++) {
                if (field != position) {
                    assertThat(redacted).contains("visible" + field);
                }
            }
        }
    }

    private static String randomValue(Random random) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=.-_~";
        StringBuilder value = new StringBuilder("S3cr");
        int length = 8 + random.nextInt(40);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(20) == 0) {
                value.append("\\\"");
            } else {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return value.toString();
    }
}
