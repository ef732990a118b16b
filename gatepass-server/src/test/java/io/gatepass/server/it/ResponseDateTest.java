package io.gatepass.server.it;

import io.gatepass.server.testing.GatepassServerExtension;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API answer carries a {@code Date} header with the server's time, as AWS's do: the SDKs read it to correct a
 * client clock that is off (the SDK for JavaScript v3 retries a request refused as "Signature expired" with its clock
 * set from it; JsSdkEndToEndTest shows that end to end).
 */
class ResponseDateTest {
    private static final Duration SKEW = Duration.ofHours(1);
    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension();
    static TestServer server;
    private Duration moved = Duration.ZERO;

    @BeforeAll
    static void start() {
        server = GATEPASS.server();
    }

    @AfterEach
    void putTheClockBack() {
        server.clock().advance(moved.negated());
    }

    @Test
    void success_whateverTheProtocol_carriesTheServersTimeInImfFixdate() throws Exception {
        HttpResponse<String> sts = stsCall(server.clock());
        HttpResponse<byte[]> gameLift = gameLiftCall(server.clock());

        assertThat(sts.statusCode()).isEqualTo(200);
        assertThat(gameLift.statusCode()).isEqualTo(200);
        assertServerTime(sts);
        assertServerTime(gameLift);
        assertThat(sts.headers().firstValue("Date").orElseThrow())
                .matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
    }

    @Test
    void signatureExpired_whenTheClientClockIsAnHourBehind_carriesTheServersTimeToCorrectItBy() throws Exception {
        move(SKEW);
        HttpResponse<String> sts = stsCall(Clock.systemUTC());
        HttpResponse<byte[]> gameLift = gameLiftCall(Clock.systemUTC());

        assertThat(sts.statusCode()).isEqualTo(403);
        assertThat(sts.body()).contains("Signature expired");
        assertThat(gameLift.statusCode()).isEqualTo(400); // GameLift's InvalidSignatureException
        assertServerTime(sts);
        assertServerTime(gameLift);
    }

    @Test
    void unsignedRequest_whenRefused_carriesTheDateToo() throws Exception {
        HttpResponse<String> response = server.send("POST", "/", Map.of("Content-Type",
                "application/x-www-form-urlencoded"), "Action=GetCallerIdentity&Version=2011-06-15".getBytes());

        assertThat(response.statusCode()).isEqualTo(403);
        assertServerTime(response);
    }

    /** STS GetCallerIdentity (query protocol) as the administrator, signed at {@code signingClock}'s time. */
    private static HttpResponse<String> stsCall(Clock signingClock) throws Exception {
        return server.signedQuery(TestServer.admin(), "sts", "Action=GetCallerIdentity&Version=2011-06-15",
                signingClock);
    }

    /** GameLift ListFleets (awsJson1_1) as the administrator, signed at {@code signingClock}'s time. */
    private static HttpResponse<byte[]> gameLiftCall(Clock signingClock) throws Exception {
        return server.signed(TestServer.admin(), "gamelift", "/",
                Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", "GameLift.ListFleets"),
                "{}".getBytes(StandardCharsets.UTF_8), signingClock);
    }

    private void move(Duration by) {
        server.clock().advance(by);
        moved = moved.plus(by);
    }

    /** The answer's Date is the server's clock (not the machine's, when the test moved it), to the second. */
    private static void assertServerTime(HttpResponse<?> response) {
        Instant after = server.clock().instant();
        String header = response.headers().firstValue("Date").orElse(null);
        assertThat(header).as("Date header of %s", response.headers().map()).isNotNull();
        Instant date = ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(date).isBetween(after.minusSeconds(5), after);
    }
}
