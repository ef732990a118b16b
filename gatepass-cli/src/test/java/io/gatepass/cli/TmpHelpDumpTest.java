package io.gatepass.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

class TmpHelpDumpTest {
    @Test
    void dump() throws Exception {
        StringBuilder all = new StringBuilder();
        for (String[] args : new String[][] {{"serve", "--help"}, {"agent", "--help"}, {"keys", "--help"},
                {"keys", "rotate", "--help"}, {"keys", "list", "--help"}, {"store", "copy", "--help"},
                {"store", "backup", "--help"}, {"store", "restore", "--help"}, {"--help"}}) {
            StringWriter out = new StringWriter();
            CommandLine line = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(out));
            int rc = line.execute(args);
            all.append("### ").append(String.join(" ", args)).append(" rc=").append(rc).append('\n').append(out);
        }
        Files.writeString(Path.of(System.getProperty("helpdump", "/tmp/help-dump.txt")), all);
    }
}
