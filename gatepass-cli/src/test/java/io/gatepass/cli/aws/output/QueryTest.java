package io.gatepass.cli.aws.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.cli.aws.CliException;
import org.junit.jupiter.api.Test;

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
}
