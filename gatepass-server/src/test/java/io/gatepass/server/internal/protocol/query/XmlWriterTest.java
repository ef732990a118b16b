package io.gatepass.server.internal.protocol.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.server.internal.api.Empty;
import io.gatepass.server.internal.api.Naming;
import io.gatepass.server.internal.protocol.WireMappers;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query protocol's XML results, written straight from the output record, are byte for byte what the protocol
 * wrote when it went through a Jackson tree ({@code valueToTree}, then a walk of the tree, kept below as the reference).
 */
class XmlWriterTest {
    private static final long SEED = 20261207L;
    private static final String ALPHABET = "aZ9 <>&\"'\r\n\t\u0000\u0001\u001f\u007f\u00e9\u20ac\ud83d\ude00;=.%+";

    enum Kind { FIRST, SECOND_ONE }

    record Leaf(String text, Integer number, Long big, Double real, Float single, Boolean flag, BigDecimal decimal,
                BigInteger huge, Instant time, byte[] blob, Kind kind, Short small, int primitive) {
    }

    record Node(String name, Leaf leaf, List<Leaf> leaves, List<String> strings, List<List<Integer>> nested,
                Map<String, String> tags, Node child, List<Node> children, Empty nothing) {
    }

    private final WireMappers mappers = new WireMappers();

    @Test
    void result_whenOutputsRandom_matchesTheTreeWalkByteForByte() {
        Random random = new Random(SEED);
        for (int i = 0; i < 3_000; i++) {
            Naming naming = Naming.values()[i % Naming.values().length];
            Object output = switch (i % 10) {
                case 0 -> leaf(random);
                case 1 -> random.nextBoolean() ? null : List.of(leaf(random));
                default -> node(random, 3);
            };
            assertThat(written(naming, output)).as("output %d: %s", i, output).isEqualTo(reference(naming, output));
        }
    }

    @Test
    void result_whenOutputHasNoMembers_writesNoResultElement() {
        assertThat(written(Naming.PASCAL_CASE, Empty.INSTANCE)).isEmpty();
        assertThat(written(Naming.PASCAL_CASE, new Node(null, null, null, null, null, null, null, null, null)))
                .isEmpty();
        assertThat(reference(Naming.PASCAL_CASE, Empty.INSTANCE)).isEmpty();
    }

    @Test
    void result_whenMembersNeedEscaping_escapesThemAndLeavesNullsOut() {
        Node node = new Node("a<b>&\"c'\r\u0001", null, null, java.util.Arrays.asList("x", null, "y"), null, null,
                null, null, null);

        assertThat(written(Naming.PASCAL_CASE, node)).isEqualTo("<R><Name>a&lt;b&gt;&amp;&quot;c&apos;&#xD;&#x1;"
                + "</Name><Strings><member>x</member><member>y</member></Strings></R>");
    }

    @Test
    void result_whenScalarsOfEveryType_spellsThemAsBefore() {
        Leaf leaf = new Leaf("t", -5, Long.MAX_VALUE, 0.1, 1.5f, true, new BigDecimal("10.500"),
                BigInteger.TEN.pow(30), Instant.parse("2026-12-07T04:00:00.120Z"), new byte[] {1, 2, (byte) 255},
                Kind.SECOND_ONE, (short) 7, 0);

        assertThat(written(Naming.CAMEL_CASE, leaf)).isEqualTo(reference(Naming.CAMEL_CASE, leaf));
    }

    private String written(Naming naming, Object output) {
        try {
            return new XmlWriter().result("R", mappers.text(naming).writer(), output).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What the query protocol wrote before: the output as a tree, then the tree's members as elements. */
    private String reference(Naming naming, Object output) {
        ObjectMapper mapper = mappers.text(naming);
        JsonNode tree = mapper.valueToTree(output);
        StringBuilder out = new StringBuilder();
        if (tree != null && tree.size() > 0) {
            out.append("<R>");
            members(out, tree);
            out.append("</R>");
        }
        return out.toString();
    }

    private static void members(StringBuilder out, JsonNode object) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            value(out, field.getKey(), field.getValue());
        }
    }

    private static void value(StringBuilder out, String name, JsonNode node) {
        if (node == null || node.isNull()) {
            return;
        }
        out.append('<').append(name).append('>');
        if (node.isObject()) {
            members(out, node);
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                value(out, "member", item);
            }
        } else {
            escape(out, node.asText());
        }
        out.append("</").append(name).append('>');
    }

    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#xD;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    private static Node node(Random random, int depth) {
        return new Node(maybe(random, () -> text(random)), maybe(random, () -> leaf(random)),
                maybe(random, () -> list(random, () -> maybe(random, () -> leaf(random)))),
                maybe(random, () -> list(random, () -> maybe(random, () -> text(random)))),
                maybe(random, () -> list(random, () -> maybe(random, () -> list(random,
                        () -> maybe(random, random::nextInt))))),
                maybe(random, () -> tags(random)),
                depth > 0 ? maybe(random, () -> node(random, depth - 1)) : null,
                depth > 0 ? maybe(random, () -> list(random, () -> maybe(random, () -> node(random, depth - 1))))
                        : null,
                maybe(random, () -> Empty.INSTANCE));
    }

    private static Leaf leaf(Random random) {
        return new Leaf(maybe(random, () -> text(random)), maybe(random, random::nextInt),
                maybe(random, random::nextLong), maybe(random, () -> real(random)),
                maybe(random, () -> (float) real(random)), maybe(random, random::nextBoolean),
                maybe(random, () -> BigDecimal.valueOf(random.nextInt(2_000_001) - 1_000_000, random.nextInt(8) - 2)),
                maybe(random, () -> new BigInteger(random.nextInt(100) + 1, random)),
                maybe(random, () -> Instant.ofEpochMilli(random.nextLong() % 4_000_000_000_000L)),
                maybe(random, () -> bytes(random)), maybe(random, () -> Kind.values()[random.nextInt(2)]),
                maybe(random, () -> (short) random.nextInt()), random.nextInt());
    }

    private static double real(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> random.nextInt(1000);
            case 1 -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            case 2 -> new double[] {Double.NaN, Double.POSITIVE_INFINITY, -0.0, Double.MIN_VALUE}[random.nextInt(4)];
            default -> random.nextDouble();
        };
    }

    private static byte[] bytes(Random random) {
        byte[] bytes = new byte[random.nextInt(40)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static Map<String, String> tags(Random random) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            tags.put("k" + text(random).replaceAll("[^a-zA-Z0-9]", ""), maybe(random, () -> text(random)));
        }
        return tags;
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static <T> List<T> list(Random random, java.util.function.Supplier<T> item) {
        List<T> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            list.add(item.get());
        }
        return list;
    }

    private static <T> T maybe(Random random, java.util.function.Supplier<T> value) {
        return random.nextInt(4) == 0 ? null : value.get();
    }
}
