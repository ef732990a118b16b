package io.gatepass.cli.internal.aws.config;

import io.gatepass.cli.internal.aws.CliIo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A private home, environment and captured streams for resolving a {@link CliConfig} in-process. */
final class TestIo {

    private final Path home;
    private final Map<String, String> env = new HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private boolean terminal;

    TestIo(Path home) {
        this.home = home;
        env.put("HOME", home.toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    TestIo env(String name, String value) {
        env.put(name, value);
        return this;
    }

    TestIo terminal(boolean terminal) {
        this.terminal = terminal;
        return this;
    }

    /** Writes a file under the home directory, e.g. {@code file(".aws/config", "[default]\nregion = eu-west-1\n")}. */
    TestIo file(String relative, String content) {
        try {
            Path path = home.resolve(relative);
            Files.createDirectories(path.getParent());
            Files.writeString(path, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CliIo io() {
        return new CliIo(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.copyOf(env), home, terminal, terminal);
    }

    CliConfig resolve(GlobalOptions options) {
        return CliConfig.resolve(options, io());
    }

    CliConfig resolve() {
        return resolve(GlobalOptions.none());
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Options builder over the record's many positions. */
    static Options options() {
        return new Options();
    }

    static final class Options {
        boolean debug;
        String endpointUrl;
        boolean noVerifySsl;
        String output;
        String profile;
        String region;
        String color;
        boolean noSignRequest;
        String caBundle;
        Integer readTimeout;
        Integer connectTimeout;
        String binaryFormat;
        boolean noCliPager;

        Options debug() { debug = true; return this; }
        Options endpointUrl(String v) { endpointUrl = v; return this; }
        Options noVerifySsl() { noVerifySsl = true; return this; }
        Options output(String v) { output = v; return this; }
        Options profile(String v) { profile = v; return this; }
        Options region(String v) { region = v; return this; }
        Options color(String v) { color = v; return this; }
        Options noSignRequest() { noSignRequest = true; return this; }
        Options caBundle(String v) { caBundle = v; return this; }
        Options readTimeout(Integer v) { readTimeout = v; return this; }
        Options connectTimeout(Integer v) { connectTimeout = v; return this; }
        Options binaryFormat(String v) { binaryFormat = v; return this; }
        Options noCliPager() { noCliPager = true; return this; }

        GlobalOptions build() {
            return new GlobalOptions(debug, endpointUrl, noVerifySsl, false, output, null, profile, region, color,
                    noSignRequest, caBundle, readTimeout, connectTimeout, binaryFormat, noCliPager, null, null, null,
                    null);
        }
    }
}
