package io.gatepass.server.internal.api.codeartifact;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CodeArtifactSupportTest {

    @Test
    void isDomainName_whenGivenRandomNames_agreesWithTheModelsLengthAndPattern() {
        Random random = new Random(20261207);
        String alphabet = "abcxyz0189-_A.Zé ";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(55);
            for (int k = 0; k < length; k++) {
                // mostly characters a domain name may hold, so that many of the names are valid
                name.append(random.nextInt(4) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : alphabet.charAt(random.nextInt(11)));
            }
            String value = name.toString();
            boolean modelAccepts = value.length() >= 2 && value.length() <= 50
                    && CodeArtifactSupport.DOMAIN_NAME.matcher(value).matches();

            assertThat(CodeArtifactSupport.isDomainName(value)).as(value).isEqualTo(modelAccepts);
        }
    }

    @Test
    void isDomainName_whenNullOrAtTheEdges_decidesAsTheModel() {
        assertThat(CodeArtifactSupport.isDomainName(null)).isFalse();
        assertThat(CodeArtifactSupport.isDomainName("a")).isFalse();
        assertThat(CodeArtifactSupport.isDomainName("a1")).isTrue();
        assertThat(CodeArtifactSupport.isDomainName("1a")).isFalse();
        assertThat(CodeArtifactSupport.isDomainName("a-")).isFalse();
        assertThat(CodeArtifactSupport.isDomainName("a" + "-".repeat(48) + "b")).isTrue();
        assertThat(CodeArtifactSupport.isDomainName("a" + "-".repeat(49) + "b")).isFalse();
    }
}
