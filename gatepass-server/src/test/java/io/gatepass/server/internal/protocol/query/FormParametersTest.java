package io.gatepass.server.internal.protocol.query;

import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.server.internal.api.EchoedValues;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query protocol's own reading of form-encoded parameters gives what it gave when Netty's QueryStringDecoder read
 * them (kept below as the reference): the same parameters in the same order, or the same error.
 */
class FormParametersTest {
    private static final long SEED = 20261207L;
    private static final String[] PIECES = {"a", "b", "Ab", "Action", "Version", "=", "=", "&", "&", ";", "#", "?",
        "+", "%", "%2", "%20", "%3D", "%26", "%C3%A9", "%E2%82%AC", "%FF", "%C3", "%g0", "%0G", "é", "€", "1", "F",
        "\ud83d\ude00", "Tags.member.1.Key", " "};

    @Test
    void addAll_whenTextRandom_readsAsNettysDecoderDid() {
        Random random = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            String first = text(random, random.nextInt(12));
            String second = random.nextInt(3) == 0 ? null : text(random, random.nextInt(12));
            assertThat(outcome(false, first, second)).as("%s then %s", first, second)
                    .isEqualTo(outcome(true, first, second));
        }
    }

    @Test
    void addAll_whenParametersPastTheLimit_ignoresThem() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < FormParameters.MAX_PARAMETERS + 5; i++) {
            text.append(i == 0 ? "" : i % 2 == 0 ? "&" : "&&").append('p').append(i).append("=v");
        }
        for (String tail : List.of("", "&p1=again", "&bad=%zz", "#frag&p1=again")) {
            assertThat(outcome(false, text + tail, null)).as(tail).isEqualTo(outcome(true, text + tail, null));
        }
        Map<String, String> into = new LinkedHashMap<>();
        FormParameters.addAll(into, text + "&bad=%zz");
        assertThat(into).hasSize(FormParameters.MAX_PARAMETERS).doesNotContainKey("bad");
    }

    @Test
    void addAll_whenEscapedAndPlus_decodesThem() {
        Map<String, String> into = new LinkedHashMap<>();
        FormParameters.addAll(into, "?Action=Get%20It+now&=x&Flag&Name=%C3%A9%E2%82%AC;b#c=d");

        assertThat(into).containsExactly(Map.entry("Action", "Get It now"), Map.entry("x", ""),
                Map.entry("Flag", ""), Map.entry("Name", "é€;b"));
    }

    /** The parameters read, or the error's code and message. */
    private static Object outcome(boolean reference, String first, String second) {
        Map<String, String> into = new LinkedHashMap<>();
        try {
            for (String text : second == null ? List.of(first) : List.of(first, second)) {
                if (reference) {
                    nettyAddAll(into, text);
                } else {
                    FormParameters.addAll(into, text);
                }
            }
            return into;
        } catch (ServiceException e) {
            return e.code() + ": " + e.getMessage();
        }
    }

    /** How the query protocol read a query string or form body before. */
    private static void nettyAddAll(Map<String, String> into, String encoded) {
        QueryStringDecoder decoder = QueryStringDecoder.builder().hasPath(false).maxParams(1024)
                .semicolonIsNormalChar(true).build(encoded);
        Map<String, List<String>> decoded;
        try {
            decoded = decoder.parameters();
        } catch (IllegalArgumentException e) {
            throw CommonErrors.MALFORMED_QUERY_STRING.exception("The query string contains a syntax error.");
        }
        decoded.forEach((name, values) -> {
            if (values.size() > 1 || into.containsKey(name)) {
                throw CommonErrors.MALFORMED_QUERY_STRING.exception("The parameter %s appears more than once.",
                        EchoedValues.of(name));
            }
        });
        decoded.forEach((name, values) -> into.put(name, values.isEmpty() ? "" : values.get(0)));
    }

    private static String text(Random random, int pieces) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }
}
