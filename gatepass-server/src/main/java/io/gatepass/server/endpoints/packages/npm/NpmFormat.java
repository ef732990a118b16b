package io.gatepass.server.endpoints.packages.npm;

import io.gatepass.server.endpoints.packages.FormatContext;
import io.gatepass.server.endpoints.packages.PackageException;
import io.gatepass.server.endpoints.packages.PackageFormat;
import io.gatepass.server.endpoints.packages.PackageRequest;
import io.gatepass.server.endpoints.packages.PackageResponse;

/** The npm registry protocol at {@code /npm/<repository>/}. */
public final class NpmFormat implements PackageFormat {
    private final FormatContext context;

    public NpmFormat(FormatContext context) {
        this.context = context;
    }

    @Override
    public String format() {
        return "npm";
    }

    @Override
    public String challenge(String realm) {
        return "Bearer realm=\"" + realm + "\", Basic realm=\"" + realm + "\"";
    }

    @Override
    public PackageResponse handle(PackageRequest request) {
        request.access().requireRead();
        throw PackageException.json(501, "npm is not implemented yet");
    }
}
