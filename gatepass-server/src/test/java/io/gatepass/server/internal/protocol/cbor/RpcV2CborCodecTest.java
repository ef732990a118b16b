package io.gatepass.server.internal.protocol.cbor;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.api.Empty;
import io.gatepass.server.internal.api.Naming;
import io.gatepass.server.internal.api.OperationTable;
import io.gatepass.server.internal.protocol.DecodedCall;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.gatepass.server.internal.protocol.json.CodecFixtures.ECHO;
import static io.gatepass.server.internal.protocol.json.CodecFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RpcV2CborCodecTest {
    private static final CBORMapper PLAIN = CBORMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    private final WireMappers mappers = new WireMappers();
    private final RpcV2CborCodec codec = new RpcV2CborCodec(mappers);
    private final OperationTable table = CodecFixtures.table();

    private static WireRequest call(String path, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("smithy-protocol", "rpc-v2-cbor");
        headers.put("Accept", "application/cbor");
        if (body.length > 0) {
            headers.put("Content-Type", "application/cbor");
        }
        return request("POST", path, "", headers, body);
    }

    private static WireRequest call(String path, Map<String, String> headers, byte[] body) {
        return request("POST", path, "", headers, body);
    }

    private ServiceException decodeFails(WireRequest request) {
        return catchThrowableOfType(ServiceException.class, () -> codec.decode(request, table, "echo"));
    }

    private Object decodeAndBind(String path, byte[] body) {
        return codec.bind(codec.decode(call(path, body), table, "echo"));
    }

    private static byte[] hex(String hex) {
        return HEX.parseHex(hex.replace(" ", ""));
    }

    /** Writes a CBOR map by hand, to control tags and encodings. */
    private static byte[] cbor(GeneratorBody body) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (CBORGenerator generator = new CBORFactory().createGenerator(out)) {
                body.write(generator);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface GeneratorBody {
        void write(CBORGenerator generator) throws IOException;
    }

    @Test
    void name_isRpcV2Cbor() {
        assertThat(codec.name()).isEqualTo("rpcv2Cbor");
    }

    @Test
    void decode_whenPathAndHeaderValid_resolvesTheOperation() {
        byte[] body = cbor(g -> {
            g.writeStartObject();
            g.writeStringField("Name", "n");
            g.writeNumberField("Count", 1);
            g.writeEndObject();
        });

        DecodedCall call = codec.decode(call("/service/Echo/operation/Echo", body), table, "echo");

        assertThat(call.operation().service()).isEqualTo(ECHO);
        assertThat(call.operation().name()).isEqualTo("Echo");
        assertThat(codec.bind(call)).isEqualTo(new EchoInput("n", 1, null, null, null, null, null, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/service/Echo/operation/Ping", "/a/b/c/service/Echo/operation/Ping",
            "/service/com.example.Echo/operation/Ping", "/service/Echo/operation/Ping/service/Echo/operation/Ping",
            "/x/service/Other/operation/Nope/service/Echo/operation/Ping"})
    void decode_whenPathHasPrefixOrAbsoluteServiceId_routesOnTheLastFourSegments(String path) {
        assertThat(codec.decode(call(path, new byte[0]), table, "echo").operation().name()).isEqualTo("Ping");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/service/Echo", "/service/Echo/operation/", "/service/Echo/operation/Ping/",
            "/service/Echo/operation/Ping/extra", "/servicee/Echo/operation/Ping", "/service/Echo/operations/Ping",
            "/service/Echo/operation/com.example.Ping", "/service/com.example#Echo/operation/Ping",
            "/service/.Echo/operation/Ping", "/service/Ec-ho/operation/Ping", "/service/Echo/operation/Pi%6Eg",
            "service/Echo/operation/Ping"})
    void decode_whenPathMalformed_failsWithUnknownOperation(String path) {
        ServiceException error = decodeFails(call(path, new byte[0]));

        assertThat(error.errorCode()).isEqualTo(CommonErrors.UNKNOWN_OPERATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/service/Nope/operation/Ping", "/service/Echo/operation/Nope",
            "/service/Echo/operation/ping", "/service/echo/operation/Ping"})
    void decode_whenServiceOrOperationUnknown_failsWithUnknownOperation(String path) {
        ServiceException error = decodeFails(call(path, new byte[0]));

        assertThat(error.errorCode()).isEqualTo(CommonErrors.UNKNOWN_OPERATION);
        assertThat(error.httpStatus()).isEqualTo(400);
        assertThat(error.getMessage()).startsWith("Unknown operation");
    }

    @Test
    void decode_whenPathHuge_doesNotEchoIt() {
        ServiceException error = decodeFails(call("/" + "x".repeat(50_000), new byte[0]));

        assertThat(error.getMessage()).hasSizeLessThan(250);
    }

    @Test
    void decode_whenSmithyProtocolHeaderMissing_failsWithUnknownOperation() {
        ServiceException error = decodeFails(call("/service/Echo/operation/Ping", Map.of(), new byte[0]));

        assertThat(error.errorCode()).isEqualTo(CommonErrors.UNKNOWN_OPERATION);
        assertThat(error.getMessage()).contains("smithy-protocol");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rpc-v2-json", "rpc-v2-CBOR", "rpc-v1-cbor", "cbor", ""})
    void decode_whenSmithyProtocolHeaderWrong_failsWithUnknownOperation(String protocol) {
        ServiceException error = decodeFails(call("/service/Echo/operation/Ping",
                Map.of("smithy-protocol", protocol), new byte[0]));

        assertThat(error.errorCode()).isEqualTo(CommonErrors.UNKNOWN_OPERATION);
        assertThat(error.getMessage()).contains("smithy-protocol");
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Amz-Target", "X-Amzn-Target"})
    void decode_whenTargetHeaderPresent_rejectsTheRequest(String header) {
        ServiceException error = decodeFails(call("/service/Echo/operation/Ping",
                Map.of("smithy-protocol", "rpc-v2-cbor", header, "Echo.Ping"), new byte[0]));

        assertThat(error.errorCode()).isEqualTo(CommonErrors.UNKNOWN_OPERATION);
        assertThat(error.getMessage()).contains("X-Amz-Target");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "HEAD"})
    void decode_whenMethodNotPost_failsWithMethodNotAllowed(String method) {
        WireRequest request = request(method, "/service/Echo/operation/Ping", "",
                Map.of("smithy-protocol", "rpc-v2-cbor"), new byte[0]);

        ServiceException error = decodeFails(request);

        assertThat(error.code()).isEqualTo("UnknownOperationException");
        assertThat(error.httpStatus()).isEqualTo(405);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/x-amz-json-1.1", "text/plain", "application/cbor2"})
    void decode_whenContentTypeWrongForABody_failsWithUnsupportedMediaType(String contentType) {
        ServiceException error = decodeFails(call("/service/Echo/operation/Ping",
                Map.of("smithy-protocol", "rpc-v2-cbor", "Content-Type", contentType), hex("a0")));

        assertThat(error.errorCode()).isEqualTo(CommonErrors.UNSUPPORTED_MEDIA_TYPE);
        assertThat(error.httpStatus()).isEqualTo(415);
    }

    @Test
    void decode_whenContentTypeMissing_acceptsOnlyAnEmptyBody() {
        Map<String, String> headers = Map.of("smithy-protocol", "rpc-v2-cbor");

        assertThat(codec.bind(codec.decode(call("/service/Echo/operation/Ping", headers, new byte[0]), table, null)))
                .isEqualTo(Empty.INSTANCE);
        assertThat(decodeFails(call("/service/Echo/operation/Ping", headers, hex("a0"))).errorCode())
                .isEqualTo(CommonErrors.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void decode_whenContentTypeHasParameters_acceptsIt() {
        WireRequest request = call("/service/Echo/operation/Ping",
                Map.of("smithy-protocol", "rpc-v2-cbor", "Content-Type", "Application/CBOR; foo=bar"), hex("a0"));

        assertThat(codec.bind(codec.decode(request, table, null))).isEqualTo(Empty.INSTANCE);
    }

    @Test
    void decode_whenBodyEmptyOrEmptyMap_bindsEmptyInput() {
        assertThat(decodeAndBind("/service/Echo/operation/Ping", new byte[0])).isEqualTo(Empty.INSTANCE);
        assertThat(decodeAndBind("/service/Echo/operation/Ping", hex("a0"))).isEqualTo(Empty.INSTANCE);
        assertThat(decodeAndBind("/service/Echo/operation/Ping", hex("bf ff"))).isEqualTo(Empty.INSTANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ff", "a1", "a1 61", "a1 64 4e 61 6d 65", "7f", "a1 64 4e 61 6d 65 61 78 00",
            "a1 62 c3 28 61 78"})
    void decode_whenCborMalformed_failsWithSerializationException(String bytes) {
        ServiceException error = decodeFails(call("/service/Echo/operation/Echo", hex(bytes)));

        assertThat(error.errorCode()).isEqualTo(CommonErrors.SERIALIZATION);
        assertThat(error.getMessage()).startsWith("Could not parse the request body as CBOR")
                .doesNotContain("com.fasterxml").doesNotContain("byte[]").doesNotContain("`");
        assertThat(error.getStackTrace()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"80", "61 78", "01", "f6", "f5", "40"})
    void decode_whenBodyIsNotAMap_failsWithSerializationException(String bytes) {
        ServiceException error = decodeFails(call("/service/Echo/operation/Echo", hex(bytes)));

        assertThat(error.errorCode()).isEqualTo(CommonErrors.SERIALIZATION);
        assertThat(error.getMessage()).contains("must be a CBOR map");
    }

    @Test
    void decode_whenMapHasDuplicateKeys_failsWithSerializationException() {
        byte[] body = hex("a2 64 4e616d65 61 61 64 4e616d65 61 62");

        ServiceException error = decodeFails(call("/service/Echo/operation/Echo", body));

        assertThat(error.errorCode()).isEqualTo(CommonErrors.SERIALIZATION);
        assertThat(error.getMessage()).contains("Duplicate field 'Name'").doesNotContain("ObjectNode");
    }

    @Test
    void decode_whenIndefiniteLengthItems_readsThem() {
        // {_ "Name": (_ "ab" "c"), "Tags": [_ "x"]}
        byte[] body = hex("bf 64 4e616d65 7f 62 6162 61 63 ff 64 54616773 9f 61 78 ff ff");

        assertThat(decodeAndBind("/service/Echo/operation/Echo", body))
                .isEqualTo(new EchoInput("abc", null, null, null, null, List.of("x"), null, null, null));
    }

    @Test
    void decode_whenValueIsCborUndefined_isRefused() {
        // {"Name": undefined, "Count": 1}: undefined is not a value of any Smithy type (issue 14)
        byte[] body = hex("a2 64 4e616d65 f7 65 436f756e74 01");

        assertThatThrownBy(() -> decodeAndBind("/service/Echo/operation/Echo", body))
                .isInstanceOf(ServiceException.class).hasMessageContaining("undefined");
    }

    @Test
    void decode_whenTimestampIsTag1Integer_bindsInstant() {
        // {"At": 1(1700000000)}
        byte[] body = hex("a1 62 4174 c1 1a 6553f100");

        assertThat(((EchoInput) decodeAndBind("/service/Echo/operation/Echo", body)).at())
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000));
    }

    @Test
    void decode_whenTimestampIsTag1Double_bindsInstantWithMilliseconds() {
        byte[] body = cbor(g -> {
            g.writeStartObject();
            g.writeFieldName("At");
            g.writeTag(1);
            g.writeNumber(1_700_000_000.123d);
            g.writeEndObject();
        });
        assertThat(HEX.formatHex(body)).contains("c1fb");

        assertThat(((EchoInput) decodeAndBind("/service/Echo/operation/Echo", body)).at())
                .isEqualTo(Instant.parse("2023-11-14T22:13:20.123Z"));
    }

    @Test
    void decode_whenTimestampIsTag1SingleOrHalfFloat_bindsInstant() {
        // 1(1.5) as a half-precision float; 1(1e9) as a single-precision float; 1(-1) as a negative integer
        assertThat(((EchoInput) decodeAndBind("/service/Echo/operation/Echo", hex("a1 62 4174 c1 f9 3e00"))).at())
                .isEqualTo(Instant.ofEpochMilli(1500));
        assertThat(((EchoInput) decodeAndBind("/service/Echo/operation/Echo", hex("a1 62 4174 c1 fa 4e6e6b28"))).at())
                .isEqualTo(Instant.ofEpochSecond(1_000_000_000));
        assertThat(((EchoInput) decodeAndBind("/service/Echo/operation/Echo", hex("a1 62 4174 c1 20"))).at())
                .isEqualTo(Instant.ofEpochSecond(-1));
    }

    @Test
    void decode_whenTimestampUntagged_stillBindsEpochSeconds() {
        assertThat(((EchoInput) decodeAndBind("/service/Echo/operation/Echo", hex("a1 62 4174 1a 6553f100"))).at())
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000));
    }

    @Test
    void decode_whenIntegersUseAnyWidth_bindsThem() {
        // "Count": 1 as uint8 (0x18 0x01), "Big": 1 as uint64
        byte[] body = hex("a2 65 436f756e74 18 01 63 426967 1b 0000000000000001");

        assertThat(decodeAndBind("/service/Echo/operation/Echo", body))
                .isEqualTo(new EchoInput(null, 1, 1L, null, null, null, null, null, null));
    }

    /**
     * The request botocore 1.43 writes, with a model like the fake service's, for
     * {@link CodecFixtures#sample()} (botocore drops the milliseconds of timestamps).
     */
    @Test
    void decode_whenBodyWrittenByBotocore_bindsEveryMember() {
        byte[] body = hex("a9644e616d656f68c3a96c6c6f20e29c9320f09d849e65436f756e7426634269671b00200000000000016745"
                + "6e61626c6564f565526174696ffb3fb999999999999a64546167738261616162664e6573746564a3634b6579616b655661"
                + "6c75650364466c6167f4654974656d7382a1634b65796178a16556616c756502624174c11a6553f100");

        Object input = decodeAndBind("/service/Echo/operation/Echo", body);

        EchoInput sample = CodecFixtures.sample();
        assertThat(input).isEqualTo(new EchoInput(sample.name(), sample.count(), sample.big(), sample.enabled(),
                sample.ratio(), sample.tags(), sample.nested(), sample.items(), Instant.ofEpochSecond(1_700_000_000)));
    }

    @Test
    void bind_whenMemberTypeWrong_failsNamingTheMember() {
        // {"Count": "5"}, {"Nested": {"Flag": 1}}, {"Name": h'00'}
        assertThatThrownBy(() -> decodeAndBind("/service/Echo/operation/Echo", hex("a1 65 436f756e74 61 35")))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(CommonErrors.SERIALIZATION);
                    assertThat(e.getMessage()).isEqualTo("Member 'Count' must be an integer");
                });
        assertThatThrownBy(() -> decodeAndBind("/service/Echo/operation/Echo",
                hex("a1 66 4e6573746564 a1 64 466c6167 01")))
                .hasMessage("Member 'Nested.Flag' must be a boolean");
        assertThatThrownBy(() -> decodeAndBind("/service/Echo/operation/Echo", hex("a1 65 436f756e74 fb 3ff8000000000000")))
                .hasMessage("Member 'Count' must be an integer");
    }

    @Test
    void bind_whenRecordConstructorThrowsServiceException_passesItThrough() {
        byte[] body = cbor(g -> {
            g.writeStartObject();
            g.writeStringField("Name", "forbidden");
            g.writeEndObject();
        });

        assertThatThrownBy(() -> decodeAndBind("/service/Echo/operation/Guarded", body))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CodecFixtures.INVALID_REQUEST));
    }

    @Test
    void success_writesTimestampsAsTag1EpochSeconds() throws Exception {
        DecodedCall call = codec.decode(call("/service/Echo/operation/Echo", new byte[0]), table, "echo");
        EchoOutput output = new EchoOutput(null, null, null, null, null, null, null, null,
                Instant.ofEpochSecond(1_700_000_000));

        WireResponse response = codec.success(call, output, "r");

        // {_ "At": 1(1700000000) }
        assertThat(HEX.formatHex(response.body())).isEqualTo("bf" + "624174" + "c11a6553f100" + "ff");
        Map<String, Integer> tags = tagsByField(response.body());
        assertThat(tags).containsEntry("At", 1);
    }

    @Test
    void success_whenTimestampHasMilliseconds_writesTag1Double() throws Exception {
        DecodedCall call = codec.decode(call("/service/Echo/operation/Echo", new byte[0]), table, "echo");

        WireResponse response = codec.success(call, EchoOutput.of(CodecFixtures.sample()), "r");

        try (CBORParser parser = new CBORFactory().createParser(response.body())) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && parser.currentName().equals("At")) {
                    assertThat(parser.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_FLOAT);
                    assertThat(parser.getCurrentTag()).isEqualTo(1);
                    assertThat(parser.getDoubleValue()).isEqualTo(1_700_000_000.123d);
                }
            }
        }
    }

    @Test
    void roundTrip_whenPascalCaseService_echoesEveryMember() throws Exception {
        byte[] body = mappers.cbor(Naming.PASCAL_CASE).writeValueAsBytes(CodecFixtures.sample());
        DecodedCall call = codec.decode(call("/service/Echo/operation/Echo", body), table, "echo");
        EchoInput input = (EchoInput) codec.bind(call);
        assertThat(input).isEqualTo(CodecFixtures.sample());

        WireResponse response = codec.success(call, EchoOutput.of(input), "req-1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsExactly(Map.entry("Content-Type", "application/cbor"),
                Map.entry("smithy-protocol", "rpc-v2-cbor"));
        JsonNode tree = PLAIN.readTree(response.body());
        assertThat(tree.get("Name").asText()).isEqualTo("héllo ✓ 𝄞");
        assertThat(tree.get("Big").asLong()).isEqualTo(9_007_199_254_740_993L);
        assertThat(tree.get("Items").get(1).get("Value").asInt()).isEqualTo(2);
        assertThat(tree.get("Nested").get("Flag").asBoolean(true)).isFalse();
        assertThat(mappers.cbor(Naming.PASCAL_CASE).readValue(response.body(), EchoOutput.class))
                .isEqualTo(EchoOutput.of(CodecFixtures.sample()));
    }

    @Test
    void success_whenCamelCaseService_writesCamelCaseMembers() throws Exception {
        DecodedCall call = codec.decode(call("/service/CamelEcho/operation/Echo", new byte[0]), table, null);

        WireResponse response = codec.success(call, new EchoOutput("n", 1, null, null, null, null,
                new Nested("k", null, null), null, null), "r");

        JsonNode tree = PLAIN.readTree(response.body());
        assertThat(tree.properties()).extracting(Map.Entry::getKey).containsExactly("name", "count", "nested");
        assertThat(tree.get("nested").get("key").asText()).isEqualTo("k");
    }

    @Test
    void success_whenOutputEmptyOrNull_writesAnEmptyMap() throws Exception {
        DecodedCall call = codec.decode(call("/service/Echo/operation/Ping", new byte[0]), table, null);

        assertThat(PLAIN.readTree(codec.success(call, Empty.INSTANCE, "r").body()).isEmpty()).isTrue();
        assertThat(codec.success(call, null, "r").body()).containsExactly(0xa0);
    }

    @Test
    void error_whenServiceKnown_writesAbsoluteShapeIdAndMessageInCbor() throws Exception {
        WireResponse response = codec.error(ECHO, CodecFixtures.NOT_FOUND.exception("No fleet f-1"), "req-1");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers()).containsExactly(Map.entry("Content-Type", "application/cbor"),
                Map.entry("smithy-protocol", "rpc-v2-cbor"));
        JsonNode body = PLAIN.readTree(response.body());
        assertThat(body.size()).isEqualTo(2);
        assertThat(body.get("__type").asText()).isEqualTo("com.amazonaws.echo#NotFoundException");
        assertThat(body.get("message").asText()).isEqualTo("No fleet f-1");
    }

    @Test
    void error_whenNamespaceConfigured_usesIt() throws Exception {
        RpcV2CborCodec custom = new RpcV2CborCodec(mappers, service -> "com.example." + service.wireName());

        WireResponse response = custom.error(ECHO, CodecFixtures.NOT_FOUND.exception("x"), "r");

        assertThat(PLAIN.readTree(response.body()).get("__type").asText()).isEqualTo("com.example.Echo#NotFoundException");
    }

    @Test
    void error_whenServiceRespellsTheCode_usesTheServiceSpelling() throws Exception {
        ServiceException error = CommonErrors.ACCESS_DENIED.exception("no");

        WireResponse response = codec.error(ECHO, error, "r");

        assertThat(response.status()).isEqualTo(403);
        assertThat(PLAIN.readTree(response.body()).get("__type").asText())
                .isEqualTo("com.amazonaws.echo#AccessDeniedException");
    }

    @Test
    void error_whenServiceUnknown_writesTheBareJsonSpelling() throws Exception {
        ServiceException error = CommonErrors.SIGNATURE_DOES_NOT_MATCH.exception("The request signature we calculated "
                + "does not match the signature you provided.");

        WireResponse response = codec.error(null, error, "r");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.headers()).doesNotContainKey("x-amzn-ErrorType").containsEntry("smithy-protocol", "rpc-v2-cbor");
        JsonNode body = PLAIN.readTree(response.body());
        assertThat(body.get("__type").asText()).isEqualTo("InvalidSignatureException");
        assertThat(body.get("message").asText()).startsWith("The request signature");
    }

    @Test
    void error_whenDecodeFailed_carriesTheDecodeErrorsStatus() throws Exception {
        WireResponse unknown = codec.error(null, decodeFails(call("/service/Echo/operation/Nope", new byte[0])), "r");
        WireResponse media = codec.error(ECHO, decodeFails(call("/service/Echo/operation/Ping",
                Map.of("smithy-protocol", "rpc-v2-cbor", "Content-Type", "application/json"), hex("a0"))), "r");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(PLAIN.readTree(unknown.body()).get("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(media.status()).isEqualTo(415);
        assertThat(PLAIN.readTree(media.body()).get("__type").asText())
                .isEqualTo("com.amazonaws.echo#UnsupportedMediaTypeException");
    }

    @Test
    void error_whenMessageNull_writesOnlyTheType() throws Exception {
        WireResponse response = codec.error(null, CommonErrors.INTERNAL_FAILURE.exception((String) null), "r");

        assertThat(response.status()).isEqualTo(500);
        JsonNode body = PLAIN.readTree(response.body());
        assertThat(body.size()).isEqualTo(1);
        assertThat(body.get("__type").asText()).isEqualTo("InternalFailure");
    }

    @Test
    void decodeBind_whenInputsRandom_survivesUnchanged() {
        CodecFixtures.property(300, random -> {
            EchoInput input = CodecFixtures.randomInput(random);
            Naming naming = random.nextBoolean() ? Naming.PASCAL_CASE : Naming.CAMEL_CASE;
            String path = (random.nextBoolean() ? "/prefix" : "") + "/service/"
                    + (naming == Naming.PASCAL_CASE ? "Echo" : "CamelEcho") + "/operation/Echo";
            byte[] body;
            try {
                body = mappers.cbor(naming).writeValueAsBytes(input);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }

            DecodedCall call = codec.decode(call(path, body), table, null);

            assertThat(codec.bind(call)).isEqualTo(input);
        });
    }

    /** The CBOR tag in front of each field's value, for fields that have one. */
    private static Map<String, Integer> tagsByField(byte[] body) throws IOException {
        Map<String, Integer> tags = new HashMap<>();
        try (CBORParser parser = new CBORFactory().createParser(body)) {
            String field = null;
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME) {
                    field = parser.currentName();
                } else if (field != null && parser.getCurrentTag() >= 0) {
                    tags.put(field, parser.getCurrentTag());
                }
            }
        }
        return tags;
    }
}
