package io.gatepass.cli.internal.agent;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class AgentCommandTest {

    @Test
    void help_namesTheEnvironmentVariablesAndTheLaunchCommand() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new AgentCommand()).setOut(new PrintWriter(out));
        assertThat(command.execute("--help")).isZero();
        assertThat(out.toString()).contains("GATEPASS_AGENT_FLEET_ID").contains("--token-file")
                .contains("--concurrent-processes").contains("--status-port").contains("GAMELIFT_SDK_");
    }

    @Test
    void call_withAMalformedSetting_exitsTwoBeforeContactingAnyone() {
        CommandLine command = new CommandLine(new AgentCommand());
        assertThat(command.execute("--fleet-id", "fleet-1", "--location", "custom-a", "--ip-address", "10.0.0.1",
                "--refresh-interval", "often")).isEqualTo(2);
        assertThat(command.execute("--fleet-id", "fleet-1", "--ip-address", "10.0.0.1")).isEqualTo(2);
    }
}
