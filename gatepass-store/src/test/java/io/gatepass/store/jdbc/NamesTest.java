package io.gatepass.store.jdbc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTest {

    @Test
    void escapeLike_whenWildcardsAndEscape_escapesEach() {
        assertThat(Names.escapeLike("/a_b%c\\d/")).isEqualTo("/a\\_b\\%c\\\\d/");
    }

    @Test
    void fold_whenTurkishDefaultLocaleWouldDiffer_usesRootLocale() {
        assertThat(Names.fold("TITLE")).isEqualTo("title");
        assertThat(Names.fold(null)).isNull();
    }

    @Test
    void redact_whenPasswordParameter_masksOnlyItsValue() {
        assertThat(Urls.redact("jdbc:postgresql://db/x?user=u&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/x?user=u&password=***&ssl=true");
    }
}
