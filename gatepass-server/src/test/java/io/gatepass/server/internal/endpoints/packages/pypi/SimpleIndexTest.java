package io.gatepass.server.internal.endpoints.packages.pypi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimpleIndexTest {
    private static final String SHA = "a".repeat(64);
    private static final Instant UPLOADED = Instant.parse("2026-12-06T08:30:01.123456Z");
    private static final SimpleProject PROJECT = new SimpleProject("Tiny_Pkg", List.of("1.0", "2.0rc1"), List.of(
            new SimpleFile("tiny_pkg-1.0.tar.gz", "1.0", SHA, 1234, UPLOADED, ">=3.8,<4"),
            new SimpleFile("tiny_pkg-2.0rc1-py3-none-any.whl", "2.0rc1", SHA, 99, UPLOADED, null)
                    .yanked("broken \"install\" <script>"),
            new SimpleFile("tiny_pkg-1.0+local.1-py3-none-any.whl", "1.0+local.1", SHA, 5, UPLOADED, "")
                    .yanked(null)));
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void projectPage_html_linksWithHashesRequiresPythonAndYanked() {
        String html = new String(SimpleIndex.projectPage(PROJECT, SimpleFormat.TEXT_HTML), StandardCharsets.UTF_8);

        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<meta name=\"pypi:repository-version\" content=\"1.1\">")
                .contains("<title>Links for tiny-pkg</title>")
                .contains("<a href=\"1.0/tiny_pkg-1.0.tar.gz#sha256=" + SHA
                        + "\" data-requires-python=\"&gt;=3.8,&lt;4\">tiny_pkg-1.0.tar.gz</a>")
                .contains("data-yanked=\"broken &quot;install&quot; &lt;script&gt;\"")
                .contains("<a href=\"1.0%2Blocal.1/tiny_pkg-1.0%2Blocal.1-py3-none-any.whl#sha256=" + SHA
                        + "\" data-yanked=\"\">")
                .doesNotContain("<script>");
        assertThat(SimpleIndex.projectPage(PROJECT, SimpleFormat.V1_HTML))
                .isEqualTo(SimpleIndex.projectPage(PROJECT, SimpleFormat.TEXT_HTML));
    }

    @Test
    void projectPage_json_pep691WithPep700Members() throws Exception {
        JsonNode page = json.readTree(SimpleIndex.projectPage(PROJECT, SimpleFormat.V1_JSON));

        assertThat(page.at("/meta/api-version").asText()).isEqualTo("1.1");
        assertThat(page.get("name").asText()).isEqualTo("tiny-pkg");
        assertThat(page.get("versions")).hasSize(2);
        assertThat(page.at("/versions/1").asText()).isEqualTo("2.0rc1");
        JsonNode first = page.at("/files/0");
        assertThat(first.get("filename").asText()).isEqualTo("tiny_pkg-1.0.tar.gz");
        assertThat(first.get("url").asText()).isEqualTo("1.0/tiny_pkg-1.0.tar.gz");
        assertThat(first.at("/hashes/sha256").asText()).isEqualTo(SHA);
        assertThat(first.get("requires-python").asText()).isEqualTo(">=3.8,<4");
        assertThat(first.get("size").asLong()).isEqualTo(1234);
        assertThat(first.get("upload-time").asText()).isEqualTo("2026-12-06T08:30:01.123456Z");
        assertThat(first.get("yanked").isBoolean()).isTrue();
        assertThat(first.get("yanked").asBoolean()).isFalse();
        assertThat(page.at("/files/1/yanked").asText()).isEqualTo("broken \"install\" <script>");
        assertThat(page.at("/files/1").has("requires-python")).isFalse();
        assertThat(page.at("/files/2/yanked").asBoolean()).isTrue();
    }

    @Test
    void projectPage_withCoreMetadata_announcedInBothForms() throws Exception {
        SimpleProject project = new SimpleProject("p", List.of("1"), List.of(new SimpleFile("p-1-py3-none-any.whl",
                "1", SHA, 1, UPLOADED, null, null, "b".repeat(64))));

        String html = new String(SimpleIndex.projectPage(project, SimpleFormat.TEXT_HTML), StandardCharsets.UTF_8);
        JsonNode page = json.readTree(SimpleIndex.projectPage(project, SimpleFormat.V1_JSON));

        assertThat(html).contains("data-core-metadata=\"sha256=" + "b".repeat(64) + "\"");
        assertThat(page.at("/files/0/core-metadata/sha256").asText()).isEqualTo("b".repeat(64));
        assertThat(page.at("/files/0").has("dist-info-metadata")).as("pip 23.0 fails on the old name").isFalse();
        assertThat(html).doesNotContain("data-dist-info-metadata");
    }

    @Test
    void projectList_bothForms_everyProjectLinkedByNormalizedName() throws Exception {
        List<String> names = List.of("Tiny_Pkg", "requests", "a<b");
        String html = new String(SimpleIndex.projectList(names, SimpleFormat.TEXT_HTML), StandardCharsets.UTF_8);
        JsonNode list = json.readTree(SimpleIndex.projectList(names, SimpleFormat.V1_JSON));

        assertThat(html).contains("<a href=\"tiny-pkg/\">Tiny_Pkg</a>", "<a href=\"requests/\">requests</a>",
                "a&lt;b");
        assertThat(list.at("/meta/api-version").asText()).isEqualTo("1.1");
        assertThat(list.get("projects")).hasSize(3);
        assertThat(list.at("/projects/0/name").asText()).isEqualTo("Tiny_Pkg");
    }

    @Test
    void projectPage_empty_validDocuments() throws Exception {
        SimpleProject empty = new SimpleProject("x", List.of(), List.of());
        assertThat(json.readTree(SimpleIndex.projectPage(empty, SimpleFormat.V1_JSON)).get("files")).isEmpty();
        assertThat(new String(SimpleIndex.projectPage(empty, SimpleFormat.TEXT_HTML), StandardCharsets.UTF_8))
                .contains("<h1>Links for x</h1>").endsWith("</html>\n");
    }
}
