package io.gatepass.cli.internal.store;

import io.gatepass.server.internal.bootstrap.DataDirectory;
import io.gatepass.store.Store;
import io.gatepass.store.internal.jdbc.StoreCopy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/**
 * {@code gatepass store}: moving and keeping a store's data. {@code copy} moves everything from one store into a new,
 * empty one (a laptop's data directory into a PostgreSQL cluster, or back); {@code backup} writes a store into one
 * zip file and {@code restore} copies such a file into a new, empty store. The store being read must not be in use by
 * an embedded server (H2 locks its file); a PostgreSQL source is read as one consistent snapshot while nodes run.
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Copy, back up and restore a Gatepass store (embedded data directory or PostgreSQL).",
        subcommands = {StoreCommand.Copy.class, StoreCommand.Backup.class, StoreCommand.Restore.class})
public final class StoreCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = "Copy every account, identity, fleet, compute, domain, repository and package from one "
                    + "store into a new, empty one. Secrets stay encrypted: start the target with the source's "
                    + "master key.")
    static final class Copy implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "DIR|JDBC_URL",
                description = "The store to read: a data directory or jdbc:postgresql://...")
        String from;

        @Option(names = "--to", required = true, paramLabel = "DIR|JDBC_URL",
                description = "The new, empty store to write: a data directory or jdbc:postgresql://...")
        String to;

        @Override
        public Integer call() {
            return reportingFailures(spec, () -> {
                StoreLocation source = StoreLocation.parse(from);
                StoreLocation target = StoreLocation.parse(to);
                PrintWriter out = spec.commandLine().getOut();
                StoreTransfer.copy(source, target, out);
                StoreTransfer.carryMasterKey(source.masterKeyFile(), target, out);
            });
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Write a store into one zip file (an embedded store and, for a data directory, its master "
                    + "key: keep the file as secret as the key).")
    static final class Backup implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--from", paramLabel = "DIR|JDBC_URL", defaultValue = "./gatepass-data",
                description = "The store to back up (default ./gatepass-data)")
        String from;

        @Option(names = "--output", required = true, paramLabel = "FILE", description = "The zip file to write")
        Path output;

        @Override
        public Integer call() {
            return reportingFailures(spec, this::backup);
        }

        private void backup() throws IOException {
            StoreLocation source = StoreLocation.parse(from);
            Path work = Files.createTempDirectory("gatepass-backup");
            try {
                StoreLocation staging = new StoreLocation(work.resolve("store"), null);
                StoreTransfer.copy(source, staging, spec.commandLine().getOut());
                if (source.embedded() && Files.exists(source.masterKeyFile())) {
                    Files.copy(source.masterKeyFile(), staging.masterKeyFile(), StandardCopyOption.COPY_ATTRIBUTES);
                }
                BackupArchive.write(staging.dataDir(), output.toAbsolutePath());
            } finally {
                BackupArchive.deleteTree(work);
            }
            spec.commandLine().getOut().println("Backup written to " + output.toAbsolutePath()
                    + (source.embedded() ? " (it holds the master key: keep it secret)"
                    : " (without a master key: keep the cluster's GATEPASS_MASTER_KEY with it)"));
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Copy a backup made by 'gatepass store backup' into a new, empty store.")
    static final class Restore implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--input", required = true, paramLabel = "FILE", description = "The backup zip file")
        Path input;

        @Option(names = "--to", paramLabel = "DIR|JDBC_URL", defaultValue = "./gatepass-data",
                description = "The new, empty store to restore into (default ./gatepass-data)")
        String to;

        @Override
        public Integer call() {
            return reportingFailures(spec, this::restore);
        }

        private void restore() throws IOException {
            StoreLocation target = StoreLocation.parse(to);
            Path work = Files.createTempDirectory("gatepass-restore");
            try {
                Path unpacked = work.resolve("store");
                BackupArchive.read(input.toAbsolutePath(), unpacked);
                StoreLocation staging = new StoreLocation(unpacked, null);
                StoreTransfer.copy(staging, target, spec.commandLine().getOut());
                StoreTransfer.carryMasterKey(staging.masterKeyFile(), target, spec.commandLine().getOut());
            } finally {
                BackupArchive.deleteTree(work);
            }
        }
    }

    /** Work that may fail for reasons the user can act on. */
    @FunctionalInterface
    interface Work {
        void run() throws IOException;
    }

    /** Runs the work; a failure is one line on stderr ("gatepass store copy: ...") and exit status 1, no trace. */
    static int reportingFailures(CommandSpec spec, Work work) {
        try {
            work.run();
            return 0;
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() != null ? e.getMessage() : e.toString();
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + message);
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    /** Opens both stores (the target created if missing), copies, and reports. */
    static final class StoreTransfer {
        private StoreTransfer() {
        }

        static StoreCopy.Report copy(StoreLocation source, StoreLocation target, PrintWriter out) {
            long started = System.nanoTime();
            try (Store from = source.open(false); Store to = target.open(true)) {
                if (target.embedded()) {
                    DataDirectory.prepare(target.dataDir()); // owner-only, as the server keeps it
                }
                StoreCopy.Report report = StoreCopy.copy(from, source.blobs(from), to, target.blobs(to));
                out.printf("Copied %,d rows of %d tables and %,d package blobs (%,d bytes) from %s to %s in %.1f s%n",
                        report.totalRows(), report.rows().size(), report.blobs(), report.blobBytes(), source, target,
                        (System.nanoTime() - started) / 1e9);
                out.flush();
                if (target.embedded()) {
                    DataDirectory.tighten(target.dataDir()); // the files the copy created
                }
                return report;
            }
        }

        /**
         * The copied secrets open only with the source's master key: put it beside an embedded target, or say how to
         * give it to PostgreSQL nodes.
         */
        static void carryMasterKey(Path sourceKey, StoreLocation target, PrintWriter out) throws IOException {
            if (sourceKey == null || !Files.exists(sourceKey)) {
                out.println("Start the target with the source's master key (GATEPASS_MASTER_KEY, or "
                        + StoreLocation.MASTER_KEY_FILE + " in its data directory): the secrets stay encrypted"
                        + " with it.");
            } else if (target.embedded()) {
                Path targetKey = target.masterKeyFile();
                if (Files.exists(targetKey) && Files.mismatch(sourceKey, targetKey) != -1) {
                    throw new IllegalStateException(targetKey + " is another master key; the copied secrets open"
                            + " only with " + sourceKey);
                }
                Files.copy(sourceKey, targetKey, StandardCopyOption.REPLACE_EXISTING);
                DataDirectory.tighten(target.dataDir());
                out.println("Master key copied to " + targetKey);
            } else {
                out.println("Start every node on " + target + " with the source's master key: GATEPASS_MASTER_KEY=\"$(cat "
                        + sourceKey + ")\", or that file as master.key in each node's data directory.");
            }
            out.flush();
        }
    }
}
