package io.gatepass.cli.internal.aws.call.direct;

import io.gatepass.cli.internal.aws.model.AwsService;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.core.client.config.SdkClientOption;
import software.amazon.awssdk.core.http.HttpResponseHandler;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.runtime.transform.Marshaller;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.protocols.json.AwsJsonProtocol;
import software.amazon.awssdk.protocols.json.AwsJsonProtocolFactory;
import software.amazon.awssdk.protocols.json.JsonOperationMetadata;
import software.amazon.awssdk.protocols.json.internal.unmarshall.SdkClientJsonProtocolAdvancedOption;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One JSON-protocol operation's wire format, taken from the SDK itself without building its client: the generated
 * request marshaller of the operation (URI labels, query string, headers, the JSON body with the model's wire names,
 * X-Amz-Target) and the protocol's response and error unmarshallers (so a response becomes the same SDK response, an
 * error the same {@link AwsServiceException} with the same code and message, as through the SDK client).
 */
final class JsonCodec {

    private final Marshaller<Object> marshaller;
    private final HttpResponseHandler<SdkPojo> responses;
    private final HttpResponseHandler<AwsServiceException> errors;

    private JsonCodec(Marshaller<Object> marshaller, HttpResponseHandler<SdkPojo> responses,
                      HttpResponseHandler<AwsServiceException> errors) {
        this.marshaller = marshaller;
        this.responses = responses;
        this.errors = errors;
    }

    /**
     * The codec of one operation of a JSON service, as the SDK's generated client sets up its protocol factory
     * (CodeArtifact restJson1, GameLift awsJson1_1, both protocol version 1.1, the fast unmarshaller the generated
     * client builders enable).
     *
     * @param requestClass  the operation's SDK request class
     * @param responseClass the operation's SDK response class
     */
    @SuppressWarnings("unchecked")
    static JsonCodec of(AwsService service, URI endpoint, Class<?> requestClass, Class<?> responseClass) {
        AwsJsonProtocolFactory factory = AwsJsonProtocolFactory.builder()
                .clientConfiguration(SdkClientConfiguration.builder().option(SdkClientOption.ENDPOINT, endpoint)
                        .option(SdkClientJsonProtocolAdvancedOption.ENABLE_FAST_UNMARSHALLER, true).build())
                .defaultServiceExceptionSupplier(AwsServiceException::builder)
                .protocol(service.jsonProtocol().orElseThrow())
                .protocolVersion("1.1")
                .build();
        String marshallerName = requestClass.getPackageName().replaceFirst("\\.model$", ".transform.")
                + requestClass.getSimpleName() + "Marshaller";
        try {
            Marshaller<Object> marshaller = (Marshaller<Object>) Class.forName(marshallerName, true,
                            JsonCodec.class.getClassLoader())
                    .getConstructor(software.amazon.awssdk.protocols.json.BaseAwsJsonProtocolFactory.class)
                    .newInstance(factory);
            JsonOperationMetadata metadata = JsonOperationMetadata.builder().hasStreamingSuccessResponse(false)
                    .isPayloadJson(true).build();
            Supplier<SdkPojo> builders = builderSupplier(responseClass);
            return new JsonCodec(marshaller, factory.createResponseHandler(metadata, builders),
                    factory.createErrorResponseHandler(metadata, code -> Optional.empty()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no SDK marshaller " + marshallerName, e);
        }
    }

    /** Builds (and drops) a protocol factory: its classes are then initialised. */
    static void warmUp() {
        AwsJsonProtocolFactory.builder().clientConfiguration(SdkClientConfiguration.builder()
                        .option(SdkClientJsonProtocolAdvancedOption.ENABLE_FAST_UNMARSHALLER, true).build())
                .defaultServiceExceptionSupplier(AwsServiceException::builder)
                .protocol(AwsJsonProtocol.REST_JSON).protocolVersion("1.1").build();
    }

    private static Supplier<SdkPojo> builderSupplier(Class<?> responseClass) throws NoSuchMethodException {
        java.lang.reflect.Method builder = responseClass.getMethod("builder");
        return () -> {
            try {
                return (SdkPojo) builder.invoke(null);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The request as the SDK's marshaller writes it (not yet signed, no transport headers). */
    SdkHttpFullRequest marshall(Object request) {
        return marshaller.marshall(request);
    }

    /** A successful (2xx) response as the SDK response object. */
    SdkPojo response(SdkHttpFullResponse response, int timeOffset) throws Exception {
        return responses.handle(response, attributes(timeOffset));
    }

    /**
     * An error response as the SDK's service exception (error code and message as the SDK extracts them, its clock
     * skew from {@code timeOffset}, the local clock's lead in seconds, as the SDK client passes it).
     */
    AwsServiceException error(SdkHttpFullResponse response, int timeOffset) throws Exception {
        return errors.handle(response, attributes(timeOffset));
    }

    private static ExecutionAttributes attributes(int timeOffset) {
        return ExecutionAttributes.builder().put(SdkExecutionAttribute.TIME_OFFSET, timeOffset).build();
    }
}
