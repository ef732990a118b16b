package io.gatepass.server.internal.protocol.json;

import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.core.error.ErrorCode;
import io.gatepass.server.internal.api.Empty;
import io.gatepass.server.internal.api.ErrorSpec;
import io.gatepass.server.internal.api.ErrorSpelling;
import io.gatepass.server.internal.api.Naming;
import io.gatepass.server.internal.api.OperationTable;
import io.gatepass.server.internal.api.ServiceDescriptor;
import io.gatepass.server.internal.api.ServiceError;
import io.gatepass.server.internal.protocol.WireRequest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import static io.gatepass.server.internal.api.ErrorSpec.sender;

/**
 * A fake "echo" service for the JSON-shaped codec tests: one operation whose input has every kind of member the
 * codecs must carry (strings, integers, longs, booleans, doubles, a list, a nested record, a list of records, a
 * timestamp), registered under a PascalCase and a camelCase service; plus seeded random inputs.
 */
public final class CodecFixtures {
    private CodecFixtures() {
    }

    /** The echo services' error catalogue. */
    public enum EchoErrors implements ServiceError {
        /** Also the echo service's spelling of the protocol-neutral MissingParameter. */
        INVALID_REQUEST(sender("InvalidRequestException", 400).spells(CommonErrors.MISSING_PARAMETER)),
        NOT_FOUND(sender("NotFoundException", 404)),
        VALIDATION(sender("ValidationException", 400)),
        CONFLICT(sender("ConflictException", 409));

        private final ErrorSpec spec;

        EchoErrors(ErrorSpec spec) {
            this.spec = spec;
        }

        @Override
        public ErrorSpec spec() {
            return spec;
        }
    }

    public static final ErrorCode INVALID_REQUEST = EchoErrors.INVALID_REQUEST;
    public static final ErrorCode NOT_FOUND = EchoErrors.NOT_FOUND;

    /** Spells the protocol-neutral MissingParameter as the service's own InvalidRequestException, else as JSON does. */
    public static final ServiceDescriptor ECHO = new ServiceDescriptor("echo", "Echo", Naming.PASCAL_CASE,
            INVALID_REQUEST, ErrorSpelling.json(EchoErrors.values()));
    public static final ServiceDescriptor CAMEL_ECHO = new ServiceDescriptor("camelecho", "CamelEcho",
            Naming.CAMEL_CASE, EchoErrors.VALIDATION, ErrorSpelling.JSON);

    public record Nested(String key, Integer value, Boolean flag) {
    }

    public record EchoInput(String name, Integer count, Long big, Boolean enabled, Double ratio, List<String> tags,
                            Nested nested, List<Nested> items, Instant at) {
    }

    public record EchoOutput(String name, Integer count, Long big, Boolean enabled, Double ratio, List<String> tags,
                             Nested nested, List<Nested> items, Instant at) {
        public static EchoOutput of(EchoInput in) {
            return new EchoOutput(in.name(), in.count(), in.big(), in.enabled(), in.ratio(), in.tags(), in.nested(),
                    in.items(), in.at());
        }
    }

    /** An input whose constructor enforces a rule with the service's own error, as handlers' records may. */
    public record Guarded(String name) {
        public Guarded {
            if ("forbidden".equals(name)) {
                throw INVALID_REQUEST.exception("name must not be 'forbidden'");
            }
        }
    }

    /** An input whose constructor refuses a value with a plain exception, whose message must not reach the client. */
    public record Checked(Integer size) {
        public Checked {
            if (size != null && size < 0) {
                throw new IllegalArgumentException("internal detail: size " + size);
            }
        }
    }

    /** An input with a primitive member, which must then be present. */
    public record Primitive(int size) {
    }

    /** Echo, Ping (Empty in and out), Guarded, Checked and Primitive, for both services. */
    public static OperationTable table() {
        OperationTable table = new OperationTable();
        for (ServiceDescriptor service : List.of(ECHO, CAMEL_ECHO)) {
            table.add(service, "Echo", EchoInput.class, (input, context) -> EchoOutput.of(input))
                    .add(service, "Ping", Empty.class, (input, context) -> Empty.INSTANCE)
                    .add(service, "Guarded", Guarded.class, (input, context) -> Empty.INSTANCE)
                    .add(service, "Primitive", Primitive.class, (input, context) -> Empty.INSTANCE)
                    .add(service, "Checked", Checked.class, (input, context) -> Empty.INSTANCE);
        }
        return table;
    }

