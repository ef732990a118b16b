package io.gatepass.cli.internal.aws.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.gatepass.cli.internal.aws.config.TestIo.options;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link CliConfig#openOutput()}: stdout, or the pager when stdout is a terminal. */
class CliConfigOutputTest {

    @TempDir
    Path home;

    @Test
    void openOutput_onATerminal_pipesThroughThePagerAndWaitsForIt() throws IOException {
        Path paged = home.resolve("paged.txt");
        TestIo io = new TestIo(home).terminal(true).env("AWS_PAGER", "tee " + paged);
        try (PrintStream out = io.resolve().openOutput()) {
            out.println("{\"FleetIds\": []}");
        }
        assertThat(paged).hasContent("{\"FleetIds\": []}");
        assertThat(io.out()).isEqualTo("{\"FleetIds\": []}\n");
    }

    @Test
    void openOutput_whenStdoutIsNoTerminal_writesStraightToStdout() {
        Path paged = home.resolve("paged.txt");
        TestIo io = new TestIo(home).terminal(false).env("AWS_PAGER", "tee " + paged);
        try (PrintStream out = io.resolve().openOutput()) {
            out.println("plain");
        }
        assertThat(paged).doesNotExist();
        assertThat(io.out()).isEqualTo("plain\n");
    }

    @Test
    void openOutput_withNoCliPager_writesStraightToStdoutEvenOnATerminal() {
        Path paged = home.resolve("paged.txt");
        TestIo io = new TestIo(home).terminal(true).file(".aws/config", "[default]\ncli_pager = tee " + paged + "\n");
        try (PrintStream out = io.resolve(options().noCliPager().build()).openOutput()) {
            out.println("plain");
        }
        assertThat(paged).doesNotExist();
        assertThat(io.out()).isEqualTo("plain\n");
    }

    @Test
    void openOutput_whenNothingIsWritten_neverStartsThePager() {
        Path started = home.resolve("started");
        TestIo io = new TestIo(home).terminal(true).env("AWS_PAGER", "touch " + started + "; cat");
        io.resolve().openOutput().close();
        assertThat(started).doesNotExist();
    }

    @Test
    void openOutput_givesThePagerLessFlagsLikeAws() throws IOException {
        Path flags = home.resolve("flags");
        TestIo io = new TestIo(home).terminal(true).env("AWS_PAGER", "cat > /dev/null; echo \"$LESS\" > " + flags);
        try (PrintStream out = io.resolve().openOutput()) {
            out.println("x");
        }
        assertThat(Files.readString(flags)).isEqualTo("FRX\n");
    }

    @Test
    void openOutput_whenThePagerQuitsEarly_doesNotFail() {
        TestIo io = new TestIo(home).terminal(true).env("AWS_PAGER", "head -c 1");
        try (PrintStream out = io.resolve().openOutput()) {
            for (int i = 0; i < 20_000; i++) {
                out.println("line " + i);
            }
        }
        assertThat(io.out()).isEqualTo("l");
    }

    @Test
    void openOutput_whenThePagerIsNotInstalled_writesToStdoutInstead() {
        TestIo io = new TestIo(home).terminal(true).env("AWS_PAGER", "no-such-pager-installed -R");
        try (PrintStream out = io.resolve().openOutput()) {
            out.println("still shown");
        }
        assertThat(io.out()).isEqualTo("still shown\n");
    }
}
