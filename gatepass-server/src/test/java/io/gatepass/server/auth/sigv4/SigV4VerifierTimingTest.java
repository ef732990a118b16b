package io.gatepass.server.auth.sigv4;

import static io.gatepass.server.auth.sigv4.SdkSigning.request;
import static io.gatepass.server.auth.sigv4.SdkSigning.signing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * A rough single-thread timing of verify (not a benchmark; JMH would be the tool for that). Off unless run with
 * {@code -Dgatepass.sigv4.timing=true}; prints nanoseconds per verification.
 */
@EnabledIfSystemProperty(named = "gatepass.sigv4.timing", matches = "true")
class SigV4VerifierTimingTest {

    @Test
    void verify_timing() {
        SignedRequest header = signing(request("POST", "/")
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                "Action=GetCallerIdentity&Version=2011-06-15").credentials(SdkSigning.temporary()).sign()
                .toSignedRequest();
        SignedRequest json = signing(request("POST", "/")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "GameLift.GetComputeAuthToken"),
                "{\"FleetId\":\"fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa\",\"ComputeName\":\"compute-1\"}")
                .service("gamelift").sign().toSignedRequest();
        SignedRequest presigned = signing(request("GET", "/").putRawQueryParameter("Action", "GetCallerIdentity")
                .putRawQueryParameter("Version", "2011-06-15"), (String) null).presigned(Duration.ofMinutes(5))
                .sign().toSignedRequest();
        SigningSecrets<String> secrets = (key, token) -> new SigningSecret<>(
                key.equals(SdkSigning.ACCESS_KEY_ID) ? SdkSigning.SECRET : SdkSigning.TEMP_SECRET, key);
        SigV4Verifier<String> cached = new SigV4Verifier<>(SdkSigning.POLICY, secrets, SdkSigning.CLOCK);
        SigV4Verifier<String> uncached = new SigV4Verifier<>(SdkSigning.POLICY, secrets, SdkSigning.CLOCK, 0);
        for (int round = 0; round < 3; round++) {
            time("query protocol, session token, cached key", cached, header);
            time("awsJson1_1, cached key", cached, json);
            time("presigned GET, cached key", cached, presigned);
            time("query protocol, key derived each time", uncached, header);
        }
    }

    /** Thread CPU time, so that other processes on a shared machine distort less. */
    private static void time(String label, SigV4Verifier<String> verifier, SignedRequest request) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int n = 300_000;
        for (int i = 0; i < n; i++) {
            verifier.verify(request);
        }
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            verifier.verify(request);
        }
        long perOp = (threads.getCurrentThreadCpuTime() - start) / n;
        System.out.printf("%-45s %6d ns/verify (CPU)%n", label, perOp);
    }
}