    /** A fully populated input with a millisecond timestamp. */
    public static EchoInput sample() {
        return new EchoInput("héllo ✓ 𝄞", -7, 9_007_199_254_740_993L, true, 0.1, List.of("a", "b"),
                new Nested("k", 3, false), List.of(new Nested("x", null, null), new Nested(null, 2, null)),
                Instant.parse("2023-11-14T22:13:20.123Z"));
    }

    public static WireRequest request(String method, String path, String query, Map<String, String> headers,
                                      byte[] body) {
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((name, value) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .add(value));
        return new WireRequest(method, path, query, lower, body);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Runs a property {@code runs} times with seeded randoms. The base seed is {@code -Dgatepass.seed} when given,
     * else fresh; a failure names it so that the run can be repeated.
     */
    public static void property(int runs, Consumer<Random> check) {
        long base = Long.getLong("gatepass.seed", System.nanoTime());
        for (int run = 0; run < runs; run++) {
            try {
                check.accept(new Random(base + run));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property failed at run " + run + " of base seed " + base
                        + " (repeat with -Dgatepass.seed=" + base + "): " + e.getMessage(), e);
            }
        }
    }

    /** Random values for every member; each member is absent now and then. */
    public static EchoInput randomInput(Random random) {
        return new EchoInput(
                maybe(random, () -> randomString(random, 40)),
                maybe(random, random::nextInt),
                maybe(random, () -> random.nextInt(4) == 0 ? pick(random, Long.MIN_VALUE, Long.MAX_VALUE, 0L)
                        : random.nextLong()),
                maybe(random, random::nextBoolean),
                maybe(random, () -> randomDouble(random)),
                maybe(random, () -> randomList(random, () -> randomString(random, 12))),
                maybe(random, () -> randomNested(random)),
                maybe(random, () -> randomList(random, () -> randomNested(random))),
                maybe(random, () -> randomInstant(random)));
    }

    public static Nested randomNested(Random random) {
        return new Nested(maybe(random, () -> randomString(random, 10)), maybe(random, random::nextInt),
                maybe(random, random::nextBoolean));
    }

    /** Millisecond precision (the protocols' resolution), 1900 to 2200. */
    public static Instant randomInstant(Random random) {
        long from = Instant.parse("1900-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2200-01-01T00:00:00Z").toEpochMilli();
        long millis = from + (long) (random.nextDouble() * (to - from));
        return random.nextInt(3) == 0 ? Instant.ofEpochSecond(Math.floorDiv(millis, 1000))
                : Instant.ofEpochMilli(millis);
    }

    public static double randomDouble(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(1000) - 500;
            case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
            case 2 -> pick(random, 0.1, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e300, 1.0 / 3);
            default -> {
                double value;
                do {
                    value = Double.longBitsToDouble(random.nextLong());
                } while (!Double.isFinite(value));
                yield value;
            }
        };
    }

    /** Any valid text: ASCII, punctuation that protocols escape, controls, BMP and supplementary characters. */
    public static String randomString(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int codePoint = switch (random.nextInt(6)) {
                case 0, 1 -> 'a' + random.nextInt(26);
                case 2 -> "\"\\/%+&=?#;, '<>{}[]:~*".charAt(random.nextInt(22));
                case 3 -> random.nextInt(0x20);
                case 4 -> {
                    int c;
                    do {
                        c = 0x80 + random.nextInt(0xFFFE - 0x80);
                    } while (Character.isSurrogate((char) c));
                    yield c;
                }
                default -> 0x10000 + random.nextInt(0x10FFFF - 0x10000);
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    /** Printable ASCII without leading or trailing blanks, as an HTTP header value carries it. */
    public static String randomHeaderValue(Random random, int maxLength) {
        int length = 1 + random.nextInt(maxLength);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            char c = (char) (0x21 + random.nextInt(0x7e - 0x21 + 1));
            text.append(c);
        }
        return text.toString();
    }

    public static <T> List<T> randomList(Random random, java.util.function.Supplier<T> item) {
        int size = random.nextInt(5);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(item.get());
        }
        return List.copyOf(list);
    }

    @SafeVarargs
    public static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static <T> T maybe(Random random, java.util.function.Supplier<T> value) {
        return random.nextInt(6) == 0 ? null : value.get();
    }
}
