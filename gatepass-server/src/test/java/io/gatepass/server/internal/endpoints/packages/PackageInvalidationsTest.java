package io.gatepass.server.internal.endpoints.packages;

import io.gatepass.core.codeartifact.PackageChanges;
import io.gatepass.core.codeartifact.PackageKey;
import io.gatepass.store.internal.cache.Invalidations;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PackageInvalidationsTest {

    @Test
    void encode_thenDecode_givesTheKeyBack_whateverCharactersItsPartsHold() {
        Random random = new Random(13);
        String alphabet = "abcXYZ019-._~@/%+ é漢";
        for (int i = 0; i < 500; i++) {
            PackageKey key = new PackageKey(part(random, alphabet, 1), part(random, alphabet, 1),
                    part(random, alphabet, 1), part(random, alphabet, 1), part(random, alphabet, 0),
                    part(random, alphabet, 1));
            assertThat(PackageInvalidations.decode(PackageInvalidations.encode(key))).contains(key);
        }
        assertThat(PackageInvalidations.decode("not a key")).isEmpty();
        assertThat(PackageInvalidations.decode("a/b/c/d/e/%zz")).isEmpty();
    }

    @Test
    void aChangeHere_reachesTheListenersOnce_andIsPublished_whileAnotherNodesChangeIsNotPublishedAgain() {
        List<String> published = new ArrayList<>();
        Invalidations.Listener[] heardFromOthers = new Invalidations.Listener[1];
        Invalidations word = new Invalidations() {
            @Override
            public void publish(String topic, String keyOrNull) {
                published.add(topic + " " + keyOrNull);
            }

            @Override
            public void listen(String topic, Listener listener) {
                heardFromOthers[0] = listener;
            }

            @Override
            public boolean listening() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        PackageChanges.Fanout changes = new PackageChanges.Fanout();
        List<PackageKey> forgotten = new ArrayList<>();
        changes.listen(forgotten::add);
        PackageInvalidations.connect(changes, word);
        PackageKey here = new PackageKey("123456789012", "team", "libs", "npm", "types", "node");
        PackageKey there = new PackageKey("123456789012", "team", "libs", "npm", "", "left-pad");

        changes.changed(here);
        heardFromOthers[0].forget(PackageInvalidations.encode(there));
        heardFromOthers[0].forget(null); // a node that missed word: packuments expire within a second anyway

        assertThat(forgotten).containsExactly(here, there);
        assertThat(published).containsExactly("package 123456789012/team/libs/npm/types/node");
    }

    private static String part(Random random, String alphabet, int minLength) {
        StringBuilder part = new StringBuilder();
        int length = minLength + random.nextInt(8);
        for (int i = 0; i < length; i++) {
            part.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                    random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return part.toString();
    }
}
