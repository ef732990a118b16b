package io.gatepass.cli.internal.aws.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.cli.AwsClis;
import io.gatepass.cli.testing.CliRun;
import io.gatepass.cli.testing.CliTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property test of the printing rules (YAML quoting and folding, text, table widths, JSON escapes, number spelling):
 * a seeded document of tricky values goes through aws v2's own formatters as a JMESPath literal
 * ({@code --query `...`} replaces the response), and {@link Renderer} must print the same bytes in every format.
 */
class AwsLiteralParityTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long SEED = 20261123L;
    private static final List<String> FORMATS = List.of("json", "text", "table", "table+color", "yaml",
            "yaml-stream");

    @TempDir
    static Path dir;

    private static CliTestServer server;
    private static JsonNode document;
    private static final Map<String, CliRun.Result> AWS_OUTPUT = new LinkedHashMap<>();

    @BeforeAll
    static void printTheDocumentWithAws() throws Exception {
        AwsClis.assumeOrFail(AwsClis.v2(), "aws-cli/2");
        server = CliTestServer.start(dir.resolve("data"));
        CliRun run = CliRun.against(server, dir.resolve("home"));
        String json = MAPPER.writeValueAsString(new TrickyValues(SEED).document(120));
        document = MAPPER.readTree(json);
        String literal = "`" + json.replace("`", "\\`") + "`";
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Map<String, Future<CliRun.Result>> pending = new LinkedHashMap<>();
            for (String format : FORMATS) {
                boolean color = format.endsWith("+color");
                String output = color ? "table" : format;
                pending.put(format, pool.submit(() -> run.aws(AwsClis.v2(), "--endpoint-url", server.endpoint(),
                        "sts", "get-caller-identity", "--output", output, "--color", color ? "on" : "off",
                        "--query", literal)));
            }
            for (Map.Entry<String, Future<CliRun.Result>> entry : pending.entrySet()) {
                AWS_OUTPUT.put(entry.getKey(), entry.getValue().get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> trickyValuesPrintAsAwsPrintsThem() {
        return FORMATS.stream().map(format -> DynamicTest.dynamicTest(format, () -> {
            CliRun.Result expected = AWS_OUTPUT.get(format);
            assertThat(expected.exitCode()).as(expected.err()).isZero();
            boolean color = format.endsWith("+color");
            OutputFormat outputFormat = OutputFormat.parse(color ? "table" : format);

            String actual = Renderer.render(document, outputFormat, "GetCallerIdentity", color);

            assertThat(actual).isEqualTo(expected.out());
        }));
    }
}
