package io.gatepass.cli.internal.aws.login;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class GradlePropertiesTest {

    private static final Map<String, String> LOGIN = Map.of(
            "codeartifactUrl", "https://gatepass.example/codeartifact/team-111122223333/maven/libs/",
            "codeartifactUsername", "aws",
            "codeartifactPassword", "TOKEN-1");

    @Test
    void newFile_holdsTheCommentAndTheProperties() {
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("codeartifactUrl", "https://h/x/");
        ordered.put("codeartifactPassword", "T");
        assertThat(GradleProperties.with(null, ordered, "login"))
                .isEqualTo("# login\ncodeartifactUrl=https://h/x/\ncodeartifactPassword=T\n");
    }

    @Test
    void existingFile_keepsItsLinesAndComments_updatesItsOwnKeysInPlace_andAppendsTheRest() {
        String existing = """
                # build tuning
                org.gradle.jvmargs=-Xmx2g
                ! another comment style
                codeartifactPassword = old-token
                long.value = first \\
                    codeartifactUrl=not-a-key-but-a-continuation
                org.gradle.caching:true""";
        String updated = GradleProperties.with(existing, LOGIN, "login");

        assertThat(updated).startsWith("""
                # build tuning
                org.gradle.jvmargs=-Xmx2g
                ! another comment style
                codeartifactPassword=TOKEN-1
                long.value = first \\
                    codeartifactUrl=not-a-key-but-a-continuation
                org.gradle.caching:true

                # login
                """);
        Properties loaded = load(updated);
        assertThat(loaded).containsAllEntriesOf(LOGIN).containsEntry("org.gradle.caching", "true")
                .containsEntry("long.value", "first codeartifactUrl=not-a-key-but-a-continuation");
        assertThat(GradleProperties.with(updated, LOGIN, "login")).isEqualTo(updated);
    }

    @Test
    void valuesReadBack_asWritten_whateverTheirCharacters() {
        Random random = new Random(20261123L);
        String alphabet = "ab:=#!\\ \t\u00e9\u20ac/%&";
        for (int round = 0; round < 500; round++) {
            StringBuilder value = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String written = GradleProperties.with("x=1\n", Map.of("codeartifactUrl", value.toString()), "c");
            assertThat(load(written)).as("value %s", value).containsEntry("codeartifactUrl", value.toString())
                    .containsEntry("x", "1");
        }
    }

    private static Properties load(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return properties;
    }
}
