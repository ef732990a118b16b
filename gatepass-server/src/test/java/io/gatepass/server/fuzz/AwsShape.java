package io.gatepass.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;

import java.io.IOException;

/**
 * Whether an answer is what a client of the request's protocol can read: no 5xx, a request id, no stack trace, and
 * an error in the protocol's own shape ({@code <ErrorResponse>} with a {@code Code} for the query protocol,
 * {@code __type} in a JSON or CBOR map for the others, with {@code x-amzn-ErrorType} on the JSON protocols).
 * A request that is not valid HTTP at all (Netty cannot parse its request line or headers, and keeps neither its path
 * nor its headers) cannot be told apart by protocol: its answer is the query protocol's {@code <ErrorResponse>} for
 * every protocol.
 */
public final class AwsShape {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR = new CBORMapper();

    private AwsShape() {
    }

    /** What is wrong with the answer, or null when nothing is. */
    public static String problem(RawRequest request, RawHttp.Response response) {
        if (response.status() >= 500) {
            return "a " + response.status() + " answer";
        }
        if (response.status() < 200 || response.status() >= 300 && response.status() < 400) {
            return "an unexpected status " + response.status();
        }
        String text = response.text();
        if (text.contains("at io.gatepass") || text.contains("Exception:") || text.contains("\tat ")) {
            return "internals in the answer";
        }
        if (response.header("x-amzn-requestid") == null) {
            return "no x-amzn-RequestId";
        }
        if (response.status() < 400) {
            return null;
        }
        if (text.startsWith("<ErrorResponse") && (text.contains("<Code>BadRequest</Code>")
                || text.contains("<Code>RequestURITooLong</Code>")
                || text.contains("<Code>RequestHeaderSectionTooLarge</Code>"))) {
            return null; // not valid HTTP: no protocol to answer in
        }
        return switch (request.protocol()) {
            case "query" -> text.startsWith("<ErrorResponse") && text.contains("<Code>") ? null
                    : "not an <ErrorResponse> with a <Code>";
            case "rpcv2Cbor" -> hasType(CBOR, response) ? null : "not a CBOR map with __type";
            default -> !hasType(JSON, response) ? "not a JSON object with __type"
                    : response.header("x-amzn-errortype") == null ? "no x-amzn-ErrorType" : null;
        };
    }

    private static boolean hasType(ObjectMapper mapper, RawHttp.Response response) {
        try {
            JsonNode body = mapper.readTree(response.body());
            return body != null && body.isObject() && body.path("__type").isTextual();
        } catch (IOException e) {
            return false;
        }
    }
}
