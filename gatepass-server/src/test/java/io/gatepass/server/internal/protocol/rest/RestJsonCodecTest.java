package io.gatepass.server.internal.protocol.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.api.Empty;
import io.gatepass.server.internal.api.Naming;
import io.gatepass.server.internal.api.OperationTable;
import io.gatepass.server.internal.api.rest.BlobContent;
import io.gatepass.server.internal.api.rest.BinaryPayload;
import io.gatepass.server.internal.api.rest.RestRoute;
import io.gatepass.server.internal.protocol.DecodedCall;
import io.gatepass.server.internal.api.rest.StreamedBody;
import io.gatepass.server.internal.api.rest.StreamingPayload;
import io.gatepass.server.internal.protocol.WireMappers;
import io.gatepass.server.internal.protocol.WireRequest;
import io.gatepass.server.internal.protocol.WireResponse;
import io.gatepass.server.internal.protocol.json.CodecFixtures;
import io.gatepass.server.internal.protocol.json.CodecFixtures.EchoInput;
import io.gatepass.server.internal.protocol.json.CodecFixtures.EchoOutput;
import io.gatepass.server.internal.protocol.json.CodecFixtures.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.gatepass.server.internal.protocol.json.CodecFixtures.CAMEL_ECHO;
import static io.gatepass.server.internal.protocol.json.CodecFixtures.ECHO;
import static io.gatepass.server.internal.protocol.json.CodecFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RestJsonCodecTest {
    private static final ObjectMapper PLAIN = JsonMapper.builder().build();
    private static final EchoInput NONE = new EchoInput(null, null, null, null, null, null, null, null, null);

    static RestRoutes routes() {
        return new RestRoutes()
                .add(CAMEL_ECHO,
                        RestRoute.of("POST", "/v1/echo/{name}", "Echo")
                                .query("count", "count").query("enabled", "enabled").query("ratio", "ratio")
                                .query("tag", "tags").query("at", "at").header("X-Echo-Big", "big"),
                        RestRoute.of("POST", "/v1/authorization-token", "GetToken")
                                .query("domain", "name").query("domain-owner", "tags").query("duration", "big"),
                        RestRoute.of("POST", "/v1/when", "When").header("x-echo-at", "at").header("x-echo-tags", "tags"),
                        RestRoute.of("GET", "/v1/things/{thing}", "GetThing").label("thing", "name"),
                        RestRoute.of("GET", "/v1/things/special", "GetSpecial"),
                        RestRoute.of("PUT", "/v1/files/{key+}", "PutFile").label("key", "name"),
                        RestRoute.of("GET", "/v1/ping", "Ping"),
                        RestRoute.of("POST", "/v1/created", "Create").status(201),
                        RestRoute.of("DELETE", "/v1/gone", "Delete").status(204),
                        RestRoute.of("POST", "/v1/guarded", "Guarded"),
                        RestRoute.of("POST", "/v1/primitive", "Primitive").query("size", "size"),
                        RestRoute.of("GET", "/", "Root"),
                        RestRoute.of("POST", "/v1/blob", "PutBlob").query("name", "name").payload("content"),
                        RestRoute.of("POST", "/v1/stream", "PutStream").query("name", "name").payload("content"))
                .add(ECHO, RestRoute.of("POST", "/v2/echo/{Name}", "Echo").query("count", "Count"),
                        RestRoute.of("GET", "/v1/ping", "Ping"));
    }

    /** The fixtures' operations, plus the extra ones these routes name. */
    static OperationTable table() {
        OperationTable table = CodecFixtures.table();
        for (String name : List.of("GetToken", "When", "GetThing", "PutFile")) {
            table.add(CAMEL_ECHO, name, EchoInput.class, (input, context) -> EchoOutput.of(input));
        }
        table.add(CAMEL_ECHO, "PutBlob", BlobInput.class, (input, context) -> Empty.INSTANCE);
        table.add(CAMEL_ECHO, "PutStream", StreamInput.class, (input, context) -> Empty.INSTANCE);
        for (String name : List.of("GetSpecial", "Create", "Delete", "Root")) {
            table.add(CAMEL_ECHO, name, Empty.class, (input, context) -> Empty.INSTANCE);
        }
        return table;
    }

    private final WireMappers mappers = new WireMappers();
    private final RestJsonCodec codec = new RestJsonCodec(mappers, routes());
    private final OperationTable table = table();

    private static WireRequest call(String method, String path, String query, Map<String, String> headers,
                                    String body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (!body.isEmpty()) {
            all.putIfAbsent("Content-Type", "application/json");
        }
        return CodecFixtures.request(method, path, query, all, utf8(body));
    }

    private static WireRequest call(String method, String path, String query) {
        return call(method, path, query, Map.of(), "");
    }

    private Object decodeAndBind(WireRequest request) {
        return codec.bind(codec.decode(request, table, "camelecho"));
    }

    private ServiceException decodeFails(WireRequest request) {
        return catchThrowableOfType(ServiceException.class, () -> codec.bind(codec.decode(request, table, "camelecho")));
    }

    /** An input whose blob member is the whole body (a modelled blob payload). */
    public record BlobInput(String name, byte[] content) {
    }

    /** An input whose streaming blob member is the whole body, in memory or spooled to disk. */
    public record StreamInput(String name, BlobContent content) {
    }

    @Test
    void decode_whenTheBodyWasSpooledToDisk_bindsItAsTheStreamingMember_withItsLengthAndHash() {
        BlobContent.Spooled spooled = BlobContent.spooled(java.nio.file.Path.of("/tmp/upload-1.part"), 12_345,
                "ab".repeat(32));
        WireRequest request = CodecFixtures.request("POST", "/v1/stream", "name=a.bin",
                Map.of("Content-Type", "application/octet-stream"), new byte[0]).withUpload(spooled);

        StreamInput input = (StreamInput) decodeAndBind(request);

        assertThat(input.name()).isEqualTo("a.bin");
        assertThat(input.content()).isSameAs(spooled);
    }

    @Test
    void decode_whenAStreamingMembersBodyCameInMemory_bindsItsBytes() throws Exception {
        byte[] bytes = {0, (byte) 0xff, '{', 1, 2};
        WireRequest request = CodecFixtures.request("POST", "/v1/stream", "", Map.of(), bytes);

        StreamInput input = (StreamInput) decodeAndBind(request);

        assertThat(input.content().length()).isEqualTo(5);
        try (java.io.InputStream in = input.content().open()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(input.content().sha256Hex()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
    }

    @Test
    void success_whenOutputIsAStreamingPayload_leavesItsStreamToTheFrontDoor_withItsHeaders() {
        DecodedCall call = codec.decode(call("POST", "/v1/echo/n", ""), table, "camelecho");
        StreamedBody body = new StreamedBody(3, new java.io.ByteArrayInputStream(new byte[]{1, 2, 3}));

        WireResponse response = codec.success(call, new StreamingPayload() {
            @Override
            public StreamedBody payload() {
                return body;
            }

            @Override
            public Map<String, String> headers() {
                return Map.of("X-AssetName", "big.bin");
            }
        }, "r");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.streamed()).isSameAs(body);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers()).containsEntry("Content-Type", "application/octet-stream")
                .containsEntry("X-AssetName", "big.bin");
        assertThat(response.withHeader("x-amzn-RequestId", "r").streamed()).isSameAs(body);
    }

    @Test
    void decode_whenTheRouteHasABlobPayload_bindsTheRawBodyWhateverItsMediaType_andQueryMembersBeside() {
        byte[] bytes = {0, (byte) 0xff, '{', 1, 2};
        WireRequest request = CodecFixtures.request("POST", "/v1/blob", "name=a.bin",
                Map.of("Content-Type", "application/octet-stream"), bytes);

        BlobInput input = (BlobInput) decodeAndBind(request);

        assertThat(input.name()).isEqualTo("a.bin");
        assertThat(input.content()).isEqualTo(bytes);
    }

    @Test
    void decode_whenABlobPayloadIsEmpty_bindsAnEmptyBlob_andAJsonLookingBodyStaysBytes() {
        BlobInput empty = (BlobInput) decodeAndBind(CodecFixtures.request("POST", "/v1/blob", "", Map.of(),
                new byte[0]));
        BlobInput json = (BlobInput) decodeAndBind(CodecFixtures.request("POST", "/v1/blob", "",
                Map.of("Content-Type", "application/json"), utf8("{\"name\":\"sneaky\"}")));

        assertThat(empty.content()).isEmpty();
        assertThat(json.name()).isNull();
        assertThat(new String(json.content(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"name\":\"sneaky\"}");
    }

    @Test
    void name_isRestJson() {
        assertThat(codec.name()).isEqualTo("restJson");
    }

    @Test
    void decode_whenRouteMatches_gathersLabelQueryHeaderAndBodyMembers() {
        WireRequest request = call("POST", "/v1/echo/my%20name", "count=3&enabled=true&ratio=0.5&tag=a&tag=b"
                        + "&at=2023-11-14T22:13:20.123Z&ignored=1",
                Map.of("X-Echo-Big", "9007199254740993"),
                "{\"nested\":{\"key\":\"k\",\"value\":1},\"items\":[{\"flag\":true}]}");

        DecodedCall call = codec.decode(request, table, "camelecho");

        assertThat(call.operation().service()).isEqualTo(CAMEL_ECHO);
        assertThat(call.operation().name()).isEqualTo("Echo");
        assertThat(codec.bind(call)).isEqualTo(new EchoInput("my name", 3, 9_007_199_254_740_993L, true, 0.5,
                List.of("a", "b"), new Nested("k", 1, null), List.of(new Nested(null, null, true)),
                Instant.parse("2023-11-14T22:13:20.123Z")));
    }

    @Test
    void decode_whenQueryNamesDifferFromMembers_mapsThemAsCodeArtifactDoes() {
        Object input = decodeAndBind(call("POST", "/v1/authorization-token",
                "domain=my-domain&domain-owner=111122223333&duration=43200"));

        assertThat(input).isEqualTo(new EchoInput("my-domain", null, 43_200L, null, null, List.of("111122223333"),
                null, null, null));
    }

    @Test
    void decode_whenQueryRepeatsAScalar_isSerializationException() {
        // which value was meant is not for the server to guess (issue 14): no more "the first one wins"
        ServiceException error = decodeFails(call("POST", "/v1/echo/n", "count=1&count=2"));

        assertThat(error.errorCode()).isEqualTo(CommonErrors.SERIALIZATION);
        assertThat(error.getMessage()).contains("'count'");
    }

    @Test
    void decode_whenQueryValuesAreEncoded_decodesThem() {
        Object input = decodeAndBind(call("POST", "/v1/authorization-token",
                "domain=a%2Bb%20c+d%26e%3Df%3Bg;h%E2%9C%93"));

        assertThat(((EchoInput) input).name()).isEqualTo("a+b c d&e=f;g;h✓");
    }

    @Test
    void decode_whenQueryParameterHasNoValue_bindsEmptyText() {
        assertThat(((EchoInput) decodeAndBind(call("POST", "/v1/authorization-token", "domain"))).name()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"count=abc", "count=1.5", "count=2147483648", "count=", "count=0x10"})
    void decode_whenQueryValueNotAnInteger_failsNamingTheParameter(String query) {
        ServiceException error = decodeFails(call("POST", "/v1/echo/n", query));

        assertThat(error.errorCode()).isEqualTo(CommonErrors.SERIALIZATION);
        assertThat(error.getMessage()).startsWith("The value of query parameter 'count' must be an integer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"enabled=yes", "enabled=1", "enabled=TRUE", "enabled="})
    void decode_whenQueryValueNotABoolean_failsNamingTheParameter(String query) {
        assertThat(decodeFails(call("POST", "/v1/echo/n", query)).getMessage())
                .isEqualTo("The value of query parameter 'enabled' must be true or false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ratio=abc", "ratio=0x1p3", "ratio=1.5d", "ratio=1e"})
    void decode_whenQueryValueNotANumber_fails(String query) {
        assertThat(decodeFails(call("POST", "/v1/echo/n", query)).getMessage())
                .isEqualTo("The value of query parameter 'ratio' must be a number");
    }

    @Test
    void decode_whenQueryValueIsSpecialDouble_acceptsIt() {
        assertThat(((EchoInput) decodeAndBind(call("POST", "/v1/echo/n", "ratio=NaN"))).ratio()).isNaN();
        assertThat(((EchoInput) decodeAndBind(call("POST", "/v1/echo/n", "ratio=-Infinity"))).ratio())
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(((EchoInput) decodeAndBind(call("POST", "/v1/echo/n", "ratio=-1.5e3"))).ratio()).isEqualTo(-1500.0);
    }

    @Test
    void decode_whenTimestampsComeAsText_acceptsIsoEpochAndHttpDates() {
        assertThat(((EchoInput) decodeAndBind(call("POST", "/v1/echo/n", "at=1700000000.5"))).at())
                .isEqualTo(Instant.parse("2023-11-14T22:13:20.500Z"));
        assertThat(((EchoInput) decodeAndBind(call("POST", "/v1/when", "",
                Map.of("x-echo-at", "Tue, 14 Nov 2023 22:13:20 GMT"), ""))).at())
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000));
        assertThat(decodeFails(call("POST", "/v1/echo/n", "at=yesterday")).getMessage())
                .isEqualTo("The value of query parameter 'at' must be a timestamp");
        assertThat(decodeFails(call("POST", "/v1/when", "", Map.of("x-echo-at", "Tue, 99 Nov 2023"), "")).getMessage())
                .isEqualTo("The value of header 'x-echo-at' must be a timestamp");
    }

    @Test
    void decode_whenListHeaderHasCommas_splitsIt() {
        assertThat(((EchoInput) decodeAndBind(call("POST", "/v1/when", "", Map.of("X-Echo-Tags", "a, b,c"), ""))).tags())
                .containsExactly("a", "b", "c");
    }

    @Test
    void decode_whenBodyTriesToSetBoundMembers_ignoresThoseBodyMembers() {
        Object input = decodeAndBind(call("POST", "/v1/echo/label", "count=1", Map.of(),
                "{\"name\":\"body\",\"count\":99,\"big\":5,\"ratio\":2.5}"));

        assertThat(input).isEqualTo(new EchoInput("label", 1, null, null, null, null, null, null, null));
    }

    @Test
    void decode_whenLabelIsPercentEncoded_decodesItWithinTheSegment() {
        assertThat(((EchoInput) decodeAndBind(call("GET", "/v1/things/a%2Fb%20c+d%E2%9C%93", ""))).name())
                .isEqualTo("a/b c+d✓");
    }

    @Test
    void decode_whenLiteralAndLabelBothMatch_prefersTheLiteral() {
        assertThat(codec.decode(call("GET", "/v1/things/special", ""), table, "camelecho").operation().name())
                .isEqualTo("GetSpecial");
        assertThat(codec.decode(call("GET", "/v1/things/specials", ""), table, "camelecho").operation().name())
                .isEqualTo("GetThing");
    }

    @Test
    void decode_whenGreedyLabel_takesTheRestOfThePath() {
        assertThat(((EchoInput) decodeAndBind(call("PUT", "/v1/files/a/b%2Fc/d.txt", ""))).name())
                .isEqualTo("a/b/c/d.txt");
        assertThat(decodeFails(call("PUT", "/v1/files", "")).errorCode()).isEqualTo(RestJsonCodec.UNKNOWN_OPERATION);
    }

    @Test
    void decode_whenPathHasOneTrailingSlash_matchesAnyway() {
        assertThat(codec.decode(call("GET", "/v1/ping/", ""), table, "camelecho").operation().name()).isEqualTo("Ping");
        assertThat(codec.decode(call("GET", "/", ""), table, "camelecho").operation().name()).isEqualTo("Root");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/pong", "/v1/ping/x", "/v1//ping", "/v1/things/", "/v1/echo", "/V1/ping", "/v1/ping//"})
    void decode_whenNoRouteMatchesThePath_failsWithUnknownOperation404(String path) {
        ServiceException error = decodeFails(call("GET", path, ""));

        assertThat(error.code()).isEqualTo("UnknownOperationException");
        assertThat(error.httpStatus()).isEqualTo(404);
    }

    @Test
    void decode_whenMethodDoesNotMatch_failsWithUnknownOperation404() {
        ServiceException error = decodeFails(call("DELETE", "/v1/ping", ""));

        assertThat(error.httpStatus()).isEqualTo(404);
        assertThat(error.getMessage()).isEqualTo("No operation matches DELETE /v1/ping");
    }

    @Test
    void decode_whenPathHuge_doesNotEchoAllOfIt() {
        assertThat(decodeFails(call("GET", "/" + "x".repeat(100_000), "")).getMessage()).hasSizeLessThan(300);
    }

    @Test
    void decode_whenScopeServiceHasRoutes_matchesOnlyItsRoutes() {
        assertThat(codec.decode(call("GET", "/v1/ping", ""), table, "echo").operation().service()).isEqualTo(ECHO);
        assertThat(codec.decode(call("GET", "/v1/ping", ""), table, "camelecho").operation().service())
                .isEqualTo(CAMEL_ECHO);
        assertThat(catchThrowableOfType(ServiceException.class,
                () -> codec.decode(call("GET", "/v1/things/x", ""), table, "echo")).httpStatus()).isEqualTo(404);
    }

    @Test
    void decode_whenScopeServiceUnknownOrAbsent_searchesEveryService() {
        assertThat(codec.decode(call("POST", "/v2/echo/x", ""), table, null).operation().service()).isEqualTo(ECHO);
        assertThat(codec.decode(call("POST", "/v2/echo/x", ""), table, "sts").operation().service()).isEqualTo(ECHO);
    }

    @Test
    void decode_whenRouteNamesAnUnregisteredOperation_failsWithUnknownOperation() {
        RestJsonCodec stray = new RestJsonCodec(mappers, new RestRoutes().add(ECHO, RestRoute.of("GET", "/x", "Nope")));

        assertThat(catchThrowableOfType(ServiceException.class, () -> stray.decode(call("GET", "/x", ""), table, null))
                .httpStatus()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/things/%zz", "/v1/things/%4", "/v1/things/%C3%28", "/v1/things/%"})
    void decode_whenPathEncodingMalformed_failsWithSerializationException(String path) {
        assertThat(decodeFails(call("GET", path, "")).errorCode()).isEqualTo(CommonErrors.SERIALIZATION);
    }

    @Test
    void decode_whenQueryEncodingMalformed_failsWithSerializationException() {
        assertThat(decodeFails(call("POST", "/v1/echo/n", "count=%zz")).getMessage())
                .isEqualTo("Malformed percent-encoding in the query string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/cbor"})
    void decode_whenBodyIsNotJson_failsWithUnsupportedMediaType(String contentType) {
        ServiceException error = decodeFails(call("POST", "/v1/echo/n", "", Map.of("Content-Type", contentType), "{}"));

        assertThat(error.errorCode()).isEqualTo(CommonErrors.UNSUPPORTED_MEDIA_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=UTF-8", "application/x-amz-json-1.1",
            "application/vnd.api+json"})
    void decode_whenBodyIsJson_acceptsJsonMediaTypes(String contentType) {
        assertThat(decodeAndBind(call("POST", "/v1/echo/n", "", Map.of("Content-Type", contentType),
                "{\"nested\":{}}"))).isEqualTo(new EchoInput("n", null, null, null, null, null,
                new Nested(null, null, null), null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "\"x\"", "{\"a\":1,\"a\":2}", "{} {}"})
    void decode_whenBodyMalformedOrNotAnObject_failsWithSerializationException(String body) {
        assertThat(decodeFails(call("POST", "/v1/echo/n", "", Map.of(), body)).errorCode())
                .isEqualTo(CommonErrors.SERIALIZATION);
    }

    @Test
    void bind_whenBodyMemberTypeWrong_failsNamingTheMember() {
        assertThatThrownBy(() -> decodeAndBind(call("POST", "/v1/echo/n", "", Map.of(), "{\"nested\":{\"value\":\"1\"}}")))
                .hasMessage("Member 'nested.value' must be an integer");
    }

    @Test
    void bind_whenPrimitiveMemberAbsent_failsSayingItIsRequired() {
        assertThat(decodeFails(call("POST", "/v1/primitive", "")).getMessage())
                .isEqualTo("Member 'size' is required and must not be null");
        assertThat(decodeAndBind(call("POST", "/v1/primitive", "size=3")))
                .isEqualTo(new CodecFixtures.Primitive(3));
    }

    @Test
    void bind_whenRecordConstructorThrowsServiceException_passesItThrough() {
        assertThat(decodeFails(call("POST", "/v1/guarded", "", Map.of(), "{\"name\":\"forbidden\"}")).errorCode())
                .isEqualTo(CodecFixtures.INVALID_REQUEST);
    }

    @Test
    void roundTrip_whenPascalCaseService_bindsAndWritesPascalCase() throws Exception {
        DecodedCall call = codec.decode(call("POST", "/v2/echo/x", "count=2", Map.of(), "{\"Ratio\":1.5}"),
                table, "echo");
        EchoInput input = (EchoInput) codec.bind(call);
        assertThat(input).isEqualTo(new EchoInput("x", 2, null, null, 1.5, null, null, null, null));

        WireResponse response = codec.success(call, EchoOutput.of(input), "r");

        assertThat(PLAIN.readTree(response.body())).isEqualTo(PLAIN.readTree("{\"Name\":\"x\",\"Count\":2,\"Ratio\":1.5}"));
    }

    @Test
    void success_writesCamelCaseJsonWithEpochSeconds() throws Exception {
        DecodedCall call = codec.decode(call("POST", "/v1/echo/n", ""), table, "camelecho");

        WireResponse response = codec.success(call, EchoOutput.of(CodecFixtures.sample()), "r");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsExactly(Map.entry("Content-Type", "application/json"));
        JsonNode body = PLAIN.readTree(response.body());
        assertThat(body.get("name").asText()).isEqualTo("héllo ✓ 𝄞");
        assertThat(body.get("at").decimalValue()).isEqualByComparingTo("1700000000.123");
        assertThat(body.get("items").get(1).get("value").asInt()).isEqualTo(2);
        assertThat(body.has("Name")).isFalse();
    }

    @Test
    void success_whenOutputIsABinaryPayload_sendsItsBytesAndHeadersInsteadOfJson() {
        DecodedCall call = codec.decode(call("POST", "/v1/echo/n", ""), table, "camelecho");
        byte[] bytes = {0, (byte) 0xff, '{', 10};

        WireResponse response = codec.success(call, new BinaryPayload() {
            @Override
            public byte[] payload() {
                return bytes;
            }

            @Override
            public Map<String, String> headers() {
                return Map.of("X-AssetName", "lib-1.0.tgz");
            }
        }, "r");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(bytes);
        assertThat(response.headers()).containsEntry("Content-Type", "application/octet-stream")
                .containsEntry("X-AssetName", "lib-1.0.tgz");
    }

    @Test
    void success_whenRouteHasAnotherStatus_usesIt() {
        DecodedCall created = codec.decode(call("POST", "/v1/created", ""), table, "camelecho");
        DecodedCall gone = codec.decode(call("DELETE", "/v1/gone", ""), table, "camelecho");

        WireResponse createdResponse = codec.success(created, Empty.INSTANCE, "r");
        WireResponse goneResponse = codec.success(gone, Empty.INSTANCE, "r");

        assertThat(createdResponse.status()).isEqualTo(201);
        assertThat(new String(createdResponse.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(goneResponse.status()).isEqualTo(204);
        assertThat(goneResponse.body()).isEmpty();
        assertThat(goneResponse.withHeader("x-amzn-RequestId", "r").headers()).containsOnlyKeys("x-amzn-RequestId");
    }

    @Test
    void error_writesCodeInHeaderAndBody() throws Exception {
        ServiceException error = CodecFixtures.EchoErrors.CONFLICT
                .exception("Repository exists");

        WireResponse response = codec.error(CAMEL_ECHO, error, "r");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.headers()).containsExactly(Map.entry("Content-Type", "application/json"),
                Map.entry("x-amzn-ErrorType", "ConflictException"));
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"__type\":\"ConflictException\",\"message\":\"Repository exists\"}");
    }

    @Test
    void error_whenNoRouteMatched_writesUnknownOperation404() throws Exception {
        WireResponse response = codec.error(null, decodeFails(call("GET", "/nowhere", "")), "r");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers()).containsEntry("x-amzn-ErrorType", "UnknownOperationException");
        assertThat(PLAIN.readTree(response.body()).get("message").asText()).isEqualTo("No operation matches GET /nowhere");
    }

    @Test
    void error_whenServiceUnknown_spellsAuthenticationErrorsTheJsonWay() throws Exception {
        WireResponse response = codec.error(null, CommonErrors.EXPIRED_TOKEN.exception("The security token included "
                + "in the request is expired"), "r");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.headers()).containsEntry("x-amzn-ErrorType", "ExpiredTokenException");
        assertThat(PLAIN.readTree(response.body()).get("__type").asText()).isEqualTo("ExpiredTokenException");
    }

    @Test
    void decodeBind_whenInputsRandom_survivesUnchanged() {
        CodecFixtures.property(300, random -> {
            EchoInput generated = CodecFixtures.randomInput(random);
            String name = "n" + CodecFixtures.randomString(random, 20);
            List<String> tags = generated.tags() == null || generated.tags().isEmpty() ? null : generated.tags();
            EchoInput input = new EchoInput(name, generated.count(), generated.big(), generated.enabled(),
                    generated.ratio(), tags, generated.nested(), generated.items(), generated.at());

            List<String> query = new ArrayList<>();
            if (input.count() != null) {
                query.add("count=" + encode(input.count().toString()));
            }
            if (input.enabled() != null) {
                query.add("enabled=" + input.enabled());
            }
            if (input.ratio() != null) {
                query.add("ratio=" + encode(Double.toString(input.ratio())));
            }
            if (input.tags() != null) {
                query.add(String.join("&", input.tags().stream().map(tag -> "tag=" + encode(tag)).toList()));
            }
            if (input.at() != null) {
                query.add("at=" + encode(input.at().toString()));
            }
            java.util.Collections.shuffle(query, random); // repeated tags stay together, in order
            Map<String, String> headers = input.big() == null ? Map.of() : Map.of("x-echo-big", input.big().toString());
            String body;
            try {
                body = mappers.json(Naming.CAMEL_CASE).writeValueAsString(
                        new EchoInput(null, null, null, null, null, null, input.nested(), input.items(), null));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }

            WireRequest request = call("POST", "/v1/echo/" + encode(name), String.join("&", query), headers, body);

            assertThat(codec.bind(codec.decode(request, table, "camelecho"))).isEqualTo(input);
        });
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters, as the AWS SDKs do. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
