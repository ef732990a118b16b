package io.gatepass.cli.internal.aws.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.burt.jmespath.jackson.JacksonRuntime;
import io.gatepass.cli.internal.aws.CliException;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    @Test
    void apply_whenProjectingAList_returnsTheProjectedValues() throws Exception {
        JsonNode response = json("{\"Fleets\":[{\"FleetId\":\"fleet-1\"},{\"FleetId\":\"fleet-2\"}]}");

        assertThat(Query.compile("Fleets[].FleetId").apply(response)).isEqualTo(json("[\"fleet-1\",\"fleet-2\"]"));
    }

    @Test
    void apply_whenTheKeyIsMissing_returnsJsonNull() throws Exception {
        JsonNode result = Query.compile("Nothing.Here").apply(json("{\"A\":1}"));

        assertThat(result.isNull()).isTrue();
        assertThat(Renderer.render(result, OutputFormat.JSON, "Op", false)).isEqualTo("null\n");
    }

    @Test
    void compile_whenTheExpressionEndsEarly_failsAsAwsWithIncompleteExpression() {
        assertThatThrownBy(() -> Query.compile("["))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(252))
                .hasMessage("Bad value for --query [: Invalid jmespath expression: Incomplete expression:\n"
                        + "\"[\"\n  ^");
    }

    @Test
    void compile_whenATokenIsUnexpected_namesTheColumnAndToken() {
        assertThatThrownBy(() -> Query.compile("foo)"))
                .hasMessage("Bad value for --query foo): Unexpected token: ): Parse error at column 3, token \")\" "
                        + "(RPAREN), for expression:\n\"foo)\"\n    ^");
    }

    @Test
    void compile_whenEmpty_failsAsAws() {
        assertThatThrownBy(() -> Query.compile(""))
                .hasMessage("Bad value for --query : Invalid JMESPath expression: cannot be empty.");
    }

    @Test
    void apply_whenTheQueryIsAChainOfFields_givesWhatJmesPathGives() {
        Random random = new Random(20261123L);
        JacksonRuntime jmespath = new JacksonRuntime();
        String[] names = {"a", "b", "Domain", "_x9"};
        for (int round = 0; round < 500; round++) {
            JsonNode input = randomValue(random, names, 3);
            StringBuilder expression = new StringBuilder(names[random.nextInt(names.length)]);
            for (int depth = random.nextInt(3); depth > 0; depth--) {
                expression.append('.').append(names[random.nextInt(names.length)]);
            }
            JsonNode expected = jmespath.compile(expression.toString()).search(input);

            assertThat(Query.compile(expression.toString()).apply(input))
                    .as("%s on %s", expression, input)
                    .isEqualTo(expected == null ? JsonNodeFactory.instance.nullNode() : expected);
        }
    }

    private static JsonNode randomValue(Random random, String[] names, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (depth == 0 ? random.nextInt(4) : random.nextInt(6)) {
            case 0: return nodes.textNode("v" + random.nextInt(10));
            case 1: return nodes.numberNode(random.nextInt(100));
            case 2: return nodes.nullNode();
            case 3: return nodes.booleanNode(random.nextBoolean());
            case 4: return nodes.arrayNode().add(randomValue(random, names, depth - 1));
            default:
                ObjectNode object = nodes.objectNode();
                for (String name : names) {
                    if (random.nextBoolean()) {
                        object.set(name, randomValue(random, names, depth - 1));
                    }
                }
                return object;
        }
    }
}
