package io.gatepass.cli.internal.aws.call;

import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The error code, message and retry note aws prints for a service error of a JSON protocol, from the SDK's exception
 * (its code and message as the SDK extracted them, the raw status and body, the attempts made): as botocore's
 * parsers, a 5xx answer with an empty or HTML body is a "generic" error (the status as code, its standard reason
 * phrase as message); otherwise a body that is not JSON is the message itself, and a JSON body without a message an
 * empty one. After the last allowed attempt aws adds {@code (reached max retries: N)} (botocore's max-attempts check
 * comes first, so it is there for a non-retryable error on the last attempt too).
 */
record ServiceErrorText(String code, String message, String retryNote) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Python's http.client.responses for the 5xx statuses (botocore's generic error message). */
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"), Map.entry(505, "HTTP Version Not Supported"),
            Map.entry(506, "Variant Also Negotiates"), Map.entry(507, "Insufficient Storage"),
            Map.entry(508, "Loop Detected"), Map.entry(510, "Not Extended"),
            Map.entry(511, "Network Authentication Required"));

    /** @param maxAttempts the attempts the retry mode allows in all */
    static ServiceErrorText of(AwsServiceException e, int maxAttempts) {
        AwsErrorDetails details = e.awsErrorDetails();
        int status = e.statusCode();
        byte[] body = details != null && details.rawResponse() != null ? details.rawResponse().asByteArray()
                : new byte[0];
        String text = new String(body, StandardCharsets.UTF_8);
        Integer attempts = e.numAttempts();
        String retryNote = attempts != null && attempts >= maxAttempts
                ? " (reached max retries: " + (attempts - 1) + ")" : "";
        String stripped = text.strip();
        if (status >= 500 && (stripped.isEmpty() || stripped.startsWith("<html>"))) {
            return new ServiceErrorText(Integer.toString(status), REASONS.getOrDefault(status, ""), retryNote);
        }
        String code = details != null && details.errorCode() != null ? details.errorCode()
                : Integer.toString(status);
        String message = details != null && details.errorMessage() != null ? details.errorMessage()
                : text.isEmpty() || json(text) ? "" : text;
        return new ServiceErrorText(code, message, retryNote);
    }

    private static boolean json(String text) {
        try {
            JSON.readTree(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
