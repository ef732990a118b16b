import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The yardstick for package benchmarks: a bare Vert.x 5 HTTP server (one event loop) that answers every request with
 * the same bytes Gatepass serves, without authentication, routing or a store. Run from the distribution's libraries:
 * {@code java -cp 'gatepass-cli/target/dist/lib/*' bench/load/BareServer.java PORT BODY-FILE CONTENT-TYPE}.
 */
public final class BareServer {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Buffer body = Buffer.buffer(Files.readAllBytes(Path.of(args[1])));
        String contentType = args[2];
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(false))
                .requestHandler(request -> request.response()
                        .putHeader("Content-Type", contentType)
                        .end(body))
                .listen(port, "127.0.0.1")
                .await();
        System.out.println("bare server ready on " + port);
    }
}
