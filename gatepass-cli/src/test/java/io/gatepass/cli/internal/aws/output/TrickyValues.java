package io.gatepass.cli.internal.aws.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of JSON documents full of strings that are hard to print: YAML look-alikes (booleans, numbers,
 * dates, null), indicators, quotes, control and line-break characters, wide and astral characters, and long texts
 * that must be folded.
 */
final class TrickyValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final List<String> KNOWN = List.of("yes", "no", "on", "off", "y", "true", "True", "TRUE", "tRue", "false",
            "null", "Null", "~", "", "1", "1.0", "0x1F", "0o17", "012", "09", "1_000", "1e3", ".5", "-.inf", ".nan",
            "1:20", "2026-11-23T19:40:12+00:00", "2026-11-23", "2026-1-2 3:04:05", "=", "<<", "-", "- a", "a:",
            "a: b", "a #b", "a#b", "#a", "[x", "x]", "@x", "`x", "%x", "!x", "&x", "*x", "|x", ">x", "'x", "\"x",
            "?x", "? x", ":x", "x:y", "---", "...", "--- x", "a,b", "héllo", "日本語", "\tx", "a\nb", "a\n\nb",
            "a \nb", "a\n b", "\u0085", "\u00a0x", "x\u2028y", "\ufeffx", "😀", "\u007f", "\u001b", " lead",
            "trail ", "a  b", "-1", "+1", "-_", "_", "0b101", "1.", ".", "0.0.0", "it's", "a\r\nb", "x\n", "\n",
            "back\\slash", "ends with colon:", "arn:aws:iam::111122223333:user/a b");

    private static final String[] PIECES = {"a", "Z", "0", "1", "9", "e", "E", ".", "-", "+", "_", ":", "#", "?",
            "!", "&", "*", "|", ">", "'", "\"", "%", "@", ",", "[", "]", "{", "}", "~", "\\", " ", "  ", "\t", "\n",
            "\r", "é", "日", "\u00a0", "\u0085", "\u2028", "\ufeff", "😀", "\u001b", "\u007f", "true", "null", "yes",
            "0x", "0o", "2026-11-23", "T12:00:00", "+00:00", "Z"};

    private final Random random;

    TrickyValues(long seed) {
        this.random = new Random(seed);
    }

    /** A document: every known tricky string, random short and long strings, tricky keys, numbers and nesting. */
    ObjectNode document(int randomStrings) {
        ObjectNode root = NODES.objectNode();
        int index = 0;
        for (String known : KNOWN) {
            root.put(String.format("k%03d", index++), known);
        }
        for (int i = 0; i < randomStrings; i++) {
            root.put(String.format("k%03d", index++), random.nextInt(4) == 0 ? longText() : shortString());
        }
        ObjectNode keys = root.putObject("TrickyKeys");
        for (int i = 0; i < 12; i++) {
            keys.put(shortString(), shortString());
        }
        keys.put("k".repeat(130), "a key too long to be simple");
        keys.put("multi\nline key", "v");
        ArrayNode numbers = root.putArray("Numbers");
        numbers.add(0).add(-1).add(1.5).add(1e-05).add(1e16).add(new BigInteger("123456789012345678901234567890"))
                .add(-0.0).add(2.5e-300).add(0.1).add(1e15).add(true).add(false).addNull();
        ArrayNode lists = root.putArray("Lists");
        lists.addArray().add("x").add(shortString());
        lists.addArray().add(shortString()).add(longText());
        root.putArray("Scalars").add(shortString()).add(longText()).add(7);
        root.putArray("NoItems");
        root.putObject("Empty");
        ArrayNode items = root.putArray("Items");
        for (int i = 0; i < 3; i++) {
            ObjectNode item = items.addObject();
            item.put("Name", shortString()).put("Text", longText()).put("N", random.nextInt(1000));
            item.putArray("Tags").add(shortString()).add(shortString());
            item.putObject("Nested").put("Deep", shortString()).putObject("Empty");
        }
        return root;
    }

    private String shortString() {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(6);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    private String longText() {
        StringBuilder text = new StringBuilder();
        int target = 60 + random.nextInt(240);
        while (text.length() < target) {
            if (text.length() > 0) {
                text.append(random.nextInt(8) == 0 ? "  " : " ");
            }
            int letters = 1 + random.nextInt(9);
            for (int i = 0; i < letters; i++) {
                text.append(random.nextInt(15) == 0 ? PIECES[random.nextInt(PIECES.length)]
                        : (char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }
}
