package io.gatepass.server.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Small random edits to a valid input: byte changes, bit flips, truncation, deletion, duplication of a slice, and
 * splices of tokens that parsers of the format care about (the {@code splices} dictionary).
 */
public final class Mutator {
    private final List<byte[]> splices;

    public Mutator(List<String> splices) {
        this.splices = splices.stream().map(s -> s.getBytes(StandardCharsets.ISO_8859_1)).toList();
    }

    /** Tokens that matter to the AWS wire formats: form encoding, JSON, XML, and CBOR's special bytes. */
    public static Mutator forApiBodies() {
        return new Mutator(List.of("%", "%ZZ", "%0", "%00", "%ff", "&", "=", "&&", "==", ".member.", ".member.0",
                ".member.1", ".member.99999", ".entry.1.key", "Action=", "Version=", "\u0000", "\"", "\\", "\\u",
                "\\ud800", "{", "}", "[", "]", ",", ":", "null", "true", "-1", "0", "1e999", "-0.0",
                "99999999999999999999", "\"__type\":", "{\"a\":{\"a\":{\"a\":[[[[", "<", ">", "]]>", "&amp;",
                "\u00ff", "\u00c3\u00a9", "\r\n", "\t",
                // CBOR: undefined, break, indefinite map/array/text, tags 1 and 55799, float64, negative int, bytes
                "\u00f7", "\u00ff", "\u00bf", "\u009f", "\u007f", "\u00c1", "\u00d9\u00d9\u00f7", "\u00fb", "\u0020",
                "\u0040", "\u005b\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff", "\u00a1\u0001\u0001"));
    }

    /** One to four edits of {@code valid} (which is not changed). */
    public byte[] mutate(byte[] valid, Random random) {
        byte[] data = valid.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            data = edit(data, random);
        }
        return data;
    }

    /** The same, for text (edited as ISO-8859-1 bytes, so every char stays one byte). */
    public String mutate(String valid, Random random) {
        return new String(mutate(valid.getBytes(StandardCharsets.ISO_8859_1), random), StandardCharsets.ISO_8859_1);
    }

    private byte[] edit(byte[] data, Random random) {
        int kind = data.length == 0 ? 3 : random.nextInt(7);
        switch (kind) {
            case 0 -> data[random.nextInt(data.length)] = (byte) random.nextInt(256);
            case 1 -> data = Arrays.copyOf(data, random.nextInt(data.length + 1));
            case 2 -> {
                int at = random.nextInt(data.length + 1);
                int length = random.nextInt(Math.min(20, data.length - at) + 1);
                byte[] shorter = new byte[data.length - length];
                System.arraycopy(data, 0, shorter, 0, at);
                System.arraycopy(data, at + length, shorter, at, data.length - at - length);
                data = shorter;
            }
            case 3, 4 -> data = splice(data, random.nextInt(data.length + 1),
                    splices.get(random.nextInt(splices.size())));
            case 5 -> {
                int from = random.nextInt(data.length);
                int length = Math.min(1 + random.nextInt(64), data.length - from);
                data = splice(data, random.nextInt(data.length + 1), Arrays.copyOfRange(data, from, from + length));
            }
            default -> data[random.nextInt(data.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return data;
    }

    /** {@code data} with {@code insert} put in at index {@code at}. */
    public static byte[] splice(byte[] data, int at, byte[] insert) {
        byte[] out = new byte[data.length + insert.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(data, at, out, at + insert.length, data.length - at);
        return out;
    }
}
