package io.gatepass.cli.internal.aws.call.direct;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatepass.cli.internal.aws.CliException;
import io.gatepass.cli.internal.aws.CliIo;
import io.gatepass.cli.internal.aws.call.ResponseJson;
import io.gatepass.cli.internal.aws.call.ServiceCall;
import io.gatepass.cli.internal.aws.call.ServiceClients;
import io.gatepass.cli.internal.aws.call.direct.LoopbackService.Answer;
import io.gatepass.cli.internal.aws.config.CliConfig;
import io.gatepass.cli.internal.aws.config.GlobalOptions;
import io.gatepass.cli.internal.aws.model.AwsService;
import io.gatepass.cli.internal.aws.model.OperationModel;
import io.gatepass.cli.internal.aws.params.RequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A service error's text on stderr, through the SDK client and the direct call alike, as aws 2.9.19 prints it for the
 * same answers (each expected text was taken from /usr/bin/aws against the same local endpoint): the retry note after
 * the last allowed attempt, the reason phrase of a 5xx with an empty or HTML body, a non-JSON body as the message.
 */
class ServiceErrorTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void serviceErrorsReadAsAwsPrintsThem() throws Exception {
        Map<Answer, String> oneAttempt = new java.util.LinkedHashMap<>();
        oneAttempt.put(answer(502, "<html><body>bad</body></html>", "Content-Type", "text/html"),
                "(502) when calling the ListDomains operation (reached max retries: 0): Bad Gateway");
        oneAttempt.put(answer(503, ""), "(503) when calling the ListDomains operation (reached max retries: 0): "
                + "Service Unavailable");
        oneAttempt.put(answer(500, "oops plain", "Content-Type", "text/plain"),
                "(500) when calling the ListDomains operation (reached max retries: 0): oops plain");
        oneAttempt.put(answer(302, "", "Location", "http://example.com/"),
                "(302) when calling the ListDomains operation (reached max retries: 0): ");
        oneAttempt.put(answer(404, "<html>nf</html>", "Content-Type", "text/html"),
                "(404) when calling the ListDomains operation (reached max retries: 0): <html>nf</html>");
        oneAttempt.put(answer(403, ""), "(403) when calling the ListDomains operation (reached max retries: 0): ");
        try (LoopbackService service = new LoopbackService()) {
            for (String path : List.of("sdk", "direct")) {
                for (Map.Entry<Answer, String> each : oneAttempt.entrySet()) {
                    service.take();
                    service.answer(each.getKey());
                    assertThat(failure(path, service, "1").stderrText()).as(path)
                            .isEqualTo("\nAn error occurred " + each.getValue() + "\n");
                }
                // a 401 challenge to a POST sent in fixed-length streaming mode: the JDK drops the body (no error
                // stream), so the answer reads as an empty one, with the header's error type
                service.take();
                service.answer(new Answer(401, Map.of("WWW-Authenticate", "Basic realm=\"x\"", "x-amzn-ErrorType",
                        "UnrecognizedClientException"), "{\"message\":\"who\"}".getBytes(StandardCharsets.UTF_8)));
                assertThat(failure(path, service, "1").stderrText()).as(path).isEqualTo("\nAn error occurred "
                        + "(UnrecognizedClientException) when calling the ListDomains operation (reached max retries: "
                        + "0): \n");
                service.take();
                for (int attempt = 0; attempt < 3; attempt++) {
                    service.answer(answer(429, "{\"message\":\"slow\"}", "x-amzn-ErrorType", "ThrottlingException"));
                }
                assertThat(failure(path, service, "3").stderrText()).as(path).isEqualTo("\nAn error occurred "
                        + "(ThrottlingException) when calling the ListDomains operation (reached max retries: 2): "
                        + "slow\n");
                assertThat(service.take()).hasSize(3);
                service.answer(answer(403, "{\"message\":\"no\"}", "x-amzn-ErrorType", "AccessDeniedException"));
                assertThat(failure(path, service, "3").stderrText()).as(path).isEqualTo("\nAn error occurred "
                        + "(AccessDeniedException) when calling the ListDomains operation: no\n");
            }
        }
    }

    /** aws 2.9.19 against an endpoint that reads the request and closes the connection without an answer. */
    @Test
    void aConnectionClosedWithoutAnAnswerReadsAsAwsPrintsIt() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress())) {
            Thread closer = new Thread(() -> {
                while (!server.isClosed()) {
                    try (java.net.Socket socket = server.accept()) {
                        socket.getInputStream().read(new byte[65536]);
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            closer.setDaemon(true);
            closer.start();
            String endpoint = "http://127.0.0.1:" + server.getLocalPort();
            for (String path : List.of("sdk", "direct")) {
                CliConfig config = config(endpoint, "1");
                OperationModel operation = AwsService.CODEARTIFACT.operation("list-domains").orElseThrow();
                SdkClient client = path.equals("sdk") ? ServiceClients.create(AwsService.CODEARTIFACT, config) : null;
                DirectCall direct = path.equals("direct") ? ServiceCall.direct(operation, config).orElseThrow()
                        : null;
                try {
                    ServiceCall call = new ServiceCall(operation, client, direct, new RequestBuilder("base64"),
                            new ResponseJson(ZoneOffset.UTC, false, true), "eu-west-1");
                    CliException failure = catchThrowableOfType(CliException.class,
                            () -> call.call(JSON.createObjectNode()));
                    assertThat(failure.exitCode()).as(path).isEqualTo(255);
                    assertThat(failure.stderrText()).as(path).isEqualTo("\nConnection was closed before we received "
                            + "a valid response from endpoint URL: \"" + endpoint + "/v1/domains\".\n");
                } finally {
                    if (client != null) {
                        client.close();
                    }
                }
            }
        }
    }

    private static Answer answer(int status, String body, String... header) {
        return new Answer(status, header.length == 0 ? Map.of() : Map.of(header[0], header[1]),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private CliException failure(String path, LoopbackService service, String maxAttempts) {
        CliConfig config = config(service.endpoint(), maxAttempts);
        OperationModel operation = AwsService.CODEARTIFACT.operation("list-domains").orElseThrow();
        SdkClient client = path.equals("sdk") ? ServiceClients.create(AwsService.CODEARTIFACT, config) : null;
        DirectCall direct = path.equals("direct") ? ServiceCall.direct(operation, config).orElseThrow() : null;
        try {
            ServiceCall call = new ServiceCall(operation, client, direct, new RequestBuilder("base64"),
                    new ResponseJson(ZoneOffset.UTC, false, true), "eu-west-1");
            CliException failure = catchThrowableOfType(CliException.class, () -> call.call(JSON.createObjectNode()));
            assertThat(failure).isNotNull();
            assertThat(failure.exitCode()).isEqualTo(254);
            return failure;
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    private CliConfig config(String endpoint, String maxAttempts) {
        return TestConfigs.config(home, endpoint, Map.of("AWS_MAX_ATTEMPTS", maxAttempts), false);
    }
}
