package io.gatepass.server.internal.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.api.Empty;
import io.gatepass.server.internal.api.Naming;
import io.gatepass.server.internal.api.OperationTable;
import io.gatepass.server.internal.protocol.DecodedCall;
import io.gatepass.server.internal.protocol.WireMappers;
import io.gatepass.server.internal.protocol.WireRequest;
import io.gatepass.server.internal.protocol.WireResponse;
import io.gatepass.server.internal.protocol.json.CodecFixtures.EchoInput;
import io.gatepass.server.internal.protocol.json.CodecFixtures.EchoOutput;
import io.gatepass.server.internal.protocol.json.CodecFixtures.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.gatepass.server.internal.protocol.json.CodecFixtures.ECHO;
import static io.gatepass.server.internal.protocol.json.CodecFixtures.request;
import static io.gatepass.server.internal.protocol.json.CodecFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AwsJsonCodecTest {
    private static final ObjectMapper PLAIN = JsonMapper.builder().build();

    private final WireMappers mappers = new WireMappers();
    private final AwsJsonCodec codec = new AwsJsonCodec(mappers);
    private final OperationTable table = CodecFixtures.table();

    private static WireRequest call(String target, String body) {
        return call(target, AwsJsonCodec.JSON_1_1, utf8(body));
    }

    private static WireRequest call(String target, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (target != null) {
            headers.put("X-Amz-Target", target);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return request("POST", "/", "", headers, body);
    }

    private ServiceException decodeFails(WireRequest request) {
        return catchThrowableOfType(ServiceException.class, () -> codec.decode(request, table, "echo"));
    }

    private Object decodeAndBind(String target, String body) {
        return codec.bind(codec.decode(call(target, body), table, "echo"));
    }

    private static JsonNode json(byte[] body) throws Exception {
        return PLAIN.readTree(body);
    }

    @Test
    void name_isAwsJson11() {
        assertThat(codec.name()).isEqualTo("awsJson1_1");
    }

    @Test
    void decode_whenTargetKnown_resolvesOperationAndReadsMembers() {
        DecodedCall call = codec.decode(call("Echo.Echo", "{\"Name\":\"n\",\"Count\":1}"), table, "echo");

        assertThat(call.operation().service()).isEqualTo(ECHO);
        assertThat(call.operation().name()).isEqualTo("Echo");
        assertThat(call.input().get("Name").asText()).isEqualTo("n");
        assertThat(codec.bind(call)).isEqualTo(new EchoInput("n", 1, null, null, null, null, null, null, null));
    }

    @Test
    void decode_whenTargetNamesCamelCaseService_bindsCamelCaseMembers() {
        Object input = codec.bind(codec.decode(call("CamelEcho.Echo", "{\"name\":\"n\",\"Name\":\"ignored\"}"),
                table, "camelecho"));

        assertThat(input).isEqualTo(new EchoInput("n", null, null, null, null, null, null, null, null));
    }

    @Test
    void decode_whenBodyEmpty_treatsItAsEmptyObject() {
        assertThat(decodeAndBind("Echo.Ping", "")).isEqualTo(Empty.INSTANCE);
        assertThat(decodeAndBind("Echo.Echo", "  \n ")).isEqualTo(new EchoInput(null, null, null, null, null, null,
                null, null, null));
    }

    @Test
    void decode_whenTargetMissing_failsWithUnknownOperation() {
        ServiceException error = decodeFails(call(null, "{}"));

        assertThat(error.errorCode()).isEqualTo(CommonErrors.UNKNOWN_OPERATION);
        assertThat(error.getMessage()).contains("X-Amz-Target");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Nope.Echo", "Echo.Nope", "Echo.echo", "echo.Echo", "EchoEcho", "Echo.", ".Echo",
            "Echo.Echo.Echo", "CamelEcho"})
    void decode_whenTargetUnknown_failsWithUnknownOperation(String target) {
        ServiceException error = decodeFails(call(target, "{}"));

        assertThat(error.errorCode()).isEqualTo(CommonErrors.UNKNOWN_OPERATION);
        assertThat(error.httpStatus()).isEqualTo(400);
    }

    @Test
    void decode_whenTargetsAndTablesAlternate_resolvesEachAsAFreshCodecDoes() {
        OperationTable pingOnly = new OperationTable().add(ECHO, "Ping", Empty.class, (input, context) -> Empty.INSTANCE);
        List<String> targets = List.of("Echo.Echo", "Echo.Ping", "CamelEcho.Echo", "Echo.Nope", "Echo.echo",
                "CamelEcho.Ping", "Echo.Echo");
        Map<String, Object> fresh = new java.util.HashMap<>();
        java.util.Random random = new java.util.Random(12);
        for (int i = 0; i < 2_000; i++) {
            String target = targets.get(random.nextInt(targets.size()));
            OperationTable onTable = random.nextInt(4) == 0 ? pingOnly : table;
            WireRequest request = call(target, "{}");

            Object expected = fresh.computeIfAbsent(target + (onTable == table ? "" : " on ping-only"),
                    k -> resolved(new AwsJsonCodec(mappers), request, onTable));

            assertThat(resolved(codec, request, onTable)).as("%s on %s", target, onTable).isEqualTo(expected);
        }
    }

    /** The operation a codec finds for the request, or the error code it refuses it with. */
    private static Object resolved(AwsJsonCodec codec, WireRequest request, OperationTable table) {
        try {
            return codec.decode(request, table, "echo").operation();
        } catch (ServiceException e) {
            return e.errorCode() + ": " + e.getMessage();
        }
    }

    @Test
    void decode_whenTargetHuge_doesNotEchoIt() {
        String target = "Echo." + "X".repeat(100_000);

        ServiceException error = decodeFails(call(target, "{}"));

        assertThat(error.getMessage()).hasSizeLessThan(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE"})
    void decode_whenMethodNotPost_failsWithMethodNotAllowed(String method) {
        WireRequest request = request(method, "/", "", Map.of("X-Amz-Target", "Echo.Ping",
                "Content-Type", AwsJsonCodec.JSON_1_1), new byte[0]);

        ServiceException error = decodeFails(request);

        assertThat(error.code()).isEqualTo("UnknownOperationException");
        assertThat(error.httpStatus()).isEqualTo(405);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-amz-json-1.1", "application/x-amz-json-1.0",
            "application/x-amz-json-1.1; charset=utf-8", "Application/X-Amz-Json-1.1"})
    void decode_whenContentTypeIsAwsJson_accepts(String contentType) {
        Object input = codec.bind(codec.decode(call("Echo.Echo", contentType, utf8("{\"Count\":2}")), table, "echo"));

        assertThat(input).isEqualTo(new EchoInput(null, 2, null, null, null, null, null, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/plain", "application/cbor", "application/x-amz-json-1.2",
            "application/x-www-form-urlencoded"})
    void decode_whenContentTypeWrong_failsWithUnsupportedMediaType(String contentType) {
        ServiceException error = decodeFails(call("Echo.Echo", contentType, utf8("{}")));

        assertThat(error.errorCode()).isEqualTo(CommonErrors.UNSUPPORTED_MEDIA_TYPE);
        assertThat(error.httpStatus()).isEqualTo(415);
        assertThat(error.getMessage()).contains("application/x-amz-json-1.1");
    }

    @Test
    void decode_whenContentTypeMissing_acceptsOnlyAnEmptyBody() {
        assertThat(codec.bind(codec.decode(call("Echo.Ping", null, new byte[0]), table, "echo")))
                .isEqualTo(Empty.INSTANCE);

        assertThat(decodeFails(call("Echo.Ping", null, utf8("{}"))).errorCode())
                .isEqualTo(CommonErrors.UNSUPPORTED_MEDIA_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"Name\":}", "{'Name':'x'}", "{\"Name\":\"x\",}", "nul", "\u0000", "{\"a\":1} {}",
            "{\"a\":1}]", "{\"Name\":\"a\",\"Name\":\"b\"}", "{\"Name\":\"\\uZZZZ\"}"})
    void decode_whenJsonMalformed_failsWithSerializationException(String body) {
        ServiceException error = decodeFails(call("Echo.Echo", body));

        assertThat(error.errorCode()).isEqualTo(CommonErrors.SERIALIZATION);
        assertThat(error.getMessage()).startsWith("Could not parse the request body as JSON")
                .doesNotContain("com.fasterxml").doesNotContain("Source:").doesNotContain("`");
        assertThat(error.getStackTrace()).isEmpty();
    }

    @Test
    void decode_whenMalformedBodyIsHuge_keepsTheMessageShortAndFreeOfTraces() {
        String body = "{\"Name\": " + "x".repeat(1_000_000) + "}";

        ServiceException error = decodeFails(call("Echo.Echo", body));

        assertThat(error.errorCode()).isEqualTo(CommonErrors.SERIALIZATION);
        assertThat(error.getMessage()).hasSizeLessThan(250).doesNotContain("\n").doesNotContain("at com.")
                .doesNotContain("Source:").contains("line 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{}]", "\"text\"", "42", "true", "null"})
    void decode_whenBodyIsNotAnObject_failsWithSerializationException(String body) {
        ServiceException error = decodeFails(call("Echo.Echo", body));

        assertThat(error.errorCode()).isEqualTo(CommonErrors.SERIALIZATION);
        assertThat(error.getMessage()).contains("must be a JSON object");
    }

    @Test
    void decode_whenNestingIsExtreme_failsWithSerializationException() {
        String body = "{\"Nested\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        ServiceException error = decodeFails(call("Echo.Echo", body));

        assertThat(error.errorCode()).isEqualTo(CommonErrors.SERIALIZATION);
        assertThat(error.getMessage()).isEqualTo("Could not parse the request body as JSON: values nested too deeply");
    }

    @Test
    void bind_whenStringGivenForInteger_failsNamingTheMember() {
        assertThatThrownBy(() -> decodeAndBind("Echo.Echo", "{\"Count\":\"5\"}"))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(CommonErrors.SERIALIZATION);
                    assertThat(e.getMessage()).isEqualTo("Member 'Count' must be an integer");
                });
    }

    @Test
    void bind_whenNumberGivenForString_failsNamingTheMember() {
        assertThatThrownBy(() -> decodeAndBind("Echo.Echo", "{\"Name\":5}"))
                .hasMessage("Member 'Name' must be a string");
    }

    @Test
    void bind_whenNestedMemberWrong_failsWithItsPath() {
        assertThatThrownBy(() -> decodeAndBind("Echo.Echo", "{\"Items\":[{},{\"Flag\":\"yes\"}]}"))
                .hasMessage("Member 'Items[1].Flag' must be a boolean");
        assertThatThrownBy(() -> decodeAndBind("Echo.Echo", "{\"Nested\":{\"Value\":true}}"))
                .hasMessage("Member 'Nested.Value' must be an integer");
        assertThatThrownBy(() -> decodeAndBind("Echo.Echo", "{\"Tags\":[\"a\",{}]}"))
                .hasMessage("Member 'Tags[1]' must be a string");
    }

    @Test
    void bind_whenStructureOrListShapeWrong_fails() {
        assertThatThrownBy(() -> decodeAndBind("Echo.Echo", "{\"Tags\":\"a\"}"))
                .hasMessage("Member 'Tags' must be a list");
        assertThatThrownBy(() -> decodeAndBind("Echo.Echo", "{\"Nested\":[]}"))
                .hasMessage("Member 'Nested' must be a structure");
        assertThatThrownBy(() -> decodeAndBind("Echo.Echo", "{\"Name\":{\"a\":1}}"))
                .hasMessage("Member 'Name' must be a string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"Count\":1.5}", "{\"Count\":1.0}", "{\"Count\":1e2}", "{\"Enabled\":1}",
            "{\"Enabled\":\"true\"}", "{\"Ratio\":\"1.5\"}", "{\"At\":true}", "{\"At\":\"yesterday\"}",
            "{\"Name\":true}"})
    void bind_whenScalarWouldNeedCoercion_failsWithSerializationException(String body) {
        ServiceException error = catchThrowableOfType(ServiceException.class, () -> decodeAndBind("Echo.Echo", body));

        assertThat(error.errorCode()).isEqualTo(CommonErrors.SERIALIZATION);
        assertThat(error.getMessage()).startsWith("Member '");
    }

    @Test
    void bind_whenIntegerOutOfRange_fails() {
        assertThatThrownBy(() -> decodeAndBind("Echo.Echo", "{\"Count\":2147483648}"))
                .hasMessage("Member 'Count' is out of range for its type");
        assertThatThrownBy(() -> decodeAndBind("Echo.Echo", "{\"Big\":9223372036854775808}"))
                .hasMessage("Member 'Big' is out of range for its type");
    }

    @Test
    void bind_whenValueIsHuge_doesNotEchoIt() {
        String huge = "9".repeat(900);

        ServiceException error = catchThrowableOfType(ServiceException.class,
                () -> decodeAndBind("Echo.Echo", "{\"Count\":" + huge + "}"));

        assertThat(error.getMessage()).doesNotContain("99999").hasSizeLessThan(100);
    }

    @Test
    void bind_whenPrimitiveMemberMissing_failsSayingItIsRequired() {
        assertThatThrownBy(() -> decodeAndBind("Echo.Primitive", "{}"))
                .hasMessage("Member 'Size' is required and must not be null");
    }

    @Test
    void bind_whenNumberGivenForDouble_acceptsIt() {
        assertThat(decodeAndBind("Echo.Echo", "{\"Ratio\":3}"))
                .isEqualTo(new EchoInput(null, null, null, null, 3.0, null, null, null, null));
    }

    @Test
    void bind_whenMembersUnknownOrNull_ignoresThem() {
        assertThat(decodeAndBind("Echo.Echo", "{\"Unknown\":{\"deep\":[1,2]},\"Name\":null,\"Tags\":[]}"))
                .isEqualTo(new EchoInput(null, null, null, null, null, List.of(), null, null, null));
    }

    @Test
    void bind_whenRecordConstructorThrowsServiceException_passesItThrough() {
        assertThatThrownBy(() -> decodeAndBind("Echo.Guarded", "{\"Name\":\"forbidden\"}"))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(CodecFixtures.INVALID_REQUEST);
                    assertThat(e.getMessage()).isEqualTo("name must not be 'forbidden'");
                });
    }

    @Test
    void bind_whenRecordConstructorThrowsOtherExceptions_failsWithoutTheirMessage() {
        assertThatThrownBy(() -> decodeAndBind("Echo.Checked", "{\"Size\":-1}"))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(CommonErrors.SERIALIZATION);
                    assertThat(e.getMessage()).isEqualTo("The operation's input is not valid");
                });
    }

    @Test
    void bind_whenTimestampIsEpochSeconds_readsIntegerAndFractionalSeconds() {
        assertThat(((EchoInput) decodeAndBind("Echo.Echo", "{\"At\":1700000000}")).at())
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000));
        assertThat(((EchoInput) decodeAndBind("Echo.Echo", "{\"At\":1700000000.123}")).at())
                .isEqualTo(Instant.parse("2023-11-14T22:13:20.123Z"));
        assertThat(((EchoInput) decodeAndBind("Echo.Echo", "{\"At\":-1.5}")).at())
                .isEqualTo(Instant.parse("1969-12-31T23:59:58.500Z"));
    }

    /** The request botocore 1.43 writes for this model (see RpcV2CborCodecTest for how it was made). */
    @Test
    void decode_whenBodyWrittenByBotocore_bindsEveryMember() {
        byte[] body = HexFormat.of().parseHex("7b224e616d65223a2022685c75303065396c6c6f205c7532373133205c7564383334"
                + "5c7564643165222c2022436f756e74223a202d372c2022426967223a20393030373139393235343734303939332c202245"
                + "6e61626c6564223a20747275652c2022526174696f223a20302e312c202254616773223a205b2261222c202262225d2c20"
                + "224e6573746564223a207b224b6579223a20226b222c202256616c7565223a20332c2022466c6167223a2066616c73657d"
                + "2c20224974656d73223a205b7b224b6579223a202278227d2c207b2256616c7565223a20327d5d2c20224174223a203137"
                + "30303030303030307d");

        Object input = codec.bind(codec.decode(call("Echo.Echo", AwsJsonCodec.JSON_1_1, body), table, "echo"));

        EchoInput sample = CodecFixtures.sample();
        assertThat(input).isEqualTo(new EchoInput(sample.name(), sample.count(), sample.big(), sample.enabled(),
                sample.ratio(), sample.tags(), sample.nested(), sample.items(), Instant.ofEpochSecond(1_700_000_000)));
    }

    @Test
    void roundTrip_whenPascalCaseService_writesPascalCaseMembersAndEpochSeconds() throws Exception {
        String body = "{\"Name\":\"héllo ✓ 𝄞\",\"Count\":-7,\"Big\":9007199254740993,\"Enabled\":true,\"Ratio\":0.1,"
                + "\"Tags\":[\"a\",\"b\"],\"Nested\":{\"Key\":\"k\",\"Value\":3,\"Flag\":false},"
                + "\"Items\":[{\"Key\":\"x\"},{\"Value\":2}],\"At\":1700000000.123}";
        DecodedCall call = codec.decode(call("Echo.Echo", body), table, "echo");
        EchoInput input = (EchoInput) codec.bind(call);
        assertThat(input).isEqualTo(CodecFixtures.sample());

        WireResponse response = codec.success(call, EchoOutput.of(input), "req-1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsExactly(Map.entry("Content-Type", "application/x-amz-json-1.1"));
        assertThat(json(response.body())).isEqualTo(PLAIN.readTree(body));
        assertThat(json(response.body()).get("At").isNumber()).isTrue();
    }

    @Test
    void success_whenCamelCaseService_writesCamelCaseMembers() throws Exception {
        DecodedCall call = codec.decode(call("CamelEcho.Echo", "{}"), table, "camelecho");

        WireResponse response = codec.success(call, new EchoOutput("n", 1, null, null, null, null,
                new Nested("k", null, null), null, Instant.ofEpochSecond(10)), "req-1");

        assertThat(json(response.body())).isEqualTo(PLAIN.readTree(
                "{\"name\":\"n\",\"count\":1,\"nested\":{\"key\":\"k\"},\"at\":10}"));
    }

    @Test
    void success_whenOutputEmptyOrNull_writesEmptyObject() {
        DecodedCall call = codec.decode(call("Echo.Ping", ""), table, "echo");

        assertThat(new String(codec.success(call, Empty.INSTANCE, "r").body(), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(new String(codec.success(call, null, "r").body(), StandardCharsets.UTF_8)).isEqualTo("{}");
    }

    @Test
    void error_whenServiceKnown_writesItsSpellingWithStatusHeaderAndBody() throws Exception {
        ServiceException error = CodecFixtures.NOT_FOUND.exception("No fleet \"f-1\"");

        WireResponse response = codec.error(ECHO, error, "req-1");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers()).containsExactly(
                Map.entry("Content-Type", "application/x-amz-json-1.1"),
                Map.entry("x-amzn-ErrorType", "NotFoundException"));
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"__type\":\"NotFoundException\",\"message\":\"No fleet \\\"f-1\\\"\"}");
    }

    @Test
    void error_whenServiceRespellsTheCode_usesTheServiceSpelling() throws Exception {
        ServiceException error = CommonErrors.MISSING_PARAMETER.exception("bad");

        WireResponse response = codec.error(ECHO, error, "req-1");

        assertThat(json(response.body()).get("__type").asText()).isEqualTo("InvalidRequestException");
        assertThat(response.headers()).containsEntry("x-amzn-ErrorType", "InvalidRequestException");
    }

    @Test
    void error_whenServiceUnknown_spellsAuthenticationErrorsTheJsonWay() throws Exception {
        ServiceException error = CommonErrors.INVALID_CLIENT_TOKEN_ID
                .exception("The security token included in the request is invalid.");

        WireResponse response = codec.error(null, error, "req-1");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.headers()).containsEntry("x-amzn-ErrorType", "UnrecognizedClientException");
        assertThat(json(response.body())).isEqualTo(PLAIN.readTree("{\"__type\":\"UnrecognizedClientException\","
                + "\"message\":\"The security token included in the request is invalid.\"}"));
    }

    @Test
    void error_whenDecodeFailed_carriesTheDecodeErrorsStatus() {
        WireResponse unknown = codec.error(ECHO, decodeFails(call("Echo.Nope", "{}")), "r");
        WireResponse media = codec.error(ECHO, decodeFails(call("Echo.Echo", "text/plain", utf8("{}"))), "r");
        WireResponse malformed = codec.error(ECHO, decodeFails(call("Echo.Echo", "{")), "r");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.headers()).containsEntry("x-amzn-ErrorType", "UnknownOperationException");
        assertThat(media.status()).isEqualTo(415);
        assertThat(media.headers()).containsEntry("x-amzn-ErrorType", "UnsupportedMediaTypeException");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.headers()).containsEntry("x-amzn-ErrorType", "SerializationException");
    }

    @Test
    void error_whenMessageNull_leavesMessageOut() {
        WireResponse response = codec.error(null, CommonErrors.INTERNAL_FAILURE.exception((String) null), "r");

        assertThat(response.status()).isEqualTo(500);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"__type\":\"InternalFailure\"}");
    }

    @Test
    void decodeBind_whenInputsRandom_survivesUnchanged() {
        CodecFixtures.property(300, random -> {
            EchoInput input = CodecFixtures.randomInput(random);
            Naming naming = random.nextBoolean() ? Naming.PASCAL_CASE : Naming.CAMEL_CASE;
            String target = naming == Naming.PASCAL_CASE ? "Echo.Echo" : "CamelEcho.Echo";
            byte[] body;
            try {
                body = mappers.json(naming).writeValueAsBytes(input);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }

            DecodedCall call = codec.decode(call(target, AwsJsonCodec.JSON_1_1, body), table, null);

            assertThat(codec.bind(call)).isEqualTo(input);
        });
    }
}
