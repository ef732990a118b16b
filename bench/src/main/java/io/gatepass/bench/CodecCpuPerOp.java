package io.gatepass.bench;

import io.gatepass.server.internal.api.Empty;
import io.gatepass.server.internal.api.OperationTable;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactService;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.GetAuthorizationTokenInput;
import io.gatepass.server.internal.api.codeartifact.CodeArtifactShapes.GetAuthorizationTokenOutput;
import io.gatepass.server.internal.api.gamelift.GameLiftService;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.ComputeInput;
import io.gatepass.server.internal.api.gamelift.GameLiftShapes.GetComputeAuthTokenOutput;
import io.gatepass.server.internal.api.rest.RestRoute;
import io.gatepass.server.internal.api.sts.StsService;
import io.gatepass.server.internal.api.sts.StsShapes.GetCallerIdentityResult;
import io.gatepass.server.internal.protocol.DecodedCall;
import io.gatepass.server.internal.protocol.ProtocolCodec;
import io.gatepass.server.internal.protocol.WireMappers;
import io.gatepass.server.internal.protocol.WireRequest;
import io.gatepass.server.internal.protocol.json.AwsJsonCodec;
import io.gatepass.server.internal.protocol.query.QueryCodec;
import io.gatepass.server.internal.protocol.rest.RestJsonCodec;
import io.gatepass.server.internal.protocol.rest.RestRoutes;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Thread CPU time and bytes allocated per decode, bind and success of each of the three token calls' wire codecs
 * (STS GetCallerIdentity over the query protocol, GameLift GetComputeAuthToken over awsJson1_1, CodeArtifact
 * GetAuthorizationToken over restJson), with the requests the AWS SDKs send and outputs of the real size; the
 * handlers are not run. CPU time, unlike wall-clock throughput, holds on a shared machine.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.gatepass.bench.CodecCpuPerOp [ops per round] [rounds]</pre>
 */
public final class CodecCpuPerOp {
    private static final String TOKEN = "eyJ2ZXIiOjEsImlzdSI6MTcwMDAwMDAwMCwiZW5jIjoiQTEyOEdDTSIsInRhZyI6Ik1USXpORFUy"
            + "TnpnNU1ERXlNelExTmpjNE9UQT0iLCJlbmNfa2V5IjoiTVRJek5EVTJOemc1TURFeU16UTFOamM0T1RBeE1qTTBOVFkzT0Rrd01USXpO"
            + "RFUyTnpnNU1EPT0iLCJpdiI6Ik1USXpORFUyTnpnNU1ERXlNelExTmpjNE9UQT0ifQ";

    private CodecCpuPerOp() {
    }

    public static void main(String[] args) {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        OperationTable table = new OperationTable()
                .add(StsService.DESCRIPTOR, "GetCallerIdentity", Empty.class, (input, context) -> null)
                .add(GameLiftService.DESCRIPTOR, "GetComputeAuthToken", ComputeInput.class, (input, context) -> null)
                .add(CodeArtifactService.DESCRIPTOR, "GetAuthorizationToken", GetAuthorizationTokenInput.class,
                        (input, context) -> null)
                .route(CodeArtifactService.DESCRIPTOR, RestRoute.of("POST", "/v1/authorization-token",
                        "GetAuthorizationToken").query("domain", "domain").query("domain-owner", "domainOwner")
                        .query("duration", "durationSeconds"));
        WireMappers mappers = new WireMappers();
        Instant expiry = Instant.parse("2026-12-07T16:00:00Z");

        measure("sts GetCallerIdentity (query)", new QueryCodec(mappers, List.of("sts", "iam")), table, "sts",
                new WireRequest("POST", "/", "", Map.of("content-type",
                        List.of("application/x-www-form-urlencoded; charset=utf-8")),
                        "Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8)),
                new GetCallerIdentityResult("AIDAEXAMPLEUSER0000001", "123456789012",
                        "arn:aws:iam::123456789012:user/ci/build-agent-42"), ops, rounds);
        measure("compute GetComputeAuthToken (awsJson1_1)", new AwsJsonCodec(mappers), table, "gamelift",
                new WireRequest("POST", "/", "", Map.of("content-type", List.of("application/x-amz-json-1.1"),
                        "x-amz-target", List.of("GameLift.GetComputeAuthToken")),
                        "{\"FleetId\":\"fleet-2222bbbb-33cc-44dd-55ee-6666ffff7777\",\"ComputeName\":\"compute-01\"}"
                                .getBytes(StandardCharsets.UTF_8)),
                new GetComputeAuthTokenOutput("fleet-2222bbbb-33cc-44dd-55ee-6666ffff7777",
                        "arn:aws:gamelift:us-east-1:123456789012:fleet/fleet-2222bbbb-33cc-44dd-55ee-6666ffff7777",
                        "compute-01", "arn:aws:gamelift:us-east-1:123456789012:compute/compute-01", TOKEN, expiry),
                ops, rounds);
        measure("authtoken GetAuthorizationToken (restJson)", new RestJsonCodec(mappers, RestRoutes.of(table)), table,
                "codeartifact", new WireRequest("POST", "/v1/authorization-token",
                        "domain=my-domain&domain-owner=123456789012&duration=43200", Map.of(), new byte[0]),
                new GetAuthorizationTokenOutput(TOKEN, expiry), ops, rounds);
    }

    private static void measure(String name, ProtocolCodec codec, OperationTable table, String scope,
                                WireRequest request, Object output, int ops, int rounds) {
        DecodedCall call = codec.decode(request, table, scope);
        System.out.println(name + ":");
        phase("decode", () -> codec.decode(request, table, scope), ops, rounds);
        phase("bind", () -> codec.bind(call), ops, rounds);
        phase("success", () -> codec.success(call, output, "c0ffee00-1234-5678-9abc-def012345678"), ops, rounds);
    }

    private static void phase(String name, Supplier<Object> op, int ops, int rounds) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        StringBuilder line = new StringBuilder(String.format("  %-8s ns CPU, bytes allocated per op by round:", name));
        Object sink = null;
        for (int round = 0; round < rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long bytes = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < ops; i++) {
                sink = op.get();
            }
            long nanos = (threads.getCurrentThreadCpuTime() - cpu) / ops;
            long allocated = (threads.getThreadAllocatedBytes(thread) - bytes) / ops;
            line.append(round < 2 ? " (warm-up " : " ").append(nanos).append(" ns ").append(allocated).append(" B")
                    .append(round < 2 ? ")" : "");
        }
        System.out.println(line + (sink == null ? " (no result)" : ""));
    }
}
