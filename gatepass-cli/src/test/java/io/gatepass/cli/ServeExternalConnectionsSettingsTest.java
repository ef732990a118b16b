package io.gatepass.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServeExternalConnectionsSettingsTest {

    @Test
    void externalConnections_readsNameEqualsUrlPairs_keepingEqualsSignsInTheUrl() {
        assertThat(ServeCommand.externalConnections("public:npmjs=http://127.0.0.1:4873,"
                + " public:pypi=https://mirror.example/pypi?token=a=b"))
                .containsExactly(Map.entry("public:npmjs", "http://127.0.0.1:4873"),
                        Map.entry("public:pypi", "https://mirror.example/pypi?token=a=b"));
        assertThat(ServeCommand.externalConnections(null)).isEmpty();
    }

    @Test
    void externalConnections_whenAnEntryIsNotNameEqualsUrl_saysWhatItTakes() {
        assertThatThrownBy(() -> ServeCommand.externalConnections("public:npmjs"))
                .hasMessageContaining("NAME=URL").hasMessageContaining("public:npmjs");
        // the first '=' ends the name: an empty name is refused even when the URL's query holds '=', and a URL whose
        // query ends in '=' is kept whole
        assertThatThrownBy(() -> ServeCommand.externalConnections("=http://h/?a=b"))
                .hasMessageContaining("NAME=URL").hasMessageContaining("=http://h/?a=b");
        assertThat(ServeCommand.externalConnections("public:npmjs=http://h/?x="))
                .containsExactly(Map.entry("public:npmjs", "http://h/?x="));
    }
}
