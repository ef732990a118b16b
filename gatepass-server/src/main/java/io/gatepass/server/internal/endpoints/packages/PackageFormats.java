package io.gatepass.server.internal.endpoints.packages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The package formats the server serves, by name. {@code GatepassServer} builds it from the list in
 * {@link #standard}; a new format adds itself there (one line).
 */
public final class PackageFormats {
    private final Map<String, PackageFormat> byName = new LinkedHashMap<>();

    public PackageFormats(List<PackageFormat> formats) {
        for (PackageFormat format : formats) {
            if (byName.putIfAbsent(format.format(), format) != null) {
                throw new IllegalArgumentException("two package formats named " + format.format());
            }
        }
    }

    /**
     * The formats Gatepass serves.
     *
     * @param context what formats may need beyond the request (clock, limits)
     */
    public static PackageFormats standard(FormatContext context) {
        return new PackageFormats(List.of(
                new io.gatepass.server.internal.endpoints.packages.npm.NpmFormat(context),
                new io.gatepass.server.internal.endpoints.packages.maven.MavenFormat(context),
                new io.gatepass.server.internal.endpoints.packages.pypi.PypiFormat(context)));
    }

    public Optional<PackageFormat> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
