package io.gatepass.cli;

import io.gatepass.cli.internal.agent.AgentCommand;
import io.gatepass.cli.internal.agent.AgentSetting;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each setting is declared once, in {@link Setting} or {@link AgentSetting}; everything else must agree with that
 * declaration: the commands' options (no option declared beside the enum), {@code --help}, and the README.
 */
class SettingDeclarationsTest {
    private static final Set<String> STANDARD_OPTIONS = Set.of("-h", "--help", "-V", "--version");
    /** A row of the README's serve configuration table: flag, environment, YAML key, default. */
    private static final Pattern TABLE_ROW = Pattern.compile(
            "^\\| `(--[a-z-]+)` \\| `(GATEPASS_[A-Z_]+)` \\| `([a-z-]+)` \\| (.*) \\|$", Pattern.MULTILINE);
    /** A row of the README's environment-only table. */
    private static final Pattern ENV_ROW = Pattern.compile("^\\| (`GATEPASS_[A-Z_]+`(?:, `GATEPASS_[A-Z_]+`)*) \\|",
            Pattern.MULTILINE);
    /** Read by the {@code ./gatepass} launcher script, not by Java. */
    private static final Set<String> LAUNCHER_VARIABLES = Set.of("GATEPASS_JAVA_OPTS");

    @Test
    void serveOptions_areExactlyTheDeclaredSettings_withTheirLabelsAndDescriptions() {
        assertOptionsAreTheDeclarations(new CommandLine(new ServeCommand()).getCommandSpec(), Setting.class);
    }

    @Test
    void agentOptions_areExactlyTheDeclaredSettings_withTheirLabelsAndDescriptions() {
        CommandSpec spec = new CommandLine(new AgentCommand()).getCommandSpec();
        assertOptionsAreTheDeclarations(spec, AgentSetting.class);
        assertThat(spec.positionalParameters()).singleElement().satisfies(p -> {
            assertThat(p.paramLabel()).isEqualTo(AgentSetting.LAUNCH_COMMAND.paramLabel());
            assertThat(p.description()).containsExactly(AgentSetting.LAUNCH_COMMAND.description());
        });
    }

    @Test
    void given_collectsTheFlagsOnTheCommandLine_repeatedOnesJoinedWithCommas() {
        CommandLine serve = new CommandLine(new ServeCommand());
        serve.parseArgs("--external-connection", "public:npmjs=http://a", "--port", "9800",
                "--external-connection=public:pypi=http://b", "--config", "gatepass.yaml");
        assertThat(SettingOptions.given(serve.getCommandSpec(), Setting.class)).containsExactlyInAnyOrderEntriesOf(
                Map.of(Setting.EXTERNAL_CONNECTIONS, "public:npmjs=http://a,public:pypi=http://b",
                        Setting.PORT, "9800", Setting.CONFIG, "gatepass.yaml"));

        CommandLine agent = new CommandLine(new AgentCommand());
        agent.parseArgs("--fleet-id", "fleet-1", "--", "./server", "--port", "7777");
        assertThat(SettingOptions.given(agent.getCommandSpec(), AgentSetting.class))
                .containsExactlyEntriesOf(Map.of(AgentSetting.FLEET_ID, "fleet-1"));
        assertThat(SettingOptions.arguments(agent.getCommandSpec())).containsExactly("./server", "--port", "7777");
        agent.parseArgs("--fleet-id", "fleet-2");
        assertThat(SettingOptions.arguments(agent.getCommandSpec())).isEmpty();
    }

    @Test
    void nodeHost_isHostnameElseComputername_elseTheServersDefault() {
        assertThat(ServeCommand.nodeHost(Map.of("HOSTNAME", "h1", "COMPUTERNAME", "c1"))).isEqualTo("h1");
        assertThat(ServeCommand.nodeHost(Map.of("COMPUTERNAME", "c1"))).isEqualTo("c1");
        assertThat(ServeCommand.nodeHost(Map.of())).isNull();
    }

    @Test
    void names_followTheRuleTheHelpStates_flagEnvironmentAndYamlKeyFromOneName() {
        for (Setting setting : Setting.values()) {
            assertThat(setting.env()).isEqualTo("GATEPASS_" + setting.name());
            if (setting.isOption() && setting.yamlKey() != null && setting != Setting.EXTERNAL_CONNECTIONS) {
                assertThat(setting.flag()).isEqualTo("--" + setting.yamlKey()); // the plural list is --external-connection
            }
        }
        for (AgentSetting setting : AgentSetting.values()) {
            assertThat(setting.env()).isEqualTo("GATEPASS_AGENT_" + setting.name());
            if (setting.isOption() && setting.yamlKey() != null) {
                assertThat(setting.flag()).isEqualTo("--" + setting.yamlKey());
            }
        }
    }

