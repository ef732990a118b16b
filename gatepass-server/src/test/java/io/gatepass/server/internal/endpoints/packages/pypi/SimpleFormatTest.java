package io.gatepass.server.internal.endpoints.packages.pypi;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static io.gatepass.server.internal.endpoints.packages.pypi.SimpleFormat.TEXT_HTML;
import static io.gatepass.server.internal.endpoints.packages.pypi.SimpleFormat.V1_HTML;
import static io.gatepass.server.internal.endpoints.packages.pypi.SimpleFormat.V1_JSON;
import static org.assertj.core.api.Assertions.assertThat;

class SimpleFormatTest {
    private static final long SEED = 20261206L;
    private static final String JSON = "application/vnd.pypi.simple.v1+json";
    private static final String HTML = "application/vnd.pypi.simple.v1+html";

    @Test
    void negotiate_noHeaderHtmlOrWildcard_html() {
        assertThat(SimpleFormat.negotiate(null)).contains(TEXT_HTML);
        assertThat(SimpleFormat.negotiate("")).contains(TEXT_HTML);
        assertThat(SimpleFormat.negotiate("text/html")).contains(TEXT_HTML);
        assertThat(SimpleFormat.negotiate("*/*")).contains(TEXT_HTML);
        assertThat(SimpleFormat.negotiate("text/*")).contains(TEXT_HTML);
        assertThat(SimpleFormat.negotiate("TEXT/HTML; charset=utf-8")).contains(TEXT_HTML);
    }

    @Test
    void negotiate_pep691Types_theirForm() {
        assertThat(SimpleFormat.negotiate(JSON)).contains(V1_JSON);
        assertThat(SimpleFormat.negotiate(HTML)).contains(V1_HTML);
        assertThat(SimpleFormat.negotiate("application/vnd.pypi.simple.latest+json")).contains(V1_JSON);
        assertThat(SimpleFormat.negotiate("application/vnd.pypi.simple.latest+html")).contains(V1_HTML);
        assertThat(V1_JSON.contentType()).isEqualTo(JSON);
        assertThat(TEXT_HTML.contentType()).startsWith("text/html");
    }

    @Test
    void negotiate_whatPipAndUvSend_json() {
        assertThat(SimpleFormat.negotiate(JSON + ", " + HTML + "; q=0.1, text/html; q=0.01")).contains(V1_JSON);
        assertThat(SimpleFormat.negotiate(JSON + ", " + HTML + ";q=0.2, text/html;q=0.01")).contains(V1_JSON);
    }

    @Test
    void negotiate_qValuesDecide() {
        assertThat(SimpleFormat.negotiate("text/html;q=0.5, " + JSON + ";q=0.4")).contains(TEXT_HTML);
        assertThat(SimpleFormat.negotiate("text/html;q=0.5, " + JSON + ";q=0.6")).contains(V1_JSON);
        assertThat(SimpleFormat.negotiate("*/*;q=0.1, " + JSON)).contains(V1_JSON);
        assertThat(SimpleFormat.negotiate("text/html;q=0, */*")).contains(V1_HTML);
        assertThat(SimpleFormat.negotiate("text/html;q=0, " + HTML + ";q=0, */*")).contains(V1_JSON);
    }

    @Test
    void negotiate_nothingAcceptable_empty() {
        assertThat(SimpleFormat.negotiate("application/json")).isEmpty();
        assertThat(SimpleFormat.negotiate("application/xml, image/*")).isEmpty();
        assertThat(SimpleFormat.negotiate("application/vnd.pypi.simple.v2+json")).isEmpty();
        assertThat(SimpleFormat.negotiate("text/html;q=0")).isEmpty();
        assertThat(SimpleFormat.negotiate("*/*;q=0")).isEmpty();
        assertThat(SimpleFormat.negotiate("garbage")).isEmpty();
    }

