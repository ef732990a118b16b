package io.gatepass.server.internal.protocol.rest;

import io.gatepass.server.internal.protocol.json.CodecFixtures;
import io.gatepass.server.internal.api.rest.RestRoute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static io.gatepass.server.internal.protocol.json.CodecFixtures.CAMEL_ECHO;
import static io.gatepass.server.internal.protocol.json.CodecFixtures.ECHO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestRoutesTest {

    @Test
    void of_whenBuiltFluently_normalisesMethodAndHeaderNames() {
        RestRoute route = RestRoute.of("post", "/v1/repository/{repository}", "CreateRepository")
                .query("domain-owner", "domainOwner").header("X-Amz-Content-SHA256", "assetSHA256")
                .label("repository", "repositoryName").status(201);

        assertThat(route.method()).isEqualTo("POST");
        assertThat(route.queryToMember()).isEqualTo(Map.of("domain-owner", "domainOwner"));
        assertThat(route.headerToMember()).isEqualTo(Map.of("x-amz-content-sha256", "assetSHA256"));
        assertThat(route.labelToMember()).isEqualTo(Map.of("repository", "repositoryName"));
        assertThat(route.successStatus()).isEqualTo(201);
        assertThat(route.memberForLabel("repository")).isEqualTo("repositoryName");
    }

    @Test
    void constructor_whenGivenAllParts_acceptsThem() {
        RestRoute route = new RestRoute("GET", "/v1/domain", "DescribeDomain", Map.of("domain", "domain"),
                Map.of("X-A", "a"), Map.of(), 200);

        assertThat(route.headerToMember()).containsOnlyKeys("x-a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1/domain", "/v1//domain", "/v1/domain/", "/v1/{a}b", "/v1/{a+}/b", "/v1/{a}/{a}",
            "/v1/domain?x", "/v1/{}", "/v1/{a b}", "/v1/a}"})
    void of_whenTemplateInvalid_throws(String template) {
        assertThatThrownBy(() -> RestRoute.of("GET", template, "Op")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void label_whenTemplateHasNoSuchLabel_throws() {
        assertThatThrownBy(() -> RestRoute.of("GET", "/v1/{a}", "Op").label("b", "member"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 199, 300, 404, 500})
    void status_whenNot2xx_throws(int status) {
        assertThatThrownBy(() -> RestRoute.of("GET", "/v1", "Op").status(status))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void add_whenTwoRoutesMatchTheSameRequests_throws() {
        RestRoutes routes = new RestRoutes().add(ECHO, RestRoute.of("GET", "/v1/x/{a}", "A"));

        assertThatThrownBy(() -> routes.add(ECHO, RestRoute.of("GET", "/v1/x/{b}", "B")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("overlap");
    }

    @Test
    void add_whenSameTemplateHasOtherMethodOrService_accepts() {
        RestRoutes routes = new RestRoutes()
                .add(ECHO, RestRoute.of("GET", "/v1/x", "A"), RestRoute.of("PUT", "/v1/x", "B"))
                .add(CAMEL_ECHO, RestRoute.of("GET", "/v1/x", "A"));

        assertThat(routes.match(null, "PUT", List.of("v1", "x"))).get()
                .extracting(match -> match.route().operation()).isEqualTo("B");
        assertThat(routes.match("camelecho", "GET", List.of("v1", "x"))).get()
                .extracting(RestRoutes.Match::signingName).isEqualTo("camelecho");
    }

    @Test
    void add_whenOperationAlreadyRouted_throws() {
        RestRoutes routes = new RestRoutes().add(ECHO, RestRoute.of("GET", "/v1/x", "A"));

        assertThatThrownBy(() -> routes.add(ECHO, RestRoute.of("GET", "/v1/y", "A")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("routed twice");
    }

    @Test
    void match_whenSeveralTemplatesFit_prefersLiteralsThenLabelsThenGreedyLabels() {
        RestRoutes routes = new RestRoutes().add(ECHO,
                RestRoute.of("GET", "/v1/{rest+}", "Greedy"),
                RestRoute.of("GET", "/v1/{a}/b", "LabelThenLiteral"),
                RestRoute.of("GET", "/v1/a/{b}", "LiteralThenLabel"),
                RestRoute.of("GET", "/v1/a/b", "Literal"));

        assertThat(operation(routes, "v1", "a", "b")).isEqualTo("Literal");
        assertThat(operation(routes, "v1", "a", "c")).isEqualTo("LiteralThenLabel");
        assertThat(operation(routes, "v1", "z", "b")).isEqualTo("LabelThenLiteral");
        assertThat(operation(routes, "v1", "z", "c")).isEqualTo("Greedy");
        assertThat(operation(routes, "v1", "z")).isEqualTo("Greedy");
        assertThat(routes.match(null, "GET", List.of("v1"))).isEmpty();
    }

    @Test
    void match_whenLabelMatches_returnsDecodedLabelValues() {
        RestRoutes routes = new RestRoutes().add(ECHO, RestRoute.of("GET", "/v1/{a}/x/{b+}", "Op"));

        assertThat(routes.match(null, "GET", List.of("v1", "p q", "x", "r", "s/t"))).get()
                .extracting(RestRoutes.Match::labels).isEqualTo(Map.of("a", "p q", "b", "r/s/t"));
        assertThat(routes.match(null, "GET", List.of("v1", "", "x", "r"))).isEmpty();
    }

    @Test
    void route_returnsTheRouteOfAnOperation() {
        RestRoute route = RestRoute.of("POST", "/v1/created", "Create").status(201);
        RestRoutes routes = new RestRoutes().add(CodecFixtures.ECHO, route);

        assertThat(routes.route("echo", "Create")).contains(route);
        assertThat(routes.route("echo", "Nope")).isEmpty();
        assertThat(routes.route("camelecho", "Create")).isEmpty();
    }

    private static String operation(RestRoutes routes, String... path) {
        return routes.match(null, "GET", List.of(path)).orElseThrow().route().operation();
    }

    @Test
    void hasBlobPayload_isTrueOnlyForARouteWhoseBodyIsABlobMember() {
        RestRoutes routes = RestJsonCodecTest.routes();

        assertThat(routes.hasBlobPayload("POST", "/v1/blob")).isTrue();
        assertThat(routes.hasBlobPayload("POST", "/v1/blob/")).isTrue();
        assertThat(routes.hasBlobPayload("GET", "/v1/blob")).isFalse();
        assertThat(routes.hasBlobPayload("POST", "/v1/echo/n")).isFalse();
        assertThat(routes.hasBlobPayload("POST", "/v1/unknown")).isFalse();
        assertThat(routes.hasBlobPayload("POST", "/v1/%zz")).as("malformed: left to the codec").isFalse();
        assertThat(routes.hasBlobPayload("POST", "/v1/%62lob")).as("a literal spelled with an escape").isTrue();
        assertThat(routes.hasBlobPayload("POST", "/v1/blobs")).isFalse();
        assertThat(routes.hasBlobPayload("POST", "/v2/blob")).isFalse();
    }
}
