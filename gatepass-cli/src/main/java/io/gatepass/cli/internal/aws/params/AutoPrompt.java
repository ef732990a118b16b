package io.gatepass.cli.internal.aws.params;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatepass.cli.internal.aws.CliException;
import io.gatepass.cli.internal.aws.CliIo;
import io.gatepass.cli.internal.aws.model.Kind;
import io.gatepass.cli.internal.aws.model.Member;
import io.gatepass.cli.internal.aws.model.StructureShape;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * --cli-auto-prompt (or AWS_CLI_AUTO_PROMPT=on|on-partial) on a terminal: asks on stderr for each required parameter
 * the command line lacks and reads the answers from stdin, in the same syntax the option takes.
 */
public final class AutoPrompt {

    private AutoPrompt() {
    }

    /**
     * Whether to prompt, only when stdin is a terminal: the flag wins over AWS_CLI_AUTO_PROMPT, which wins over the
     * profile's cli_auto_prompt (asked for only when needed; a configuration problem then means no prompting).
     */
    public static boolean enabled(Boolean flag, CliIo io, Supplier<String> profileSetting) {
        if (!io.stdinIsTerminal()) {
            return false;
        }
        if (flag != null) {
            return flag;
        }
        String mode = io.env().get("AWS_CLI_AUTO_PROMPT");
        if (mode == null) {
            try {
                mode = profileSetting.get();
            } catch (CliException e) {
                return false;
            }
        }
        return "on".equals(mode) || "on-partial".equals(mode);
    }

    /** Prompts for the missing required members and adds the answers to the parameters. */
    public static void fillIn(StructureShape input, ObjectNode parameters, ArgumentValues values, CliIo io) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8));
        for (Member member : input.members()) {
            if (!member.required() || parameters.has(member.name())) {
                continue;
            }
            io.err().print(member.cliName() + " (" + member.kind().modelName() + "): ");
            io.err().flush();
            String line;
            try {
                line = reader.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (line == null || line.isBlank()) {
                continue;
            }
            List<String> words = member.kind() == Kind.LIST
                    ? Arrays.asList(line.trim().split("\\s+")) : List.of(line.trim());
            parameters.set(member.name(), values.read(member, words));
        }
    }
}
