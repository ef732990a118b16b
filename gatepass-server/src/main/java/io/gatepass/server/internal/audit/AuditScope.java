package io.gatepass.server.internal.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The resources one API call was authorized on, so that its audit line can name the resource without every
 * operation saying it again: the {@link io.gatepass.server.internal.auth.Authorizer}, through which every operation
 * authorizes {@code service:Operation} on its resource ARN, notes each (action, resource) here, and the pipeline,
 * which opens the scope around the call on its worker thread, reads it back. Outside a scope noting does nothing.
 *
 * <p>Each thread has one scope, reused by its calls (a thread runs one call at a time): {@link #open} empties it,
 * and what it noted stays readable after {@link #close} until the thread's next {@code open}.
 */
public final class AuditScope implements AutoCloseable {
    private static final ThreadLocal<AuditScope> CURRENT = ThreadLocal.withInitial(AuditScope::new);
    private static final int MAX_NOTED = 16;

    private final List<String[]> authorized = new ArrayList<>(2);
    /** Whether a call is running in this scope (between {@link #open} and {@link #close}). */
    private boolean open;

    private AuditScope() {
    }

    /** Starts noting for the call running on this thread. */
    public static AuditScope open() {
        AuditScope scope = CURRENT.get();
        scope.authorized.clear();
        scope.open = true;
        return scope;
    }

    /** Notes that {@code action} is being authorized on {@code resource} (before the decision). */
    public static void authorizing(String action, String resource) {
        AuditScope scope = CURRENT.get();
        if (scope.open && scope.authorized.size() < MAX_NOTED) {
            scope.authorized.add(new String[] {action, resource});
        }
    }

    /**
     * The resource the call's own action was authorized on; else the first specific (not {@code *}) resource any
     * action was authorized on; else null.
     */
    public String resource(String action) {
        for (String[] noted : authorized) {
            if (noted[0].equals(action) && !"*".equals(noted[1])) {
                return noted[1];
            }
        }
        for (String[] noted : authorized) {
            if (!"*".equals(noted[1])) {
                return noted[1];
            }
        }
        return null;
    }

    @Override
    public void close() {
        open = false;
    }
}
