package io.gatepass.cli.internal.store;

import picocli.CommandLine.Option;

/** The {@code --store DIR|JDBC_URL} option of the commands that work on one existing store ({@code keys}). */
final class StoreOption {
    @Option(names = "--store", paramLabel = "DIR|JDBC_URL", defaultValue = "./gatepass-data",
            description = "The store: a data directory or jdbc:postgresql://... (default ./gatepass-data)")
    String store;

    StoreLocation location() {
        return StoreLocation.parse(store);
    }
}
