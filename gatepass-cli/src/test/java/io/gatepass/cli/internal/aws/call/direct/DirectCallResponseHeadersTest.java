package io.gatepass.cli.internal.aws.call.direct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.gatepass.cli.internal.aws.CliException;
import io.gatepass.cli.internal.aws.CliIo;
import io.gatepass.cli.internal.aws.call.ResponseJson;
import io.gatepass.cli.internal.aws.call.ServiceCall;
import io.gatepass.cli.internal.aws.call.ServiceClients;
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
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Response headers the SDK client's pipeline acts on, which a direct call acts on as well (review of 2026-12-07): a
 * throttling answer's {@code Retry-After} (Gatepass's CodeArtifact 429 carries it) is waited at least, and a gzip
 * {@code Content-Encoding} is decoded before the JSON unmarshaller reads the body.
 */
class DirectCallResponseHeadersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void aThrottlingAnswersRetryAfterIsWaitedAsTheSdkWaitsIt() throws Exception {
        for (String path : List.of("sdk", "direct")) {
            List<Long> arrivals = new ArrayList<>();
            HttpServer server = server((count, exchange) -> count == 0
                    ? new byte[][]{"429".getBytes(), "{\"message\":\"slow down\"}".getBytes()}
                    : new byte[][]{"200".getBytes(), "{\"domains\":[]}".getBytes()}, arrivals, Map.of(
                    "Retry-After", "2"));
            try {
                Outcome outcome = call(path, server);
                assertThat(outcome.failure()).as(path).isNull();
                assertThat(arrivals).as(path).hasSize(2);
                assertThat(arrivals.get(1) - arrivals.get(0)).as(path + ": ms between the attempts")
                        .isGreaterThanOrEqualTo(1_900L);
            } finally {
                server.stop(0);
            }
        }
    }

    @Test
    void aGzipEncodedAnswerIsReadAsTheSdkReadsIt() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write("{\"domains\":[{\"name\":\"d1\"}]}".getBytes(StandardCharsets.UTF_8));
        }
        Map<String, JsonNode> outputs = new HashMap<>();
        for (String path : List.of("sdk", "direct")) {
            HttpServer server = server((count, exchange) -> new byte[][]{"200".getBytes(), zipped.toByteArray()},
                    new ArrayList<>(), Map.of("Content-Encoding", "gzip", "Content-Type", "application/json"));
            try {
                Outcome outcome = call(path, server);
                assertThat(outcome.failure()).as(path + ": " + outcome.failure()).isNull();
                outputs.put(path, outcome.output());
            } finally {
                server.stop(0);
            }
        }
        assertThat(outputs.get("direct")).isEqualTo(outputs.get("sdk"));
    }

    private record Outcome(JsonNode output, CliException failure) {
    }

    private Outcome call(String path, HttpServer server) {
        CliConfig config = config("http://127.0.0.1:" + server.getAddress().getPort());
        OperationModel operation = AwsService.CODEARTIFACT.operation("list-domains").orElseThrow();
        ResponseJson responses = new ResponseJson(ZoneOffset.UTC, false, true);
        RequestBuilder requests = new RequestBuilder("base64");
        SdkClient client = path.equals("sdk") ? ServiceClients.create(AwsService.CODEARTIFACT, config) : null;
        DirectCall direct = path.equals("direct") ? ServiceCall.direct(operation, config).orElseThrow() : null;
        try {
            ServiceCall call = new ServiceCall(operation, client, direct, requests, responses, "eu-west-1");
            return new Outcome(call.call(JSON.createObjectNode()), null);
        } catch (CliException e) {
            return new Outcome(null, e);
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    /** Answers the n-th request with {status, body} from {@code answer}, recording when each arrived (ms). */
    private static HttpServer server(BiFunction<Integer, Object, byte[][]> answer, List<Long> arrivals,
                                     Map<String, String> headers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                int count;
                synchronized (arrivals) {
                    count = arrivals.size();
                    arrivals.add(System.nanoTime() / 1_000_000);
                }
                byte[][] reply = answer.apply(count, exchange);
                headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                exchange.sendResponseHeaders(Integer.parseInt(new String(reply[0])), reply[1].length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply[1]);
                }
            }
        });
        server.start();
        return server;
    }

    private CliConfig config(String endpoint) {
        return TestConfigs.config(home, endpoint, Map.of(), false);
    }
}
