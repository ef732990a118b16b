package io.gatepass.cli.internal.aws.login;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MavenSettingsTest {

    private static final String URL = "https://gatepass.example/codeartifact/team-111122223333/maven/libs/";
    private static final String USER_SETTINGS = """
            <?xml version='1.0' encoding='UTF-8'?>
            <!-- my settings; do not lose this comment -->
            <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                <localRepository>/data/m2</localRepository>
                <mirrors>
                    <mirror><id>corp</id><mirrorOf>central</mirrorOf><url>https://mirror.example/</url></mirror>
                </mirrors>
                <servers>
                    <!-- deploy credentials -->
                    <server>
                        <id>releases</id>
                        <username>deployer</username>
                        <password>{encrypted&amp;secret}</password>
                    </server>
                </servers>
                <profiles>
                    <profile>
                        <id>corp</id>
                        <properties><env>prod</env></properties>
                    </profile>
                </profiles>
                <activeProfiles>
                    <activeProfile>corp</activeProfile>
                </activeProfiles>
            </settings>
            """;

    @Test
    void newFile_holdsTheServerTheProfileAndItsActivation() {
        String settings = MavenSettings.withLogin(null, "team-libs", "TOKEN-1", URL);
        assertThat(settings).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <settings xmlns="http://maven.apache.org/SETTINGS/1.2.0"
                          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                          xsi:schemaLocation="http://maven.apache.org/SETTINGS/1.2.0 \
                https://maven.apache.org/xsd/settings-1.2.0.xsd">
                  <servers>
                    <server>
                      <id>team-libs</id>
                      <username>aws</username>
                      <password>TOKEN-1</password>
                    </server>
                  </servers>
                  <profiles>
                    <profile>
                      <id>team-libs</id>
                      <repositories>
                        <repository>
                          <id>team-libs</id>
                          <url>%s</url>
                        </repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository>
                          <id>team-libs</id>
                          <url>%s</url>
                        </pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles>
                    <activeProfile>team-libs</activeProfile>
                  </activeProfiles>
                </settings>
                """.formatted(URL, URL));
    }

    @Test
    void existingSettings_keepEveryLineInOrder_andGainTheLoginIndentedLikeTheirSiblings() {
        String settings = MavenSettings.withLogin(USER_SETTINGS, "team-libs", "TOKEN-1", URL);

        assertThat(isSubsequence(USER_SETTINGS.lines().toList(), settings.lines().toList())).isTrue();
        assertThat(settings).contains("""
                        </server>
                        <server>
                            <id>team-libs</id>
                            <username>aws</username>
                            <password>TOKEN-1</password>
                        </server>
                    </servers>
                """);
        assertThat(settings).contains("""
                        <activeProfile>corp</activeProfile>
                        <activeProfile>team-libs</activeProfile>
                    </activeProfiles>
                """);
        Document dom = dom(settings);
        assertThat(text(dom, "/settings/servers/server[id='releases']/password")).isEqualTo("{encrypted&secret}");
        assertThat(text(dom, "/settings/servers/server[id='team-libs']/password")).isEqualTo("TOKEN-1");
        assertThat(text(dom, "/settings/profiles/profile[id='team-libs']/repositories/repository/url"))
                .isEqualTo(URL);
        assertThat(text(dom, "/settings/mirrors/mirror/url")).isEqualTo("https://mirror.example/");
    }

    @Test
    void loggingInTwice_leavesOneOfEach_withTheNewTokenAndUrl() {
        String first = MavenSettings.withLogin(USER_SETTINGS, "team-libs", "TOKEN-1", URL);
        String second = MavenSettings.withLogin(first, "team-libs", "TOKEN-2", URL + "v2/");

        Document dom = dom(second);
        assertThat(count(dom, "/settings/servers/server[id='team-libs']")).isEqualTo(1);
        assertThat(count(dom, "/settings/profiles/profile[id='team-libs']")).isEqualTo(1);
        assertThat(count(dom, "/settings/activeProfiles/activeProfile[.='team-libs']")).isEqualTo(1);
        assertThat(text(dom, "/settings/servers/server[id='team-libs']/password")).isEqualTo("TOKEN-2");
        assertThat(text(dom, "//pluginRepository[id='team-libs']/url")).isEqualTo(URL + "v2/");
        assertThat(second.lines().count()).isEqualTo(first.lines().count());
        assertThat(MavenSettings.withLogin(second, "team-libs", "TOKEN-2", URL + "v2/")).isEqualTo(second);
    }

    @Test
    void existingServerOfTheId_keepsItsOtherChildren_andGainsWhatIsMissing() {
        String existing = """
                <settings>
                \t<servers>
                \t\t<server>
                \t\t\t<id>team-libs</id>
                \t\t\t<configuration><timeout>5</timeout></configuration>
                \t\t\t<password/>
                \t\t</server>
                \t</servers>
                </settings>
                """.replace("\n", "\r\n");
        String settings = MavenSettings.withLogin(existing, "team-libs", "TOKEN-1", URL);

        assertThat(settings).contains("\t\t\t<password>TOKEN-1</password>\r\n")
                .contains("\t\t\t<configuration><timeout>5</timeout></configuration>\r\n\t\t\t<password>")
                .contains("<password>TOKEN-1</password>\r\n\t\t\t<username>aws</username>\r\n\t\t</server>")
                .doesNotContain("\n\n").doesNotContain("  ");
        assertThat(settings.replace("\r\n", "")).doesNotContain("\n");
        assertThat(count(dom(settings), "/settings/servers/server")).isEqualTo(1);
    }

    @Test
    void emptyElementsAndPrefixedNames_areOpenedAndFilled() {
        String existing = "<m:settings xmlns:m=\"http://maven.apache.org/SETTINGS/1.0.0\"><m:servers/>"
                + "<m:activeProfiles />\n</m:settings>";
        String settings = MavenSettings.withLogin(existing, "team-libs", "TOKEN-1", URL);

        assertThat(settings).startsWith("<m:settings xmlns:m=\"http://maven.apache.org/SETTINGS/1.0.0\"><m:servers>\n"
                + "  <m:server>\n    <m:id>team-libs</m:id>");
        assertThat(settings).contains("<m:activeProfiles>\n  <m:activeProfile>team-libs</m:activeProfile>\n"
                + "</m:activeProfiles>");
        assertThat(XmlCheck.problem(settings)).isNull();
    }

    @Test
    void mavensOwnDefaultSettings_keepTheirCommentedExamples_andGainTheLogin() throws Exception {
        Path conf = Path.of("/usr/share/maven/conf/settings.xml");
        assumeTrue(Files.isRegularFile(conf), "Maven's default settings.xml at " + conf);
        String original = Files.readString(conf);
        String settings = MavenSettings.withLogin(original, "team-libs", "TOKEN-1", URL);

        assertThat(isSubsequence(original.lines().toList(), settings.lines().toList())).isTrue();
        Document dom = dom(settings);
        assertThat(text(dom, "/settings/servers/server[id='team-libs']/username")).isEqualTo("aws");
        assertThat(text(dom, "/settings/activeProfiles/activeProfile")).isEqualTo("team-libs");
    }

    @Test
    void malformedOrForeignFiles_areRefused() {
        assertThatThrownBy(() -> MavenSettings.withLogin("<settings><servers></settings>", "a", "t", URL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> MavenSettings.withLogin("<project/>", "a", "t", URL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<project>, not <settings>");
    }

    private static boolean isSubsequence(List<String> part, List<String> whole) {
        List<String> remaining = new ArrayList<>(part);
        for (String line : whole) {
            if (!remaining.isEmpty() && remaining.get(0).equals(line)) {
                remaining.remove(0);
            }
        }
        return remaining.isEmpty();
    }

    static Document dom(String xml) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + e.getMessage(), e);
        }
    }

    static String text(Document dom, String xpath) {
        try {
            return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, dom, XPathConstants.STRING);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static int count(Document dom, String xpath) {
        return Integer.parseInt(text(dom, "count(" + xpath + ")").replace(".0", ""));
    }
}
