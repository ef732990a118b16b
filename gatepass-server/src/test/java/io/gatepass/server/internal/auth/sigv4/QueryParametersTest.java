package io.gatepass.server.internal.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatepass.core.error.ServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

import java.nio.charset.StandardCharsets;
import java.util.Random;

class QueryParametersTest {

    private static String canonical(String rawQuery, String excluded) {
        ByteSink out = new ByteSink();
        QueryParameters.parse(rawQuery).writeCanonical(out, excluded);
        return out.toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "abc|abc", "a+b|a%20b", "a%20b|a%20b", "%7e|~", "%7E|~", "~|~", "%2f|%2F", "%41%62|Ab", "*|%2A", "%2A|%2A",
        "é|%C3%A9", "%c3%a9|%C3%A9", "a/b|a%2Fb", "😀|%F0%9F%98%80", "''|''", "!'()|%21%27%28%29"})
    void canonicalize_whenWireForm_givesSigV4Encoding(String raw, String expected) {
        assertThat(QueryParameters.canonicalize(raw, 0, raw.length())).isEqualTo(expected);
    }

    @Test
    void canonicalize_whenRandomTextEncodedAnyValidWay_equalsTheSdksEncodingOfTheText() {
        Random random = new Random(7);
        String[] pieces = {"a", "Z", "0", "-", "_", ".", "~", " ", "+", "/", "%", "&", "=", "é", "日", "😀", "*", "'"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            StringBuilder wire = new StringBuilder();
            int n = random.nextInt(6);
            for (int j = 0; j < n; j++) {
                String piece = pieces[random.nextInt(pieces.length)];
                text.append(piece);
                boolean mustEscape = !piece.chars().allMatch(QueryParameters::isUnreserved);
                if (!mustEscape && random.nextBoolean() || piece.equals(" ") && random.nextBoolean()) {
                    wire.append(piece.equals(" ") ? "+" : piece);
                } else {
                    for (byte b : piece.getBytes(StandardCharsets.UTF_8)) {
                        String hex = String.format("%02X", b & 0xFF);
                        wire.append('%').append(random.nextBoolean() ? hex : hex.toLowerCase());
                    }
                }
            }
            String raw = wire.toString();
            assertThat(QueryParameters.canonicalize(raw, 0, raw.length())).as(raw)
                    .isEqualTo(SdkHttpUtils.urlEncode(text.toString()));
        }
    }

    @Test
    void writeCanonical_whenParametersUnordered_sortsByNameThenValue() {
        assertThat(canonical("b=2&a=z&a=%41&c&B=0&a=", null)).isEqualTo("B=0&a=&a=A&a=z&b=2&c=");
    }

    @Test
    void writeCanonical_whenRandomQueriesOfAnySize_joinsThePairsSortedByNameThenValue() {
        Random random = new Random(20261207);
        String[] names = {"a", "B", "b", "X-Amz-Date", "x", "aa", "a-b", "~", "", "X-Amz-Signature"};
        String[] values = {"", "1", "2", "A", "a", "%2F", "z~", "10"};
        for (int i = 0; i < 5_000; i++) {
            int n = random.nextInt(i % 10 == 0 ? 80 : 12); // both sides of the insertion-sort limit
            java.util.List<String[]> pairs = new java.util.ArrayList<>();
            StringBuilder raw = new StringBuilder();
            for (int k = 0; k < n; k++) {
                String name = names[random.nextInt(names.length)];
                String value = values[random.nextInt(values.length)];
                raw.append(k > 0 ? "&" : "").append(name).append('=').append(value);
                if (!name.isEmpty() && !name.equals("X-Amz-Signature")) {
                    pairs.add(new String[] {name, value});
                }
            }
            pairs.sort(java.util.Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
            String expected = String.join("&", pairs.stream().map(p -> p[0] + "=" + p[1]).toList());

            assertThat(canonical(raw.toString(), "X-Amz-Signature")).as(raw.toString()).isEqualTo(expected);
        }
    }

    @Test
    void writeCanonical_whenEmptyNamesAndSeparators_leavesThemOut() {
        assertThat(canonical("&a=1&&=x&b=2&", null)).isEqualTo("a=1&b=2");
    }

    @Test
    void writeCanonical_whenExcludedName_leavesEveryOccurrenceOut() {
        assertThat(canonical("X-Amz-Signature=1&a=1&X-Amz-Signature=2", "X-Amz-Signature")).isEqualTo("a=1");
    }

    @Test
    void first_whenRepeated_returnsFirstValueDecoded() {
        QueryParameters query = QueryParameters.parse("X-Amz-Credential=AK%2F2026&X-Amz-Credential=other&flag");

        assertThat(query.first("X-Amz-Credential")).isEqualTo("AK/2026");
        assertThat(query.first("flag")).isEmpty();
        assertThat(query.first("missing")).isNull();
        assertThat(query.contains("flag")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%zz", "a=%Z1", "%g0=1", "a=%%41", "a=%é1"})
    void parse_whenIllegalHexInEscape_failsWithMalformedQueryString(String raw) {
        assertThatThrownBy(() -> QueryParameters.parse(raw)).isInstanceOf(ServiceException.class)
                .hasMessageStartingWith("Illegal hex character in escape % pattern: %")
                .extracting(e -> ((ServiceException) e).code()).isEqualTo("MalformedQueryString");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%", "a=%4", "a%=1", "a=1&b=%2"})
    void parse_whenEscapeIncomplete_failsWithMalformedQueryString(String raw) {
        assertThatThrownBy(() -> QueryParameters.parse(raw)).isInstanceOf(ServiceException.class)
                .hasMessage("Incomplete trailing escape % sequence");
    }
}
