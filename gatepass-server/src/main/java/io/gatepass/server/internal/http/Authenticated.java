package io.gatepass.server.internal.http;

import io.gatepass.core.identity.Principal;

/** Who signed a request, and for which service the signature was scoped. */
public record Authenticated(Principal principal, String scopeService) {
}
