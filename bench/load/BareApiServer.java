import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * The yardstick for the signed API calls and the SDK websocket: a bare Vert.x 5 HTTP server (one event loop) that
 * answers with bodies of the shape Gatepass answers, without authentication, routing beyond one header, or a store.
 * It reads the whole request body first (as any server of a signed API must), then answers: {@code X-Amz-Target}
 * present → a GetComputeAuthToken-shaped JSON; {@code /v1/authorization-token} → a GetAuthorizationToken-shaped JSON;
 * anything else → an STS GetCallerIdentity-shaped XML. A websocket upgrade is accepted and each text frame answered
 * with an SDK-shaped reply. Run from the distribution's libraries:
 * {@code java -cp 'gatepass-cli/target/dist/lib/*' bench/load/BareApiServer.java PORT}.
 */
public final class BareApiServer {
    private static final Buffer COMPUTE = Buffer.buffer("""
            {"AuthToken":"gpc1-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRS","ComputeArn":\
            "arn:aws:gamelift:us-east-1:123456789012:compute/fleet-12345678-1234-1234-1234-123456789012/compute-07",\
            "ComputeName":"compute-07","ExpirationTimestamp":1.7650176E9,"FleetArn":\
            "arn:aws:gamelift:us-east-1:123456789012:fleet/fleet-12345678-1234-1234-1234-123456789012",\
            "FleetId":"fleet-12345678-1234-1234-1234-123456789012"}""");
    private static final Buffer AUTH_TOKEN = Buffer.buffer("""
            {"authorizationToken":"gpca1.k1.eyJvIjoiMTIzNDU2Nzg5MDEyIiwiYSI6IjEyMzQ1Njc4OTAxMiIsInAiOiJhcm46YXdzOmlhbTo6\
            MTIzNDU2Nzg5MDEyOnJvb3QiLCJkIjoiYmVuY2giLCJjIjoxNzY1MDAwMDAwMDAwLCJlIjoxNzY1MDE3MDAwfQ.\
            0123456789abcdefghijklmnopqrstuvwxyzABCDEF","expiration":1.7650179E9}""");
    private static final Buffer CALLER = Buffer.buffer("""
            <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <GetCallerIdentityResult>
                <Arn>arn:aws:iam::123456789012:root</Arn>
                <UserId>123456789012</UserId>
                <Account>123456789012</Account>
              </GetCallerIdentityResult>
              <ResponseMetadata>
                <RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>
              </ResponseMetadata>
            </GetCallerIdentityResponse>
            """);
    private static final String REPLY = """
            {"Action":"HeartbeatServerProcess","RequestId":"%s","StatusCode":200,"ErrorMessage":""}""";

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(false))
                .webSocketHandler(socket -> socket.textMessageHandler(text -> socket.writeTextMessage(
                        REPLY.formatted(requestId(text)))))
                .requestHandler(BareApiServer::answer)
                .listen(port, "127.0.0.1")
                .await();
        System.out.println("bare server ready on " + port);
    }

    private static void answer(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            if (request.getHeader("X-Amz-Target") != null) {
                request.response().putHeader("Content-Type", "application/x-amz-json-1.1").end(COMPUTE);
            } else if (request.path().startsWith("/v1/authorization-token")) {
                request.response().putHeader("Content-Type", "application/json").end(AUTH_TOKEN);
            } else {
                request.response().putHeader("Content-Type", "text/xml").end(CALLER);
            }
        });
    }

    private static String requestId(String frame) {
        int at = frame.indexOf("\"RequestId\":\"");
        return at < 0 ? "" : frame.substring(at + 13, frame.indexOf('"', at + 13));
    }
}