    @Test
    void everyDescription_namesTheDefault() {
        List<SettingKey> all = new ArrayList<>(List.of(Setting.values()));
        all.addAll(List.of(AgentSetting.values()));
        for (SettingKey setting : all) {
            if (setting.defaultValue() != null) {
                assertThat(setting.description()).as(setting.name()).contains("default")
                        .contains(setting.defaultValue());
            }
        }
    }

    @Test
    void readmeConfigurationTable_listsEverySetting_withItsFlagEnvironmentKeyAndDefault() throws IOException {
        String readme = readme();
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (Matcher row = TABLE_ROW.matcher(readme); row.find(); ) {
            rows.put(row.group(2), new String[] {row.group(1), row.group(3), row.group(4)});
        }
        Set<String> declared = new TreeSet<>();
        for (Setting setting : EnumSet.allOf(Setting.class)) {
            if (setting.form() != SettingKey.Form.OPTION && setting.form() != SettingKey.Form.REPEATABLE_OPTION) {
                continue;
            }
            declared.add(setting.env());
            String[] row = rows.get(setting.env());
            assertThat(row).as("README configuration table row for " + setting.env()).isNotNull();
            assertThat(row[0]).as(setting.env()).isEqualTo(setting.flag());
            assertThat(row[1]).as(setting.env()).isEqualTo(setting.yamlKey());
            if (setting.defaultValue() != null) {
                assertThat(row[2]).as("default of " + setting.env()).startsWith("`" + setting.defaultValue() + "`");
            }
        }
        assertThat(rows.keySet()).as("rows of settings that are not declared").isSubsetOf(declared);
    }

    @Test
    void readme_namesTheConfigFileAndEnvironmentOnlySettings_andNoOthers() throws IOException {
        String readme = readme();
        assertThat(readme).contains("`" + Setting.CONFIG.flag() + " FILE`").contains("`" + Setting.CONFIG.env() + "`")
                .contains("`" + AgentSetting.CONFIG.env() + "`");
        Set<String> listed = new TreeSet<>();
        for (Matcher row = ENV_ROW.matcher(readme); row.find(); ) {
            for (String name : row.group(1).split(", ")) {
                listed.add(name.replace("`", ""));
            }
        }
        Set<String> declared = new TreeSet<>(LAUNCHER_VARIABLES);
        for (Setting setting : Setting.values()) {
            if (setting.form() == SettingKey.Form.ENVIRONMENT) {
                declared.add(setting.env());
            }
        }
        assertThat(listed).isEqualTo(declared);
    }

    @Test
    void readme_namesEveryAgentOption() throws IOException {
        String readme = readme();
        for (AgentSetting setting : AgentSetting.values()) {
            if (setting.isOption()) {
                assertThat(readme).as(setting.flag())
                        .containsPattern("(?<![\\w-])" + Pattern.quote(setting.flag()) + "(?![\\w-])");
            }
        }
        assertThat(readme).contains("`" + AgentSetting.LAUNCH_COMMAND.env() + "`");
    }

    private static <K extends Enum<K> & SettingKey> void assertOptionsAreTheDeclarations(CommandSpec spec,
                                                                                         Class<K> keys) {
        Set<String> declared = new TreeSet<>(STANDARD_OPTIONS);
        for (K key : keys.getEnumConstants()) {
            if (!key.isOption()) {
                continue;
            }
            declared.add(key.flag());
            OptionSpec option = spec.findOption(key.flag());
            assertThat(option).as(key.flag()).isNotNull();
            assertThat(option.paramLabel()).as(key.flag()).isEqualTo(key.paramLabel());
            assertThat(option.description()).as(key.flag()).containsExactly(key.description());
            assertThat(option.isMultiValue()).as(key.flag()).isEqualTo(key.repeatable());
        }
        Set<String> options = new TreeSet<>();
        spec.options().forEach(option -> options.addAll(List.of(option.names())));
        assertThat(options).as("options of " + spec.name()).isEqualTo(declared);
    }

    private static String readme() throws IOException {
        Path here = Path.of("").toAbsolutePath();
        Path readme = here.resolve("README.md");
        if (!Files.exists(readme) || !Files.readString(readme).contains("## Configuration")) {
            readme = here.getParent().resolve("README.md");
        }
        return Files.readString(readme);
    }
}
