package io.gatepass.core.policy;

/**
 * IAM's wildcard match: {@code *} matches any run of characters (including none, and including {@code :} and
 * {@code /}), {@code ?} matches exactly one character, everything else matches itself. There is no escape character.
 *
 * <p>Iterative two-pointer match that backtracks only to the most recent {@code *}: at worst O(pattern × input)
 * steps, no recursion, no regular expressions, no allocation. Characters are UTF-16 units, so {@code ?} matches one
 * unit (IAM's actions and ARNs are ASCII in practice).
 */
final class Glob {
    private Glob() {
    }

    /**
     * Whether {@code input} matches {@code pattern}.
     *
     * @param ignoreCase compare literal characters as {@link String#equalsIgnoreCase} does (actions);
     *                   false for case-sensitive matching (ARNs, StringLike)
     */
    static boolean matches(String pattern, String input, boolean ignoreCase) {
        int p = 0;
        int s = 0;
        int starP = -1;     // position of the last '*' seen in the pattern
        int starS = -1;     // input position that '*' is currently made to end at
        int plen = pattern.length();
        int slen = input.length();
        while (s < slen) {
            if (p < plen) {
                char pc = pattern.charAt(p);
                if (pc == '*') {
                    starP = p++;
                    starS = s;
                    continue;
                }
                if (pc == '?' || same(pc, input.charAt(s), ignoreCase)) {
                    p++;
                    s++;
                    continue;
                }
            }
            if (starP < 0) {
                return false;
            }
            // let the last '*' swallow one more character and retry the rest of the pattern after it
            p = starP + 1;
            s = ++starS;
        }
        while (p < plen && pattern.charAt(p) == '*') {
            p++;
        }
        return p == plen;
    }

    /** Whether the text contains a wildcard character. */
    static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        if (a == b) {
            return true;
        }
        if (!ignoreCase) {
            return false;
        }
        char ua = Character.toUpperCase(a);
        char ub = Character.toUpperCase(b);
        return ua == ub || Character.toLowerCase(ua) == Character.toLowerCase(ub);
    }
}
