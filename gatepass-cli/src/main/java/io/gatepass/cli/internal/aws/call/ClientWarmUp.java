package io.gatepass.cli.internal.aws.call;

import io.gatepass.cli.internal.aws.model.AwsService;
import io.gatepass.cli.internal.aws.model.OperationModel;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.ServiceMetadata;

import javax.crypto.Mac;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs, on a second thread, the one-time work of a cold process's first SDK call, while the main thread parses the
 * arguments and reads the config and credential files: the SDK's region and service metadata (every client build
 * resolves its signing region through {@code ServiceMetadata.of}, which initialises all ~370 generated metadata
 * classes: the longest single piece of a call's start-up), the JCE's HmacSHA256 that SigV4 signs with, and then a dry
 * run of the operation itself: a client of the same service built the way the call's is, and the operation, with an
 * empty request, through the SDK's whole request pipeline (marshalling, signing, the HTTP client's request
 * preparation, unmarshalling) against {@link OfflineHttpClient}, which sends nothing. The main thread finds those
 * classes initialised and their code run once, or waits for the work in progress where it would otherwise have done
 * it itself. Nothing here is observable: no network, no output, made-up credentials; any failure is swallowed and left
 * for the call itself to meet and report.
 */
public final class ClientWarmUp {

    /** Never contacted: the dry run's requests stop at {@link OfflineHttpClient}. */
    private static final URI NOWHERE = URI.create("http://127.0.0.1");

    /** The call a warm-up begun by {@link #begin()} waits for, until {@link #start} names it. */
    private static final AtomicReference<CompletableFuture<Call>> NEXT_CALL = new AtomicReference<>();

    private record Call(AwsService service, String operationName) {
    }

    private ClientWarmUp() {
    }

    /**
     * Starts the metadata and HMAC work at once, before the service and operation are known (the metadata is the same
     * for every service): the command line calls this first thing, so that the longest piece starts as early as it
     * can. The dry run follows when {@link #start} names the call; if none follows, the daemon thread just waits.
     */
    public static void begin() {
        CompletableFuture<Call> call = new CompletableFuture<>();
        NEXT_CALL.set(call);
        thread(() -> {
            metadataAndHmac();
            Call next = call.join();
            dryRunQuietly(next.service(), next.operationName());
        });
    }

    /**
     * A call (or login) of the service follows: the warm-up begun by {@link #begin()} goes on with its dry run, or, if
     * none was begun, a warm-up for this call starts now. The daemon thread never delays the process's exit.
     */
    public static void start(AwsService service, String operationName) {
        CompletableFuture<Call> begun = NEXT_CALL.getAndSet(null);
        if (begun != null) {
            begun.complete(new Call(service, operationName));
        } else {
            thread(() -> {
                metadataAndHmac();
                dryRunQuietly(service, operationName);
            });
        }
    }

    private static void thread(Runnable work) {
        Thread thread = new Thread(work, "gatepass-client-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void metadataAndHmac() {
        try {
            ServiceMetadata.of(AwsService.CODEARTIFACT.cliName()); // initialises every service's metadata
            Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
            // the call meets the same problem where it is reported
        }
    }

    private static void dryRunQuietly(AwsService service, String operationName) {
        try {
            dryRun(service, operationName, NOWHERE);
        } catch (RuntimeException | LinkageError e) {
            // as above
        }
    }

    /** Calls the operation (if it is one and streams nothing) with an empty request on an offline client. */
    static void dryRun(AwsService service, String operationName, URI endpoint) {
        Optional<OperationModel> operation = service.operation(operationName);
        if (operation.isPresent() && !operation.get().streaming()) {
            try (SdkClient client = ServiceClients.offline(service, new OfflineHttpClient(), endpoint)) {
                operation.get().call(client, operation.get().emptyRequest());
            }
        }
    }
}
