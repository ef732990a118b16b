package io.gatepass.cli.internal.aws.call;

import io.gatepass.cli.internal.aws.call.direct.DirectCall;
import io.gatepass.cli.internal.aws.model.AwsService;
import software.amazon.awssdk.regions.ServiceMetadata;

import javax.crypto.Mac;
import java.security.GeneralSecurityException;

/**
 * Initialises, on a second thread, what building and signing any service call needs and what costs a cold process
 * most: the SDK's region and service metadata (every client build resolves its signing region through
 * {@code ServiceMetadata.of}, which initialises the region and partition metadata, ~60 generated classes, and the
 * service's own: in gatepass-cli.jar only that one, see gatepass-cli/src/build/LazyServiceMetadata.java) and the
 * JCE's HmacSHA256 that SigV4 signs with. The main thread meanwhile parses the arguments and reads the config and
 * credential files; when it reaches the same classes it waits for their initialisation or finds it done. For an
 * operation of the JSON services (CodeArtifact, GameLift), whose calls go without an SDK client when an endpoint is
 * configured, it is the SDK's JSON protocol factory and signer first, then the region metadata all the same: the
 * configuration that decides the route is read meanwhile, and without an endpoint (or with --debug, ...) the call
 * takes the SDK client. {@code codeartifact login} always takes the SDK client. Nothing here is observable: a failure
 * is left for the call itself to meet and report.
 */
public final class ClientWarmUp {

    private ClientWarmUp() {
    }

    /**
     * Starts the warm-up for a call to the service; the daemon thread never delays the process's exit.
     *
     * @param sdkClientOnly the call always takes the SDK client ({@code codeartifact login})
     */
    public static void start(AwsService service, boolean sdkClientOnly) {
        Thread thread = new Thread(() -> run(service, sdkClientOnly), "gatepass-client-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run(AwsService service, boolean sdkClientOnly) {
        try {
            if (service.jsonProtocol().isPresent() && !sdkClientOnly) {
                DirectCall.warmUp(); // the JSON services' calls usually go without an SDK client (DirectCall)
            }
            ServiceMetadata.of(service.cliName()); // the SDK client's, which the call may still take
            Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
            // the call meets the same problem where it is reported
        }
    }
}
