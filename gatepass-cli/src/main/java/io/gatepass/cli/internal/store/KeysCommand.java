package io.gatepass.cli.internal.store;

import io.gatepass.core.internal.crypto.MasterKey;
import io.gatepass.core.internal.crypto.SecretCipher;
import io.gatepass.core.token.ComputeAuthTokens;
import io.gatepass.core.token.KeyRing;
import io.gatepass.core.token.RepositoryTokens;
import io.gatepass.core.token.SigningKey;
import io.gatepass.server.internal.tokens.StoredKeyRing;
import io.gatepass.store.Store;
import io.gatepass.cli.ProcessEnvironment;
import io.gatepass.cli.Setting;
import io.gatepass.cli.SettingsResolver;
import io.gatepass.server.config.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code gatepass keys}: the token signing key rings of a store. {@code rotate} adds a new key to each ring now (the
 * running nodes load it, report it, and it starts signing once all of them have it; old keys keep verifying until
 * the tokens they signed have expired). {@code list} shows the keys without their secrets. Needs the store's master
 * key: {@code GATEPASS_MASTER_KEY}, or an embedded store's {@code master.key}.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Rotate and list the token signing keys of a Gatepass store.",
        subcommands = {KeysCommand.Rotate.class, KeysCommand.ListKeys.class})
public final class KeysCommand implements Runnable {
    /**
     * A token key ring.
     *
     * @param name             its name on the command line
     * @param purpose          its keys' purpose in the store
     * @param maxTokenLifetime the longest lifetime of the tokens it signs, as the server gives its ring: the compute
     *                         token lifetime (default of {@code --compute-token-ttl}), and
     *                         {@link RepositoryTokens#MAX_LIFETIME}
     */
    record Ring(String name, String purpose, Duration maxTokenLifetime) {
    }

    /** The rings, by the name the command line uses. */
    static final List<Ring> RINGS = List.of(
            new Ring("compute", ComputeAuthTokens.KEY_PURPOSE, ServerConfig.DEFAULT_COMPUTE_TOKEN_TTL),
            new Ring("repository", RepositoryTokens.KEY_PURPOSE, RepositoryTokens.MAX_LIFETIME));

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Add a new signing key to the compute and repository token key rings. Running nodes pick "
                    + "it up within a minute; it signs once every running node has it, at the latest 5 minutes from "
                    + "now. An embedded store must not be in use by a server (it rotates on its own schedule, "
                    + "--token-key-rotation).")
    static final class Rotate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOption store;

        @Option(names = "--ring", paramLabel = "compute|repository|all", defaultValue = "all",
                description = "Which key ring to rotate (default all)")
        String ring;

        @Override
        public Integer call() {
            return StoreCommand.reportingFailures(spec, () -> {
                StoreLocation location = store.location();
                List<Ring> rings = RINGS.stream().filter(r -> ring.equals("all") || ring.equals(r.name())).toList();
                if (rings.isEmpty()) {
                    throw new IllegalArgumentException("--ring is compute, repository or all, not '" + ring + "'");
                }
                PrintWriter out = spec.commandLine().getOut();
                try (Store opened = location.open(false)) {
                    StoredKeyRing keys = new StoredKeyRing(opened.tokenKeys(), cipher(location));
                    for (Ring r : rings) {
                        KeyRing rotated = KeyRing.rotate(keys, r.purpose(), r.maxTokenLifetime(),
                                Clock.systemUTC(), new SecureRandom());
                        SigningKey added = rotated.newest();
                        out.printf("Added %s key %s; it signs once every running node has loaded it, at the latest"
                                + " at %s%n", r.name(), added.keyId(), added.createdAt().plus(KeyRing.ACTIVATION_DELAY));
                    }
                }
                out.flush();
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the token signing keys (ids and times, never secrets).")
    static final class ListKeys implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOption store;

        @Override
        public Integer call() {
            return StoreCommand.reportingFailures(spec, () -> {
                PrintWriter out = spec.commandLine().getOut();
                try (Store opened = store.location().open(false)) {
                    Instant now = Instant.now();
                    for (Ring r : RINGS) {
                        opened.tokenKeys().load(r.purpose()).forEach(k -> out.printf("%-10s %s created %s%s%n",
                                r.name(), k.keyId(), k.createdAt(), k.signsFromOrNull() != null
                                        ? ", signs from " + k.signsFromOrNull()
                                        : k.createdAt().plus(KeyRing.ACTIVATION_DELAY).isAfter(now)
                                        ? ", waiting for every node to load it" : ""));
                    }
                }
                out.flush();
            });
        }
    }

    /** The master key as the server finds it, but never created here: a new one could not decrypt the store. */
    static SecretCipher cipher(StoreLocation location) throws IOException {
        // the environment only: keys has no --config
        String configured = new SettingsResolver<>(Setting.class, Map.of(), ProcessEnvironment.variables()::get,
                (Path) null).get(Setting.MASTER_KEY);
        if (configured == null && (!location.embedded() || !Files.exists(location.masterKeyFile()))) {
            throw new IllegalArgumentException("No master key: set " + Setting.MASTER_KEY.env()
                    + " to the one the nodes use"
                    + (location.embedded() ? " (there is no " + location.masterKeyFile() + ")" : ""));
        }
        return new SecretCipher(MasterKey.load(configured, location.embedded() ? location.dataDir() : null));
    }
}
