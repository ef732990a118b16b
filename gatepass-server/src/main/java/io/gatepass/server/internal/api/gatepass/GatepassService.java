package io.gatepass.server.internal.api.gatepass;

import io.gatepass.server.internal.api.Empty;
import io.gatepass.server.internal.api.ErrorSpelling;
import io.gatepass.server.internal.api.Naming;
import io.gatepass.server.internal.api.OperationTable;
import io.gatepass.server.internal.api.ServiceDescriptor;
import io.gatepass.server.internal.api.gatepass.GatepassShapes.ListServerProcessesInput;
import io.gatepass.server.internal.api.gatepass.GatepassShapes.RotateTokenKeysInput;
import io.gatepass.server.internal.api.rest.RestRoute;
import io.gatepass.server.internal.auth.Authorizer;
import io.gatepass.server.internal.tokens.ReloadingKeyRing;
import io.gatepass.store.Store;

import java.time.Duration;
import java.util.Map;

/**
 * Gatepass's own API, for what no AWS API covers (the console's token keys, a compute's server processes): restJson under {@code /gatepass/v1/},
 * a path no AWS protocol uses, signed with SigV4 for the service name {@code gatepass} and authorized as
 * {@code gatepass:<Operation>} through the same policy evaluation as every other call.
 */
public final class GatepassService {
    public static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor("gatepass", "Gatepass",
            Naming.CAMEL_CASE, GatepassErrors.VALIDATION, ErrorSpelling.json(GatepassErrors.values()));
    /** Where its routes live: the protocol selector sends these paths to restJson. */
    public static final String PATH_PREFIX = "/gatepass/";

    private GatepassService() {
    }

    /**
     * @param rings            the token key rings by their command-line names (compute, repository)
     * @param heartbeatTimeout how long a server process may send no heartbeat before it counts as unhealthy
     */
    public static void register(OperationTable table, Authorizer authorizer, String region,
                                Map<String, ReloadingKeyRing> rings, Store store, Duration heartbeatTimeout) {
        TokenKeyOperations keys = new TokenKeyOperations(authorizer, region, rings);
        ServerProcessOperations processes = new ServerProcessOperations(authorizer, region, store, heartbeatTimeout);
        table.add(DESCRIPTOR, "ListTokenKeys", Empty.class, keys::listTokenKeys)
                .add(DESCRIPTOR, "RotateTokenKeys", RotateTokenKeysInput.class, keys::rotateTokenKeys)
                .add(DESCRIPTOR, "ListServerProcesses", ListServerProcessesInput.class,
                        processes::listServerProcesses);
        table.route(DESCRIPTOR,
                RestRoute.of("GET", "/gatepass/v1/token-keys", "ListTokenKeys"),
                RestRoute.of("POST", "/gatepass/v1/token-keys/rotate", "RotateTokenKeys"),
                RestRoute.of("GET", "/gatepass/v1/fleets/{fleetId}/computes/{computeName}/processes",
                        "ListServerProcesses"));
    }
}
