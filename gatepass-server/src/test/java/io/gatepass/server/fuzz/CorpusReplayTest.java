package io.gatepass.server.fuzz;

import io.gatepass.server.testing.GatepassServerExtension;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays every past finding under {@code src/test/resources/fuzz-corpus/} (the {@code .http} files; see
 * {@link CorpusEntry}) against a real server: each must be answered in time, in the protocol's AWS shape, and with
 * the status its entry expects. An entry marked with a {@link KnownDefect} still listed in {@code known-failures.txt}
 * may fail, and must fail: once it passes, the defect has been fixed and the list entry has to go.
 */
class CorpusReplayTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension();
    static TestServer server;
    static RawHttp http;
    static FuzzSigner signer;

    @BeforeAll
    static void start() {
        server = GATEPASS.server();
        http = new RawHttp(server.server().port(), TIMEOUT);
        signer = new FuzzSigner(http.host(), TestServer.REGION, TestServer.ADMIN_ID, TestServer.ADMIN_SECRET,
                server.clock());
    }

    @TestFactory
    Stream<DynamicTest> corpus_everyPastFinding_isAnsweredInShape() throws IOException, URISyntaxException {
        Path root = Path.of(CorpusReplayTest.class.getResource("/fuzz-corpus").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".http")).sorted().toList();
        }
        assertThat(files).as("corpus files").isNotEmpty();
        return files.stream().map(file -> {
            String name = root.relativize(file).toString();
            return DynamicTest.dynamicTest(name, () -> replay(CorpusEntry.read(file, name)));
        });
    }

    private static void replay(CorpusEntry entry) throws Exception {
        RawRequest request = entry.request();
        if (entry.sign() != null) {
            request = signer.sign(request, entry.sign());
        }
        String added = entry.directives().get("add-after-signing");
        if (added != null) {
            int colon = added.indexOf(':');
            request = request.plusHeader(added.substring(0, colon).trim(), added.substring(colon + 1).trim());
        }
        String failure;
        RawHttp.Response response = null;
        try {
            response = http.exchange(request);
            // endpoints outside the AWS APIs (SDK websocket, packages) answer in their own words: no 5xx is the rule
            failure = !"none".equals(entry.directives().get("shape")) ? AwsShape.problem(request, response)
                    : response.status() >= 500 ? "a " + response.status() + " answer" : null;
            if (failure == null && entry.expect().equals("4xx") && response.status() / 100 != 4
                    || failure == null && entry.expect().equals("2xx") && response.status() / 100 != 2) {
                failure = "expected " + entry.expect() + ", got " + response.status();
            }
        } catch (RawHttp.Hang e) {
            failure = "hang: " + e.getMessage();
        }
        KnownDefect defect = entry.knownDefect();
        if (defect != null && defect.listed()) {
            assertThat(failure).as(entry.name() + " passes now: " + defect
                    + " is fixed, remove it from fuzz-corpus/known-failures.txt (answer: " + response + ")").isNotNull();
            System.out.println("corpus: " + entry.name() + " still fails as known (" + defect + "): " + failure);
            return;
        }
        assertThat(failure).as(entry.name() + "\n" + entry.request() + "\n=> " + response).isNull();
    }
}
