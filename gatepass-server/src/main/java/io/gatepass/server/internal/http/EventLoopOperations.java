package io.gatepass.server.internal.http;

import java.util.Set;

/**
 * The operations the front door first tries on the event loop ({@link ApiPipeline#handleWithoutBlocking}): the token
 * calls and who-am-I, whose reads are all cached and whose only other effect is a store write (which sends the
 * request to a worker before it happens). Everything else always runs on a worker.
 */
final class EventLoopOperations {
    private static final Set<String> OPERATIONS = Set.of(
            "gamelift:GetComputeAuthToken",
            "codeartifact:GetAuthorizationToken",
            "sts:GetCallerIdentity");

    private EventLoopOperations() {
    }

    /** @param action {@code signingName:Operation} */
    static boolean allows(String action) {
        return OPERATIONS.contains(action);
    }
}