    @Test
    void negotiate_randomHeaders_neverThrowAndAnswerAnAcceptableFormOr406() {
        Random random = new Random(SEED);
        String[] types = {JSON, HTML, "text/html", "*/*", "text/*", "application/*", "application/json",
            "application/vnd.pypi.simple.latest+json", "application/vnd.pypi.simple.latest+html", "image/png",
            "garbage", "", "*/html", "text/html/x"};
        for (int i = 0; i < 20_000; i++) {
            List<String> ranges = new ArrayList<>();
            List<Double> qs = new ArrayList<>();
            int n = random.nextInt(6);
            for (int r = 0; r < n; r++) {
                String type = types[random.nextInt(types.length)];
                double q = random.nextInt(4) == 0 ? 1.0 : random.nextInt(1001) / 1000.0;
                qs.add(q);
                ranges.add(type + (random.nextBoolean() ? ";q=" + q : q == 1.0 ? "" : ";q=" + q));
            }
            String header = String.join(random.nextBoolean() ? ", " : ",", ranges);
            Optional<SimpleFormat> chosen = SimpleFormat.negotiate(header);
            String label = "seed " + SEED + " case " + i + ": " + header;
            if (header.isBlank()) {
                assertThat(chosen).as(label).contains(TEXT_HTML);
            } else if (chosen.isPresent()) {
                assertThat(qualityOf(chosen.get(), header)).as(label).isGreaterThan(0.0);
                for (SimpleFormat other : SimpleFormat.values()) {
                    assertThat(qualityOf(other, header)).as(label + " vs " + other)
                            .isLessThanOrEqualTo(qualityOf(chosen.get(), header));
                }
            } else {
                for (SimpleFormat other : SimpleFormat.values()) {
                    assertThat(qualityOf(other, header)).as(label + " " + other).isEqualTo(0.0);
                }
            }
        }
    }

    @Test
    void negotiate_rangesWithDistinctQualitiesInAnyOrder_sameAnswer() {
        Random random = new Random(SEED + 1);
        String[] types = {JSON, HTML, "text/html"};
        for (int i = 0; i < 5_000; i++) {
            List<String> ranges = new ArrayList<>();
            List<Integer> qs = new ArrayList<>(List.of(100, 200, 300, 400, 500, 600, 700, 800, 900));
            Collections.shuffle(qs, random);
            for (int r = 0; r < types.length; r++) {
                ranges.add(types[r] + ";q=0." + qs.get(r) / 100);
            }
            Optional<SimpleFormat> first = SimpleFormat.negotiate(String.join(",", ranges));
            Collections.shuffle(ranges, random);
            assertThat(SimpleFormat.negotiate(String.join(",", ranges))).as("seed %d case %d", SEED + 1, i)
                    .isEqualTo(first);
        }
    }

    /** An independent reading of the header: the q-value of the most specific range naming the form. */
    private static double qualityOf(SimpleFormat format, String header) {
        double best = 0;
        int bestSpecificity = -1;
        for (String element : header.split(",")) {
            String[] parts = element.trim().split(";");
            String type = parts[0].trim();
            int specificity = switch (type) {
                case "*/*" -> 0;
                case "text/*" -> format == TEXT_HTML ? 1 : -1;
                case "application/*" -> format == TEXT_HTML ? -1 : 1;
                case "text/html" -> format == TEXT_HTML ? 2 : -1;
                case HTML, "application/vnd.pypi.simple.latest+html" -> format == V1_HTML ? 2 : -1;
                case JSON, "application/vnd.pypi.simple.latest+json" -> format == V1_JSON ? 2 : -1;
                default -> -1;
            };
            double q = parts.length > 1 ? Double.parseDouble(parts[1].trim().substring(2)) : 1.0;
            if (specificity > bestSpecificity || specificity == bestSpecificity && specificity >= 0 && q > best) {
                best = q;
                bestSpecificity = specificity;
            }
        }
        return bestSpecificity < 0 ? 0 : best;
    }
}
