package io.gatepass.core.token;

import java.util.ArrayList;
import java.util.List;

/** Every token that differs from a valid one by one character: inserted, replaced or deleted. */
final class TokenMutations {
    private TokenMutations() {
    }

    static List<String> singleCharacterChanges(String token, char[] replacements) {
        List<String> changes = new ArrayList<>();
        for (int at = 0; at <= token.length(); at++) {
            for (char c : replacements) {
                changes.add(token.substring(0, at) + c + token.substring(at));                 // insertion
                if (at < token.length() && token.charAt(at) != c) {
                    changes.add(token.substring(0, at) + c + token.substring(at + 1));         // replacement
                }
            }
            if (at < token.length()) {
                changes.add(token.substring(0, at) + token.substring(at + 1));                 // deletion
            }
        }
        return changes;
    }
}
