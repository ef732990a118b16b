package io.gatepass.cli.internal.aws.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShorthandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Test
    void parse_keyValuePairs_giveAnObject() throws IOException {
        assertThat(Shorthand.parse("Key=a,Value=b")).isEqualTo(json("{\"Key\":\"a\",\"Value\":\"b\"}"));
        assertThat(Shorthand.parse("Location=custom-home")).isEqualTo(json("{\"Location\":\"custom-home\"}"));
    }

    @Test
    void parse_trailingCommaValues_giveAList() throws IOException {
        assertThat(Shorthand.parse("a=b,c,d,e=f")).isEqualTo(json("{\"a\":[\"b\",\"c\",\"d\"],\"e\":\"f\"}"));
    }

    @Test
    void parse_explicitListsHashesAndQuotes_nest() throws IOException {
        assertThat(Shorthand.parse("a=[b,{c=d,e=[f]}],g='h,i',j=\"k\\\"l\""))
                .isEqualTo(json("{\"a\":[\"b\",{\"c\":\"d\",\"e\":[\"f\"]}],\"g\":\"h,i\",\"j\":\"k\\\"l\"}"));
    }

    @Test
    void parse_escapedComma_staysInTheValue() throws IOException {
        assertThat(Shorthand.parse("a=b\\,c")).isEqualTo(json("{\"a\":\"b,c\"}"));
    }

    @Test
    void parse_missingEquals_failsWithAwsCaret() {
        assertThatThrownBy(() -> Shorthand.parse("Cost=1,,"))
                .hasMessage("Expected: '=', received: 'EOF' for input:\nCost=1,,\n        ^");
    }

    @Test
    void parse_duplicateKey_explainsTheCommaMistake() {
        assertThatThrownBy(() -> Shorthand.parse("a=b,a=c"))
                .hasMessageStartingWith("Second instance of key \"a\" encountered for input:\na=b,a=c\n    ^");
    }

    /** aws-shorthand-cases.jsonl: aws v2's own parser over 600 seeded random inputs (src/build/generate-shorthand-cases.py). */
    @Test
    void parse_agreesWithAwsV2sParser_onRecordedRandomInputs() throws IOException {
        List<String> disagreements = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("aws-shorthand-cases.jsonl"), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                JsonNode record = JSON.readTree(line);
                String input = record.get("input").asText();
                String actual;
                try {
                    actual = "result " + Shorthand.parse(input);
                } catch (ShorthandException e) {
                    actual = "error " + e.getMessage();
                }
                String expected = record.has("error") ? "error " + record.get("error").asText()
                        : "result " + record.get("result");
                if (!expected.equals(actual)) {
                    disagreements.add(input + "\n  aws:      " + expected + "\n  gatepass: " + actual);
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    /** Random structures rendered as shorthand (quoting what needs it) parse back to themselves. */
    @Test
    void parse_roundTripsRandomStructures() {
        Random random = new Random(6);
        for (int i = 0; i < 2000; i++) {
            ObjectNode structure = randomObject(random, 0);
            String shorthand = render(structure, true);
            assertThat(Shorthand.parse(shorthand)).as(shorthand).isEqualTo(structure);
        }
    }

    private static ObjectNode randomObject(Random random, int depth) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        int size = 1 + random.nextInt(3);
        for (int i = 0; i < size; i++) {
            node.set(randomKey(random), randomValue(random, depth));
        }
        return node;
    }

    private static JsonNode randomValue(Random random, int depth) {
        int choice = random.nextInt(10);
        if (depth < 2 && choice == 0) {
            return randomObject(random, depth + 1);
        }
        if (depth < 2 && choice == 1) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            int size = 1 + random.nextInt(3);
            for (int i = 0; i < size; i++) {
                list.add(random.nextBoolean() ? JsonNodeFactory.instance.textNode(randomText(random))
                        : randomObject(random, depth + 1));
            }
            return list;
        }
        return JsonNodeFactory.instance.textNode(randomText(random));
    }

    private static String randomKey(Random random) {
        String chars = "abcXYZ019-_.#/:";
        StringBuilder key = new StringBuilder();
        int length = 1 + random.nextInt(8);
        for (int i = 0; i < length; i++) {
            key.append(chars.charAt(random.nextInt(chars.length())));
        }
        return key.toString();
    }

    private static String randomText(Random random) {
        String chars = "abc xyz 019=,[]{}'\"\\-:/.~*\u00e9";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(10);
        for (int i = 0; i < length; i++) {
            text.append(chars.charAt(random.nextInt(chars.length())));
        }
        return text.toString();
    }

    /** Every text is double-quoted with " and \ escaped, so any content survives. */
    private static String render(JsonNode node, boolean top) {
        if (node.isTextual()) {
            return "\"" + node.asText().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(render(item, false)));
            return "[" + String.join(",", items) + "]";
        }
        List<String> pairs = new ArrayList<>();
        node.fields().forEachRemaining(e -> pairs.add(e.getKey() + "=" + render(e.getValue(), false)));
        return top ? String.join(",", pairs) : "{" + String.join(",", pairs) + "}";
    }
}
