package io.gatepass.server.internal.endpoints.console;

import io.gatepass.server.internal.api.CatalogueEntry;
import io.gatepass.server.internal.api.ErrorSpec;

import static io.gatepass.server.internal.api.ErrorSpec.sender;

/** The console route's own refusal; a missing file is the common {@code NotFound}. */
enum ConsoleErrors implements CatalogueEntry {
    /** Anything but GET on a console path (HEAD included: the route answers GET only). */
    METHOD_NOT_ALLOWED(sender("MethodNotAllowed", 405));

    private final ErrorSpec spec;

    ConsoleErrors(ErrorSpec spec) {
        this.spec = spec;
    }

    @Override
    public ErrorSpec spec() {
        return spec;
    }
}
